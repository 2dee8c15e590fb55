import { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";

export const getProductInput = z.object({ productId: z.string().uuid("Product id must be a UUID.") });

export async function getProduct(deps: Deps, actor: StaffActor, input: z.input<typeof getProductInput>) {
  const { productId } = parseInput(getProductInput, input);
  return findOwnedProduct(deps.db, actor, productId);
}
