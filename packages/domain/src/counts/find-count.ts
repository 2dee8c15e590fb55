import type { Tx } from "@stockroom/db";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { DomainError, notFound } from "../errors.ts";

type Reader = Deps["db"] | Tx;

/** Another producer's count is "not found", like any record. */
export async function findOwnedCount(db: Reader, actor: StaffActor, sessionId: string) {
  const scope = scopeProducerId(actor);
  const session = await db.countSession.findFirst({ where: { id: sessionId, ...(scope ? { producerId: scope } : {}) } });
  if (!session) throw notFound("Count");
  return session;
}

/** Locks the count's row (entries take a share lock, approval and cancel an update lock) and checks it is still open. */
export async function lockOpenCount(tx: Tx, sessionId: string, mode: "share" | "update") {
  const rows =
    mode === "share"
      ? await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "CountSession" WHERE id = ${sessionId}::uuid FOR SHARE`
      : await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM "CountSession" WHERE id = ${sessionId}::uuid FOR UPDATE`;
  const status = rows[0]?.status;
  if (status !== "COUNTING")
    throw new DomainError("CONFLICT", `This count is ${status === "APPROVED" ? "already approved" : "cancelled"}.`, { details: { status } });
}
