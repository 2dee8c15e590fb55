import { getProductInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { productView, productWithImages } from "./product-view.ts";

export async function getProduct(deps: Deps, actor: StaffActor, input: z.input<typeof getProductInput>) {
  const { productId } = parseInput(getProductInput, input);
  const { id } = await findOwnedProduct(deps.db, actor, productId);
  const product = await deps.db.product.findUniqueOrThrow({ where: { id }, include: productWithImages });
  return productView(product);
}
