import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { S3FileStore } from "./s3-file-store.ts";

// A tiny S3-compatible server at the network edge (path style): PUT, GET and DELETE of objects.
const objects = new Map<string, { body: Buffer; contentType: string }>();
let server: Server;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const key = decodeURIComponent(new URL(req.url ?? "/", "http://s3").pathname);
      if (req.method === "PUT") {
        objects.set(key, { body: Buffer.concat(chunks), contentType: String(req.headers["content-type"]) });
        res.writeHead(200, { etag: '"1"' }).end();
      } else if (req.method === "GET") {
        const object = objects.get(key);
        if (!object) {
          res.writeHead(404, { "content-type": "application/xml" }).end("<Error><Code>NoSuchKey</Code><Message>none</Message></Error>");
          return;
        }
        res.writeHead(200, { "content-type": object.contentType, "content-length": object.body.length }).end(object.body);
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("S3 file store", () => {
  it("puts, reads and removes objects under the bucket and prefix; a missing one reads as null", async () => {
    const store = new S3FileStore({ bucket: "shop", endpoint, region: "auto", accessKeyId: "k", secretAccessKey: "s", isPathStyle: true, prefix: "images" });
    try {
      await store.put("abc/thumb.webp", Buffer.from("webp bytes"), "image/webp");
      expect(objects.get("/shop/images/abc/thumb.webp")).toEqual({ body: Buffer.from("webp bytes"), contentType: "image/webp" });
      expect((await store.read("abc/thumb.webp"))?.toString()).toBe("webp bytes");
      await store.remove(["abc/thumb.webp"]);
      expect(objects.size).toBe(0);
      expect(await store.read("abc/thumb.webp")).toBeNull();
    } finally {
      store.close();
    }
  });
});
