import { createProductInput, updateProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { productView, productWithImages } from "./product-view.ts";
import { isSlugClash, retryOnSlugClash } from "./slug-clash.ts";

/**
 * The unique index (producerId, sku) decides a clash, also between two concurrent saves: its
 * violation becomes a field error on `sku`.
 */
export function skuClash(error: unknown): DomainError | null {
  if ((error as { code?: string }).code === "P2002" && !isSlugClash(error))
    return new DomainError("VALIDATION_FAILED", "Another product already uses this SKU.", {
      fields: { sku: "Another product already uses this SKU." },
      cause: error,
    });
  return null;
}

export async function createProduct(deps: Deps, actor: StaffActor, input: z.input<typeof createProductInput>) {
  const { producerId, ...data } = parseInput(createProductInput, input);
  const scope = scopeProducerId(actor, producerId);
  if (!scope) throw new DomainError("VALIDATION_FAILED", "Choose the producer.", { fields: { producerId: "required for platform admins" } });
  const product = await retryOnSlugClash(() => deps.db.product.create({ data: { ...data, producerId: scope }, include: productWithImages })).catch(
    (error: unknown) => {
      throw skuClash(error) ?? error;
    },
  );
  return productView(product);
}

export async function updateProduct(deps: Deps, actor: StaffActor, input: z.input<typeof updateProductInput>) {
  const { productId, ...data } = parseInput(updateProductInput, input);
  await findOwnedProduct(deps.db, actor, productId);
  const product = await deps.db.product.update({ where: { id: productId }, data, include: productWithImages }).catch((error: unknown) => {
    throw skuClash(error) ?? error;
  });
  return productView(product);
}
