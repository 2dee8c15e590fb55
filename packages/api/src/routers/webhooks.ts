import {
  createWebhookEndpoint,
  createWebhookEndpointInput,
  deleteWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookDeliveriesInput,
  listWebhookEndpoints,
  producerScopeInput,
  resendWebhookDelivery,
  revealWebhookSecret,
  rotateWebhookSecret,
  sendWebhookTestEvent,
  setWebhookEndpointEnabled,
  setWebhookEndpointEnabledInput,
  updateWebhookEndpoint,
  updateWebhookEndpointInput,
  WEBHOOK_DELIVERY_STATUSES,
  webhookDeliveryIdInput,
  webhookEndpointIdInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const endpointOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(z.string()),
  secretHint: z.string(),
  isEnabled: z.boolean(),
  disabledReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const secretOutput = z.object({ endpointId: z.string(), secret: z.string() });
const deliveryOutput = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  sequence: z.string(),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
  attemptLog: z.array(
    z.object({
      at: z.string(),
      statusCode: z.number().nullable(),
      latencyMs: z.number(),
      responseExcerpt: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});

/** Settings > Webhooks: every procedure needs integrations.manage; changes are audited in the domain. */
export const webhooksRouter = router({
  list: staffProcedure("integrations.manage")
    .input(producerScopeInput)
    .output(z.array(endpointOutput))
    .query(({ ctx, input }) => listWebhookEndpoints(ctx.deps, ctx.actor, input)),
  create: staffProcedure("integrations.manage")
    .input(createWebhookEndpointInput)
    .output(endpointOutput)
    .mutation(({ ctx, input }) => createWebhookEndpoint(ctx.deps, ctx.actor, input)),
  update: staffProcedure("integrations.manage")
    .input(updateWebhookEndpointInput)
    .output(endpointOutput)
    .mutation(({ ctx, input }) => updateWebhookEndpoint(ctx.deps, ctx.actor, input)),
  setEnabled: staffProcedure("integrations.manage")
    .input(setWebhookEndpointEnabledInput)
    .output(endpointOutput)
    .mutation(({ ctx, input }) => setWebhookEndpointEnabled(ctx.deps, ctx.actor, input)),
  delete: staffProcedure("integrations.manage")
    .input(webhookEndpointIdInput)
    .output(z.object({ endpointId: z.string() }))
    .mutation(({ ctx, input }) => deleteWebhookEndpoint(ctx.deps, ctx.actor, input)),
  revealSecret: staffProcedure("integrations.manage")
    .input(webhookEndpointIdInput)
    .output(secretOutput)
    .mutation(({ ctx, input }) => revealWebhookSecret(ctx.deps, ctx.actor, input)),
  rotateSecret: staffProcedure("integrations.manage")
    .input(webhookEndpointIdInput)
    .output(secretOutput)
    .mutation(({ ctx, input }) => rotateWebhookSecret(ctx.deps, ctx.actor, input)),
  sendTest: staffProcedure("integrations.manage")
    .input(webhookEndpointIdInput)
    .output(z.object({ eventId: z.string(), deliveryId: z.string() }))
    .mutation(({ ctx, input }) => sendWebhookTestEvent(ctx.deps, ctx.actor, input)),
  deliveries: staffProcedure("integrations.manage")
    .input(listWebhookDeliveriesInput)
    .output(z.array(deliveryOutput))
    .query(({ ctx, input }) => listWebhookDeliveries(ctx.deps, ctx.actor, input)),
  resend: staffProcedure("integrations.manage")
    .input(webhookDeliveryIdInput)
    .output(z.object({ deliveryId: z.string(), status: z.literal("PENDING") }))
    .mutation(({ ctx, input }) => resendWebhookDelivery(ctx.deps, ctx.actor, input)),
});
