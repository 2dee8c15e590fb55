import type { INVENTORY_SORTS, listInventoryInput } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { decodeCursor, encodeCursor } from "../../cursor.ts";
import type { Deps } from "../../deps.ts";
import { containsPattern } from "../../like-pattern.ts";

type Query = z.output<typeof listInventoryInput>;
type Sort = (typeof INVENTORY_SORTS)[number];

/** Each sort's column; ties broken by id in the same direction, so (key, id) is a keyset an index walks. */
const SORT_COLUMN: Record<Sort, { sql: string; kind: "string" | "number" }> = {
  name: { sql: "p.name", kind: "string" },
  sku: { sql: "p.sku", kind: "string" },
  category: { sql: "p.category", kind: "string" },
  available: { sql: "s.available", kind: "number" },
  value: { sql: 's."valueCents"', kind: "number" },
};

/** What narrows the rows: producer, only these ids, category, status, a search over name, SKU, barcode and lot numbers. */
function filters(q: Query, scope: string | null, productIds: string[] | undefined): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope) parts.push(Prisma.sql`s."producerId" = ${scope}::uuid AND p."producerId" = ${scope}::uuid`);
  if (productIds) parts.push(Prisma.sql`p.id = ANY(${productIds}::uuid[])`);
  if (q.category) parts.push(Prisma.sql`p.category = ${q.category}`);
  if (q.status) parts.push(Prisma.sql`s.status = ${q.status}`);
  if (q.search) {
    const pattern = containsPattern(q.search);
    // A union of index lookups (trigram indexes on each column) rather than one OR over every product.
    parts.push(Prisma.sql`p.id IN (
      SELECT id FROM "Product" WHERE "searchName" LIKE lower(${pattern})
      UNION SELECT id FROM "Product" WHERE sku ILIKE ${pattern}
      UNION SELECT id FROM "Product" WHERE barcode ILIKE ${pattern}
      UNION SELECT "productId" FROM "Lot" WHERE "lotNumber" ILIKE ${pattern})`);
  }
  return Prisma.join(parts, " AND ");
}

/** The filters that need only the summaries (producer, status). */
function summaryFilters(q: Query, scope: string | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (scope) parts.push(Prisma.sql`s."producerId" = ${scope}::uuid`);
  if (q.status) parts.push(Prisma.sql`s.status = ${q.status}`);
  return Prisma.join(parts, " AND ");
}

/**
 * One page of product ids in the list's order, read from the product summaries ("ProductStock"),
 * and how many rows match. A cursor continues after the row it names (keyset: as fast at row
 * 50,000 as at row 1); without one, `page` counts pages from the start.
 */
export async function inventoryPage(deps: Deps, q: Query, scope: string | null, productIds?: string[]) {
  const column = SORT_COLUMN[q.sort];
  const direction = q.direction === "asc" ? "ASC" : "DESC";
  const where = filters(q, scope, productIds);
  let after = Prisma.sql`TRUE`;
  if (q.cursor) {
    const [key, id] = column.kind === "number" ? decodeCursor(q.cursor, ["number", "uuid"] as const) : decodeCursor(q.cursor, ["string", "uuid"] as const);
    const typedKey = typeof key === "number" ? Prisma.sql`${key}::bigint` : Prisma.sql`${key}::text`;
    after = Prisma.sql`(${Prisma.raw(column.sql)}, p.id) ${Prisma.raw(direction === "ASC" ? ">" : "<")} (${typedKey}, ${id}::uuid)`;
  }
  const offset = q.cursor ? 0 : (q.page - 1) * q.pageSize;
  // A status other than "in stock" is usually a few products: fetch those through the status index
  // and sort them (OFFSET 0 keeps the planner from walking the whole catalog in order instead, which
  // read 12,892 products to find 51 of 800 "out" at 100,000).
  const summaries =
    q.status && q.status !== "in_stock" ? Prisma.sql`(SELECT * FROM "ProductStock" WHERE status = ${q.status} OFFSET 0)` : Prisma.sql`"ProductStock"`;
  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<{ id: string; key: string | number | bigint }[]>`
      SELECT p.id, ${Prisma.raw(column.sql)} AS key
      FROM ${summaries} s JOIN "Product" p ON p.id = s."productId"
      WHERE ${where} AND ${after}
      ORDER BY ${Prisma.raw(`${column.sql} ${direction}, p.id ${direction}`)}
      LIMIT ${q.pageSize + 1} OFFSET ${offset}`,
    // Without a filter on the product itself, the summaries alone are counted (an index-only scan; the join cost ~100 ms at 100,000).
    q.category || q.search || productIds
      ? deps.db.$queryRaw<{ total: number }[]>`
          SELECT COUNT(*)::int AS total FROM "ProductStock" s JOIN "Product" p ON p.id = s."productId" WHERE ${where}`
      : deps.db.$queryRaw<{ total: number }[]>`
          SELECT COUNT(*)::int AS total FROM "ProductStock" s WHERE ${summaryFilters(q, scope)}`,
  ]);
  const page = rows.slice(0, q.pageSize);
  const last = page.at(-1);
  const hasMore = rows.length > q.pageSize;
  return {
    ids: page.map((r) => r.id),
    total: counted[0]?.total ?? 0,
    nextCursor: hasMore && last ? encodeCursor([typeof last.key === "bigint" ? Number(last.key) : last.key, last.id]) : null,
  };
}
