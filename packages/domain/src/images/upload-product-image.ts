import { randomUUID } from "node:crypto";
import path from "node:path";
import { getProductInput, MAX_PRODUCT_IMAGES } from "@stockroom/contracts";
import { DATA_DIR } from "@stockroom/db";
import sharp from "sharp";
import type { StaffActor } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { requirePermission } from "../permissions.ts";
import { IMAGE_SIZES, imageView } from "../products/product-view.ts";
import { findOwnedProduct } from "../stock/find-owned.ts";
import { parseInput } from "../validation.ts";
import { type FileStore, LocalFileStore } from "./file-store.ts";

/** Largest upload accepted (the server's multipart limit uses the same number). */
export const MAX_IMAGE_BYTES = 8 * 1024 * 1024;
/** A decoded image may have at most this many pixels (a small file can decode to gigabytes). */
const MAX_IMAGE_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(["png", "jpeg", "webp"]);
const FIELD = "file";

const defaultStore = new LocalFileStore(path.join(DATA_DIR, "uploads"));
export function fileStoreOf(deps: Deps): FileStore {
  return deps.files ?? defaultStore;
}

function badFile(message: string, cause?: unknown): DomainError {
  return new DomainError("VALIDATION_FAILED", message, { fields: { [FIELD]: message }, cause });
}

/** Decodes the bytes (the name and the declared type are not trusted) and makes the WebP sizes. */
async function renderSizes(bytes: Buffer) {
  if (bytes.length > MAX_IMAGE_BYTES) throw badFile(`The image is larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB.`);
  const image = sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "error" }).rotate();
  const metadata = await image.metadata().catch((error: unknown) => {
    throw badFile("This file is not a PNG, JPEG or WebP image.", error);
  });
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format) || !metadata.width || !metadata.height)
    throw badFile("This file is not a PNG, JPEG or WebP image.");
  const sizes = await Promise.all(
    Object.entries(IMAGE_SIZES).map(async ([size, width]) => ({
      size,
      data: await image.clone().resize({ width, withoutEnlargement: true }).webp({ quality: 82 }).toBuffer(),
    })),
  ).catch((error: unknown) => {
    throw badFile("This image could not be read.", error);
  });
  const isTurned = (metadata.orientation ?? 1) >= 5;
  return { sizes, format: metadata.format, width: isTurned ? metadata.height : metadata.width, height: isTurned ? metadata.width : metadata.height };
}

/** Adds an image at the end of the product's images: files first, then the row (a failed insert removes the files). */
export async function uploadProductImage(deps: Deps, actor: StaffActor, input: { productId: string; bytes: Buffer; altText?: string | null }) {
  requirePermission(actor, "catalog.edit");
  const { productId } = parseInput(getProductInput, { productId: input.productId });
  const product = await findOwnedProduct(deps.db, actor, productId);
  const count = await deps.db.productImage.count({ where: { productId: product.id } });
  if (count >= MAX_PRODUCT_IMAGES) throw badFile(`A product has at most ${MAX_PRODUCT_IMAGES} images.`);
  const rendered = await renderSizes(input.bytes);
  const store = fileStoreOf(deps);
  const key = randomUUID();
  const paths = rendered.sizes.map((s) => `${key}/${s.size}.webp`);
  await Promise.all(rendered.sizes.map((s, i) => store.put(paths[i] as string, s.data, "image/webp")));
  try {
    const image = await deps.db.productImage.create({
      data: {
        productId: product.id,
        producerId: product.producerId,
        key,
        contentType: `image/${rendered.format}`,
        width: rendered.width,
        height: rendered.height,
        bytes: input.bytes.length,
        altText: input.altText?.slice(0, 200) || null,
        position: count,
      },
    });
    return imageView(image);
  } catch (error) {
    await store.remove(paths);
    throw error;
  }
}
