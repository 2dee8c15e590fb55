import type { TestDatabase } from "@stockroom/db/testing";
import { type Deps, type DomainError, isDomainError } from "@stockroom/domain";
import { createStaff, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { expect } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";

// Test support for the staff, producers and audit tests.
type Db = TestDatabase["db"];

/** The TRPC code and the domain's field reasons of a failed call. */
export async function failure(call: Promise<unknown>): Promise<{ code: string; fields: Record<string, string> | null; message: string }> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const cause = (error as TRPCError).cause;
  return {
    code: (error as TRPCError).code,
    fields: isDomainError(cause) ? ((cause as DomainError).fields ?? null) : null,
    message: (error as TRPCError).message,
  };
}

/** A signed-in caller for a new staff member, with the jar that holds their session. */
export async function signedInStaff(deps: Deps, db: Db, role: Parameters<typeof createStaff>[1]["role"], producerId: string | null) {
  const staff = await createStaff(db, { role, producerId });
  const jar = new CookieJar();
  await (await callerFor(deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
  return { staff, jar, caller: () => callerFor(deps, jar) };
}

/** The token in the newest invitation email to `email` (read from the Notification row, as the outbox keeps it). */
export async function invitationToken(db: Db, email: string): Promise<string> {
  const notification = await db.notification.findFirstOrThrow({ where: { recipient: email, template: "staff.invitation" }, orderBy: { createdAt: "desc" } });
  const token = /accept-invite\?token=([\w-]+)/.exec(notification.body)?.[1];
  if (!token) throw new Error(`no link in: ${notification.body}`);
  return token;
}

/** The staff and settings events written (sign-ins and other auth.* events of the test's callers left out). */
export async function auditActions(db: Db, where: { producerId?: string | null; targetId?: string } = {}): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    where: { ...where, NOT: { action: { startsWith: "auth." } } },
    orderBy: { id: "asc" },
    select: { action: true },
  });
  return rows.map((r) => r.action);
}
