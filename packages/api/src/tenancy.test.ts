import { randomBytes, randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { addDays, checkLowStock, setOrderStatus, utcDay } from "@stockroom/domain";
import { createProducer, createStaff, createStockWorld, createTestDeps, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, callerFor, procedureAccess } from "./testing.ts";

const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let fixture: { producerId: string; productId: string; lotId: string; locationId: string; otherLocationId: string; orderId: string; cartToken: string };

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function placeOrder(productId: string, cartToken = randomBytes(16).toString("base64url")) {
  const customer = await callerFor(testDeps.deps, new CookieJar(), { cartToken });
  await customer.cart.reserve({ lines: [{ productId, quantity: 1 }] });
  const { orders } = await customer.orders.place({ lines: [{ productId, quantity: 1 }] });
  return orders[0]?.orderId as string;
}

// Producer A has something for every staff procedure to show: a product with an expiring lot and a
// pending order, and a low product with a dispatched order (sales, restock), an open low-stock
// alert and its notification (to A's admin).
beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
  const world = await createStockWorld(database.current.db);
  await createStaff(database.current.db, { role: "PRODUCER_ADMIN", producerId: world.producer.id });
  const expiryDate = addDays(utcDay(testDeps.deps.clock.now()), 20);
  const { product, lotIds } = await productWithStock(testDeps.deps, world, [{ quantity: 10, expiryDate }], { category: `Tenancy ${randomUUID()}` });
  const cartToken = randomBytes(16).toString("base64url");
  const orderId = await placeOrder(product.id, cartToken);
  const low = await productWithStock(testDeps.deps, world, [{ quantity: 2 }], { minStockLevel: 5 });
  const sold = await placeOrder(low.product.id);
  for (const status of ["CONFIRMED", "DISPATCHED"] as const) await setOrderStatus(testDeps.deps, world.admin, { orderId: sold, status });
  expect((await checkLowStock(testDeps.deps, { productId: low.product.id })).outcome).toBe("opened");
  fixture = {
    producerId: world.producer.id,
    productId: product.id,
    lotId: lotIds[0] as string,
    locationId: world.shop.id,
    otherLocationId: world.backStore.id,
    orderId,
    cartToken,
  };
});
afterAll(() => testDeps.close());

async function signedIn(role: "PLATFORM_ADMIN" | "PRODUCER_ADMIN", producerId: string | null): Promise<Caller> {
  const staff = await createStaff(database.current.db, { role, producerId });
  const jar = new CookieJar();
  await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: staff.email, password: TEST_PASSWORD });
  return callerFor(testDeps.deps, jar);
}
const stranger = async () => signedIn("PRODUCER_ADMIN", (await createProducer(database.current.db)).id);
const owner = () => signedIn("PRODUCER_ADMIN", fixture.producerId);

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : `no error (${String(error)})`;
}

