import {
  analyticsInput,
  dashboardSummary,
  expiryWasteCsv,
  expiryWasteInput,
  expiryWasteReport,
  listInventory,
  listInventoryInput,
  lowStockTrend,
  producerScopeInput,
  productDetail,
  productDetailInput,
  profitability,
  restockRecommendations,
  stockMovementSeries,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const band = z.enum(["EXPIRED", "DAYS_7", "DAYS_30", "DAYS_90"]);

export const reportsRouter = router({
  dashboard: staffProcedure("catalog.view")
    .input(producerScopeInput)
    .output(
      z.object({
        products: z.number(),
        lowStock: z.number(),
        outOfStock: z.number(),
        averageStockLevel: z.number(),
        stockValueCents: z.number().nullable(),
        expiringSoon: z.array(
          z.object({
            lotId: z.string(),
            lotNumber: z.string(),
            productId: z.string(),
            productName: z.string(),
            expiryDate: z.string(),
            onHand: z.number(),
            location: z.string(),
            isExpired: z.boolean(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => dashboardSummary(ctx.deps, ctx.actor, input)),

  inventory: staffProcedure("catalog.view")
    .input(listInventoryInput)
    .output(
      z.object({
        total: z.number(),
        page: z.number(),
        pageSize: z.number(),
        /** Pass back as `cursor` for the rows after this page (null on the last page). */
        nextCursor: z.string().nullable(),
        items: z.array(
          z.object({
            id: z.string(),
            sku: z.string(),
            name: z.string(),
            category: z.string(),
            trackInventory: z.boolean(),
            minStockLevel: z.number(),
            available: z.number(),
            onHand: z.number(),
            reserved: z.number(),
            valueCents: z.number().nullable(),
            nextExpiry: z.string().nullable(),
            status: z.enum(["in_stock", "low", "out", "expiring", "expired"]),
            /** Every condition that holds (the status is the most urgent one). */
            flags: z.array(z.enum(["out", "low", "expired_lot", "expiring"])),
            producerName: z.string(),
            reservedByOrders: z.number(),
            reservedByCarts: z.number(),
            /** On hand that cannot be sold: expired, or in a location that does not sell (quarantine, back store). */
            unsellable: z.number(),
            /** Outstanding on approved purchase orders. */
            incoming: z.number(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => listInventory(ctx.deps, ctx.actor, input)),

  product: staffProcedure("catalog.view")
    .input(productDetailInput)
    .output(
      z.object({
        product: z.object({
          id: z.string(),
          sku: z.string(),
          name: z.string(),
          category: z.string(),
          priceCents: z.number(),
          unitCostCents: z.number().nullable(),
          minStockLevel: z.number(),
          trackInventory: z.boolean(),
          leadTimeDays: z.number(),
          barcode: z.string().nullable(),
          maxPerCart: z.number().nullable(),
          producerId: z.string(),
        }),
        available: z.number().nullable(),
        incoming: z.number(),
        incomingOrders: z.array(z.object({ purchaseOrderId: z.string(), reference: z.string(), outstanding: z.number(), expectedOn: z.string().nullable() })),
        /** Below the minimum level (stock_is_low); false for untracked products. */
        isLow: z.boolean(),
        lots: z.array(
          z.object({
            id: z.string(),
            lotNumber: z.string(),
            location: z.string(),
            locationId: z.string(),
            isSellable: z.boolean(),
            expiryDate: z.string().nullable(),
            daysLeft: z.number().nullable(),
            band: band.nullable(),
            receivedAt: z.string(),
            unitCostCents: z.number().nullable(),
            onHand: z.number(),
            reserved: z.number(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => productDetail(ctx.deps, ctx.actor, input)),

  movementSeries: staffProcedure("analytics.view")
    .input(analyticsInput)
    .output(z.array(z.object({ period: z.string(), inUnits: z.number(), outUnits: z.number(), writeOffUnits: z.number() })))
    .query(({ ctx, input }) => stockMovementSeries(ctx.deps, ctx.actor, input)),

  lowStockTrend: staffProcedure("analytics.view")
    .input(analyticsInput)
    .output(z.array(z.object({ day: z.string(), open: z.number() })))
    .query(({ ctx, input }) => lowStockTrend(ctx.deps, ctx.actor, input)),

  restock: staffProcedure("analytics.view")
    .input(producerScopeInput)
    .output(
      z.array(
        z.object({
          productId: z.string(),
          name: z.string(),
          sku: z.string(),
          leadTimeDays: z.number(),
          available: z.number(),
          soldLast30: z.number(),
          dailyVelocity: z.number(),
          safetyStock: z.number(),
          reorderPoint: z.number(),
          suggestedQuantity: z.number(),
        }),
      ),
    )
    .query(({ ctx, input }) => restockRecommendations(ctx.deps, ctx.actor, input)),

  // Needs costs.view, so its costs are never redacted.
  profitability: staffProcedure("costs.view")
    .input(analyticsInput)
    .output(
      z.object({
        products: z.array(
          z.object({
            productId: z.string(),
            name: z.string(),
            category: z.string(),
            units: z.number(),
            revenueCents: z.number(),
            costCents: z.number(),
            marginCents: z.number(),
            marginRate: z.number(),
          }),
        ),
        categories: z.array(z.object({ category: z.string(), revenueCents: z.number(), costCents: z.number(), marginCents: z.number() })),
      }),
    )
    .query(({ ctx, input }) => profitability(ctx.deps, ctx.actor, input)),

  expiryWaste: staffProcedure("analytics.view")
    .input(expiryWasteInput)
    .output(
      z.object({
        bands: z.array(z.object({ band, lots: z.number(), units: z.number(), valueCents: z.number().nullable() })),
        lots: z.array(
          z.object({
            band,
            lotId: z.string(),
            lotNumber: z.string(),
            productId: z.string(),
            productName: z.string(),
            sku: z.string(),
            location: z.string(),
            expiryDate: z.string(),
            onHand: z.number(),
            valueCents: z.number().nullable(),
          }),
        ),
        waste: z.array(z.object({ reason: z.string(), units: z.number(), costCents: z.number().nullable() })),
        expiredWasteRate: z.number(),
      }),
    )
    .query(({ ctx, input }) => expiryWasteReport(ctx.deps, ctx.actor, input)),

  expiryWasteCsv: staffProcedure("analytics.view")
    .input(expiryWasteInput)
    .output(z.object({ filename: z.string(), csv: z.string() }))
    .query(async ({ ctx, input }) => ({ filename: `expiry-waste-${input.from}-to-${input.to}.csv`, csv: await expiryWasteCsv(ctx.deps, ctx.actor, input) })),
});
