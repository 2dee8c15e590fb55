import {
  alertSettingsFor,
  listLowStockAlerts,
  listLowStockAlertsInput,
  listNotifications,
  listNotificationsInput,
  scopeProducerId,
  updateAlertSettings,
  updateAlertSettingsInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const channel = z.enum(["EMAIL", "SMS", "WHATSAPP"]);
const settingsOutput = z.object({
  recipients: z.object({ EMAIL: z.array(z.string()), SMS: z.array(z.string()), WHATSAPP: z.array(z.string()) }),
  lowStockChannels: z.array(channel),
  escalationChannels: z.array(channel),
  expiryChannels: z.array(channel),
  quietHours: z.object({ startHour: z.number(), endHour: z.number() }).nullable(),
  newOrderAlerts: z.boolean(),
});

export const alertsRouter = router({
  settings: staffProcedure("alerts.manage")
    .input(z.object({ producerId: z.string().uuid() }))
    .output(settingsOutput)
    .query(({ ctx, input }) => alertSettingsFor(ctx.deps.db, scopeProducerId(ctx.actor, input.producerId) ?? input.producerId)),

  updateSettings: staffProcedure("alerts.manage")
    .input(updateAlertSettingsInput)
    .output(settingsOutput)
    .mutation(({ ctx, input }) => updateAlertSettings(ctx.deps, ctx.actor, input)),

  lowStock: staffProcedure("catalog.view")
    .input(listLowStockAlertsInput)
    .output(
      z.array(
        z.object({
          id: z.string(),
          productId: z.string(),
          productName: z.string(),
          sku: z.string(),
          category: z.string(),
          available: z.number(),
          minimum: z.number(),
          escalationLevel: z.number(),
          openedAt: z.string(),
          daysOpen: z.number(),
          status: z.enum(["OPEN", "RESOLVED"]),
        }),
      ),
    )
    .query(({ ctx, input }) => listLowStockAlerts(ctx.deps, ctx.actor, input)),

  notifications: staffProcedure("alerts.manage")
    .input(listNotificationsInput)
    .output(
      z.object({
        items: z.array(
          z.object({
            id: z.string(),
            channel,
            recipient: z.string(),
            template: z.string(),
            subject: z.string().nullable(),
            body: z.string(),
            status: z.enum(["PENDING", "SENDING", "SENT", "OUTBOX", "FAILED"]),
            attempts: z.number(),
            lastError: z.string().nullable(),
            provider: z.string().nullable(),
            sentAt: z.string().nullable(),
            createdAt: z.string(),
          }),
        ),
        nextCursor: z.string().nullable(),
      }),
    )
    .query(({ ctx, input }) => listNotifications(ctx.deps, ctx.actor, input)),
});
