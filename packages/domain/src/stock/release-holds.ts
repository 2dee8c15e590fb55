import { releaseCartInput } from "@stockroom/contracts";
import type { z } from "zod";
import { enqueueLowStockChecks } from "../alerts/check-low-stock.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { parseInput } from "../validation.ts";
import { sqlTimestamp } from "./sql-time.ts";
import { stockTransaction } from "./transaction-options.ts";

/** Releases one of the cart's live holds, or all of them. Another cart's hold is "not found". */
export async function releaseCartHolds(deps: Deps, input: z.input<typeof releaseCartInput> & { cartId: string }): Promise<{ released: number }> {
  const { holdId } = parseInput(releaseCartInput, input);
  const holds = await deps.db.hold.findMany({ where: { cartId: input.cartId, status: "HELD", ...(holdId ? { id: holdId } : {}) }, select: { id: true } });
  if (holdId && holds.length === 0) {
    const exists = await deps.db.hold.findFirst({ where: { id: holdId, cartId: input.cartId }, select: { id: true } });
    if (!exists) throw notFound("Hold");
    return { released: 0 };
  }
  const released = await endHolds(
    deps,
    holds.map((h) => h.id),
    "RELEASED",
    "released by the customer",
    false,
  );
  return { released };
}

/** The expiry job, scheduled at the holds' expiresAt: ends these carts' holds that are due (a refreshed hold survives). */
export async function expireCartHolds(deps: Deps, input: { cartIds: string[] }): Promise<{ expired: number }> {
  const now = deps.clock.now();
  const due = await deps.db.hold.findMany({ where: { cartId: { in: input.cartIds }, status: "HELD", expiresAt: { lte: now } }, select: { id: true } });
  const expired = await endHolds(
    deps,
    due.map((h) => h.id),
    "EXPIRED",
    `expired at its expiresAt; released by the expiry job at ${now.toISOString()}`,
    true,
  );
  return { expired };
}

/** The safety-net sweep: every due hold, product by product, in small transactions. */
export async function sweepExpiredHolds(deps: Deps): Promise<{ expired: number }> {
  const now = deps.clock.now();
  const due = await deps.db.hold.findMany({ where: { status: "HELD", expiresAt: { lte: now } }, select: { id: true }, take: 5_000 });
  let expired = 0;
  for (let i = 0; i < due.length; i += 200) {
    const ids = due.slice(i, i + 200).map((h) => h.id);
    expired += await endHolds(deps, ids, "EXPIRED", `expired at its expiresAt; released by the sweeper at ${now.toISOString()}`, true);
  }
  return { expired };
}

async function endHolds(deps: Deps, holdIds: string[], status: "RELEASED" | "EXPIRED", reason: string, isOnlyDue: boolean): Promise<number> {
  if (holdIds.length === 0) return 0;
  const now = deps.clock.now();
  return stockTransaction(deps, async (tx) => {
    const [row] = await tx.$queryRaw<{ ended: number }[]>`
      SELECT stock_end_cart_holds(${holdIds}::uuid[], ${status}::"HoldStatus", ${reason}, ${sqlTimestamp(now)}::timestamp, ${isOnlyDue}) AS ended`;
    const ended = row?.ended ?? 0;
    if (ended > 0) {
      // Freed units may lift a product back above its minimum: let the check resolve its alert.
      const products = await tx.hold.findMany({ where: { id: { in: holdIds } }, select: { productId: true }, distinct: ["productId"] });
      await enqueueLowStockChecks(
        deps,
        tx,
        products.map((p) => p.productId),
      );
    }
    return ended;
  });
}
