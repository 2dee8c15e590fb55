import { requestInventoryCheck, systemHealth } from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const rate = z.number().nullable();
const metricsOutput = z.object({
  reservations: z.object({ succeeded: z.number(), refused: z.number() }),
  reservationSuccessRate: rate,
  oversellIncidents: z.number(),
  stockAccuracyRate: rate,
  lowStockAlertDeliveryRate: rate,
  stockoutIncidents: z.number(),
  productsOutOfStock: z.number(),
  expiredWasteRate: rate,
  fifoComplianceRate: rate,
});
const dayOutput = metricsOutput
  .pick({
    reservationSuccessRate: true,
    oversellIncidents: true,
    lowStockAlertDeliveryRate: true,
    stockoutIncidents: true,
    expiredWasteRate: true,
    fifoComplianceRate: true,
    stockAccuracyRate: true,
  })
  .extend({ day: z.string() });
const checkOutput = z.object({
  id: z.string(),
  trigger: z.string(),
  finishedAt: z.string(),
  lotsChecked: z.number(),
  violations: z.number(),
  problems: z.array(z.object({ lotId: z.string(), lotNumber: z.string(), check: z.string(), message: z.string() })),
});
const backupOutput = z.discriminatedUnion("state", [
  z.object({ state: z.literal("unavailable") }),
  z.object({ state: z.literal("none") }),
  z.object({ state: z.literal("ok"), id: z.string(), finishedAt: z.string(), archiveBytes: z.number(), dataBytes: z.number(), ageSeconds: z.number() }),
]);

/** Platform only (system.view): System health, and asking the worker for a drift check now. */
export const systemRouter = router({
  health: staffProcedure("system.view")
    .output(
      z.object({
        now: z.string(),
        metrics: metricsOutput,
        trends: z.array(dayOutput),
        queues: z.array(z.object({ queue: z.string(), waiting: z.number(), active: z.number(), failed24h: z.number() })),
        lastCheck: checkOutput.nullable(),
        backup: backupOutput,
      }),
    )
    .query(({ ctx }) => systemHealth(ctx.deps, { backupsDir: ctx.config.backupsDir })),

  runInventoryCheck: staffProcedure("system.view")
    .output(z.object({ queued: z.boolean() }))
    .mutation(({ ctx }) => requestInventoryCheck(ctx.deps, ctx.actor)),
});