/** Every row of the business tables (not producers, staff and their sessions), as one digest. */
async function businessData(): Promise<string> {
  const tables = ["Location", "Product", "Lot", "Hold", "HoldAllocation", "Order", "OrderLine", "OrderLineAllocation", "Movement"]
    .concat(["IdempotencyKey", "LowStockAlert", "LotExpiryAlert", "AlertSettings", "Notification", "Customer"])
    .map((table) => `SELECT '${table}' || t::text AS row FROM "${table}" t`);
  const [row] = await database.current.db.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(COALESCE(string_agg(row, '|' ORDER BY row), '')) AS digest FROM (${tables.join(" UNION ALL ")}) rows`,
  );
  return row?.digest ?? "";
}

const settings = { emailRecipients: ["a@b.test"], smsRecipients: [], whatsappRecipients: [], lowStockChannels: ["EMAIL" as const] };
const noAlerts = { escalationChannels: [], expiryChannels: [], quietHoursStartHour: null, quietHoursEndHour: null };

/** Staff procedures that name one of A's records (a product, lot, location, order or A itself). */
const recordCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  "products.get": (c) => c.products.get({ productId: fixture.productId }),
  "products.update": (c) => c.products.update({ productId: fixture.productId, name: "Renamed" }),
  "products.create": (c) =>
    c.products.create({ producerId: fixture.producerId, sku: `T-${randomUUID()}`, name: "New", category: "C", priceCents: 1, unitCostCents: 1 }),
  "locations.create": (c) => c.locations.create({ producerId: fixture.producerId, name: `Room ${randomUUID()}` }),
  "stock.receive": (c) => c.stock.receive({ productId: fixture.productId, locationId: fixture.locationId, lotNumber: "X-1", unitCostCents: 1, quantity: 1 }),
  "stock.adjust": (c) => c.stock.adjust({ lotId: fixture.lotId, change: -1, reason: "count" }),
  "stock.writeOff": (c) => c.stock.writeOff({ lotId: fixture.lotId, quantity: 1, reason: "DAMAGED" }),
  "stock.transfer": (c) => c.stock.transfer({ lotId: fixture.lotId, toLocationId: fixture.otherLocationId, quantity: 1 }),
  "stock.movements": (c) => c.stock.movements({ productId: fixture.productId }),
  "orders.get": (c) => c.orders.get({ orderId: fixture.orderId }),
  "orders.setStatus": (c) => c.orders.setStatus({ orderId: fixture.orderId, status: "CONFIRMED" }),
  "alerts.settings": (c) => c.alerts.settings({ producerId: fixture.producerId }),
  "alerts.updateSettings": (c) => c.alerts.updateSettings({ producerId: fixture.producerId, ...settings, ...noAlerts }),
  "reports.product": (c) => c.reports.product({ productId: fixture.productId }),
};

const today = () => utcDay(testDeps.deps.clock.now());
const days = () => ({ from: addDays(today(), -1), to: addDays(today(), 1) });

/** Staff lists and reports, called for the caller's own producer or naming one; `rows` counts what the answer shows. */
const listCalls: Record<string, { call: (c: Caller, producerId?: string) => Promise<unknown>; rows: (answer: never) => number }> = {
  "products.list": { call: (c, producerId) => c.products.list({ producerId }), rows: (a: unknown[]) => a.length },
  "products.categories": {
    call: (c, producerId) => c.products.categories({ producerId }),
    rows: (a: string[]) => a.filter((c) => c.startsWith("Tenancy")).length,
  },
  "locations.list": { call: (c, producerId) => c.locations.list({ producerId }), rows: (a: unknown[]) => a.length },
  "orders.list": { call: (c, producerId) => c.orders.list({ producerId }), rows: (a: unknown[]) => a.length },
  "alerts.lowStock": { call: (c, producerId) => c.alerts.lowStock({ producerId }), rows: (a: unknown[]) => a.length },
  "alerts.notifications": { call: (c, producerId) => c.alerts.notifications({ producerId }), rows: (a: { items: unknown[] }) => a.items.length },
  "reports.dashboard": {
    call: (c, producerId) => c.reports.dashboard({ producerId }),
    rows: (a: { products: number; stockValueCents: number; expiringSoon: unknown[] }) => a.products + a.stockValueCents + a.expiringSoon.length,
  },
  "reports.inventory": {
    call: (c, producerId) => c.reports.inventory({ producerId }),
    rows: (a: { total: number; items: unknown[] }) => a.total + a.items.length,
  },
  "reports.movementSeries": {
    call: (c, producerId) => c.reports.movementSeries({ producerId, ...days() }),
    rows: (a: { inUnits: number; outUnits: number; writeOffUnits: number }[]) => a.reduce((sum, p) => sum + p.inUnits + p.outUnits + p.writeOffUnits, 0),
  },
  "reports.lowStockTrend": {
    call: (c, producerId) => c.reports.lowStockTrend({ producerId, ...days() }),
    rows: (a: { open: number }[]) => a.reduce((sum, d) => sum + d.open, 0),
  },
  "reports.restock": { call: (c, producerId) => c.reports.restock({ producerId }), rows: (a: unknown[]) => a.length },
  "reports.profitability": {
    call: (c, producerId) => c.reports.profitability({ producerId, ...days() }),
    rows: (a: { products: unknown[]; categories: unknown[] }) => a.products.length + a.categories.length,
  },
  "reports.expiryWaste": {
    call: (c, producerId) => c.reports.expiryWaste({ producerId, ...days() }),
    rows: (a: { lots: unknown[]; waste: unknown[]; bands: { units: number }[] }) =>
      a.lots.length + a.waste.length + a.bands.reduce((sum, b) => sum + b.units, 0),
  },
  "reports.expiryWasteCsv": {
    call: (c, producerId) => c.reports.expiryWasteCsv({ producerId, ...days() }),
    rows: (a: { csv: string }) => a.csv.trim().split("\n").length - 1,
  },
};

describe("every procedure is classified, and every staff procedure has a cross-producer case", () => {
  const access = procedureAccess();
  const having = (kind: string) =>
    Object.entries(access)
      .filter(([, a]) => a === kind)
      .map(([path]) => path)
      .sort();

  it("staff procedures are exactly those with a case below (a new one fails here until it gets one)", () => {
    expect([...Object.keys(recordCalls), ...Object.keys(listCalls)].sort()).toEqual(having("staff"));
  });

  it("the public, cart and platform-admin procedures are the ones meant to be", () => {
    expect(having("public")).toEqual(["auth.me", "auth.signIn", "auth.signOut", "cart.availability", "catalog.list"]);
    expect(having("cart")).toEqual(["cart.release", "cart.reserve", "orders.mine", "orders.place"]);
    expect(having("platform-admin")).toEqual(["producers.list"]);
  });
});

// First: the owner-may checks below move the fixture order on (PENDING -> CONFIRMED).
describe("roles and carts", () => {
  it("producer staff are FORBIDDEN from platform-admin procedures", async () => {
    const staff = await signedIn("PRODUCER_ADMIN", (await createProducer(database.current.db)).id);
    expect(await codeOf(staff.producers.list())).toBe("FORBIDDEN");
  });

  it("cart procedures need the cart token; another cart's order is NOT_FOUND", async () => {
    const anonymous = await callerFor(testDeps.deps);
    expect(await codeOf(anonymous.cart.reserve({ lines: [] }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.orders.mine({ orderId: fixture.orderId }))).toBe("UNAUTHORIZED");
    const otherCart = await callerFor(testDeps.deps, new CookieJar(), { cartToken: randomBytes(16).toString("base64url") });
    expect(await codeOf(otherCart.orders.mine({ orderId: fixture.orderId }))).toBe("NOT_FOUND");
    const owner = await callerFor(testDeps.deps, new CookieJar(), { cartToken: fixture.cartToken });
    expect((await owner.orders.mine({ orderId: fixture.orderId })).status).toBe("PENDING");
  });

  it("the owning producer's staff and platform admins may act", async () => {
    const admin = await signedIn("PLATFORM_ADMIN", null);
    expect((await admin.orders.get({ orderId: fixture.orderId })).id).toBe(fixture.orderId);
    const order = await database.current.db.order.findUniqueOrThrow({ where: { id: fixture.orderId } });
    const owner = await signedIn("PRODUCER_ADMIN", order.producerId);
    expect((await owner.stock.movements({ productId: fixture.productId })).items.length).toBeGreaterThan(0);
    const invalid = await owner.alerts
      .updateSettings({
        emailRecipients: [],
        smsRecipients: [],
        whatsappRecipients: [],
        lowStockChannels: ["SMS"],
        escalationChannels: [],
        expiryChannels: [],
        quietHoursStartHour: 22,
        quietHoursEndHour: 6,
      })
      .catch((e: TRPCError) => e);
    expect(invalid).toBeInstanceOf(TRPCError);
    expect((invalid as TRPCError).message).toBe("Add at least one sms recipient or turn that channel off.");
    const saved = await owner.alerts.updateSettings({
      emailRecipients: ["Ops@Shop.test"],
      smsRecipients: ["+2348012345678"],
      whatsappRecipients: [],
      lowStockChannels: ["EMAIL", "SMS"],
      escalationChannels: ["SMS"],
      expiryChannels: ["EMAIL"],
      quietHoursStartHour: 22,
      quietHoursEndHour: 6,
    });
    expect(saved).toMatchObject({ recipients: { EMAIL: ["ops@shop.test"], SMS: ["+2348012345678"] }, quietHours: { startHour: 22, endHour: 6 } });
  });
});

describe("another producer's records", () => {
  for (const [name, call] of Object.entries(recordCalls)) {
    it(`${name}: anonymous is UNAUTHORIZED, another producer's admin gets NOT_FOUND and changes nothing; the owner may`, async () => {
      const before = await businessData();
      expect(await codeOf(call(await callerFor(testDeps.deps)))).toBe("UNAUTHORIZED");
      expect(await codeOf(call(await stranger()))).toBe("NOT_FOUND");
      expect(await businessData()).toBe(before);
      expect(await codeOf(call(await owner()))).toMatch(/^no error/);
    });
  }
});

describe("another producer's lists and reports", () => {
  for (const [name, { call, rows }] of Object.entries(listCalls)) {
    it(`${name}: naming producer A is NOT_FOUND for B and changes nothing; B's own view shows none of A's rows; A's shows them`, async () => {
      const before = await businessData();
      expect(await codeOf(call(await callerFor(testDeps.deps), fixture.producerId))).toBe("UNAUTHORIZED");
      const b = await stranger();
      expect(await codeOf(call(b, fixture.producerId))).toBe("NOT_FOUND");
      expect(rows((await call(b)) as never)).toBe(0);
      expect(await businessData()).toBe(before);
      expect(rows((await call(await owner())) as never)).toBeGreaterThan(0);
    });
  }
});
