import { z } from "zod";

export const NOTIFICATION_CHANNELS = ["EMAIL", "SMS", "WHATSAPP"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export const DELIVERY_STATUSES = ["PENDING", "SENDING", "SENT", "OUTBOX", "FAILED"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
export const ALERT_STATUSES = ["OPEN", "RESOLVED"] as const;

/** Phone numbers for SMS and WhatsApp, in E.164. */
export const PHONE_PATTERN = /^\+[1-9]\d{6,14}$/;
export const MAX_RECIPIENTS = 20;

const channel = z.enum(NOTIFICATION_CHANNELS);
const phone = z.string().regex(PHONE_PATTERN, "Use international format, e.g. +2348012345678.");

export const updateAlertSettingsInput = z
  .object({
    producerId: z.string().uuid().optional(),
    emailRecipients: z.array(z.string().trim().toLowerCase().email("Enter valid email addresses.")).max(MAX_RECIPIENTS),
    smsRecipients: z.array(phone).max(MAX_RECIPIENTS),
    whatsappRecipients: z.array(phone).max(MAX_RECIPIENTS),
    lowStockChannels: z.array(channel),
    escalationChannels: z.array(channel),
    expiryChannels: z.array(channel),
    quietHoursStartHour: z.number().int().min(0).max(23).nullable(),
    quietHoursEndHour: z.number().int().min(0).max(23).nullable(),
    /** A message per new order to the same recipients (low-stock channels). Omitted: unchanged (on for a new producer). */
    newOrderAlerts: z.boolean().optional(),
  })
  .refine((s) => (s.quietHoursStartHour === null) === (s.quietHoursEndHour === null), {
    message: "Give both ends of the quiet hours, or neither.",
    path: ["quietHoursEndHour"],
  });

export const listLowStockAlertsInput = z.object({
  producerId: z.string().uuid().optional(),
  status: z.enum(ALERT_STATUSES).default("OPEN"),
  limit: z.number().int().min(1).max(500).default(100),
});

export const listNotificationsInput = z.object({
  producerId: z.string().uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  cursor: z.string().uuid().optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
