import type { Deps, Permission } from "@stockroom/domain";
import { type ContextInner, createContextInner, type SessionCookie } from "./context.ts";
import { appRouter, createCaller } from "./root.ts";
import { accountProcedure, cartProcedure, customerProcedure, type ProcedureMeta, staffProcedure } from "./trpc.ts";

/** A session cookie held in memory: what a browser would keep between requests. */
export class CookieJar implements SessionCookie {
  token: string | undefined;
  expiresAt: Date | undefined;
  set(token: string, expiresAt: Date): void {
    this.token = token;
    this.expiresAt = expiresAt;
  }
  clear(): void {
    this.token = undefined;
    this.expiresAt = undefined;
  }
}

export const silentLog = { error() {}, warn() {} };

/** Calls the router as a browser with `jar` would, without HTTP. */
export async function callerFor(deps: Deps, jar: SessionCookie = new CookieJar(), overrides: Partial<Omit<ContextInner, "actor">> = {}) {
  const ctx = await createContextInner({
    deps,
    config: {
      sessionTtlHours: 12,
      publicUrl: "http://stockroom.test",
      inviteTtlHours: 72,
      passwordResetTtlMinutes: 60,
      customerLinkTtlMinutes: 30,
      customerSessionTtlDays: 30,
    },
    session: jar,
    customerSession: new CookieJar(),
    ip: "127.0.0.1",
    requestId: "test",
    log: silentLog,
    cartToken: undefined,
    ...overrides,
  });
  return createCaller(ctx);
}

export type ProcedureAccess = "public" | "cart" | "account" | "customer" | Permission;

/**
 * Every procedure of the router by path, with who may call it, read back from the builder it was
 * made with: each builder adds its guard middleware, and a procedure keeps its builder's
 * middlewares. A staff procedure answers with the permission its meta declares.
 */
export function procedureAccess(): Record<string, ProcedureAccess> {
  type Built = { _def: { middlewares: unknown[]; meta?: ProcedureMeta } };
  const guard = (builder: Built) => builder._def.middlewares.at(-1);
  const [permitted, account, cart, customer] = [guard(staffProcedure("catalog.view")), guard(accountProcedure), guard(cartProcedure), guard(customerProcedure)];
  const access: Record<string, ProcedureAccess> = {};
  // At run time tRPC keeps every procedure under its dotted path here (what createCaller looks up).
  for (const [path, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, Built>)) {
    const { middlewares, meta } = procedure._def;
    if (middlewares.includes(permitted)) access[path] = meta?.permission ?? "account";
    else if (middlewares.includes(customer)) access[path] = "customer";
    else access[path] = middlewares.includes(account) ? "account" : middlewares.includes(cart) ? "cart" : "public";
  }
  return access;
}
