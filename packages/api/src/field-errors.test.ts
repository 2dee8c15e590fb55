import { useTestDatabase } from "@stockroom/db/testing";
import { createTestDeps, ManualClock } from "@stockroom/domain/testing";
import { TRPCError } from "@trpc/server";
import { getErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "./root.ts";
import { callerFor } from "./testing.ts";

// The SPAs put a refusal's reasons on their form fields by input path (packages/ui useServerFieldErrors):
// this is the contract they read, as the error formatter sends it.
const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, new ManualClock(new Date("2026-03-01T10:00:00Z")));
});
afterAll(() => testDeps.close());

async function errorData(path: string, call: Promise<unknown>) {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const shape = getErrorShape({ config: appRouter._def._config, error: error as TRPCError, type: "mutation", path, input: undefined, ctx: undefined });
  return shape.data;
}

describe("field errors in the error data", () => {
  it("names each refused input field by its name", async () => {
    const caller = await callerFor(testDeps.deps);
    const data = await errorData("auth.signIn", caller.auth.signIn({ email: "not-an-email", password: "" }));
    expect(data).toMatchObject({ code: "BAD_REQUEST", httpStatus: 400, domainCode: "VALIDATION_FAILED" });
    expect(data.fields).toEqual({ email: "Enter a valid email address.", password: "Enter your password." });
  });

  it("names a nested field by its dotted path", async () => {
    const caller = await callerFor(testDeps.deps, undefined, { cartToken: "a".repeat(32) });
    const data = await errorData("cart.reserve", caller.cart.reserve({ lines: [{ productId: "00000000-0000-4000-8000-000000000001", quantity: 0 }] }));
    expect(data.domainCode).toBe("VALIDATION_FAILED");
    expect(data.fields).toEqual({ "lines.0.quantity": "Quantity must be at least 1." });
  });
});
