import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const APPS_DIR = path.resolve(import.meta.dirname, "../..");

/** Serves built SPAs: admin under /admin/, storefront at /; unknown paths get index.html (client routes). */
export async function registerSpas(app: FastifyInstance): Promise<void> {
  const admin = path.join(APPS_DIR, "admin/dist");
  const storefront = path.join(APPS_DIR, "storefront/dist");
  for (const dir of [admin, storefront]) {
    if (!existsSync(path.join(dir, "index.html"))) throw new Error(`SPA not built: ${dir}/index.html is missing. Run \`pnpm build\`.`);
  }
  // wildcard routes read the directory on each request, so a rebuild under a running server works.
  await app.register(fastifyStatic, { root: storefront, prefix: "/", index: "index.html" });
  await app.register(fastifyStatic, { root: admin, prefix: "/admin/", decorateReply: false, index: "index.html" });
  app.setNotFoundHandler((request, reply) => {
    // Missing API paths and missing built assets are 404s; only page URLs fall back to index.html.
    const isAsset = /^\/(admin\/)?assets\//.test(request.url);
    if (request.method !== "GET" || isAsset || request.url.startsWith("/trpc") || request.url.startsWith("/api")) {
      return reply.code(404).send({ error: { message: "Not found", code: "NOT_FOUND" } });
    }
    const root = request.url.startsWith("/admin") ? admin : storefront;
    return reply.sendFile("index.html", root);
  });
}
