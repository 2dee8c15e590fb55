import { type ContextInner, createCaller, procedureSchemas } from "@stockroom/api";
import { DomainError, type StaffActor } from "@stockroom/domain";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { registerApiDocs } from "./api-docs.ts";
import type { createApiKeyAuth } from "./api-key-auth.ts";
import { apiV1Document } from "./openapi-v1.ts";
import { sendProblem } from "./problem.ts";
import { API_ROUTES, type ApiRoute } from "./route-table.ts";

export const API_V1_PREFIX = "/api/v1";

export interface ApiV1Options {
  authenticate: ReturnType<typeof createApiKeyAuth>;
  /** The request's context acting as `actor` (no cookies are read on /api/v1). */
  createContext: (req: FastifyRequest, res: FastifyReply, actor: StaffActor) => Promise<ContextInner>;
}

type Caller = ReturnType<typeof createCaller>;

/** Calls a procedure of the caller by its dotted path (what the route table names). */
function callProcedure(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

/** Whether the procedure takes an idempotency key (then the Idempotency-Key header becomes it). */
function takesIdempotencyKey(path: string): boolean {
  const { input } = procedureSchemas(path);
  return input instanceof z.ZodObject && "idempotencyKey" in input.shape;
}

function requestFields(route: ApiRoute, req: FastifyRequest): Record<string, unknown> {
  if (route.method === "GET") return route.query ? route.query.parse(req.query) : {};
  const body = req.body ?? {};
  if (typeof body !== "object" || Array.isArray(body)) throw new DomainError("VALIDATION_FAILED", "Send a JSON object.", { fields: { body: "not an object" } });
  return body as Record<string, unknown>;
}

function registerRoute(scope: FastifyInstance, route: ApiRoute, options: ApiV1Options): void {
  const hasIdempotencyKey = takesIdempotencyKey(route.procedure);
  scope.route({
    method: route.method,
    url: route.path.replace(/\{(\w+)\}/g, ":$1"),
    handler: async (req, res) => {
      const actor = await options.authenticate(req);
      const request = { ...requestFields(route, req), ...(req.params as Record<string, string>) };
      const idempotencyKey = req.headers["idempotency-key"];
      if (hasIdempotencyKey && typeof idempotencyKey === "string") request.idempotencyKey = idempotencyKey;
      const caller = createCaller(await options.createContext(req, res, actor));
      const result = await callProcedure(caller, route.procedure, route.input ? route.input(request) : request);
      return res.code(route.status ?? 200).send(route.answer ? route.answer.from(result as never, request) : result);
    },
  });
}

/**
 * The public REST API: only `Authorization: Bearer <API key>` (no cookies, no CSRF header), one
 * problem+json error shape, the routes of API_ROUTES (each one procedure through createCaller with
 * the key's actor), the OpenAPI document and its reference page.
 */
export async function registerApiV1(app: FastifyInstance, options: ApiV1Options): Promise<void> {
  await app.register(
    async (scope) => {
      scope.setErrorHandler((error, req, res) => sendProblem(req, res, error instanceof Error ? error : new Error(String(error))));
      scope.setNotFoundHandler((req, res) => sendProblem(req, res, new DomainError("NOT_FOUND", `No route ${req.method} ${req.url.split("?")[0]}.`)));
      const document = apiV1Document(); // built once: it depends only on the route table and the schemas
      scope.get("/openapi.json", async () => document);
      await registerApiDocs(scope);
      for (const route of API_ROUTES) registerRoute(scope, route, options);
    },
    { prefix: API_V1_PREFIX },
  );
}
