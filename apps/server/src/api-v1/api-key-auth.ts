import { authenticateApiKey, type Deps, DomainError, type StaffActor } from "@stockroom/domain";
import type { FastifyRequest } from "fastify";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** The secret from `Authorization: Bearer <key>`; anything else (cookies included) is not a credential here. */
function bearerSecret(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  const match = typeof header === "string" ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/**
 * Authenticates /api/v1 requests by API key and counts them per key (in memory, per server
 * process, like the hold limits): past `perMinute`, RATE_LIMITED with the seconds to wait.
 */
export function createApiKeyAuth(deps: Deps, options: { perMinute: number }) {
  const limiter = options.perMinute > 0 ? new RateLimiterMemory({ keyPrefix: "api-key", points: options.perMinute, duration: 60 }) : null;
  return async function authenticate(req: FastifyRequest): Promise<StaffActor> {
    const actor = await authenticateApiKey(deps, bearerSecret(req));
    if (!limiter || !actor.apiKeyId) return actor;
    try {
      await limiter.consume(actor.apiKeyId);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new DomainError("RATE_LIMITED", `This API key sent more than ${options.perMinute} requests in a minute. Wait ${retryAfterSeconds} s.`, {
        retryAfterSeconds,
        details: { retryAfterSeconds, limitPerMinute: options.perMinute },
      });
    }
    return actor;
  };
}
