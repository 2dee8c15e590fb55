import { DEFAULT_COUNT_EVERY_DAYS, dueForCountInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

/**
 * The cycle-count schedule: a product holding stock is due when it was never counted, or the last
 * approved count that counted it is older than its interval (Product.countEveryDays, else DEFAULT_COUNT_EVERY_DAYS).
 * A product already in an open count is not due.
 */
/** When the product was last counted: the latest approved count in which one of its lots was counted. */
const lastCounted = Prisma.sql`
  SELECT max(s."closedAt") AS "lastCountedAt" FROM "CountLine" cl JOIN "CountSession" s ON s.id = cl."sessionId"
  WHERE cl."productId" = p.id AND s.status = 'APPROVED'
    AND EXISTS (SELECT 1 FROM "CountEntry" ce WHERE ce."lineId" = cl.id AND ce.round = cl.round)`;

const dueProducts = (producerId: string | null, now: Date) => Prisma.sql`
  SELECT p.id FROM "Product" p
  LEFT JOIN LATERAL (${lastCounted}) last ON true
  WHERE (${producerId}::uuid IS NULL OR p."producerId" = ${producerId}::uuid) AND p."archivedAt" IS NULL AND p."trackInventory"
    AND EXISTS (SELECT 1 FROM "Lot" l WHERE l."productId" = p.id AND l."onHand" > 0)
    AND NOT EXISTS (SELECT 1 FROM "CountLine" cl WHERE cl."productId" = p.id AND cl.open)
    AND (last."lastCountedAt" IS NULL
         OR last."lastCountedAt" < ${now.toISOString()}::timestamp - make_interval(days => COALESCE(p."countEveryDays", ${DEFAULT_COUNT_EVERY_DAYS}::int)))`;

export const DUE_PRODUCTS_SQL = dueProducts;

export interface DueProduct {
  productId: string;
  sku: string;
  name: string;
  category: string;
  countEveryDays: number;
  lastCountedAt: Date | null;
}

/** The products due for a count, the longest-uncounted first. */
export async function dueForCount(deps: Deps, actor: StaffActor, input: z.input<typeof dueForCountInput>) {
  const data = parseInput(dueForCountInput, input);
  const producerId = scopeProducerId(actor, data.producerId);
  const rows = await deps.db.$queryRaw<DueProduct[]>`
        SELECT p.id AS "productId", p.sku, p.name, p.category, COALESCE(p."countEveryDays", ${DEFAULT_COUNT_EVERY_DAYS}::int) AS "countEveryDays",
               last."lastCountedAt"
        FROM "Product" p LEFT JOIN LATERAL (${lastCounted}) last ON true WHERE p.id IN (${dueProducts(producerId ?? null, deps.clock.now())})
        ORDER BY "lastCountedAt" ASC NULLS FIRST, p.name LIMIT ${data.limit}`;
  return rows.map((r) => ({ ...r, lastCountedAt: r.lastCountedAt?.toISOString() ?? null }));
}
