import { DOMAIN_TO_TRPC } from "@stockroom/api";
import { CART_TOKEN_HEADER } from "@stockroom/api/client";
import { DomainError } from "@stockroom/domain";
import { TRPCError } from "@trpc/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** The anonymous calls that take stock: each one counts against its cart token and its client IP. */
const LIMITED_PROCEDURES = new Set(["cart.reserve", "orders.place"]);
/** REST routes that reach those procedures (rest.ts). */
const LIMITED_REST_ROUTES = new Set(["POST /api/cart/reserve"]);

export interface HoldRateLimitOptions {
  /** Calls per minute per cart token (0 = no limit). */
  perCartPerMinute: number;
  /** Calls per minute per client IP, `req.ip` (so TRUST_PROXY decides it; 0 = no limit). */
  perIpPerMinute: number;
}

/** How many limited calls a request makes: a tRPC batch names each of its calls in the path. */
function limitedCalls(req: FastifyRequest): number {
  const route = req.routeOptions.url ?? "";
  if (LIMITED_REST_ROUTES.has(`${req.method} ${route}`)) return 1;
  const path = (req.params as { path?: unknown } | undefined)?.path;
  if (!route.startsWith("/trpc/") || typeof path !== "string") return 0;
  return path.split(",").filter((p) => LIMITED_PROCEDURES.has(p)).length;
}

/**
 * In-memory limits (per server process) on holding and ordering, checked while the request context
 * is built, so the tRPC fast path, tRPC's adapter (a batch counts each limited call it holds) and
 * the REST routes all refuse the same way: 429 TOO_MANY_REQUESTS, domain code RATE_LIMITED, and a
 * Retry-After header in seconds.
 */
export function createHoldRateLimit(options: HoldRateLimitOptions) {
  // The IP first: a flood of made-up cart tokens from one address is refused before each token
  // gets a counter (about 400 bytes of heap for a minute each, measured).
  const limiters = [
    { limiter: limiterOf("ip", options.perIpPerMinute), key: ipKey },
    { limiter: limiterOf("cart", options.perCartPerMinute), key: cartKey },
  ].filter((l) => l.limiter !== null) as { limiter: RateLimiterMemory; key: (req: FastifyRequest) => string | undefined }[];

  return async function checkHoldRate(req: FastifyRequest, res: FastifyReply): Promise<void> {
    if (limiters.length === 0) return;
    const calls = limitedCalls(req);
    if (calls === 0) return;
    for (const { limiter, key } of limiters) {
      const id = key(req);
      if (id === undefined) continue;
      try {
        await limiter.consume(id, calls);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        res.header("retry-after", String(retryAfterSeconds));
        const message = `Too many attempts to reserve or order. Please wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"} and try again.`;
        const cause = new DomainError("RATE_LIMITED", message, { details: { retryAfterSeconds } });
        throw new TRPCError({ code: DOMAIN_TO_TRPC.RATE_LIMITED, message, cause });
      }
    }
  };
}

function limiterOf(keyPrefix: string, perMinute: number): RateLimiterMemory | null {
  return perMinute > 0 ? new RateLimiterMemory({ keyPrefix, points: perMinute, duration: 60 }) : null;
}

function cartKey(req: FastifyRequest): string | undefined {
  const token = req.headers[CART_TOKEN_HEADER];
  return typeof token === "string" && token !== "" ? token : undefined;
}

function ipKey(req: FastifyRequest): string {
  return req.ip;
}
