import { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";

const productFields = z.object({
  sku: z.string().trim().min(1, "Enter a SKU.").max(64),
  name: z.string().trim().min(1, "Enter a name.").max(200),
  category: z.string().trim().min(1, "Enter a category.").max(100),
  priceCents: z.number().int().min(0, "Price cannot be negative."),
  unitCostCents: z.number().int().min(0, "Unit cost cannot be negative."),
  minStockLevel: z.number().int().min(0, "Minimum level cannot be negative."),
  trackInventory: z.boolean(),
  leadTimeDays: z.number().int().min(0).max(365),
  barcode: z.string().trim().max(64).nullable(),
});

export const createProductInput = productFields.partial({ minStockLevel: true, trackInventory: true, leadTimeDays: true, barcode: true }).extend({
  producerId: z.string().uuid().optional(),
});
export const updateProductInput = productFields.partial().extend({ productId: z.string().uuid("Product id must be a UUID.") });

function duplicateSku(error: unknown): DomainError | null {
  if ((error as { code?: string }).code === "P2002")
    return new DomainError("CONFLICT", "Another product already uses this SKU.", { fields: { sku: "already used" } });
  return null;
}

export async function createProduct(deps: Deps, actor: StaffActor, input: z.input<typeof createProductInput>) {
  const { producerId, ...data } = parseInput(createProductInput, input);
  const scope = scopeProducerId(actor, producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required for platform admins" } });
  return deps.db.product.create({ data: { ...data, producerId: scope } }).catch((error: unknown) => {
    throw duplicateSku(error) ?? error;
  });
}

export async function updateProduct(deps: Deps, actor: StaffActor, input: z.input<typeof updateProductInput>) {
  const { productId, ...data } = parseInput(updateProductInput, input);
  await findOwnedProduct(deps.db, actor, productId);
  return deps.db.product.update({ where: { id: productId }, data }).catch((error: unknown) => {
    throw duplicateSku(error) ?? error;
  });
}
