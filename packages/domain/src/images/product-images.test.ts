import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getProduct } from "../products/get-product.ts";
import { actorFor, createStaff } from "../testing/factories.ts";
import { domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { LocalFileStore } from "./file-store.ts";
import { removeProductImage, reorderProductImages } from "./manage-product-images.ts";
import { uploadProductImage } from "./upload-product-image.ts";

const stock = useStockWorld();
let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "stockroom-images-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const deps = () => ({ ...stock.deps, files: new LocalFileStore(root) });
const tile = (r: number) =>
  sharp({ create: { width: 300, height: 200, channels: 3, background: { r, g: 10, b: 10 } } })
    .jpeg()
    .toBuffer();

describe("product images", () => {
  it("uploads in order, reorders (every image once), removes the row and its files", async () => {
    const { world } = stock;
    const { product } = await productWithStock(deps(), world, []);
    const first = await uploadProductImage(deps(), world.admin, { productId: product.id, bytes: await tile(10) });
    const second = await uploadProductImage(deps(), world.admin, { productId: product.id, bytes: await tile(200) });
    expect(first).toMatchObject({ width: 300, height: 200 });
    const key = first.thumbUrl.split("/")[2] as string;
    expect((await readdir(path.join(root, key))).sort()).toEqual(["large.webp", "medium.webp", "thumb.webp"]);

    const reordered = await reorderProductImages(deps(), world.admin, { productId: product.id, imageIds: [second.id, first.id] });
    expect(reordered.images.map((i) => i.id)).toEqual([second.id, first.id]);
    const partial = await domainFailure(reorderProductImages(deps(), world.admin, { productId: product.id, imageIds: [second.id] }));
    expect([partial.code, partial.fields]).toEqual(["VALIDATION_FAILED", { imageIds: "Name each of the product's images once." }]);

    const after = await removeProductImage(deps(), world.admin, { productId: product.id, imageId: second.id });
    expect(after.images.map((i) => i.id)).toEqual([first.id]);
    await expect(readdir(path.join(root, second.thumbUrl.split("/")[2] as string))).rejects.toMatchObject({ code: "ENOENT" });
    expect((await getProduct(deps(), world.admin, { productId: product.id })).images).toHaveLength(1);
  });

  it("staff without catalog.edit are FORBIDDEN; a GIF is refused on the file field", async () => {
    const { world, db } = stock;
    const { product } = await productWithStock(deps(), world, []);
    const staff = actorFor(await createStaff(db, { role: "PRODUCER_STAFF", producerId: world.producer.id }));
    expect((await domainFailure(uploadProductImage(deps(), staff, { productId: product.id, bytes: await tile(1) }))).code).toBe("FORBIDDEN");
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#000" } })
      .gif()
      .toBuffer();
    const refused = await domainFailure(uploadProductImage(deps(), world.admin, { productId: product.id, bytes: gif }));
    expect([refused.code, refused.fields]).toEqual(["VALIDATION_FAILED", { file: "This file is not a PNG, JPEG or WebP image." }]);
    expect(await db.productImage.count({ where: { productId: product.id } })).toBe(0);
  });
});
