import type { Deps } from "@stockroom/domain";
import { type ContextInner, createContextInner, type SessionCookie } from "./context.ts";
import { appRouter, createCaller } from "./root.ts";
import { cartProcedure, platformAdminProcedure, staffProcedure } from "./trpc.ts";

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
    config: { sessionTtlHours: 12 },
    session: jar,
    ip: "127.0.0.1",
    requestId: "test",
    log: silentLog,
    cartToken: undefined,
    ...overrides,
  });
  return createCaller(ctx);
}

export type ProcedureAccess = "public" | "cart" | "staff" | "platform-admin";

/**
 * Every procedure of the router by path, with who may call it, read back from the builder it was
 * made with: each builder adds its guard middleware, and a procedure keeps its builder's middlewares.
 */
export function procedureAccess(): Record<string, ProcedureAccess> {
  type Built = { _def: { middlewares: unknown[] } };
  const guard = (builder: Built) => builder._def.middlewares.at(-1);
  const [platform, staff, cart] = [guard(platformAdminProcedure), guard(staffProcedure), guard(cartProcedure)];
  const access: Record<string, ProcedureAccess> = {};
  // At run time tRPC keeps every procedure under its dotted path here (what createCaller looks up).
  for (const [path, procedure] of Object.entries(appRouter._def.procedures as unknown as Record<string, Built>)) {
    const { middlewares } = procedure._def;
    access[path] = middlewares.includes(platform) ? "platform-admin" : middlewares.includes(staff) ? "staff" : middlewares.includes(cart) ? "cart" : "public";
  }
  return access;
}
