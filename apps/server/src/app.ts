import fastifyCookie from "@fastify/cookie";
import { appRouter, createContextInner } from "@stockroom/api";
import { CART_TOKEN_HEADER } from "@stockroom/api/client";
import {
  DEFAULT_CUSTOMER_LINK_TTL_MINUTES,
  DEFAULT_CUSTOMER_SESSION_TTL_DAYS,
  DEFAULT_INVITE_TTL_HOURS,
  DEFAULT_PASSWORD_RESET_TTL_MINUTES,
  type Deps,
} from "@stockroom/domain";
import { createServiceMetrics, DEFAULT_METRICS_ALLOW, type ServiceMetrics } from "@stockroom/metrics";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { createApiKeyAuth } from "./api-v1/api-key-auth.ts";
import { registerApiV1 } from "./api-v1/register-api-v1.ts";
import { requireCsrfHeader } from "./csrf.ts";
import { createCustomerLinkRateLimit, DEFAULT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR, DEFAULT_CUSTOMER_LINKS_PER_IP_PER_HOUR } from "./customer-link-rate-limit.ts";
import { DEFAULT_API_KEY_PER_MIN, DEFAULT_HOLDS_PER_CART_PER_MIN, DEFAULT_HOLDS_PER_IP_PER_MIN, type ServerEnv } from "./env.ts";
import { createHoldRateLimit } from "./hold-rate-limit.ts";
import { registerImportExportRoutes } from "./imports-http.ts";
import { registerMetrics } from "./metrics-http.ts";
import { registerImageFiles, registerProductImageRoutes } from "./product-images.ts";
import { requestIdFor } from "./request-id.ts";
import { registerRestRoutes } from "./rest.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { registerSpas } from "./spa.ts";
import { registerSupplierWebhooks } from "./supplier-webhooks.ts";
import { registerTrpc } from "./trpc-http.ts";

export const SESSION_COOKIE = "stockroom_session";
/** Over HTTPS the cookie is Secure and `__Host-` prefixed (browsers then refuse it from any subdomain or over HTTP). */
export const SECURE_SESSION_COOKIE = `__Host-${SESSION_COOKIE}`;
export const sessionCookieName = (isSecure: boolean) => (isSecure ? SECURE_SESSION_COOKIE : SESSION_COOKIE);
/** The storefront customer's session: its own cookie, so a staff sign-in and a customer sign-in never replace each other. */
export const CUSTOMER_COOKIE = "stockroom_customer";
export const customerCookieName = (isSecure: boolean) => (isSecure ? `__Host-${CUSTOMER_COOKIE}` : CUSTOMER_COOKIE);

export interface ServerOptions {
  env: Pick<ServerEnv, "LOG_LEVEL" | "SESSION_TTL_HOURS" | "SERVE_SPAS" | "COOKIE_SECURE"> &
    Partial<
      Pick<
        ServerEnv,
        | "TRUST_PROXY"
        | "RATE_LIMIT_HOLDS_PER_CART_PER_MIN"
        | "RATE_LIMIT_HOLDS_PER_IP_PER_MIN"
        | "RATE_LIMIT_API_KEY_PER_MIN"
        | "PUBLIC_URL"
        | "INVITE_TTL_HOURS"
        | "PASSWORD_RESET_TTL_MINUTES"
        | "CUSTOMER_LINK_TTL_MINUTES"
        | "CUSTOMER_SESSION_TTL_DAYS"
        | "RATE_LIMIT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR"
        | "RATE_LIMIT_CUSTOMER_LINKS_PER_IP_PER_HOUR"
        | "METRICS_TOKEN"
        | "METRICS_ALLOW"
        | "BACKUPS_DIR"
      >
    >;
  deps: Deps;
  /** Where the request log goes (stdout unless given; tests read it). */
  logStream?: NodeJS.WritableStream;
  /** The process's metrics registry (one per process; created here when absent). */
  metrics?: ServiceMetrics;
  /** false: tRPC's adapter answers every tRPC call (the reference `trpc-http.test.ts` compares with). */
  isTrpcDirect?: boolean;
}

/** No cookie: what /api/v1 gives the context in place of the session cookies. */
const NO_COOKIE = { token: undefined, set: () => {}, clear: () => {} };

const trustHops =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

/**
 * Fastify hosts tRPC (its adapter keeps procedures transport-free), static SPAs and, later, the REST
 * surface for integrations; pino request logging with request ids comes built in.
 */
