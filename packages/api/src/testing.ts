import type { Deps } from "@stockroom/domain";
import { type ContextInner, createContextInner, type SessionCookie } from "./context.ts";
import { createCaller } from "./root.ts";

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
