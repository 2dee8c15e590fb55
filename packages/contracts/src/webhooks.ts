import { z } from "zod";

/**
 * The events a webhook endpoint may subscribe to, grouped as the admin shows them (docs/WEBHOOKS.md
 * has each payload). `webhook.test` is sent only by "send test event" and needs no subscription.
 */
export const WEBHOOK_EVENT_GROUPS = {
  Stock: ["stock.updated", "stock.low", "stock.out", "stock.restored"],
  Holds: ["hold.created", "hold.expired"],
  Orders: ["order.created", "order.status_changed"],
  Lots: ["lot.expiring", "lot.expired"],
  "Purchase orders": [
    "purchase_order.drafted",
    "purchase_order.approved",
    "purchase_order.rejected",
    "purchase_order.cancelled",
    "purchase_order.shipment_confirmed",
    "purchase_order.partially_received",
    "purchase_order.received",
  ],
} as const;
export const WEBHOOK_EVENT_TYPES = Object.values(WEBHOOK_EVENT_GROUPS).flat() as WebhookEventType[];
export type WebhookEventType = (typeof WEBHOOK_EVENT_GROUPS)[keyof typeof WEBHOOK_EVENT_GROUPS][number];
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_DELIVERY_STATUSES = ["PENDING", "QUEUED", "DELIVERED", "FAILED"] as const;
export const MAX_WEBHOOK_ENDPOINTS = 20;

const endpointId = z.string().uuid("Endpoint id must be a UUID.");
const webhookUrl = z
  .string()
  .trim()
  .max(2_000, "Use at most 2,000 characters.")
  .url("Enter a full URL, e.g. https://example.com/hooks/stock.")
  .refine((url) => /^https?:\/\//i.test(url), "Use an http:// or https:// URL.");
const eventTypes = z
  .array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]]))
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((types) => [...new Set(types)]);

export const createWebhookEndpointInput = z.object({
  producerId: z.string().uuid().optional(),
  url: webhookUrl,
  description: z.string().trim().max(200, "Use at most 200 characters.").default(""),
  eventTypes,
  isEnabled: z.boolean().default(true),
});
export const updateWebhookEndpointInput = z.object({
  endpointId,
  url: webhookUrl.optional(),
  description: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  eventTypes: eventTypes.optional(),
});
export const webhookEndpointIdInput = z.object({ endpointId });
export const setWebhookEndpointEnabledInput = z.object({ endpointId, isEnabled: z.boolean() });
export const listWebhookDeliveriesInput = z.object({
  endpointId,
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});
export const webhookDeliveryIdInput = z.object({ deliveryId: z.string().uuid("Delivery id must be a UUID.") });
