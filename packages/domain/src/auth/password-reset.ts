import { requestPasswordResetInput, resetPasswordInput } from "@stockroom/contracts";
import type { z } from "zod";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { hashPassword } from "./password.ts";
import { PASSWORD_RESET_LIMIT, withAttemptClaimed } from "./rate-limit.ts";
import { newSessionToken, sessionIdFor } from "./session-token.ts";

export const DEFAULT_PASSWORD_RESET_TTL_MINUTES = 60;

export interface ResetLinkConfig {
  /** Where the admin SPA is served (PUBLIC_URL), without a trailing slash. */
  publicUrl: string;
  ttlMinutes: number;
}

/**
 * Emails a single-use reset link to an existing account. The answer (and the limiter's count) is
 * the same whether or not the email has an account, so the form cannot tell who has one. One row
 * per person (its key): a newer request replaces the older token, so at most one link works.
 */
export async function requestPasswordReset(deps: Deps, input: z.input<typeof requestPasswordResetInput> & { ip: string } & ResetLinkConfig): Promise<void> {
  const { email } = parseInput(requestPasswordResetInput, input);
  // One transaction either way (the limiter's slot, the lookup, and for an account its writes), so an
  // unknown email does not answer measurably sooner.
  await withAttemptClaimed(deps, { email, ip: input.ip }, PASSWORD_RESET_LIMIT, async (tx) => {
    const token = newSessionToken();
    const tokenHash = sessionIdFor(token);
    const staff = await tx.staff.findUnique({ where: { email } });
    // A deactivated account gets no link (it could not sign in with a new password anyway).
    if (!staff || staff.deactivatedAt) return;
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + input.ttlMinutes * 60_000);
    const link = `${input.publicUrl.replace(/\/+$/, "")}/admin/reset-password?token=${encodeURIComponent(token)}`;
    await tx.passwordReset.upsert({
      where: { staffId: staff.id },
      create: { staffId: staff.id, tokenHash, expiresAt, createdAt: now },
      update: { tokenHash, expiresAt, createdAt: now },
    });
    const recipients = { EMAIL: [staff.email], SMS: [], WHATSAPP: [] };
    await queueNotifications(
      deps,
      tx,
      { recipients, lowStockChannels: [], escalationChannels: [], expiryChannels: [], quietHours: null },
      {
        producerId: staff.producerId,
        eventKey: `password-reset:${tokenHash}`,
        channels: ["EMAIL"],
        template: "password-reset",
        subject: "Reset your Stockroom password",
        body:
          `Someone (hopefully you) asked to reset the password of your Stockroom account.\n\n` +
          `Open this link within ${input.ttlMinutes} minutes to choose a new password; it works once:\n${link}\n\n` +
          "If you did not ask for this, ignore this email: your password stays as it is.",
      },
    );
    await recordAudit(tx, {
      action: "auth.password_reset_requested",
      producerId: staff.producerId,
      actorEmail: email,
      target: { type: "staff", id: staff.id },
      ip: input.ip,
    });
  });
}

const LINK_NOT_VALID = "This link has expired or has already been used. Ask for a new one.";

/**
 * Sets a new password from an emailed link and ends every session of that person; it does not sign
 * in. The token is consumed by one DELETE ... RETURNING: of two concurrent submits, one gets the row.
 */
export async function resetPassword(deps: Deps, input: z.input<typeof resetPasswordInput> & { ip: string }): Promise<void> {
  const { token, password } = parseInput(resetPasswordInput, input);
  // Hashed before the transaction: argon2 is slow and must not hold a connection.
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  await deps.db.$transaction(async (tx) => {
    const used = await tx.$queryRaw<{ staffId: string }[]>`
      DELETE FROM "PasswordReset" WHERE "tokenHash" = ${sessionIdFor(token)} AND "expiresAt" > ${now.toISOString()}::timestamp RETURNING "staffId"`;
    const staffId = used[0]?.staffId;
    if (!staffId) throw new DomainError("VALIDATION_FAILED", LINK_NOT_VALID, { fields: { token: LINK_NOT_VALID } });
    const staff = await tx.staff.update({ where: { id: staffId }, data: { passwordHash } });
    const ended = await tx.staffSession.deleteMany({ where: { staffId } });
    await recordAudit(tx, {
      action: "auth.password_reset",
      producerId: staff.producerId,
      actorEmail: staff.email,
      target: { type: "staff", id: staff.id },
      ip: input.ip,
      details: { sessionsEnded: ended.count },
    });
  });
}
