import { z } from "zod";
import { idempotencyKeySchema, isoDay, MAX_MONEY_CENTS } from "./common.ts";
import { MAX_STOCK_CHANGE } from "./stock.ts";

export const SUPPLIER_CHANNELS = ["EMAIL", "WEBHOOK"] as const;
export const PURCHASE_ORDER_STATUSES = ["DRAFT", "PENDING_APPROVAL", "APPROVED", "PARTIALLY_RECEIVED", "RECEIVED", "REJECTED", "CANCELLED"] as const;
export type PurchaseOrderStatus = (typeof PURCHASE_ORDER_STATUSES)[number];
/** The most units one purchase order line may order. */
export const MAX_ORDER_QUANTITY = 1_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional();

const supplierFields = {
  name: z.string().trim().min(1, "Enter the supplier's name.").max(120),
  contactName: optionalText(120),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .email("Enter a valid email address.")
    .max(254)
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  phone: optionalText(40),
  channel: z.enum(SUPPLIER_CHANNELS).default("EMAIL"),
  webhookUrl: z
    .string()
    .trim()
    .url("Enter a URL (https://...).")
    .max(500)
    .nullable()
    .optional()
    .or(z.literal("").transform(() => null)),
  leadTimeDays: z.number().int().min(0, "Lead time cannot be negative.").max(365, "At most 365 days."),
  notes: optionalText(2_000),
};

function checkChannel(s: { channel?: string; email?: string | null; webhookUrl?: string | null }, ctx: z.RefinementCtx) {
  if (s.channel === "EMAIL" && !s.email) ctx.addIssue({ code: "custom", path: ["email"], message: "Purchase orders go by email: enter the address." });
  if (s.channel === "WEBHOOK" && !s.webhookUrl)
    ctx.addIssue({ code: "custom", path: ["webhookUrl"], message: "Purchase orders go by webhook: enter its URL." });
}

export const createSupplierInput = z.object({ producerId: z.string().uuid().optional(), ...supplierFields }).superRefine(checkChannel);
export const updateSupplierInput = z.object({ supplierId: z.string().uuid(), ...supplierFields }).superRefine(checkChannel);
export const supplierIdInput = z.object({ supplierId: z.string().uuid() });
export const listSuppliersInput = z.object({ producerId: z.string().uuid().optional() });

export const setSupplierProductInput = z.object({
  supplierId: z.string().uuid(),
  productId: z.string().uuid(),
  supplierSku: optionalText(64),
  unitCostCents: z.number().int().min(0, "Cost cannot be negative.").max(MAX_MONEY_CENTS),
  packSize: z.number().int().min(1, "Pack size is at least 1.").max(100_000),
  minOrderQuantity: z.number().int().min(1, "Minimum order is at least 1.").max(MAX_ORDER_QUANTITY),
  isPreferred: z.boolean().default(false),
});
export const removeSupplierProductInput = z.object({ supplierId: z.string().uuid(), productId: z.string().uuid() });

export const setReorderSettingInput = z.object({
  productId: z.string().uuid(),
  /** Null: the default (velocity x half the lead time, at least one day's sales). */
  safetyStock: z.number().int().min(0).max(MAX_STOCK_CHANGE).nullable(),
  /** Null: no cap. Days a newly received lot keeps before it expires. */
  shelfLifeDays: z.number().int().min(1).max(3_650).nullable(),
});

export const listPurchaseOrdersInput = z.object({
  producerId: z.string().uuid().optional(),
  status: z.enum(PURCHASE_ORDER_STATUSES).optional(),
  supplierId: z.string().uuid().optional(),
});
export const purchaseOrderIdInput = z.object({ purchaseOrderId: z.string().uuid() });
export const draftPurchaseOrderInput = z.object({ productId: z.string().uuid() });
export const updatePurchaseOrderLineInput = z.object({
  purchaseOrderId: z.string().uuid(),
  lineId: z.string().uuid(),
  quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_ORDER_QUANTITY),
  unitCostCents: z.number().int().min(0, "Cost cannot be negative.").max(MAX_MONEY_CENTS),
});
export const rejectPurchaseOrderInput = z.object({
  purchaseOrderId: z.string().uuid(),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters).").max(500),
});
export const receivePurchaseOrderInput = z.object({
  purchaseOrderId: z.string().uuid(),
  lineId: z.string().uuid(),
  locationId: z.string().uuid("Choose a location."),
  lotNumber: z.string().trim().min(1, "Enter a lot number.").max(64),
  expiryDate: isoDay.nullable().optional(),
  quantity: z.number().int().min(1, "Quantity must be at least 1.").max(MAX_ORDER_QUANTITY),
  /** Receive more than is outstanding (the supplier sent extra and it is kept). */
  allowOverReceipt: z.boolean().default(false),
  idempotencyKey: idempotencyKeySchema,
});

/** The body of POST /webhooks/supplier/<id>/stock-update (signed by the supplier, standardwebhooks). */
export const supplierStockUpdateBody = z.object({
  products: z
    .array(
      z.object({
        supplierSku: z.string().trim().min(1).max(64),
        unitCostCents: z.number().int().min(0).max(MAX_MONEY_CENTS).optional(),
        stock: z.number().int().min(0).max(MAX_STOCK_CHANGE).optional(),
      }),
    )
    .max(1_000)
    .default([]),
  leadTimeDays: z.number().int().min(0).max(365).optional(),
  shipment: z
    .object({
      reference: z.string().trim().min(1).max(40),
      expectedOn: isoDay,
      lines: z.array(z.object({ supplierSku: z.string().trim().min(1).max(64), quantity: z.number().int().min(0).max(MAX_ORDER_QUANTITY) })).max(500),
    })
    .optional(),
});
