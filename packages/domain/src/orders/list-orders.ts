import { listOrdersInput, type OrderSort } from "@stockroom/contracts";
import { Prisma } from "@stockroom/db";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import { decodeCursor, encodeCursor } from "../cursor.ts";
import type { Deps } from "../deps.ts";
import { DomainError } from "../errors.ts";
import { containsPattern } from "../like-pattern.ts";
import { parseInput } from "../validation.ts";

// References sort by their prefix, then by number (GL-999 before GL-1000).
const SORT_SQL: Record<OrderSort, (direction: string) => string> = {
  placed: (d) => `o."createdAt" ${d}, o.number ${d}`,
  reference: (d) => `regexp_replace(o.reference, '-[0-9]+$', '') ${d}, o."producerNumber" ${d}`,
  total: (d) => `"totalCents" ${d}, o.number DESC`,
};

/** A phone search needs this many digits, so a word with a digit or two does not match every phone. */
const MIN_PHONE_DIGITS = 4;

/**
 * One search box, several kinds of match (any one is enough): the reference (GL-1001) or its number
 * (1001, also the global order number), part of the customer's name or email (case-insensitive),
 * or the phone by its digits ("07700 900123" finds "+44 7700 900123": leading zeros are dropped).
 */
function searchCondition(search: string): Prisma.Sql {
  const pattern = containsPattern(search);
  const kinds = [Prisma.sql`o.reference ILIKE ${pattern}`, Prisma.sql`o."customerName" ILIKE ${pattern}`, Prisma.sql`o."customerEmail" ILIKE ${pattern}`];
  const number = search.match(/^#?(\d{1,9})$/)?.[1];
  if (number) kinds.push(Prisma.sql`o."producerNumber" = ${Number(number)}`, Prisma.sql`o.number = ${Number(number)}`);
  const digits = search.replace(/\D/g, "").replace(/^0+/, "");
  if (digits.length >= MIN_PHONE_DIGITS && /^[\d\s().+-]+$/.test(search))
    kinds.push(Prisma.sql`regexp_replace(o."customerPhone", '[^0-9]', '', 'g') LIKE ${`%${digits}%`}`);
  return Prisma.sql`(${Prisma.join(kinds, " OR ")})`;
}

export interface OrderSummary {
  id: string;
  number: number;
  reference: string;
  status: "PENDING" | "CONFIRMED" | "DISPATCHED" | "DELIVERED" | "CANCELLED";
  producerId: string;
  producerName: string;
  createdAt: string;
  customerName: string | null;
  customerEmail: string | null;
  fulfilment: "DELIVERY" | "COLLECTION" | null;
  itemCount: number;
  totalCents: number;
  stockMovedAt: string | null;
}

/** The admin's orders list: a slim summary per order (no lines or timeline), a page at a time, with the total. */
export async function listOrders(deps: Deps, actor: StaffActor, input: z.input<typeof listOrdersInput>) {
  const q = parseInput(listOrdersInput, input);
  const scope = scopeProducerId(actor, q.producerId) ?? null;
  const conditions = [Prisma.sql`TRUE`];
  if (scope) conditions.push(Prisma.sql`o."producerId" = ${scope}::uuid`);
  if (q.status) conditions.push(Prisma.sql`o.status = ${q.status}::"OrderStatus"`);
  if (q.fulfilment) conditions.push(Prisma.sql`o.fulfilment = ${q.fulfilment}::"FulfilmentMethod"`);
  if (q.from) conditions.push(Prisma.sql`o."createdAt" >= ${q.from}::date`);
  if (q.to) conditions.push(Prisma.sql`o."createdAt" < ${q.to}::date + 1`);
  if (q.search) conditions.push(searchCondition(q.search));
  const isDescending = q.direction !== "asc";
  if (q.cursor) {
    const [at, number] = decodeCursor(q.cursor, ["string", "number"] as const);
    if (
      !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(at) ||
      Number.isNaN(Date.parse(at)) ||
      !Number.isSafeInteger(number) ||
      Math.abs(number) > 2 ** 31
    )
      throw new DomainError("VALIDATION_FAILED", "This cursor is not one we gave out.", { fields: { cursor: "not a cursor from this list" } });
    // createdAt is a UTC timestamp without zone: the cast keeps the wall time the cursor carries.
    const key = Prisma.sql`(${at}::timestamp(3), ${number}::int)`;
    conditions.push(isDescending ? Prisma.sql`(o."createdAt", o.number) < ${key}` : Prisma.sql`(o."createdAt", o.number) > ${key}`);
  }
  const where = Prisma.join(conditions, " AND ");
  const order = Prisma.raw(SORT_SQL[q.sort](q.direction === "asc" ? "ASC" : "DESC"));

  const [rows, counted] = await Promise.all([
    deps.db.$queryRaw<(Omit<OrderSummary, "createdAt" | "stockMovedAt" | "totalCents"> & { createdAt: Date; stockMovedAt: Date | null; totalCents: bigint })[]>`
      SELECT o.id, o.number, o.reference, o.status::text AS status, o."producerId", p.name AS "producerName", o."createdAt",
        o."customerName", o."customerEmail", o.fulfilment::text AS fulfilment, o."stockMovedAt",
        COALESCE(t.items, 0)::int AS "itemCount", COALESCE(t.total, 0)::bigint AS "totalCents"
      FROM "Order" o
      JOIN "Producer" p ON p.id = o."producerId"
      LEFT JOIN LATERAL (
        SELECT SUM(l.quantity) AS items, SUM(l.quantity::bigint * l."unitPriceCents") AS total FROM "OrderLine" l WHERE l."orderId" = o.id
      ) t ON TRUE
      WHERE ${where}
      ORDER BY ${order}
      LIMIT ${q.pageSize} OFFSET ${q.cursor ? 0 : (q.page - 1) * q.pageSize}`,
    deps.db.$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM "Order" o WHERE ${where}`,
  ]);
  const last = rows.at(-1);
  return {
    orders: rows.map(
      (row): OrderSummary => ({
        ...row,
        createdAt: row.createdAt.toISOString(),
        stockMovedAt: row.stockMovedAt?.toISOString() ?? null,
        totalCents: Number(row.totalCents),
      }),
    ),
    total: Number(counted[0]?.total ?? 0),
    /** Keyset paging (sort "placed"): pass it as `cursor` for the next page; null after the last. */
    nextCursor: q.sort === "placed" && rows.length === q.pageSize && last ? encodeCursor([last.createdAt.toISOString(), last.number]) : null,
    page: q.page,
    pageSize: q.pageSize,
  };
}
