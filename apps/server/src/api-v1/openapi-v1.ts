import { procedureSchemas } from "@stockroom/api";
import { API_KEY_SCOPE_LABELS, API_KEY_SCOPES, type ApiKeyScope, type Permission } from "@stockroom/domain";
import { z } from "zod";
import { PROBLEM_CONTENT_TYPE, problemSchema } from "./problem.ts";
import { API_ROUTES, type ApiRoute } from "./route-table.ts";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  return rest;
}

/** The scope whose permissions include the procedure's. */
export function scopeOf(permission: Permission | undefined): ApiKeyScope {
  const entry = Object.entries(API_KEY_SCOPES).find(([, permissions]) => (permissions as readonly string[]).includes(permission ?? ""));
  if (!entry) throw new Error(`no API key scope grants ${permission}`);
  return entry[0] as ApiKeyScope;
}

const problem = (description: string) => ({ description, content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: "#/components/schemas/Problem" } } } });

const ERRORS = {
  "400": problem("Invalid input: `fields` names each field at fault"),
  "401": problem("No key, or an unknown, revoked or expired one"),
  "403": problem("The key lacks the scope this route needs (`details.requiredScope`)"),
  "404": problem("No such record for this key's producer"),
  "409": problem("Conflict with the record's current state"),
  "429": problem("Over RATE_LIMIT_API_KEY_PER_MIN requests this minute: wait `Retry-After` seconds"),
  "500": problem("Our failure; quote `requestId`"),
};

const idempotencyHeader = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  schema: { type: "string", minLength: 8, maxLength: 200 },
  description:
    "Retries with the same key and body return the first answer and change nothing again (stock and order-status routes; accepted and ignored elsewhere)",
};

function parameters(route: ApiRoute, input: z.ZodType): JsonSchema[] {
  const shape = input instanceof z.ZodObject ? (input.shape as Record<string, z.ZodType>) : {};
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name,
    in: "path",
    required: true,
    schema: jsonSchema((shape[name as string] as z.ZodType | undefined) ?? z.string().uuid(), "input"),
  }));
  const query = Object.entries((route.query?.shape ?? {}) as Record<string, z.ZodType>).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema: jsonSchema(schema, "input"),
  }));
  return [...pathParams, ...query, ...(route.method === "GET" ? [] : [idempotencyHeader])];
}

function operation(route: ApiRoute) {
  const { input, output, permission } = procedureSchemas(route.procedure);
  const scope = scopeOf(permission);
  const answer = route.answer ? route.answer.schema(output as never) : output;
  const errorCodes = route.method === "GET" ? ["400", "401", "403", "404", "429", "500"] : ["400", "401", "403", "404", "409", "429", "500"];
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/\{(\w+)\}/g, "By-$1").replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    description: `Needs the \`${scope}\` scope. Calls \`${route.procedure}\`.`,
    tags: [route.tag],
    security: [{ apiKey: [scope] }],
    "x-required-scope": scope,
    parameters: parameters(route, input),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
    responses: {
      [String(route.status ?? 200)]: { description: "OK", content: { "application/json": { schema: jsonSchema(answer, "output") } } },
      ...Object.fromEntries(errorCodes.map((code) => [code, ERRORS[code as keyof typeof ERRORS]])),
    },
  };
}

const DESCRIPTION = `Stockroom's REST API for integrations, over the same procedures as the apps.

- **Authentication**: \`Authorization: Bearer <API key>\`. Producer admins create keys in the admin (Settings > Integrations > API keys); the secret is shown once. A key acts for its producer only: another producer's records are 404.
- **Scopes**: ${Object.entries(API_KEY_SCOPE_LABELS)
  .map(([scope, label]) => `\`${scope}\` (${label})`)
  .join("; ")}. Each route names the one it needs; without it the answer is 403.
- **Errors**: every failure is \`application/problem+json\` (RFC 9457): \`type\`, \`title\`, \`status\`, \`detail\`, plus \`code\`, \`fields\` (field -> reason) and \`requestId\`.
- **Paging**: lists answer \`{ items, nextCursor }\`; pass \`nextCursor\` back as \`cursor\` for the next page (null after the last).
- **Retries**: send \`Idempotency-Key\` on stock and order-status changes; a retry returns the first answer.
- **Rate limit**: RATE_LIMIT_API_KEY_PER_MIN requests per minute per key (default 600); past it, 429 with \`Retry-After\`.`;

/** OpenAPI 3.1 for /api/v1, made from the route table and the procedures' own zod schemas (inputs and outputs). */
export function apiV1Document() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: "3.1.0",
    info: { title: "Stockroom API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/api/v1" }],
    security: [{ apiKey: [] }],
    tags: ["Products", "Stock", "Orders", "Movements"].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "An API key: `sr_` + 8 characters + `_` + the secret" } },
      schemas: { Problem: jsonSchema(problemSchema, "output") },
    },
  };
}
