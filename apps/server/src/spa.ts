import { existsSync } from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { BARCODE_WORKER_FILE, barcodeWorkerCsp } from "./security-headers.ts";

const APPS_DIR = path.resolve(import.meta.dirname, "../..");

/** The admin's service worker and what it checks for updates: never cached for long, so a new build reaches phones. */
const PWA_FILES = new Set(["sw.js", "registerSW.js", "manifest.webmanifest"]);

/** Vite's built assets carry a hash of their content in their names: a browser may keep them for good. */
function setAssetCaching(reply: FastifyReply, filePath: string): void {
  if (path.basename(path.dirname(filePath)) === "assets") reply.header("Cache-Control", "public, max-age=31536000, immutable");
}

function setAdminPwaHeaders(reply: FastifyReply, filePath: string): void {
  setAssetCaching(reply, filePath);
  const name = path.basename(filePath);
  if (BARCODE_WORKER_FILE.test(name)) reply.header("content-security-policy", barcodeWorkerCsp(String(reply.getHeader("content-security-policy") ?? "")));
  if (!PWA_FILES.has(name) && !name.startsWith("workbox-")) return;
  reply.header("Cache-Control", "no-cache");
  // The worker lives at /admin/sw.js and controls /admin/ only (its own folder: no wider scope is asked for).
  if (name === "sw.js") reply.header("Service-Worker-Allowed", "/admin/");
}

/** Serves built SPAs: admin under /admin/, storefront at /; unknown paths get index.html (client routes). */
export async function registerSpas(app: FastifyInstance): Promise<void> {
  const admin = path.join(APPS_DIR, "admin/dist");
  const storefront = path.join(APPS_DIR, "storefront/dist");
  for (const dir of [admin, storefront]) {
    if (!existsSync(path.join(dir, "index.html"))) throw new Error(`SPA not built: ${dir}/index.html is missing. Run \`pnpm build\`.`);
  }
  // wildcard routes read the directory on each request, so a rebuild under a running server works.
  await app.register(fastifyStatic, { root: storefront, prefix: "/", index: "index.html", setHeaders: setAssetCaching });
  await app.register(fastifyStatic, { root: admin, prefix: "/admin/", decorateReply: false, index: "index.html", setHeaders: setAdminPwaHeaders });
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
