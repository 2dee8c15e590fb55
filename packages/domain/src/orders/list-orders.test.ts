import { beforeAll, describe, expect, it } from "vitest";
import { TEST_CHECKOUT } from "../testing/checkout.ts";
import { actorFor, createStaff, createStockWorld, domainFailure, newCartId, productWithStock, useStockWorld } from "../testing/index.ts";
import { listOrders } from "./list-orders.ts";
import { placeOrder } from "./place-order.ts";
import { setOrderStatus } from "./set-order-status.ts";

const stock = useStockWorld({ maxConnections: 10 });
const DAY = 86_400_000;

/** Four orders on four days (2026-06-01..04, 09:00 UTC) for the world's producer (prefix from its slug), one of another producer. */
const placed: { reference: string; producerNumber: number; id: string }[] = [];
let otherOrderId = "";

async function place(customer: { name: string; email: string; phone: string }, quantity: number, collect: boolean, producerWorld = stock.world) {
  const { product } = await productWithStock(stock.deps, producerWorld, [{ quantity: 20 }], { priceCents: 250 });
  const fulfilment = collect ? { method: "COLLECTION" as const, locationIds: [producerWorld.shop.id] } : TEST_CHECKOUT.fulfilment;
  const { orders } = await placeOrder(stock.deps, { customer, fulfilment, cartId: newCartId(), lines: [{ productId: product.id, quantity }] });
  return orders[0] as NonNullable<(typeof orders)[0]>;
}

beforeAll(async () => {
  const customers = [
    { name: "Ada Lovelace", email: "ada@example.test", phone: "+44 7700 900111" },
    { name: "Grace Hopper", email: "grace@navy.test", phone: "020 7946 0222" },
    { name: "Alan Turing", email: "alan@bletchley.test", phone: "+44 (0)161 496 0333" },
    { name: "Ada Byron", email: "byron@example.test", phone: "+353 1 555 0444" },
  ];
  for (const [index, customer] of customers.entries()) {
    stock.clock.set(new Date(Date.parse("2026-06-01T09:00:00Z") + index * DAY));
    const order = await place(customer, index + 1, index % 2 === 1);
    const row = await stock.db.order.findUniqueOrThrow({ where: { id: order.orderId } });
    placed.push({ reference: row.reference, producerNumber: row.producerNumber, id: row.id });
  }
  await setOrderStatus(stock.deps, stock.world.admin, { orderId: placed[2]?.id as string, status: "CONFIRMED" });
  const other = await createStockWorld(stock.db);
  otherOrderId = (await place({ name: "Ada Other", email: "ada@other.test", phone: "+44 7700 900111" }, 1, false, other)).orderId;
});

const admin = () => stock.world.admin;
const mine = (input: Parameters<typeof listOrders>[2] = {}) => listOrders(stock.deps, admin(), { producerId: stock.world.producer.id, ...input });
const refs = async (input: Parameters<typeof listOrders>[2] = {}) => (await mine(input)).orders.map((o) => o.reference);
const ref = (i: number) => placed[i]?.reference as string;

describe("listing orders", () => {
  it("gives a slim summary, newest first, with the page's total", async () => {
    const page = await mine();
    expect(page.total).toBe(4);
    expect(page.orders.map((o) => o.reference)).toEqual([ref(3), ref(2), ref(1), ref(0)]);
    expect(page.orders[0]).toEqual({
      id: placed[3]?.id,
      number: expect.any(Number),
      reference: ref(3),
      status: "PENDING",
      producerId: stock.world.producer.id,
      producerName: stock.world.producer.name,
      createdAt: "2026-06-04T09:00:00.000Z",
      customerName: "Ada Byron",
      customerEmail: "byron@example.test",
      fulfilment: "COLLECTION",
      itemCount: 4,
      totalCents: 1000,
      stockMovedAt: null,
    });
  });

  it("searches by reference, number, name, email (any case) and phone digits", async () => {
    expect(await refs({ search: ref(1).toLowerCase() })).toEqual([ref(1)]);
    expect(await refs({ search: String(placed[2]?.producerNumber) })).toEqual([ref(2)]);
    expect(await refs({ search: "ada" })).toEqual([ref(3), ref(0)]);
    expect(await refs({ search: "GRACE@NAVY" })).toEqual([ref(1)]);
    expect(await refs({ search: "07700 900111" })).toEqual([ref(0)]);
    expect(await refs({ search: "161-496-0333" })).toEqual([ref(2)]);
    expect(await refs({ search: "nobody" })).toEqual([]);
    // LIKE's wildcards match themselves.
    expect(await refs({ search: "%" })).toEqual([]);
  });

  it("filters by status, fulfilment and placed days (inclusive, real days only)", async () => {
    expect(await refs({ status: "CONFIRMED" })).toEqual([ref(2)]);
    expect(await refs({ fulfilment: "COLLECTION" })).toEqual([ref(3), ref(1)]);
    expect(await refs({ fulfilment: "DELIVERY", status: "PENDING" })).toEqual([ref(0)]);
    expect(await refs({ from: "2026-06-02", to: "2026-06-03" })).toEqual([ref(2), ref(1)]);
    expect(await refs({ from: "2026-06-04" })).toEqual([ref(3)]);
    expect(await refs({ to: "2026-06-01" })).toEqual([ref(0)]);
    expect((await domainFailure(mine({ from: "2026-02-30" }))).fields?.from).toBe("That day does not exist.");
    expect((await domainFailure(mine({ from: "2026-06-03", to: "2026-06-02" }))).fields?.from).toBe("The start date must be on or before the end date.");
  });

  it("sorts by placed date, reference and total, and pages with the total", async () => {
    expect(await refs({ direction: "asc" })).toEqual([ref(0), ref(1), ref(2), ref(3)]);
    expect(await refs({ sort: "reference", direction: "asc" })).toEqual([ref(0), ref(1), ref(2), ref(3)]);
    expect(await refs({ sort: "total", direction: "desc" })).toEqual([ref(3), ref(2), ref(1), ref(0)]);
    const second = await mine({ page: 2, pageSize: 3 });
    expect([second.total, second.page, second.pageSize, second.orders.map((o) => o.reference)]).toEqual([4, 2, 3, [ref(0)]]);
    expect((await mine({ page: 3, pageSize: 3 })).orders).toEqual([]);
    expect((await domainFailure(mine({ pageSize: 201 }))).code).toBe("VALIDATION_FAILED");
  });

  it("a producer's staff see only their orders; a platform admin sees all or filters by producer", async () => {
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    const own = await listOrders(stock.deps, staff, { search: "ada" });
    expect(own.orders.map((o) => o.reference)).toEqual([ref(3), ref(0)]);
    // Another producer's orders do not exist for them.
    const other = await stock.db.order.findUniqueOrThrow({ where: { id: otherOrderId } });
    expect((await domainFailure(listOrders(stock.deps, staff, { producerId: other.producerId }))).code).toBe("NOT_FOUND");
    expect((await listOrders(stock.deps, admin(), { search: "ada" })).total).toBe(3);
    expect((await listOrders(stock.deps, admin(), { producerId: other.producerId })).orders.map((o) => o.id)).toEqual([otherOrderId]);
  });
});
