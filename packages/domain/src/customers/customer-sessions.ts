import { completeCustomerSignInInput } from "@stockroom/contracts";
import type { z } from "zod";
import { newSessionToken, sessionIdFor } from "../auth/session-token.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { sqlTimestamp } from "../stock/sql-time.ts";
import { parseInput } from "../validation.ts";

export const DEFAULT_CUSTOMER_SESSION_TTL_DAYS = 30;

/** A signed-in customer: who they are is the email their orders were placed with. */
export interface CustomerIdentity {
  email: string;
}

const LINK_NOT_VALID = "This link has expired or has already been used. Ask for a new one.";

/**
 * Consumes an emailed link and opens a customer session. One conditional UPDATE ... RETURNING takes
 * the token: of two concurrent completions exactly one gets the row, the other is refused.
 */
export async function completeCustomerSignIn(
  deps: Deps,
  input: z.input<typeof completeCustomerSignInInput> & { sessionTtlDays: number },
): Promise<{ token: string; expiresAt: Date; email: string; orderId: string | null }> {
  const { token } = parseInput(completeCustomerSignInInput, input);
  const now = deps.clock.now();
  return deps.db.$transaction(async (tx) => {
    const used = await tx.$queryRaw<{ email: string; orderId: string | null }[]>`
      UPDATE "CustomerLoginToken" SET "usedAt" = ${sqlTimestamp(now)}::timestamp
      WHERE "tokenHash" = ${sessionIdFor(token)} AND "usedAt" IS NULL AND "expiresAt" > ${sqlTimestamp(now)}::timestamp
      RETURNING email, "orderId"`;
    const link = used[0];
    if (!link) throw new DomainError("VALIDATION_FAILED", LINK_NOT_VALID, { fields: { token: LINK_NOT_VALID } });
    const sessionToken = newSessionToken();
    const expiresAt = new Date(now.getTime() + input.sessionTtlDays * 86_400_000);
    await tx.customerSession.create({ data: { id: sessionIdFor(sessionToken), email: link.email, createdAt: now, expiresAt } });
    return { token: sessionToken, expiresAt, email: link.email, orderId: link.orderId };
  });
}

/** The customer behind a session cookie, or null when unknown or expired. */
export async function resolveCustomerSession(deps: Deps, token: string | undefined): Promise<CustomerIdentity | null> {
  if (!token) return null;
  const session = await deps.db.customerSession.findUnique({ where: { id: sessionIdFor(token) } });
  if (!session || session.expiresAt <= deps.clock.now()) return null;
  return { email: session.email };
}

export async function customerSignOut(deps: Deps, token: string | undefined): Promise<void> {
  if (!token) return;
  await deps.db.customerSession.deleteMany({ where: { id: sessionIdFor(token) } });
}
