import { deleteProductImageInput, reorderProductImagesInput } from "@stockroom/contracts";
import type { z } from "zod";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";
import { getProduct } from "../products/get-product.ts";
import { IMAGE_SIZES, type ImageSize } from "../products/product-view.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { fileStoreOf } from "./upload-product-image.ts";

/** Removes the row, then its files (a file left behind is harmless; a row without files is not). */
export async function removeProductImage(deps: Deps, actor: StaffActor, input: z.input<typeof deleteProductImageInput>) {
  const { productId, imageId } = parseInput(deleteProductImageInput, input);
  await findOwnedProduct(deps.db, actor, productId);
  const image = await deps.db.productImage.findFirst({ where: { id: imageId, productId } });
  if (!image) throw notFound("Image");
  await deps.db.productImage.delete({ where: { id: image.id } });
  await fileStoreOf(deps).remove(Object.keys(IMAGE_SIZES).map((size) => `${image.key}/${size}.webp`));
  return getProduct(deps, actor, { productId });
}

/** Sets the order of the product's images; the list must name each of them once. */
export async function reorderProductImages(deps: Deps, actor: StaffActor, input: z.input<typeof reorderProductImagesInput>) {
  const { productId, imageIds } = parseInput(reorderProductImagesInput, input);
  await findOwnedProduct(deps.db, actor, productId);
  const existing = await deps.db.productImage.findMany({ where: { productId }, select: { id: true } });
  const known = new Set(existing.map((i) => i.id));
  if (imageIds.length !== known.size || new Set(imageIds).size !== imageIds.length || !imageIds.every((id) => known.has(id)))
    throw new DomainError("VALIDATION_FAILED", "Name each of the product's images once.", { fields: { imageIds: "Name each of the product's images once." } });
  await deps.db.$transaction(imageIds.map((id, position) => deps.db.productImage.update({ where: { id }, data: { position } })));
  return getProduct(deps, actor, { productId });
}

const IMAGE_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** One stored size of an image, for the public image route; null when there is none. */
export async function readProductImage(deps: Deps, input: { key: string; size: string }): Promise<Buffer | null> {
  if (!IMAGE_KEY.test(input.key) || !Object.hasOwn(IMAGE_SIZES, input.size)) return null;
  return fileStoreOf(deps).read(`${input.key}/${input.size as ImageSize}.webp`);
}
