import type { Db } from "@stockroom/db";

/**
 * Before reading "ProductStock" for a day: recomputes the rows whose day-dependent numbers a lot's
 * expiry has outrun since they were written (prisma/sql/stock_summary_refresh.sql). Nothing stale
 * costs two index probes; the daily expiry job runs it for everyone just after midnight.
 */
export async function refreshStockSummaries(db: Db, day: string, producerId: string | null): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`SELECT stock_summary_refresh(${day}::date, ${producerId}::uuid) AS n`;
  return row?.n ?? 0;
}

/** Rebuilds these products' summaries from their lots, under their locks (inventory:validate --fix). */
export async function rebuildStockSummaries(db: Db, productIds: string[]): Promise<number> {
  const ids = [...new Set(productIds)].sort();
  if (ids.length === 0) return 0;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT stock_lock_products(${ids}::uuid[])`;
    const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT stock_summary_recompute(${ids}::uuid[], '-infinity') AS n`;
    return row?.n ?? 0;
  });
}
