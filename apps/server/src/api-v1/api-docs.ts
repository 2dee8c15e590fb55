import { createHash } from "node:crypto";
import scalarApiReference from "@scalar/fastify-api-reference";
import type { FastifyInstance } from "fastify";
import { docsContentSecurityPolicy } from "../security-headers.ts";

/** The inline scripts of a page, as CSP hashes: the reference page's one configuration script, nothing else. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash("sha256")
        .update(body ?? "")
        .digest("base64")}'`,
  );
}

/**
 * The interactive reference (Scalar) at /api/v1/docs/, its script served by us from the package
 * (never a CDN), and a CSP for those routes only that allows exactly its inline configuration
 * script (by hash) and the inline styles it injects.
 */
export async function registerApiDocs(scope: FastifyInstance): Promise<void> {
  await scope.register(async (docs) => {
    docs.addHook("onSend", async (_req, reply, payload) => {
      const hashes = typeof payload === "string" && String(reply.getHeader("content-type")).startsWith("text/html") ? inlineScriptHashes(payload) : [];
      reply.header("content-security-policy", docsContentSecurityPolicy(hashes));
      return payload;
    });
    await docs.register(scalarApiReference, {
      routePrefix: "/docs",
      configuration: {
        url: "/api/v1/openapi.json",
        pageTitle: "Stockroom API reference",
        withDefaultFonts: false,
        hideClientButton: true,
        showDeveloperTools: "never",
        telemetry: false,
        agent: { disabled: true },
        mcp: { disabled: true },
        authentication: { preferredSecurityScheme: "apiKey" },
      } as never,
    });
  });
}