export async function buildServer({ env, deps, logStream, isTrpcDirect, metrics }: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: env.LOG_LEVEL, ...(logStream ? { stream: logStream } : {}) },
    genReqId: requestIdFor,
    // A hop count trusts that many proxies nearest the server (Fastify's types take it as a function).
    trustProxy: typeof env.TRUST_PROXY === "number" ? trustHops(env.TRUST_PROXY) : (env.TRUST_PROXY ?? false),
    // tRPC's batch path names every procedure ("a.b,c.d,..."); Fastify's default 100 characters
    // answered 414 to a batch of about eight before tRPC saw it.
    routerOptions: { maxParamLength: 5_000 },
  });
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app, { isHttps: env.COOKIE_SECURE });
  const cookieName = sessionCookieName(env.COOKIE_SECURE);
  const customerCookie = customerCookieName(env.COOKIE_SECURE);
  const cookieOptions = { httpOnly: true, sameSite: "lax", secure: env.COOKIE_SECURE, path: "/" } as const;
  // Time spent in the server per request, for browsers' dev tools, proxies and `pnpm bench`.
  app.addHook("onSend", async (_request, reply) => {
    reply.header("server-timing", `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  const checkHoldRate = createHoldRateLimit({
    perCartPerMinute: env.RATE_LIMIT_HOLDS_PER_CART_PER_MIN ?? DEFAULT_HOLDS_PER_CART_PER_MIN,
    perIpPerMinute: env.RATE_LIMIT_HOLDS_PER_IP_PER_MIN ?? DEFAULT_HOLDS_PER_IP_PER_MIN,
  });
  const customerLinkRate = createCustomerLinkRateLimit({
    perEmailPerHour: env.RATE_LIMIT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR ?? DEFAULT_CUSTOMER_LINKS_PER_EMAIL_PER_HOUR,
    perIpPerHour: env.RATE_LIMIT_CUSTOMER_LINKS_PER_IP_PER_HOUR ?? DEFAULT_CUSTOMER_LINKS_PER_IP_PER_HOUR,
  });

  /** What every request's context holds besides its credentials. */
  const contextOptions = (req: FastifyRequest, res: FastifyReply) => ({
    deps,
    config: {
      sessionTtlHours: env.SESSION_TTL_HOURS,
      publicUrl: env.PUBLIC_URL ?? "http://localhost:3000",
      inviteTtlHours: env.INVITE_TTL_HOURS ?? DEFAULT_INVITE_TTL_HOURS,
      passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES ?? DEFAULT_PASSWORD_RESET_TTL_MINUTES,
      customerLinkTtlMinutes: env.CUSTOMER_LINK_TTL_MINUTES ?? DEFAULT_CUSTOMER_LINK_TTL_MINUTES,
      customerSessionTtlDays: env.CUSTOMER_SESSION_TTL_DAYS ?? DEFAULT_CUSTOMER_SESSION_TTL_DAYS,
      backupsDir: env.BACKUPS_DIR,
    },
    limitCustomerLinks: customerLinkRate(req, res),
    ip: req.ip,
    userAgent: req.headers["user-agent"],
    requestId: String(req.id),
    log: req.log,
    cartToken: typeof req.headers[CART_TOKEN_HEADER] === "string" ? req.headers[CART_TOKEN_HEADER] : undefined,
  });

  /** The same context for tRPC and REST: dependencies, session cookie, cart token, request id; holding and ordering are rate limited first. */
  const createRequestContext = async (req: FastifyRequest, res: FastifyReply) => {
    await checkHoldRate(req, res);
    return createContextInner({
      ...contextOptions(req, res),
      session: {
        token: req.cookies[cookieName],
        set: (token, expiresAt) => {
          res.setCookie(cookieName, token, { ...cookieOptions, expires: expiresAt });
        },
        clear: () => {
          res.clearCookie(cookieName, { path: "/", secure: env.COOKIE_SECURE });
        },
      },
      customerSession: {
        token: req.cookies[customerCookie],
        set: (token, expiresAt) => {
          res.setCookie(customerCookie, token, { ...cookieOptions, expires: expiresAt });
        },
        clear: () => {
          res.clearCookie(customerCookie, { path: "/", secure: env.COOKIE_SECURE });
        },
      },
    });
  };

  registerMetrics(app, metrics ?? createServiceMetrics("server", deps.db, { holdBatches: () => deps.holdCoalescer?.stats() }), {
    token: env.METRICS_TOKEN,
    allow: env.METRICS_ALLOW ?? DEFAULT_METRICS_ALLOW,
  });

  app.get("/healthz", async () => {
    await deps.db.$queryRaw`SELECT 1`;
    return { status: "ok" };
  });

  await app.register(async (trpcScope) => {
    trpcScope.addHook("onRequest", requireCsrfHeader);
    registerTrpc(trpcScope, { prefix: "/trpc", router: appRouter, createContext: createRequestContext, isDirect: isTrpcDirect });
  });

  await app.register(async (restScope) => {
    restScope.addHook("onRequest", requireCsrfHeader);
    registerRestRoutes(restScope, createRequestContext);
    registerImportExportRoutes(restScope, createRequestContext);
    await registerProductImageRoutes(restScope, createRequestContext);
  });
  registerImageFiles(app, deps);
  await registerSupplierWebhooks(app, deps);

  // /api/v1: API keys only. The cookies are not read (a browser's session cannot ride along).
  await registerApiV1(app, {
    authenticate: createApiKeyAuth(deps, { perMinute: env.RATE_LIMIT_API_KEY_PER_MIN ?? DEFAULT_API_KEY_PER_MIN }),
    createContext: async (req, res, actor) => ({
      ...(await createContextInner({ ...contextOptions(req, res), session: NO_COOKIE, customerSession: NO_COOKIE })),
      actor,
      viaRest: true,
    }),
  });

  if (env.SERVE_SPAS) await registerSpas(app);
  return app;
}
