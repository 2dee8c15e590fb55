import {
  accuracyTrend,
  accuracyTrendInput,
  approveCount,
  approveCountInput,
  COUNT_KINDS,
  cancelCount,
  cancelCountInput,
  countSessionInput,
  dueForCount,
  dueForCountInput,
  getCount,
  listCounts,
  listCountsInput,
  recordCount,
  recordCountInput,
  requestRecounts,
  startCount,
  startCountInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const status = z.enum(["COUNTING", "APPROVED", "CANCELLED"]);
const rate = z.number().nullable();

const countSummary = z.object({
  id: z.string(),
  producerId: z.string(),
  kind: z.enum(COUNT_KINDS),
  status,
  blind: z.boolean(),
  locationId: z.string().nullable(),
  category: z.string().nullable(),
  dueOnly: z.boolean(),
  lines: z.number(),
  startedAt: z.string(),
  closedAt: z.string().nullable(),
  accuracyRate: rate,
  valueAccuracyRate: rate,
});

const countLine = z.object({
  lineId: z.string(),
  lotId: z.string(),
  productId: z.string(),
  sku: z.string(),
  productName: z.string(),
  barcode: z.string().nullable(),
  lotNumber: z.string(),
  expiryDate: z.string().nullable(),
  locationName: z.string(),
  round: z.number(),
  counted: z.number().nullable(),
  entries: z.number(),
  lastCountedAt: z.string().nullable(),
  expectedOnHand: z.number().nullable(),
  systemAtCount: z.number().nullable(),
  variance: z.number().nullable(),
  varianceValueCents: z.number().nullable(),
  needsRecount: z.boolean(),
  recountRequested: z.boolean(),
});

const countDetail = countSummary.omit({ lines: true, accuracyRate: true, valueAccuracyRate: true }).extend({
  hidden: z.boolean(),
  recountUnits: z.number(),
  recountValueCents: z.number(),
  cancelReason: z.string().nullable(),
  summary: z.object({
    lines: z.number(),
    counted: z.number(),
    needRecount: z.number(),
    matched: z.number().nullable(),
    accuracyRate: rate,
    valueAccuracyRate: rate,
  }),
  lines: z.array(countLine),
});

/** Stocktakes: counters record what they find; those who manage counts start, review and approve them. */
export const countsRouter = router({
  list: staffProcedure("stock.count")
    .input(listCountsInput)
    .output(z.array(countSummary))
    .query(({ ctx, input }) => listCounts(ctx.deps, ctx.actor, input)),
  get: staffProcedure("stock.count")
    .input(countSessionInput)
    .output(countDetail)
    .query(({ ctx, input }) => getCount(ctx.deps, ctx.actor, input)),
  due: staffProcedure("stock.count")
    .input(dueForCountInput)
    .output(
      z.array(
        z.object({
          productId: z.string(),
          sku: z.string(),
          name: z.string(),
          category: z.string(),
          countEveryDays: z.number(),
          lastCountedAt: z.string().nullable(),
        }),
      ),
    )
    .query(({ ctx, input }) => dueForCount(ctx.deps, ctx.actor, input)),
  accuracyTrend: staffProcedure("analytics.view")
    .input(accuracyTrendInput)
    .output(z.array(z.object({ day: z.string(), countedLots: z.number(), matchedLots: z.number(), accuracyRate: rate })))
    .query(({ ctx, input }) => accuracyTrend(ctx.deps, ctx.actor, input)),
  start: staffProcedure("counts.manage")
    .input(startCountInput)
    .output(z.object({ sessionId: z.string(), lines: z.number() }))
    .mutation(({ ctx, input }) => startCount(ctx.deps, ctx.actor, input)),
  record: staffProcedure("stock.count")
    .input(recordCountInput)
    .output(z.object({ entryId: z.string(), lineId: z.string(), round: z.number(), replayed: z.boolean() }))
    .mutation(({ ctx, input }) => recordCount(ctx.deps, ctx.actor, input)),
  requestRecounts: staffProcedure("counts.manage")
    .input(countSessionInput)
    .output(z.object({ recounts: z.number() }))
    .mutation(({ ctx, input }) => requestRecounts(ctx.deps, ctx.actor, input)),
  approve: staffProcedure("counts.manage")
    .input(approveCountInput)
    .output(z.object({ sessionId: z.string(), movements: z.number(), accuracyRate: rate, valueAccuracyRate: rate }))
    .mutation(({ ctx, input }) => approveCount(ctx.deps, ctx.actor, input)),
  cancel: staffProcedure("counts.manage")
    .input(cancelCountInput)
    .output(z.object({ sessionId: z.string(), status: z.literal("CANCELLED") }))
    .mutation(({ ctx, input }) => cancelCount(ctx.deps, ctx.actor, input)),
});
