import { type Actor, ANONYMOUS, type CustomerIdentity, type Deps, resolveCustomerSession, resolveSession } from "@stockroom/domain";

export interface Logger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
}

/** How procedures read and write the session cookie without knowing about HTTP. */
export interface SessionCookie {
  token: string | undefined;
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface ApiConfig {
  sessionTtlHours: number;
  /** PUBLIC_URL: the origin links in emails point to. */
  publicUrl: string;
  /** INVITE_TTL_HOURS: how long an invitation link works. */
  inviteTtlHours: number;
  /** PASSWORD_RESET_TTL_MINUTES: how long a reset link works. */
  passwordResetTtlMinutes: number;
  /** CUSTOMER_LINK_TTL_MINUTES: how long a customer's emailed sign-in or order link works. */
  customerLinkTtlMinutes: number;
  /** CUSTOMER_SESSION_TTL_DAYS: how long a customer stays signed in. */
  customerSessionTtlDays: number;
  /** BACKUPS_DIR: the embedded cluster's base backups (set by `pnpm start`); absent on DATABASE_URL, where System health says backups are not available. */
  backupsDir?: string | undefined;
}

export interface ContextInner {
  deps: Deps;
  config: ApiConfig;
  actor: Actor;
  session: SessionCookie;
  /** The customer's session cookie: its own name, separate from the staff session. */
  customerSession: SessionCookie;
  /** The signed-in customer (from customerSession), or null. */
  customer: CustomerIdentity | null;
  /**
   * Counts one emailed customer link against the email and the client IP; throws RATE_LIMITED
   * (apps/server sets Retry-After). Absent (router tests): no limit.
   */
  limitCustomerLinks?: (email: string) => Promise<void>;
  ip: string;
  /** The browser's User-Agent header, recorded on the sessions it opens. */
  userAgent?: string | undefined;
  requestId: string;
  log: Logger;
  /** The guest's cart token (x-cart-token header), if sent. */
  cartToken: string | undefined;
  /** Set by the REST routes: changes they make are recorded as coming from the API (else the SPAs). */
  viaRest?: boolean;
}

/** Inner context: dependencies only. Tests build it directly and call the router with createCaller. */
export async function createContextInner(options: Omit<ContextInner, "actor" | "customer">): Promise<ContextInner> {
  const [staff, customer] = await Promise.all([
    resolveSession(options.deps, options.session.token),
    resolveCustomerSession(options.deps, options.customerSession.token),
  ]);
  return { ...options, actor: staff ?? ANONYMOUS, customer };
}
