import fastifyHelmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

/**
 * Security headers on every answer (API and SPAs). The built SPAs load only their own scripts and
 * styles; React's `style={}` props go through the CSSOM, which CSP does not govern, so no
 * 'unsafe-inline' is needed (checked in a browser by e2e/csp.spec.ts). HSTS and
 * upgrade-insecure-requests only when served over HTTPS (COOKIE_SECURE), so plain-HTTP local runs work.
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
