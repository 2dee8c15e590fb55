import { randomBytes } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { createProducer } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { businessData, codeOf, listCalls, recordCalls, signedIn, useProcedureWorld, world } from "./procedure-world.ts";
import { CookieJar, callerFor, procedureAccess } from "./testing.ts";

const database = useTestDatabase();
useProcedureWorld(database);
const stranger = async () => signedIn("PRODUCER_ADMIN", (await createProducer(world.db)).id);
const owner = () => signedIn("PRODUCER_ADMIN");

describe("every procedure is classified, and every staff procedure has a cross-producer case", () => {
  const access = procedureAccess();
  const having = (kind: string) =>
    Object.entries(access)
      .filter(([, a]) => a === kind)
      .map(([path]) => path)
      .sort();
  const producerScoped = Object.entries(access)
    .filter(([, a]) => !["public", "cart", "account", "customer", "producers.manage", "system.view"].includes(a))
    .map(([path]) => path)
    .sort();

  it("producer-scoped staff procedures are exactly those with a case below (a new one fails here until it gets one)", () => {
    expect([...Object.keys(recordCalls), ...Object.keys(listCalls)].sort()).toEqual(producerScoped);
  });

  it("the public, cart and platform procedures are the ones meant to be", () => {
    expect(having("public")).toEqual([
      "auth.acceptInvitation",
      "auth.invitation",
      "auth.me",
      "auth.requestPasswordReset",
      "auth.resetPassword",
      "auth.signIn",
      "auth.signOut",
      "cart.availability",
      "catalog.list",
      "catalog.producers",
      "catalog.product",
      "customer.completeSignIn",
      "customer.me",
      "customer.requestSignIn",
      "customer.signOut",
      "orders.collectionPoints",
      "orders.requestLookup",
    ]);
    expect(having("customer")).toEqual(["customer.orders"]);
    expect(having("cart")).toEqual(["cart.release", "cart.reserve", "orders.mine", "orders.place"]);
    expect(having("account")).toEqual(["account.changePassword", "account.revokeOtherSessions", "account.revokeSession", "account.sessions"]);
    expect(having("producers.manage")).toEqual(["producers.create", "producers.list", "producers.reactivate", "producers.suspend"]);
    expect(having("system.view")).toEqual(["system.health", "system.runInventoryCheck"]);
  });
});

// First: the owner-may checks below move the fixture order on (PENDING -> CONFIRMED).
describe("roles and carts", () => {
  it("producer staff are FORBIDDEN from platform-admin procedures", async () => {
    const staff = await signedIn("PRODUCER_ADMIN", (await createProducer(world.db)).id);
    expect(await codeOf(staff.producers.list())).toBe("FORBIDDEN");
    expect(await codeOf(staff.system.health())).toBe("FORBIDDEN");
    expect(await codeOf(staff.system.runInventoryCheck())).toBe("FORBIDDEN");
  });

  it("cart procedures need the cart token; another cart's order is NOT_FOUND", async () => {
    const anonymous = await callerFor(world.deps);
    expect(await codeOf(anonymous.cart.reserve({ lines: [] }))).toBe("UNAUTHORIZED");
    expect(await codeOf(anonymous.orders.mine({ orderId: world.fixture.orderId }))).toBe("UNAUTHORIZED");
    const otherCart = await callerFor(world.deps, new CookieJar(), { cartToken: randomBytes(16).toString("base64url") });
    expect(await codeOf(otherCart.orders.mine({ orderId: world.fixture.orderId }))).toBe("NOT_FOUND");
    const owner = await callerFor(world.deps, new CookieJar(), { cartToken: world.fixture.cartToken });
    expect((await owner.orders.mine({ orderId: world.fixture.orderId })).status).toBe("PENDING");
  });

  it("the owning producer's staff and platform admins may act", async () => {
    const admin = await signedIn("PLATFORM_ADMIN", null);
    expect((await admin.orders.get({ orderId: world.fixture.orderId })).id).toBe(world.fixture.orderId);
    const order = await world.db.order.findUniqueOrThrow({ where: { id: world.fixture.orderId } });
    const owner = await signedIn("PRODUCER_ADMIN", order.producerId);
    expect((await owner.stock.movements({ productId: world.fixture.productId })).items.length).toBeGreaterThan(0);
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
      expect(await codeOf(call(await callerFor(world.deps)))).toBe("UNAUTHORIZED");
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
      expect(await codeOf(call(await callerFor(world.deps), world.fixture.producerId))).toBe("UNAUTHORIZED");
      const b = await stranger();
      expect(await codeOf(call(b, world.fixture.producerId))).toBe("NOT_FOUND");
      expect(rows((await call(b)) as never)).toBe(0);
      expect(await businessData()).toBe(before);
      expect(rows((await call(await owner())) as never)).toBeGreaterThan(0);
    });
  }
});
