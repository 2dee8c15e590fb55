import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer, createStaff, createStockWorld, createTestDeps, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CookieJar, callerFor } from "./testing.ts";

const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let fixture: { producerId: string; productId: string; lotId: string; locationId: string; otherLocationId: string; orderId: string; cartToken: string };

type Caller = Awaited<ReturnType<typeof callerFor>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
  const world = await createStockWorld(database.current.db);
  const { product, lotIds } = await productWithStock(testDeps.deps, world, [{ quantity: 10 }]);
  const cartToken = randomBytes(16).toString("base64url");
  const customer = await callerFor(testDeps.deps, new CookieJar(), { cartToken });
  await customer.cart.reserve({ lines: [{ productId: product.id, quantity: 1 }] });
  const { orders } = await customer.orders.place({ lines: [{ productId: product.id, quantity: 1 }] });
  fixture = {
    producerId: world.producer.id,
    productId: product.id,
    lotId: lotIds[0] as string,
    locationId: world.shop.id,
    otherLocationId: world.backStore.id,
    orderId: orders[0]?.orderId as string,
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

async function codeOf(call: Promise<unknown>): Promise<string> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  return error instanceof TRPCError ? error.code : `no error (${String(error)})`;
}

/** Every staff procedure that names a record, called on the fixture producer's records. */
const staffCalls: Record<string, (c: Caller) => Promise<unknown>> = {
  "products.get": (c) => c.products.get({ productId: fixture.productId }),
  "products.update": (c) => c.products.update({ productId: fixture.productId, name: "Renamed" }),
  "stock.receive": (c) => c.stock.receive({ productId: fixture.productId, locationId: fixture.locationId, lotNumber: "X-1", unitCostCents: 1, quantity: 1 }),
  "stock.adjust": (c) => c.stock.adjust({ lotId: fixture.lotId, change: -1, reason: "count" }),
  "stock.writeOff": (c) => c.stock.writeOff({ lotId: fixture.lotId, quantity: 1, reason: "DAMAGED" }),
  "stock.transfer": (c) => c.stock.transfer({ lotId: fixture.lotId, toLocationId: fixture.otherLocationId, quantity: 1 }),
  "stock.movements": (c) => c.stock.movements({ productId: fixture.productId }),
  "orders.get": (c) => c.orders.get({ orderId: fixture.orderId }),
  "orders.setStatus": (c) => c.orders.setStatus({ orderId: fixture.orderId, status: "CONFIRMED" }),
  "alerts.settings": (c) => c.alerts.settings({ producerId: fixture.producerId }),
  "alerts.updateSettings": (c) =>
    c.alerts.updateSettings({
      producerId: fixture.producerId,
      emailRecipients: ["a@b.test"],
      smsRecipients: [],
      whatsappRecipients: [],
      lowStockChannels: ["EMAIL"],
      escalationChannels: [],
      expiryChannels: [],
      quietHoursStartHour: null,
      quietHoursEndHour: null,
    }),
  "alerts.lowStock": (c) => c.alerts.lowStock({ producerId: fixture.producerId }),
  "alerts.notifications": (c) => c.alerts.notifications({ producerId: fixture.producerId }),
};

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

describe("tenancy on every stock procedure", () => {
  for (const [name, call] of Object.entries(staffCalls)) {
    it(`${name}: anonymous is UNAUTHORIZED, another producer's staff get NOT_FOUND and change nothing`, async () => {
      const stranger = await signedIn("PRODUCER_ADMIN", (await createProducer(database.current.db)).id);
      const before = await businessData();
      expect(await codeOf(call(await callerFor(testDeps.deps)))).toBe("UNAUTHORIZED");
      expect(await codeOf(call(stranger))).toBe("NOT_FOUND");
      expect(await businessData()).toBe(before);
    });
  }

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
