import { asDomainError, type ContextInner, createCaller, DOMAIN_TO_TRPC } from "@stockroom/api";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { openApiDocument } from "./openapi.ts";

type ContextFactory = (req: FastifyRequest, res: FastifyReply) => Promise<ContextInner>;

const INTERNAL_MESSAGE = "Something went wrong on our side. Please try again.";

/**
 * The one answer for every failure on the REST paths: domain and tRPC errors map as on /trpc, a
 * client error Fastify found (bad JSON, wrong content type) keeps its 4xx, and anything else is a
 * 500 with a generic message and the request id; its cause goes only to the log.
 */
export function restErrorHandler(error: FastifyError | Error, req: FastifyRequest, res: FastifyReply) {
  const domain = asDomainError(error instanceof TRPCError ? error.cause : error);
  let status = 500;
  let code = "INTERNAL_SERVER_ERROR";
  let message = INTERNAL_MESSAGE;
  if (domain) {
    status = getHTTPStatusCodeFromError(new TRPCError({ code: DOMAIN_TO_TRPC[domain.code] }));
    [code, message] = [domain.code, domain.userMessage];
  } else if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") {
    [status, code, message] = [getHTTPStatusCodeFromError(error), error.code, error.message];
  } else if ("statusCode" in error && typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
    const fastifyCode = "code" in error && typeof error.code === "string" ? error.code : null;
    [status, code, message] = [error.statusCode, error.statusCode === 400 || !fastifyCode ? "BAD_REQUEST" : fastifyCode, error.message];
  }
  if (status >= 500) req.log.error({ err: error, requestId: req.id }, "unhandled error in REST route");
  else if (domain?.code === "TIMEOUT") req.log.warn({ err: error, requestId: req.id }, "statement timeout");
  return res.code(status).send({
    error: { code, message, fields: domain?.fields ?? null, details: domain?.details ?? null, requestId: req.id },
  });
}

/**
 * REST paths for integrations (the seed's endpoints). They call the same tRPC procedures through a
 * server-side caller, so auth, validation, tenancy and errors are exactly those of the RPC API.
 */
export function registerRestRoutes(app: FastifyInstance, createContext: ContextFactory): void {
  app.setErrorHandler(restErrorHandler);
  const run = async (req: FastifyRequest, res: FastifyReply, call: (caller: ReturnType<typeof createCaller>) => Promise<unknown>) =>
    call(createCaller({ ...(await createContext(req, res)), viaRest: true }));
  const idempotencyKey = (req: FastifyRequest) => (typeof req.headers["idempotency-key"] === "string" ? req.headers["idempotency-key"] : undefined);

  const openApi = openApiDocument(); // built once: it depends only on the input schemas
  app.get("/api/openapi.json", async () => openApi);

  app.post<{ Body: unknown }>("/api/cart/reserve", (req, res) =>
    run(req, res, (c) => c.cart.reserve({ idempotencyKey: idempotencyKey(req), ...(req.body as object) } as Parameters<typeof c.cart.reserve>[0])),
  );

  app.delete<{ Params: { id: string } }>("/api/cart/reserve/:id", (req, res) => run(req, res, (c) => c.cart.release({ holdId: req.params.id })));

  app.post<{ Params: { id: string }; Body: unknown }>("/api/orders/:id/status", (req, res) =>
    run(req, res, (c) =>
      c.orders.setStatus({ idempotencyKey: idempotencyKey(req), ...(req.body as object), orderId: req.params.id } as Parameters<typeof c.orders.setStatus>[0]),
    ),
  );
}
