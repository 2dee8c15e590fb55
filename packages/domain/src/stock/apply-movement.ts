import type { MovementType, Tx } from "@stockroom/db";
import type { DomainError } from "../errors.ts";

export interface MovementInput {
  lotId: string;
  type: MovementType;
  /** Signed change of on hand. */
  quantity: number;
  /** Change of reserved in the same statement (fulfilment consumes its reservation). */
  reservedChange?: number;
  reason: string;
  actor: string;
  referenceType?: string;
  referenceId?: string;
  idempotencyKey?: string;
  /** When it happened (the injected clock; the ledger's time axis for reports). */
  at: Date;
}

export interface MovementRow {
  id: bigint;
  lotId: string;
  productId: string;
  type: MovementType;
  quantity: number;
  previousOnHand: number;
  newOnHand: number;
  unitCostCents: number;
  reason: string;
  createdAt: Date;
}

/**
 * One statement: a conditional update of the lot (never below zero, never below what is reserved)
 * and the ledger row recording it. Returns null when the condition fails; nothing is written then.
 */
export async function applyMovement(tx: Tx, m: MovementInput): Promise<MovementRow | null> {
  const reservedChange = m.reservedChange ?? 0;
  const rows = await tx.$queryRaw<MovementRow[]>`
    WITH updated AS (
      UPDATE "Lot" SET "onHand" = "onHand" + ${m.quantity}::int, reserved = reserved + ${reservedChange}::int
      WHERE id = ${m.lotId}::uuid AND "onHand" + ${m.quantity}::int >= reserved + ${reservedChange}::int
        AND reserved + ${reservedChange}::int >= 0
      RETURNING id, "productId", "producerId", "onHand", "unitCostCents"
    )
    INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents",
                            reason, actor, "referenceType", "referenceId", "idempotencyKey", "createdAt")
    SELECT id, "productId", "producerId", ${m.type}::"MovementType", ${m.quantity}::int, "onHand" - ${m.quantity}::int, "onHand",
           "unitCostCents", ${m.reason}, ${m.actor}, ${m.referenceType ?? null}, ${m.referenceId ?? null}, ${m.idempotencyKey ?? null},
           ${m.at.toISOString()}::timestamp
    FROM updated
    RETURNING id, "lotId", "productId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents", reason, "createdAt"`;
  return rows[0] ?? null;
}

/**
 * Many movements of one kind in one statement, for bulk work (CSV imports): the same conditional
 * update as `applyMovement` (never below zero, never below reserved; reserved untouched) and the
 * same ledger row, for distinct lots. Returns the lot ids that moved; a lot whose condition failed
 * is missing from the answer and nothing is written for it.
 */
export async function applyMovements(
  tx: Tx,
  common: Pick<MovementInput, "type" | "reason" | "actor" | "referenceType" | "referenceId" | "at">,
  moves: { lotId: string; quantity: number }[],
): Promise<string[]> {
  if (moves.length === 0) return [];
  const rows = await tx.$queryRaw<{ lotId: string }[]>`
    WITH input AS (
      SELECT * FROM unnest(${moves.map((m) => m.lotId)}::uuid[], ${moves.map((m) => m.quantity)}::int[]) AS i(lot_id, qty)
    ), updated AS (
      UPDATE "Lot" l SET "onHand" = l."onHand" + i.qty
      FROM input i
      WHERE l.id = i.lot_id AND l."onHand" + i.qty >= l.reserved
      RETURNING l.id, l."productId", l."producerId", l."onHand", l."unitCostCents", i.qty
    )
    INSERT INTO "Movement" ("lotId", "productId", "producerId", type, quantity, "previousOnHand", "newOnHand", "unitCostCents",
                            reason, actor, "referenceType", "referenceId", "createdAt")
    SELECT id, "productId", "producerId", ${common.type}::"MovementType", qty, "onHand" - qty, "onHand", "unitCostCents",
           ${common.reason}, ${common.actor}, ${common.referenceType ?? null}, ${common.referenceId ?? null}, ${common.at.toISOString()}::timestamp
    FROM updated
    RETURNING "lotId"`;
  return rows.map((r) => r.lotId);
}

export async function applyMovementOrFail(tx: Tx, m: MovementInput, failure: () => DomainError): Promise<MovementRow> {
  const row = await applyMovement(tx, m);
  if (!row) throw failure();
  return row;
}

export async function lockProducts(tx: Tx, productIds: string[]): Promise<void> {
  if (productIds.length > 0) await tx.$executeRaw`SELECT stock_lock_products(${productIds}::uuid[])`;
}

/** JSON-safe view of a movement (ids as strings), for API output and idempotent replays. */
export function movementView(m: MovementRow) {
  return {
    id: m.id.toString(),
    lotId: m.lotId,
    productId: m.productId,
    type: m.type,
    quantity: m.quantity,
    previousOnHand: m.previousOnHand,
    newOnHand: m.newOnHand,
    unitCostCents: m.unitCostCents,
    reason: m.reason,
    createdAt: new Date(m.createdAt).toISOString(),
  };
}
export type MovementView = ReturnType<typeof movementView>;
