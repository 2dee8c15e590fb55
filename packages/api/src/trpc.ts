import { cartIdFor, cartTokenSchema, DomainError, isDomainError, type StaffActor } from "@stockroom/domain";
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

const t = initTRPC.context<ContextInner>().create({
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

export const staffProcedure = publicProcedure.use(({ ctx, next }) => {
  if (ctx.actor.kind !== "staff") throw new DomainError("UNAUTHENTICATED", "Please sign in.");
  return next({ ctx: { ...ctx, actor: ctx.actor as StaffActor } });
});

export const platformAdminProcedure = staffProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "PLATFORM_ADMIN") throw new DomainError("FORBIDDEN", "Only platform admins can do this.");
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
