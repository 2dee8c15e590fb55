import { createProductInput, updateProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";

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
