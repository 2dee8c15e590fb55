import { DOMAIN_TO_TRPC } from "@stockroom/api";
import { DomainError } from "@stockroom/domain";
import { TRPCError } from "@trpc/server";
import type { FastifyReply, FastifyRequest } from "fastify";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export const DEFAULT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR = 5;
export const DEFAULT_CUSTOMER_LINKS_PER_IP_PER_HOUR = 30;

export interface CustomerLinkRateLimitOptions {
  /** Emailed links (sign-in and order lookup) per email per hour (0 = no limit). */
  perEmailPerHour: number;
  /** The same per client IP, `req.ip` (0 = no limit). */
  perIpPerHour: number;
}

/**
 * In-memory limits (per server process) on emailing customers links, so the forms cannot be used
 * to flood an inbox. Counted whether or not a link is sent: being limited says nothing about an
 * email's orders. Past a limit: 429 TOO_MANY_REQUESTS (RATE_LIMITED) with Retry-After in seconds.
 */
export function createCustomerLinkRateLimit(options: CustomerLinkRateLimitOptions) {
  const perIp = limiterOf("customer-link-ip", options.perIpPerHour);
  const perEmail = limiterOf("customer-link-email", options.perEmailPerHour);
  return (req: FastifyRequest, res: FastifyReply) =>
    async (email: string): Promise<void> => {
      for (const [limiter, key] of [
        [perIp, req.ip],
        [perEmail, email],
      ] as const) {
        if (!limiter) continue;
        try {
          await limiter.consume(key);
        } catch (rejection) {
          if (!(rejection instanceof RateLimiterRes)) throw rejection;
          const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
          res.header("retry-after", String(retryAfterSeconds));
          const minutes = Math.ceil(retryAfterSeconds / 60);
          const message = `Too many emailed links asked for. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
          const cause = new DomainError("RATE_LIMITED", message, { details: { retryAfterSeconds } });
          throw new TRPCError({ code: DOMAIN_TO_TRPC.RATE_LIMITED, message, cause });
        }
      }
    };
}

function limiterOf(keyPrefix: string, perHour: number): RateLimiterMemory | null {
  return perHour > 0 ? new RateLimiterMemory({ keyPrefix, points: perHour, duration: 3600 }) : null;
}
