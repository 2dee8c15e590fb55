import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, createStockWorld, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

const database = useTestDatabase();
const server = useTestServer(database);
let world: Awaited<ReturnType<typeof createStockWorld>>;

beforeAll(async () => {
  world = await createStockWorld(database.current.db);
});

async function signedIn(role: "PRODUCER_ADMIN" | "PRODUCER_STAFF", producerId = world.producer.id): Promise<string> {
  const staff = await createStaff(database.current.db, { role, producerId });
  const response = await server.app.inject({
    method: "POST",
    url: "/trpc/auth.signIn",
    headers: { "content-type": "application/json", "x-stockroom-csrf": "1" },
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
}

function multipart(filename: string, contentType: string, data: Buffer) {
  const boundary = "----stockroom-test-boundary";
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    payload: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}`, "x-stockroom-csrf": "1" },
  };
}

const upload = (cookie: string, productId: string, body: ReturnType<typeof multipart>) =>
  server.app.inject({ method: "POST", url: `/api/products/${productId}/images`, cookies: { [SESSION_COOKIE]: cookie }, ...body });

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .png()
    .toBuffer();

describe("product images over HTTP", () => {
  it("a real PNG becomes three WebP sizes, served with a year's immutable cache; the product lists it; DELETE removes it", async () => {
    const { product } = await productWithStock(server.testDeps.deps, world, []);
    const cookie = await signedIn("PRODUCER_ADMIN");
    const response = await upload(cookie, product.id, multipart("tile.png", "image/png", await png(1600, 900)));
    expect(response.statusCode).toBe(201);
    const image = response.json();
    expect(image).toMatchObject({ width: 1600, height: 900 });

    for (const [url, width] of [
      [image.thumbUrl, 160],
      [image.mediumUrl, 480],
      [image.largeUrl, 1200],
    ] as const) {
      const file = await server.app.inject({ method: "GET", url });
      expect([file.statusCode, file.headers["content-type"], file.headers["cache-control"]]).toEqual([
        200,
        "image/webp",
        "public, max-age=31536000, immutable",
      ]);
      expect(await sharp(file.rawPayload).metadata()).toMatchObject({ format: "webp", width, height: Math.round((width * 900) / 1600) });
    }
    const catalog = await server.app.inject({ method: "GET", url: `/trpc/catalog.list?input=${encodeURIComponent(JSON.stringify({ search: product.name }))}` });
    expect(catalog.json().result.data.items[0].image).toMatchObject({ thumbUrl: image.thumbUrl, width: 1600, height: 900 });

    const removed = await server.app.inject({
      method: "DELETE",
      url: `/api/products/${product.id}/images/${image.id}`,
      cookies: { [SESSION_COOKIE]: cookie },
      headers: { "x-stockroom-csrf": "1" },
    });
    expect([removed.statusCode, removed.json().images]).toEqual([200, []]);
    expect((await server.app.inject({ method: "GET", url: image.thumbUrl })).statusCode).toBe(404);
  });

  it("a text file named .png is refused with 400 naming the file field; nothing is stored", async () => {
    const { product } = await productWithStock(server.testDeps.deps, world, []);
    const response = await upload(await signedIn("PRODUCER_ADMIN"), product.id, multipart("photo.png", "image/png", Buffer.from("not an image at all")));
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "VALIDATION_FAILED", fields: { file: "This file is not a PNG, JPEG or WebP image." } });
    expect(await database.current.db.productImage.count({ where: { productId: product.id } })).toBe(0);
  });

  it("another producer's product is 404, staff without catalog.edit 403, no CSRF header 403, anonymous 401", async () => {
    const { product } = await productWithStock(server.testDeps.deps, world, []);
    const body = multipart("tile.png", "image/png", await png(20, 20));
    const stranger = await signedIn("PRODUCER_ADMIN", (await createProducer(database.current.db)).id);
    const notFound = await upload(stranger, product.id, body);
    expect([notFound.statusCode, notFound.json().error.code]).toEqual([404, "NOT_FOUND"]);
    const forbidden = await upload(await signedIn("PRODUCER_STAFF"), product.id, body);
    expect([forbidden.statusCode, forbidden.json().error.code]).toEqual([403, "FORBIDDEN"]);
    const noCsrf = await upload(await signedIn("PRODUCER_ADMIN"), product.id, { ...body, headers: { "content-type": body.headers["content-type"] } as never });
    expect(noCsrf.statusCode).toBe(403);
    const anonymous = await server.app.inject({ method: "POST", url: `/api/products/${product.id}/images`, ...body });
    expect([anonymous.statusCode, anonymous.json().error.code]).toEqual([401, "UNAUTHENTICATED"]);
    expect(await database.current.db.productImage.count({ where: { productId: product.id } })).toBe(0);
  });

  it("unknown image files are 404 and keys that are not UUIDs never reach the disk", async () => {
    expect((await server.app.inject({ method: "GET", url: "/images/00000000-0000-0000-0000-000000000000/thumb.webp" })).statusCode).toBe(404);
    expect((await server.app.inject({ method: "GET", url: "/images/..%2F..%2Fetc/thumb.webp" })).statusCode).toBe(404);
    expect((await server.app.inject({ method: "GET", url: "/images/00000000-0000-0000-0000-000000000000/huge.webp" })).statusCode).toBe(404);
  });
});
