import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { COST_FIELDS, type Permission, ROLE_PERMISSIONS, roleCan, STAFF_ROLES, type StaffRoleName } from "@stockroom/domain";
import { createProducer } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { businessData, type Caller, codeOf, listCalls, recordCalls, signedIn, useProcedureWorld, world } from "./procedure-world.ts";
import { procedureAccess } from "./testing.ts";

const database = useTestDatabase();
useProcedureWorld(database);

/** One valid call per staff procedure; a procedure added without one fails the first test. */
const calls: Record<string, (c: Caller) => Promise<unknown>> = {
  ...recordCalls,
  ...Object.fromEntries(Object.entries(listCalls).map(([path, { call }]) => [path, (c: Caller) => call(c)])),
  "producers.list": (c) => c.producers.list(),
  "producers.create": (c) =>
    c.producers.create({ name: "New producer", slug: `p-${randomUUID().slice(0, 8)}`, adminEmail: `first-${randomUUID()}@test.example` }),
  "producers.suspend": async (c) => c.producers.suspend({ producerId: (await createProducer(world.db)).id }),
  "producers.reactivate": async (c) => c.producers.reactivate({ producerId: (await createProducer(world.db)).id }),
  "system.health": (c) => c.system.health(),
  "system.runInventoryCheck": (c) => c.system.runInventoryCheck(),
};

const staffProcedures = Object.entries(procedureAccess()).filter(
  (entry): entry is [string, Permission] => !["public", "cart", "account", "customer"].includes(entry[1]),
);

/** Every cost field in an answer that carries a value (redaction leaves them null). */
function costValues(answer: unknown): unknown[] {
  if (Array.isArray(answer)) return answer.flatMap(costValues);
  if (answer === null || typeof answer !== "object") return [];
  return Object.entries(answer).flatMap(([key, value]) => (COST_FIELDS.has(key) && value !== null ? [value] : costValues(value)));
}

it("every staff procedure declares a permission and has a call here", () => {
  expect(staffProcedures.length).toBeGreaterThan(20);
  expect(staffProcedures.map(([path]) => path).sort()).toEqual(Object.keys(calls).sort());
});

describe.each(STAFF_ROLES)("%s", (role: StaffRoleName) => {
  it("auth.me lists exactly the role's permissions", async () => {
    const me = await (await signedIn(role)).auth.me();
    expect(me?.permissions.sort()).toEqual([...ROLE_PERMISSIONS[role]].sort());
  });

  it.each(staffProcedures)("%s (needs %s): allowed by the matrix, else FORBIDDEN with nothing changed", async (path, permission) => {
    const caller = await signedIn(role);
    const call = calls[path] as (c: Caller) => Promise<unknown>;
    const before = await businessData();
    if (!roleCan(role, permission)) {
      expect(await codeOf(call(caller))).toBe("FORBIDDEN");
      expect(await businessData()).toBe(before);
      return;
    }
    const answer = await call(caller);
    // Without costs.view every cost, value and margin in the answer is null.
    if (!roleCan(role, "costs.view")) expect(costValues(answer)).toEqual([]);
  });
});

describe("rules inside a permission", () => {
  it("costs show for roles that may see them (so the redaction check above can fail)", async () => {
    for (const role of ["PRODUCER_ADMIN", "VIEWER"] as const) {
      const answer = await (await signedIn(role)).reports.inventory({});
      expect(costValues(answer).length).toBeGreaterThan(0);
    }
  });

  it("staff fulfil orders but may not cancel them", async () => {
    const staff = await signedIn("PRODUCER_STAFF");
    const { orderId } = world.fixture;
    const before = await businessData();
    const refused = await staff.orders.setStatus({ orderId, status: "CANCELLED" }).catch((e: TRPCError) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect(await businessData()).toBe(before);
    expect((await staff.orders.setStatus({ orderId, status: "CONFIRMED" })).status).toBe("CONFIRMED");
  });

  it("staff restock returned units but may not write them off; too many is BAD_REQUEST naming the field", async () => {
    const { orderId, orderLineId, lotId } = world.fixture.delivered;
    const staff = await signedIn("PRODUCER_STAFF");
    const line = { orderLineId, lotId, quantity: 1 };
    const before = await businessData();
    expect(await codeOf(staff.orders.return({ orderId, reason: "Broken", lines: [{ ...line, disposition: "WRITE_OFF" }] }))).toBe("FORBIDDEN");
    const tooMany = await staff.orders.return({ orderId, reason: "x", lines: [{ ...line, quantity: 21, disposition: "RESTOCK" }] }).catch((e: TRPCError) => e);
    expect(tooMany).toBeInstanceOf(TRPCError);
    expect((tooMany as TRPCError).code).toBe("BAD_REQUEST");
    expect(((tooMany as TRPCError).cause as { fields?: unknown }).fields).toMatchObject({ "lines.0.quantity": expect.stringMatching(/^at most \d+$/) });
    expect(await businessData()).toBe(before);
    const done = await staff.orders.return({ orderId, reason: "Wrong item", lines: [{ ...line, disposition: "RESTOCK" }] });
    expect(done.movements.map((m) => [m.type, m.quantity])).toEqual([["RETURN", 1]]);
  });

  it("staff adjust only with a listed reason; admins with any", async () => {
    const { lotId } = world.fixture;
    const staff = await signedIn("PRODUCER_STAFF");
    const before = await businessData();
    const refused = await staff.stock.adjust({ lotId, change: 1, reason: "my own words" }).catch((e: TRPCError) => e);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");
    expect((refused as TRPCError & { shape?: unknown }).message).toMatch(/^Choose one of the listed reasons: Count correction/);
    expect(await businessData()).toBe(before);
    expect((await staff.stock.adjust({ lotId, change: 1, reason: "Found stock" })).movement.reason).toBe("Found stock");
    expect((await (await signedIn("PRODUCER_ADMIN")).stock.adjust({ lotId, change: -1, reason: "my own words" })).movement.quantity).toBe(-1);
  });

  it("staff receive at the product's unit cost and may not name one", async () => {
    const { productId, locationId } = world.fixture;
    const staff = await signedIn("PRODUCER_STAFF");
    const named = staff.stock.receive({ productId, locationId, lotNumber: "STAFF-1", unitCostCents: 1, quantity: 2 });
    expect(await codeOf(named)).toBe("FORBIDDEN");
    const { lotId } = await staff.stock.receive({ productId, locationId, lotNumber: "STAFF-1", quantity: 2 });
    const [lot, product] = await Promise.all([
      world.db.lot.findUniqueOrThrow({ where: { id: lotId } }),
      world.db.product.findUniqueOrThrow({ where: { id: productId } }),
    ]);
    expect(lot.unitCostCents).toBe(product.unitCostCents);
  });

  it("staff cannot sort the inventory by value, and their expiry CSV has no value column", async () => {
    const staff = await signedIn("PRODUCER_STAFF");
    expect(await codeOf(staff.reports.inventory({ sort: "value" }))).toBe("FORBIDDEN");
    const range = { from: "2026-01-01", to: "2026-12-31" };
    const [staffCsv, adminCsv] = await Promise.all([staff.reports.expiryWasteCsv(range), (await signedIn("PRODUCER_ADMIN")).reports.expiryWasteCsv(range)]);
    expect(staffCsv.csv.split("\n")[0]).toBe("band,product,sku,lot,location,expiry_date,units");
    expect(adminCsv.csv.split("\n")[0]).toBe("band,product,sku,lot,location,expiry_date,units,value_at_cost");
  });
});
