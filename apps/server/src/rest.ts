import { type ContextInner, createCaller } from "@stockroom/api";
import { isDomainError } from "@stockroom/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { openApiDocument } from "./openapi.ts";

type ContextFactory = (req: FastifyRequest, res: FastifyReply) => Promise<ContextInner>;

/**
 * REST paths for integrations (the seed's endpoints). They call the same tRPC procedures through a
 * server-side caller, so auth, validation, tenancy and errors are exactly those of the RPC API.
 */
export function registerRestRoutes(app: FastifyInstance, createContext: ContextFactory): void {
  const run = async (req: FastifyRequest, res: FastifyReply, call: (caller: ReturnType<typeof createCaller>) => Promise<unknown>) => {
    try {
      return await call(createCaller(await createContext(req, res)));
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      const domain = isDomainError(error.cause) ? error.cause : null;
      if (!domain && error.code === "INTERNAL_SERVER_ERROR") throw error;
      return res.code(getHTTPStatusCodeFromError(error)).send({
        error: {
          code: domain?.code ?? error.code,
          message: domain?.userMessage ?? error.message,
          fields: domain?.fields ?? null,
          details: domain?.details ?? null,
          requestId: req.id,
        },
      });
    }
  };
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
