import { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";

export const getProductInput = z.object({ productId: z.string().uuid("Product id must be a UUID.") });

export async function getProduct(deps: Deps, actor: StaffActor, input: z.input<typeof getProductInput>) {
  const { productId } = parseInput(getProductInput, input);
  const scope = scopeProducerId(actor);
  const product = await deps.db.product.findFirst({ where: { id: productId, ...(scope ? { producerId: scope } : {}) } });
  if (!product) throw notFound("Product");
  return product;
}
