import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers on every answer (API and SPAs). The built SPAs load only their own scripts and
 * styles; React's `style={}` props go through the CSSOM, which CSP does not govern, so no
 * 'unsafe-inline' is needed (checked in a browser by e2e/csp.spec.ts). HSTS and
 * upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE), so plain-HTTP local runs work.
 * One exception: the admin's barcode worker (the ZXing WebAssembly reader) is served with
 * 'wasm-unsafe-eval' in its own CSP (`barcodeWorkerCsp`, set by spa.ts on that file only: a global
 * onSend hook for it cost the hold path about 30 % of its HTTP throughput in `pnpm bench`); a
 * dedicated worker runs under its script's policy, so no page may compile WebAssembly.
 */
export async function registerSecurityHeaders(app: FastifyInstance, { isHttps }: { isHttps: boolean }): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "base-uri": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        ...(isHttps ? { "upgrade-insecure-requests": [] } : {}),
      },
    },
    frameguard: { action: "deny" },
    strictTransportSecurity: isHttps ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
}

/**
 * The API reference page (/api/v1/docs/) only: its bundle is ours ('self'), its one inline
 * configuration script is allowed by hash, and it injects its styles inline (Vue), so style-src
 * has 'unsafe-inline' there and nowhere else. Fonts are the bundle's own (no font CDN).
 */
export function docsContentSecurityPolicy(scriptHashes: string[]): string {
  return [
    "default-src 'self'",
    "base-uri 'self'",
    `script-src 'self' ${scriptHashes.join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The built worker script that reads barcodes with WebAssembly (apps/admin/src/lib/scan/barcode-worker.ts). */
export const BARCODE_WORKER_FILE = /^barcode-worker-[\w-]+\.js$/;

/** The page CSP with WebAssembly compilation allowed: for the barcode worker's script only. */
export function barcodeWorkerCsp(pageCsp: string): string {
  return pageCsp.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'");
}
