import { CSRF_HEADER } from "@stockroom/api/client";
import type { FastifyReply, FastifyRequest } from "fastify";

/**
 * Browser mutations must carry a custom header. A cross-site form cannot set one, and a cross-site
 * fetch that sets one needs a CORS preflight this server never approves. Cookies are also SameSite=Lax.
 */
export async function requireCsrfHeader(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return;
  if (request.headers[CSRF_HEADER] === "1") return;
  await reply.code(403).send({ error: { message: `Missing ${CSRF_HEADER} header (CSRF protection).`, code: "FORBIDDEN" } });
}
