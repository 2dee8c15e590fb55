import { describe, expect, it } from "vitest";
import { placeOrder } from "../orders/place-order.ts";
import { setOrderStatus } from "../orders/set-order-status.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { reserveCart } from "../stock/reserve-cart.ts";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { actorFor, createProducer, createStaff, domainFailure, expectValidInventory, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { approveCount } from "./approve-count.ts";
import { cancelCount } from "./cancel-count.ts";
import { dueForCount } from "./due-for-count.ts";
import { getCount } from "./get-count.ts";
import { recordCount } from "./record-count.ts";
import { requestRecounts } from "./request-recounts.ts";
import { startCount } from "./start-count.ts";

const stock = useStockWorld({ maxConnections: 12 });
const admin = () => stock.world.admin;
const minute = () => stock.clock.advance(60_000);
const onHandOf = async (lotId: string) => (await stock.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand;

async function sell(productId: string, quantity: number) {
  const cartId = newCartId();
  const lines = [{ productId, quantity }];
  await reserveCart(stock.deps, { cartId, lines });
  const orderId = (await placeOrder(stock.deps, { ...TEST_CHECKOUT, cartId, lines })).orders[0]?.orderId as string;
  await setOrderStatus(stock.deps, admin(), { orderId, status: "CONFIRMED" });
  await setOrderStatus(stock.deps, admin(), { orderId, status: "DISPATCHED" });
}

/** A fresh shop with three lots: A 10 at 1.00, B 20 at 0.50, C 8 at 3.00. */
async function threeLots() {
  await stock.db.countLine.updateMany({ data: { open: false } });
  const a = await productWithStock(stock.deps, stock.world, [{ quantity: 10, unitCostCents: 100, lotNumber: "A" }]);
  const b = await productWithStock(stock.deps, stock.world, [{ quantity: 20, unitCostCents: 50, lotNumber: "B" }]);
  const c = await productWithStock(stock.deps, stock.world, [{ quantity: 8, unitCostCents: 300, lotNumber: "C" }]);
  return { a, b, c, lots: { a: a.lotIds[0] as string, b: b.lotIds[0] as string, c: c.lotIds[0] as string } };
}

/** The test's own lines (earlier tests' lots are in scope too), by lot number. */
const ours = <T extends { lotId: string; lotNumber: string }>(lines: T[], lots?: Record<string, string>) =>
  lines.filter((l) => !lots || Object.values(lots).includes(l.lotId)).sort((x, y) => x.lotNumber.localeCompare(y.lotNumber));

const start = (extra: object = {}) =>
  startCount(stock.deps, admin(), { producerId: stock.world.producer.id, kind: "CYCLE", locationId: stock.world.shop.id, ...extra });

describe("count sessions", () => {
  it("snapshots the lots in scope at start; a lot in an open count cannot be in a second one; cancel writes nothing", async () => {
    const { lots } = await threeLots();
    const { sessionId, lines } = await start();
    expect(lines).toBeGreaterThanOrEqual(3);
    const view = await getCount(stock.deps, admin(), { sessionId });
    expect(ours(view.lines, lots).map((l) => [l.lotNumber, l.expectedOnHand, l.counted])).toEqual([
      ["A", 10, null],
      ["B", 20, null],
      ["C", 8, null],
    ]);
    const second = await domainFailure(start());
    expect(second).toMatchObject({ code: "CONFLICT", fields: { kind: "lots already being counted" }, details: { openCounts: [sessionId] } });
    await recordCount(stock.deps, admin(), { sessionId, lotId: lots.a, quantity: 4 });
    const movements = await stock.db.movement.count();
    await cancelCount(stock.deps, admin(), { sessionId, reason: "Started by mistake" });
    expect(await stock.db.movement.count()).toBe(movements);
    expect(await onHandOf(lots.a)).toBe(10);
    expect((await start()).lines).toBeGreaterThanOrEqual(3);
  });

  it("sales and receipts during the count are no variance; approval writes only the real one as a COUNT movement; accuracy as computed by hand", async () => {
    const { a, lots } = await threeLots();
    const { sessionId } = await start();
    minute();
    await sell(a.product.id, 3); // A: 10 -> 7 before it is counted
    minute();
    await recordCount(stock.deps, admin(), { sessionId, lotId: lots.a, quantity: 7 });
    await recordCount(stock.deps, admin(), { sessionId, lotId: lots.b, quantity: 20 });
    minute();
    await receiveLot(stock.deps, admin(), {
      productId: (await stock.db.lot.findUniqueOrThrow({ where: { id: lots.b } })).productId,
      locationId: stock.world.shop.id,
      lotNumber: "B",
      quantity: 5,
    }); // after B was counted
    await recordCount(stock.deps, admin(), { sessionId, lotId: lots.c, quantity: 6 });
    const view = await getCount(stock.deps, admin(), { sessionId });
    expect(ours(view.lines, lots).map((l) => [l.lotNumber, l.expectedOnHand, l.systemAtCount, l.counted, l.variance, l.varianceValueCents])).toEqual([
      ["A", 10, 7, 7, 0, 0],
      ["B", 20, 20, 20, 0, 0],
      ["C", 8, 8, 6, -2, -600],
    ]);
    // Cancel the other lines in scope from earlier tests by counting only ours: uncounted lines are skipped.
    const approved = await approveCount(stock.deps, admin(), { sessionId });
    expect(approved.movements).toBe(1);
    // Counted value at cost: A 7 x 100 + B 20 x 50 + C 8 x 300 = 4,100; matched: A + B = 1,700.
    expect(approved.accuracyRate).toBeCloseTo(2 / 3, 10);
    expect(approved.valueAccuracyRate).toBeCloseTo(1700 / 4100, 10);
    const count = await stock.db.movement.findFirstOrThrow({ where: { type: "COUNT", referenceId: sessionId } });
    expect(count).toMatchObject({ lotId: lots.c, quantity: -2, previousOnHand: 8, newOnHand: 6, referenceType: "count" });
    expect([await onHandOf(lots.a), await onHandOf(lots.b), await onHandOf(lots.c)]).toEqual([7, 25, 6]);
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("a variance above the threshold asks for a recount; only the recount's entries count; two counters' entries add up", async () => {
    const { lots } = await threeLots();
    const { sessionId } = await start({ recountUnits: 2, recountValueCents: 100_000 });
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    await Promise.all([
      recordCount(stock.deps, staff, { sessionId, lotId: lots.b, quantity: 9 }),
      recordCount(stock.deps, admin(), { sessionId, lotId: lots.b, quantity: 6 }),
    ]);
    const refused = await domainFailure(approveCount(stock.deps, admin(), { sessionId }));
    expect(refused).toMatchObject({ code: "CONFLICT", details: { lots: ["B"] } });
    expect((await requestRecounts(stock.deps, admin(), { sessionId })).recounts).toBe(1);
    const afterRequest = (await getCount(stock.deps, admin(), { sessionId })).lines.find((l) => l.lotId === lots.b);
    expect(afterRequest).toMatchObject({ round: 2, counted: null, recountRequested: true });
    expect((await domainFailure(approveCount(stock.deps, admin(), { sessionId }))).details).toEqual({ lots: ["B"] });
    await recordCount(stock.deps, staff, { sessionId, lotId: lots.b, quantity: 16 });
    expect(await approveCount(stock.deps, admin(), { sessionId })).toMatchObject({ movements: 1 });
    expect(await onHandOf(lots.b)).toBe(16);
  });

  it("a blind count hides expected quantities and variances from counters, not from those who manage counts", async () => {
    const { lots } = await threeLots();
    const { sessionId } = await start({ blind: true });
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    await recordCount(stock.deps, staff, { sessionId, lotId: lots.a, quantity: 9 });
    const seen = (await getCount(stock.deps, staff, { sessionId })).lines.find((l) => l.lotId === lots.a);
    expect(seen).toMatchObject({ counted: 9, expectedOnHand: null, systemAtCount: null, variance: null });
    const managed = (await getCount(stock.deps, admin(), { sessionId })).lines.find((l) => l.lotId === lots.a);
    expect(managed).toMatchObject({ counted: 9, expectedOnHand: 10, variance: -1 });
  });

  it("concurrent approvals apply once; a retried entry with its key adds once; entries after approval are refused", async () => {
    const { lots } = await threeLots();
    const { sessionId } = await start();
    const key = "phone-entry-0001";
    const entries = await Promise.all(
      Array.from({ length: 4 }, () => recordCount(stock.deps, admin(), { sessionId, lotId: lots.a, quantity: 9, idempotencyKey: key })),
    );
    expect(entries.filter((e) => !e.replayed)).toHaveLength(1);
    const outcomes = await Promise.allSettled(Array.from({ length: 5 }, () => approveCount(stock.deps, admin(), { sessionId })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason.userMessage] : []))).toEqual(Array(4).fill("This count is already approved."));
    expect(await stock.db.movement.count({ where: { type: "COUNT", referenceId: sessionId } })).toBe(1);
    expect(await onHandOf(lots.a)).toBe(9);
    const late = await domainFailure(recordCount(stock.deps, admin(), { sessionId, lotId: lots.b, quantity: 1 }));
    expect(late.code).toBe("CONFLICT");
    await expectValidInventory(stock.db, stock.clock.now());
  });

  it("another producer's count is not found; an offline entry's time must fall within the count", async () => {
    const { lots } = await threeLots();
    const { sessionId } = await start();
    const other = await createProducer(stock.db);
    const stranger = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: other.id }));
    expect((await domainFailure(getCount(stock.deps, stranger, { sessionId }))).code).toBe("NOT_FOUND");
    expect((await domainFailure(recordCount(stock.deps, stranger, { sessionId, lotId: lots.a, quantity: 1 }))).code).toBe("NOT_FOUND");
    const early = await domainFailure(recordCount(stock.deps, admin(), { sessionId, lotId: lots.a, quantity: 1, countedAt: "2000-01-01T00:00:00Z" }));
    expect(early.fields).toEqual({ countedAt: "outside the count" });
    await cancelCount(stock.deps, admin(), { sessionId, reason: "done with this test" });
  });

  it("due for count: never counted, or last counted longer ago than the product's interval; a due-only count takes just those", async () => {
    const { a, b, lots } = await threeLots();
    await stock.db.product.update({ where: { id: a.product.id }, data: { countEveryDays: 7 } });
    const first = await start();
    await recordCount(stock.deps, admin(), { sessionId: first.sessionId, lotId: lots.a, quantity: 10 });
    await recordCount(stock.deps, admin(), { sessionId: first.sessionId, lotId: lots.b, quantity: 20 });
    await approveCount(stock.deps, admin(), { sessionId: first.sessionId });
    const due = async () => (await dueForCount(stock.deps, admin(), { producerId: stock.world.producer.id, limit: 500 })).map((d) => d.productId);
    expect(await due()).not.toContain(a.product.id);
    stock.clock.advance(8 * 86_400_000);
    expect(await due()).toContain(a.product.id); // 8 days > its 7
    expect(await due()).not.toContain(b.product.id); // the default is 90 days
    const dueOnly = await start({ dueOnly: true, locationId: undefined });
    const lines = (await getCount(stock.deps, admin(), { sessionId: dueOnly.sessionId })).lines.map((l) => l.lotId);
    expect(lines).toContain(lots.a);
    expect(lines).toContain(lots.c);
    expect(lines).not.toContain(lots.b);
    expect(await due()).not.toContain(a.product.id); // now in an open count
  });
});
