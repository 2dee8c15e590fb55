import type { Tx } from "@stockroom/db";
import { DomainError } from "../errors.ts";

export interface ReturnableLot {
  orderLineId: string;
  lotId: string;
  lotNumber: string;
  productId: string;
  productName: string;
  /** Units delivered from this lot on this line, minus those already returned. */
  returnable: number;
}

/**
 * What can still come back, per (order line, lot): delivered from that lot minus already returned.
 * Call with the order row locked, so a concurrent return waits and then reads this one's lines.
 */
export async function returnableLots(tx: Tx, orderId: string): Promise<Map<string, ReturnableLot>> {
  const rows = await tx.$queryRaw<ReturnableLot[]>`
    SELECT oa."orderLineId", oa."lotId", l."lotNumber", ol."productId", p.name AS "productName",
           (oa.quantity - COALESCE((SELECT SUM(r.quantity) FROM "OrderReturnLine" r
                                    WHERE r."orderLineId" = oa."orderLineId" AND r."lotId" = oa."lotId"), 0))::int AS returnable
    FROM "OrderLineAllocation" oa
    JOIN "OrderLine" ol ON ol.id = oa."orderLineId"
    JOIN "Lot" l ON l.id = oa."lotId"
    JOIN "Product" p ON p.id = ol."productId"
    WHERE ol."orderId" = ${orderId}::uuid`;
  return new Map(rows.map((r) => [lotKey(r), r]));
}

export const lotKey = (r: { orderLineId: string; lotId: string }) => `${r.orderLineId}:${r.lotId}`;

/**
 * Refuses a request asking for more than can come back from any (line, lot), naming the first
 * field at fault: `lines.<i>.lotId` when nothing of that line came from that lot, else
 * `lines.<i>.quantity` (the same (line, lot) named twice counts both).
 */
export function checkReturnable(returnable: Map<string, ReturnableLot>, lines: { orderLineId: string; lotId: string; quantity: number }[]): void {
  const asked = new Map<string, number>();
  lines.forEach((line, i) => {
    const lot = returnable.get(lotKey(line));
    if (!lot) {
      throw new DomainError("VALIDATION_FAILED", "That lot was not delivered on that order line.", {
        fields: { [`lines.${i}.lotId`]: "not delivered on this order line" },
      });
    }
    const total = (asked.get(lotKey(line)) ?? 0) + line.quantity;
    asked.set(lotKey(line), total);
    if (total > lot.returnable) {
      throw new DomainError("VALIDATION_FAILED", `At most ${lot.returnable} unit(s) of ${lot.productName} from lot ${lot.lotNumber} can still be returned.`, {
        fields: { [`lines.${i}.quantity`]: `at most ${lot.returnable}` },
        details: { lotId: lot.lotId, returnable: lot.returnable },
      });
    }
  });
}
