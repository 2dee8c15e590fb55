import { approveCount, type Deps, getCount, recordCount, type StaffActor, startCount } from "@stockroom/domain";

/** Days before today on which the simulated shop counted its shelves (a cycle count of the shop). */
export const DEMO_COUNT_DAYS = [63, 42, 21, 7];

/**
 * A cycle count of one location, counted and approved at the simulated time: every lot is counted,
 * and now and then one holds a unit more than the system thought (a receipt miscounted), so the
 * accuracy trend has points below 100 %. Deterministic: which lots differ depends on the day.
 */
export async function countAndApprove(sim: Deps, admin: StaffActor, producerId: string, locationId: string, dayIndex: number): Promise<void> {
  const { sessionId } = await startCount(sim, admin, { producerId, kind: "CYCLE", locationId, recountUnits: 1000, recountValueCents: 100_000_000 });
  const count = await getCount(sim, admin, { sessionId });
  for (const [index, line] of count.lines.entries()) {
    const found = (line.systemAtCount ?? 0) + ((index + dayIndex) % 9 === 0 ? 1 : 0);
    if (found > 0) await recordCount(sim, admin, { sessionId, lotId: line.lotId, quantity: found });
  }
  await approveCount(sim, admin, { sessionId, idempotencyKey: `demo-count-${producerId}-${dayIndex}` });
}

/** Today's count still under way: one category at the shop, half of its lots counted so far. */
export async function startCountInProgress(deps: Deps, admin: StaffActor, producerId: string, locationId: string, category: string): Promise<void> {
  if (await deps.db.countSession.findFirst({ where: { producerId, status: "COUNTING" } })) return;
  const { sessionId } = await startCount(deps, admin, { producerId, kind: "CYCLE", locationId, category });
  const count = await getCount(deps, admin, { sessionId });
  for (const [index, line] of count.lines.entries()) {
    if (index % 2 === 0) await recordCount(deps, admin, { sessionId, lotId: line.lotId, quantity: line.systemAtCount ?? 0 });
  }
}
