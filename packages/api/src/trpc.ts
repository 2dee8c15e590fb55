import { cartIdFor, cartTokenSchema, DomainError, isDomainError, type Permission, redactFor, requirePermission, type StaffActor } from "@stockroom/domain";
import { initTRPC, TRPCError } from "@trpc/server";
import type { ContextInner } from "./context.ts";
import { asDomainError, DOMAIN_TO_TRPC } from "./error-map.ts";

export interface ErrorData {
  domainCode: string | null;
  userMessage: string;
  fields: Record<string, string> | null;
  details: unknown;
  requestId: string | null;
}

export interface ProcedureMeta {
  /** Refused inside a tRPC batch of two or more calls (apps/server's trpc-http.ts). */
  isSoloCall?: boolean;
  /** What a staff procedure needs (set by `staffProcedure(permission)`). */
  permission?: Permission;
}

const t = initTRPC
  .context<ContextInner>()
  .meta<ProcedureMeta>()
  .create({
    errorFormatter({ shape, error, ctx }) {
      const domain = isDomainError(error.cause) ? error.cause : null;
      const isInternal = !domain && error.code === "INTERNAL_SERVER_ERROR";
      const data: ErrorData = {
        domainCode: domain?.code ?? null,
        userMessage: domain?.userMessage ?? (isInternal ? "Something went wrong on our side. Please try again." : error.message),
        fields: domain?.fields ?? null,
        details: domain?.details ?? null,
        requestId: ctx?.requestId ?? null,
      };
      // Unknown errors never leak their message or stack to the client.
      return { ...shape, message: data.userMessage, data: { ...shape.data, stack: undefined, ...data } };
    },
  });

/** Domain errors become their mapped tRPC code; anything else is a 500 and is logged with the request id. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    // Input schemas on procedures fail before the domain runs: report them exactly like domain validation.
    const cause = asDomainError(result.error.cause) ?? result.error.cause;
    if (isDomainError(cause)) {
      if (cause.code === "TIMEOUT") ctx.log.warn({ err: cause.cause, path, requestId: ctx.requestId }, "statement timeout");
      result.error = new TRPCError({ code: DOMAIN_TO_TRPC[cause.code], message: cause.userMessage, cause });
    } else if (result.error.code === "INTERNAL_SERVER_ERROR") {
      ctx.log.error({ err: cause ?? result.error, path, requestId: ctx.requestId }, "unhandled error in procedure");
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(errorMapping);

const signedIn = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "staff") throw new DomainError("UNAUTHENTICATED", "Please sign in.");
  return next({ ctx: { ...ctx, actor: ctx.actor as StaffActor } });
});

/**
 * The role check: the procedure's permission (from its meta) against the actor's role, in the
 * domain's terms; then the answer as the role may see it (cost fields null without `costs.view`).
 */
const permitted = t.middleware(async ({ ctx, meta, next }) => {
  const actor = ctx.actor as StaffActor;
  if (!meta?.permission) throw new DomainError("FORBIDDEN", "This action declares no permission.");
  requirePermission(actor, meta.permission);
  const result = await next();
  return result.ok ? { ...result, data: redactFor(actor, result.data) } : result;
});

/** A procedure for signed-in staff whose role grants `permission` (the matrix: @stockroom/contracts' ROLE_PERMISSIONS). */
export const staffProcedure = (permission: Permission) => signedIn.meta({ permission }).use(permitted);

/** Signed-in staff of any role, for what concerns only themselves (their own account and sessions); an API key has no account. */
export const accountProcedure = signedIn.use(({ ctx, next }) => {
  if (ctx.actor.apiKeyId) throw new DomainError("FORBIDDEN", "An API key has no account.");
  return next();
});

/** Guests act on their cart through its token; the domain sees only the derived cart id. */
export const cartProcedure = publicProcedure.use(({ ctx, next }) => {
  const token = cartTokenSchema.safeParse(ctx.cartToken);
  if (!token.success)
    throw new DomainError("UNAUTHENTICATED", "Send your cart token in the x-cart-token header.", {
      fields: { "x-cart-token": token.error.issues[0]?.message ?? "missing" },
    });
  return next({ ctx: { ...ctx, cartId: cartIdFor(token.data) } });
});

/** A customer signed in by an emailed link (its own cookie); what they see is keyed by their email. */
export const customerProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.customer) throw new DomainError("UNAUTHENTICATED", "Sign in with the link we email you to see your orders.");
  return next({ ctx: { ...ctx, customer: ctx.customer } });
});
