import {
  type AnyTRPCRouter,
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  type inferRouterContext,
  TRPCError,
  type TRPCProcedureType,
  transformTRPCResponse,
} from "@trpc/server";
import { fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import { getHTTPStatusCode } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

type ContextFactory<TRouter extends AnyTRPCRouter> = (req: FastifyRequest, res: FastifyReply) => Promise<inferRouterContext<TRouter>>;

/**
 * On every answer given here rather than by tRPC's adapter. This file reads tRPC's router internals
 * (`_def.procedures`, `_def._config`). A tRPC upgrade that changed the first would quietly send
 * everything to the adapter, so `trpc-http.test.ts` asserts which path answered every call it sends
 * (the SPAs' hot calls among them); one that changed the second breaks the answers it compares.
 */
export const DIRECT_HEADER = "x-trpc-direct";

interface SingleCall {
  type: Extract<TRPCProcedureType, "query" | "mutation">;
  input: unknown;
}

/**
 * tRPC over Fastify. A plain call (one procedure, JSON, the right method; what `httpLink` and any
 * curl send) is answered here directly: tRPC's own adapter first turns every Node request into a
 * fetch `Request` and its answer into a `Response` stream, which cost the hold path about a third of
 * its server CPU (--cpu-prof). Everything else (batches, streaming, unknown paths, wrong methods,
 * unparsable input) goes to tRPC's adapter, so those answers are tRPC's own. The wire format, error
 * shape, status codes and cookies are tRPC's (`trpc-http.test.ts` compares both paths request by
 * request). The SPAs send their hot calls (`cart.reserve`, `catalog.list`, `cart.availability`)
 * unbatched with `httpLink` so that they come here.
 */
export function registerTrpc<TRouter extends AnyTRPCRouter>(
  app: FastifyInstance,
  options: {
    prefix: string;
    router: TRouter;
    createContext: ContextFactory<TRouter>;
    /** false sends every call to tRPC's adapter: the reference the conformance test compares with. */
    isDirect?: boolean;
  },
): void {
  const { router, createContext } = options;
  const config = router._def._config;
  // As tRPC's Fastify plugin does: the adapter reads the raw JSON text itself.
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => done(null, body));

  app.all<{ Params: { path: string } }>(`${options.prefix}/:path`, async (req, res) => {
    const path = req.params.path;
    const call = options.isDirect === false ? undefined : singleCall(router, req, path);
    if (!call) {
      return fastifyRequestHandler({
        router,
        req,
        res,
        path,
        createContext: ({ req, res, info }) => {
          refuseSoloCallsInBatch(router, info.calls);
          return createContext(req, res);
        },
        onError: ({ error, ctx }) => {
          if (!ctx && error.code === "INTERNAL_SERVER_ERROR") logContextFailure(req, path, error);
        },
      });
    }
    const signal = abortedOnDisconnect(res);
    let ctx: inferRouterContext<TRouter> | undefined;
    let body: object;
    try {
      ctx = await createContext(req, res);
      const data = await callTRPCProcedure({ router, path, type: call.type, ctx, getRawInput: async () => call.input, signal, batchIndex: 0 });
      body = { result: { data } };
    } catch (cause) {
      const error = getTRPCErrorFromUnknown(cause);
      if (!ctx && error.code === "INTERNAL_SERVER_ERROR") logContextFailure(req, path, error);
      body = { error: getTRPCErrorShape({ config, ctx, error, input: call.input, path, type: call.type }) };
    }
    return res
      .status(getHTTPStatusCode(body as Parameters<typeof getHTTPStatusCode>[0]))
      .header("vary", "trpc-accept, accept")
      .header(DIRECT_HEADER, "1")
      .type("application/json")
      .send(JSON.stringify(transformTRPCResponse(config, body as Parameters<typeof transformTRPCResponse>[1])));
  });
}

/**
 * Procedures log their own unexpected failures (api's errorMapping); a context that could not be
 * built (the session lookup failed) never reaches them, so it is logged here.
 */
function logContextFailure(req: FastifyRequest, path: string, error: TRPCError): void {
  req.log.error({ err: error.cause ?? error, path, requestId: req.id }, "could not build the request context");
}

/**
 * A procedure marked `.meta({ isSoloCall: true })` (sign-in) is refused inside a batch of two or
 * more calls: one request must not buy several password checks. A batch of one (what
 * `httpBatchLink` sends for a lone mutation) passes.
 */
function refuseSoloCallsInBatch(router: AnyTRPCRouter, calls: readonly { path: string }[]): void {
  if (calls.length < 2) return;
  const procedures = router._def.procedures as Record<string, { _def: { meta?: { isSoloCall?: boolean } } } | undefined>;
  const solo = calls.find((call) => procedures[call.path]?._def.meta?.isSoloCall === true);
  if (solo) throw new TRPCError({ code: "BAD_REQUEST", message: `${solo.path} must be sent on its own, not in a batch.` });
}

/** Aborted when the client goes away before the answer is written, as tRPC's adapter does. */
function abortedOnDisconnect(res: FastifyReply): AbortSignal {
  const controller = new AbortController();
  res.raw.once("close", () => {
    if (!res.raw.writableEnded) controller.abort();
  });
  return controller.signal;
}

/** The call this request makes when it is a plain one; undefined sends it to tRPC's adapter. */
function singleCall(router: AnyTRPCRouter, req: FastifyRequest, path: string): SingleCall | undefined {
  const type = req.method === "GET" ? "query" : req.method === "POST" ? "mutation" : undefined;
  const query = req.query as Record<string, unknown>;
  if (!type || query.batch !== undefined || req.headers["trpc-accept"] !== undefined) return undefined;
  const procedure = (router._def.procedures as Record<string, { _def: { type: TRPCProcedureType } } | undefined>)[path];
  if (procedure?._def.type !== type) return undefined;
  const text = type === "query" ? query.input : req.body;
  if (type === "mutation" && req.headers["content-type"]?.split(";")[0]?.trim() !== "application/json") return undefined;
  if (text === undefined || text === "") return { type, input: undefined };
  if (typeof text !== "string") return undefined;
  try {
    return { type, input: router._def._config.transformer.input.deserialize(JSON.parse(text)) };
  } catch {
    return undefined;
  }
}
