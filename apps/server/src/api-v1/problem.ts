import { asDomainError, DOMAIN_TO_TRPC } from "@stockroom/api";
import { API_KEY_SCOPES, type ApiKeyScope, type DomainError } from "@stockroom/domain";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";

/** The one error shape of /api/v1: RFC 9457 problem details, plus our code, fields and request id. */
export const problemSchema = z.object({
  type: z.string().describe("`urn:stockroom:problem:<code>`: one per code"),
  title: z.string().describe("A short summary of the code"),
  status: z.number().int().describe("The HTTP status"),
  detail: z.string().describe("What went wrong, safe to show a person"),
  code: z.string().describe("VALIDATION_FAILED, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED, TIMEOUT, BAD_REQUEST or INTERNAL"),
  fields: z.record(z.string(), z.string()).nullable().describe("Input field path (e.g. `lines.0.quantity`) -> reason; null when no field is at fault"),
  details: z.unknown().optional().describe("Structured details, e.g. the scope a key lacks or short lines"),
  requestId: z.string().describe("Quote it when asking for help: it is in our logs"),
});
export type Problem = z.infer<typeof problemSchema>;
export const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<string, string> = {
  VALIDATION_FAILED: "Invalid request",
  BAD_REQUEST: "Bad request",
  UNAUTHENTICATED: "Missing or invalid API key",
  FORBIDDEN: "Not allowed for this key",
  NOT_FOUND: "Not found",
  CONFLICT: "Conflict",
  RATE_LIMITED: "Too many requests",
  TIMEOUT: "Took too long",
  INTERNAL: "Internal error",
};

/** The scope that grants a permission a key lacked, for the 403's details. */
function scopeFor(permission: unknown): ApiKeyScope | null {
  const entry = Object.entries(API_KEY_SCOPES).find(([, permissions]) => (permissions as readonly unknown[]).includes(permission));
  return (entry?.[0] as ApiKeyScope | undefined) ?? null;
}

function fromDomain(domain: DomainError): Omit<Problem, "type" | "title" | "requestId"> {
  const status = getHTTPStatusCodeFromError(new TRPCError({ code: DOMAIN_TO_TRPC[domain.code] }));
  const code = domain.code === "INVALID_CREDENTIALS" ? "UNAUTHENTICATED" : domain.code;
  if (code === "FORBIDDEN") {
    const permission = (domain.details as { permission?: unknown } | undefined)?.permission;
    const scope = scopeFor(permission);
    const detail = scope ? `This API key needs the "${scope}" scope for this.` : "API keys cannot do this.";
    return { status, code, detail, fields: null, details: { permission: permission ?? null, requiredScope: scope } };
  }
  return { status, code, detail: domain.userMessage, fields: domain.fields ?? null, ...(domain.details === undefined ? {} : { details: domain.details }) };
}

/** Any failure as a problem: domain (and input) errors as on /trpc, Fastify's 4xx as BAD_REQUEST, the rest a generic 500. */
export function problemFor(error: FastifyError | Error, requestId: string): Problem {
  const domain = asDomainError(error instanceof TRPCError ? error.cause : error);
  let problem: Omit<Problem, "type" | "title" | "requestId"> = {
    status: 500,
    code: "INTERNAL",
    detail: "Something went wrong on our side. Please try again.",
    fields: null,
  };
  if (domain) problem = fromDomain(domain);
  else if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR")
    problem = {
      status: getHTTPStatusCodeFromError(error),
      code: error.code === "NOT_FOUND" ? "NOT_FOUND" : "BAD_REQUEST",
      detail: error.message,
      fields: null,
    };
  else if ("statusCode" in error && typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500)
    problem = { status: error.statusCode, code: "BAD_REQUEST", detail: error.message, fields: null };
  return { type: `urn:stockroom:problem:${problem.code.toLowerCase()}`, title: TITLES[problem.code] ?? "Error", ...problem, requestId };
}

export function sendProblem(req: FastifyRequest, res: FastifyReply, error: FastifyError | Error) {
  const problem = problemFor(error, String(req.id));
  if (problem.status >= 500 && problem.code !== "TIMEOUT") req.log.error({ err: error, requestId: req.id }, "unhandled error in /api/v1");
  const retryAfter = (asDomainError(error instanceof TRPCError ? error.cause : error) as DomainError | null)?.retryAfterSeconds;
  if (retryAfter) res.header("retry-after", String(retryAfter));
  return res.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
}
