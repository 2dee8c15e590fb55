import {
  createSupplier,
  createSupplierInput,
  getSupplier,
  listSuppliers,
  listSuppliersInput,
  removeSupplierProduct,
  removeSupplierProductInput,
  SUPPLIER_CHANNELS,
  setReorderSetting,
  setReorderSettingInput,
  setSupplierProduct,
  setSupplierProductInput,
  supplierIdInput,
  updateSupplier,
  updateSupplierInput,
} from "@stockroom/domain";
import { z } from "zod";
import { router, staffProcedure } from "../trpc.ts";

const supplierOutput = z.object({
  id: z.string(),
  producerId: z.string(),
  name: z.string(),
  contactName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  channel: z.enum(SUPPLIER_CHANNELS),
  webhookUrl: z.string().nullable(),
  leadTimeDays: z.number(),
  notes: z.string().nullable(),
});

export const suppliersRouter = router({
  list: staffProcedure("purchasing.view")
    .input(listSuppliersInput)
    .output(z.array(supplierOutput.extend({ productCount: z.number() })))
    .query(({ ctx, input }) => listSuppliers(ctx.deps, ctx.actor, input)),

  get: staffProcedure("purchasing.view")
    .input(supplierIdInput)
    .output(
      supplierOutput.extend({
        /** Only for purchasing.manage (null otherwise): the supplier signs its webhooks with it. */
        webhookSecret: z.string().nullable(),
        products: z.array(
          z.object({
            productId: z.string(),
            productName: z.string(),
            sku: z.string(),
            supplierSku: z.string().nullable(),
            unitCostCents: z.number().nullable(),
            packSize: z.number(),
            minOrderQuantity: z.number(),
            isPreferred: z.boolean(),
            supplierStock: z.number().nullable(),
            supplierStockAt: z.string().nullable(),
          }),
        ),
      }),
    )
    .query(({ ctx, input }) => getSupplier(ctx.deps, ctx.actor, input)),

  create: staffProcedure("purchasing.manage")
    .input(createSupplierInput)
    .output(supplierOutput)
    .mutation(({ ctx, input }) => createSupplier(ctx.deps, ctx.actor, input)),

  update: staffProcedure("purchasing.manage")
    .input(updateSupplierInput)
    .output(supplierOutput)
    .mutation(({ ctx, input }) => updateSupplier(ctx.deps, ctx.actor, input)),

  setProduct: staffProcedure("purchasing.manage")
    .input(setSupplierProductInput)
    .output(z.object({ supplierId: z.string(), productId: z.string(), isPreferred: z.boolean() }))
    .mutation(({ ctx, input }) => setSupplierProduct(ctx.deps, ctx.actor, input)),

  removeProduct: staffProcedure("purchasing.manage")
    .input(removeSupplierProductInput)
    .output(z.object({ removed: z.number() }))
    .mutation(({ ctx, input }) => removeSupplierProduct(ctx.deps, ctx.actor, input)),

  setReorder: staffProcedure("purchasing.manage")
    .input(setReorderSettingInput)
    .output(z.object({ productId: z.string(), safetyStock: z.number().nullable(), shelfLifeDays: z.number().nullable() }))
    .mutation(({ ctx, input }) => setReorderSetting(ctx.deps, ctx.actor, input)),
});
