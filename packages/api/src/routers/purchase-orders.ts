import {
  approvePurchaseOrder,
  cancelPurchaseOrder,
  draftPurchaseOrder,
  draftPurchaseOrderInput,
  getPurchaseOrder,
  listPurchaseOrders,
  listPurchaseOrdersInput,
  PURCHASE_ORDER_STATUSES,
  purchaseOrderIdInput,
  receivePurchaseOrder,
  receivePurchaseOrderInput,
  rejectPurchaseOrder,
  rejectPurchaseOrderInput,
  SUPPLIER_CHANNELS,
  updatePurchaseOrderLine,
  updatePurchaseOrderLineInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const status = z.enum(PURCHASE_ORDER_STATUSES);
const purchaseOrderOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  reference: z.string(),
  status,
  supplier: z.object({ id: z.string(), name: z.string(), channel: z.enum(SUPPLIER_CHANNELS), email: z.string().nullable(), webhookUrl: z.string().nullable() }),
  isAutoDrafted: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  sendError: z.string().nullable(),
  rejectReason: z.string().nullable(),
  closedAt: z.string().nullable(),
  shipmentExpectedOn: z.string().nullable(),
  shipmentConfirmedAt: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.string(),
      productId: z.string(),
      productName: z.string(),
      sku: z.string(),
      quantity: z.number(),
      unitCostCents: z.number().nullable(),
      receivedQuantity: z.number(),
      outstanding: z.number(),
      shippedQuantity: z.number().nullable(),
    }),
  ),
  receipts: z.array(
    z.object({
      productName: z.string(),
      lotNumber: z.string(),
      expiryDate: z.string().nullable(),
      locationName: z.string(),
      quantity: z.number(),
      at: z.string(),
    }),
  ),
});

export const purchaseOrdersRouter = router({
  list: staffProcedure("purchasing.view")
    .input(listPurchaseOrdersInput)
    .output(
      z.array(
        z.object({
          id: z.string(),
          producerId: z.string(),
          reference: z.string(),
          status,
          supplierId: z.string(),
          supplierName: z.string(),
          isAutoDrafted: z.boolean(),
          lineCount: z.number(),
          orderedUnits: z.number(),
          receivedUnits: z.number(),
          costCents: z.number().nullable(),
          shipmentExpectedOn: z.string().nullable(),
          createdAt: z.string(),
        }),
      ),
    )
    .query(({ ctx, input }) => listPurchaseOrders(ctx.deps, ctx.actor, input)),

  get: staffProcedure("purchasing.view")
    .input(purchaseOrderIdInput)
    .output(purchaseOrderOutput)
    .query(({ ctx, input }) => getPurchaseOrder(ctx.deps, ctx.actor, input)),

  draft: staffProcedure("purchasing.manage")
    .input(draftPurchaseOrderInput)
    .output(z.object({ purchaseOrderId: z.string(), isNew: z.boolean() }))
    .mutation(({ ctx, input }) => draftPurchaseOrder(ctx.deps, ctx.actor, input)),

  updateLine: staffProcedure("purchasing.manage")
    .input(updatePurchaseOrderLineInput)
    .output(purchaseOrderOutput)
    .mutation(({ ctx, input }) => updatePurchaseOrderLine(ctx.deps, ctx.actor, input)),

  approve: staffProcedure("purchasing.manage")
    .input(purchaseOrderIdInput)
    .output(purchaseOrderOutput)
    .mutation(({ ctx, input }) => approvePurchaseOrder(ctx.deps, ctx.actor, input)),

  reject: staffProcedure("purchasing.manage")
    .input(rejectPurchaseOrderInput)
    .output(purchaseOrderOutput)
    .mutation(({ ctx, input }) => rejectPurchaseOrder(ctx.deps, ctx.actor, input)),

  cancel: staffProcedure("purchasing.manage")
    .input(purchaseOrderIdInput)
    .output(purchaseOrderOutput)
    .mutation(({ ctx, input }) => cancelPurchaseOrder(ctx.deps, ctx.actor, input)),

  receive: staffProcedure("stock.receive")
    .input(receivePurchaseOrderInput)
    .output(z.object({ lotId: z.string(), status, movementId: z.string() }))
    .mutation(({ ctx, input }) => receivePurchaseOrder(ctx.deps, ctx.actor, input)),
});
