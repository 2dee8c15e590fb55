import { createHash } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { type DomainError, isoDay, MAX_STOCK_CHANGE, PG_INT_MAX } from "@stockroom/domain";
import { createStaff, createStockWorld, createTestDeps, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "./root.ts";
import { CookieJar, callerFor } from "./testing.ts";

// Every number and every day in every procedure's input, found by walking the router's input
// schemas (a new procedure or field is covered without touching this file): each has a bound that
// fits its Postgres column, and a value past it is a 400 naming the field, never a 500.
type Leaf = { procedure: string; path: (string | number)[]; schema: z.ZodType };
type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; in?: z.ZodType };

function leaves(procedure: string, schema: z.ZodType, path: (string | number)[] = []): Leaf[] {
  if (schema === isoDay) return [{ procedure, path, schema }];
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  if (def.type === "object") return Object.entries(def.shape ?? {}).flatMap(([key, field]) => leaves(procedure, field, [...path, key]));
  if (def.type === "array" && def.element) return leaves(procedure, def.element, [...path, 0]);
  if (def.type === "pipe" && def.in) return leaves(procedure, def.in, path);
  if (def.innerType) return leaves(procedure, def.innerType, path); // optional, nullable, default, catch
  return def.type === "number" ? [{ procedure, path, schema }] : [];
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { inputs: z.ZodType[] } }>);
const all = procedures.flatMap(([name, procedure]) => procedure._def.inputs.flatMap((input) => leaves(name, input)));
const numbers = all.filter((leaf) => leaf.schema !== isoDay);
const days = all.filter((leaf) => leaf.schema === isoDay);
const label = (leaf: Leaf) => `${leaf.procedure} ${leaf.path.join(".")}`;

/** An input holding only `value` at `path` (arrays get one element): the other fields' issues do not matter here. */
function inputWith(path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  return typeof head === "number" ? [inputWith(rest, value)] : { [head]: inputWith(rest, value) };
}

const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
let caller: Record<string, unknown>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
  const admin = await createStaff(database.current.db, { role: "PLATFORM_ADMIN", producerId: null });
  const jar = new CookieJar();
  await (await callerFor(testDeps.deps, jar)).auth.signIn({ email: admin.email, password: TEST_PASSWORD });
  // A platform admin with a cart token and a customer session gets past every guard, so each call reaches its input schema.
  const customerSession = new CookieJar();
  customerSession.set("c".repeat(43), new Date(Date.now() + 3_600_000));
  await database.current.db.customerSession.create({
    data: { id: createHash("sha256").update("c".repeat(43)).digest("base64url"), email: "bounds@example.test", expiresAt: new Date(Date.now() + 3_600_000) },
  });
  caller = (await callerFor(testDeps.deps, jar, { cartToken: "b".repeat(32), customerSession })) as unknown as Record<string, unknown>;
});
afterAll(() => testDeps.close());

async function refusal(procedure: string, input: unknown): Promise<{ code: string; fields: Record<string, string> }> {
  const call = procedure.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  const error = await call(input).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof TRPCError)) return { code: `no error (${String(error)})`, fields: {} };
  return { code: error.code, fields: (error.cause as DomainError | undefined)?.fields ?? {} };
}

describe("every numeric and date input is bounded", () => {
  it("finds the fields of the probes (the walk reaches nested and array fields)", () => {
    expect(numbers.map(label)).toEqual(expect.arrayContaining(["stock.writeOff quantity", "products.update priceCents", "cart.reserve lines.0.quantity"]));
    expect(days.map(label)).toEqual(expect.arrayContaining(["reports.movementSeries from", "reports.lowStockTrend to", "stock.receive expiryDate"]));
    expect(numbers.length).toBeGreaterThanOrEqual(20);
  });

  it("every number has an upper bound that fits a Postgres integer", () => {
    const unbounded = numbers.filter((leaf) => ((leaf.schema as z.ZodNumber).maxValue ?? Number.POSITIVE_INFINITY) > PG_INT_MAX).map(label);
    expect(unbounded).toEqual([]);
  });

  it("a number past the integer range is BAD_REQUEST naming the field", async () => {
    for (const leaf of numbers) {
      const answer = await refusal(leaf.procedure, inputWith(leaf.path, PG_INT_MAX + 1));
      expect({ leaf: label(leaf), code: answer.code, named: leaf.path.join(".") in answer.fields }).toEqual({
        leaf: label(leaf),
        code: "BAD_REQUEST",
        named: true,
      });
    }
  });

  it("a day that does not exist is BAD_REQUEST naming the field", async () => {
    for (const leaf of days) {
      const answer = await refusal(leaf.procedure, inputWith(leaf.path, "2026-02-31"));
      expect({ leaf: label(leaf), code: answer.code, reason: answer.fields[leaf.path.join(".")] }).toEqual({
        leaf: label(leaf),
        code: "BAD_REQUEST",
        reason: "That day does not exist.",
      });
    }
  });

  it("report ranges: from after to names from, more than two years names to", async () => {
    const ranged = [...new Set(days.filter((leaf) => leaf.path.join(".") === "from").map((leaf) => leaf.procedure))];
    expect(ranged.length).toBeGreaterThanOrEqual(5);
    for (const procedure of ranged) {
      expect(await refusal(procedure, { from: "2026-03-02", to: "2026-03-01" })).toEqual({
        code: "BAD_REQUEST",
        fields: { from: "The start date must be on or before the end date." },
      });
      expect(await refusal(procedure, { from: "0001-01-01", to: "9999-12-31" })).toEqual({
        code: "BAD_REQUEST",
        fields: { to: "Choose a range of at most two years." },
      });
    }
  });

  it("a total past its integer column (bounded changes, summed) is BAD_REQUEST, and nothing changes", async () => {
    const world = await createStockWorld(database.current.db);
    const { lotIds } = await productWithStock(testDeps.deps, world, [{ quantity: 1 }]);
    const lotId = lotIds[0] as string;
    const adjust = (caller as { stock: { adjust(input: unknown): Promise<unknown> } }).stock.adjust;
    const room = Math.floor((PG_INT_MAX - 1) / MAX_STOCK_CHANGE); // adjustments that still fit
    for (let i = 0; i < room; i++) await adjust({ lotId, change: MAX_STOCK_CHANGE, reason: "bulk count" });
    const before = await database.current.db.lot.findUniqueOrThrow({ where: { id: lotId } });
    expect(before.onHand).toBe(1 + room * MAX_STOCK_CHANGE);
    expect(await refusal("stock.adjust", { lotId, change: MAX_STOCK_CHANGE, reason: "bulk count" })).toEqual({ code: "BAD_REQUEST", fields: {} });
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotId } })).onHand).toBe(before.onHand);
  });
});
