import { useTestDatabase } from "@stockroom/db/testing";
import type { StaffRoleName } from "@stockroom/domain";
import { createStaff, createStockWorld, productWithStock, TEST_PASSWORD } from "@stockroom/domain/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "./app.ts";
import { useTestServer } from "./testing/use-test-server.ts";

const database = useTestDatabase();
const server = useTestServer(database);
let world: Awaited<ReturnType<typeof createStockWorld>>;

beforeAll(async () => {
  world = await createStockWorld(database.current.db);
  await productWithStock(server.testDeps.deps, world, [{ quantity: 5, lotNumber: "H-1" }], { sku: "HTTP-1", category: "Http" });
});

async function signedIn(role: StaffRoleName): Promise<string> {
  const staff = await createStaff(database.current.db, { role, producerId: world.producer.id });
  const response = await server.app.inject({
    method: "POST",
    url: "/trpc/auth.signIn",
    headers: { "content-type": "application/json", "x-stockroom-csrf": "1" },
    payload: { email: staff.email, password: TEST_PASSWORD },
  });
  return response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? "";
}

const upload = (cookie: string, query: string, body: string, csrf = true) =>
  server.app.inject({
    method: "POST",
    url: `/api/imports?${query}`,
    headers: { "content-type": "text/csv", ...(csrf ? { "x-stockroom-csrf": "1" } : {}) },
    cookies: { [SESSION_COOKIE]: cookie },
    payload: body,
  });

describe("CSV over HTTP", () => {
  it("uploads a stock file into a dry-run report; bad input is a 400 naming the field, never a 500", async () => {
    const cookie = await signedIn("PRODUCER_ADMIN");
    const ok = await upload(cookie, "kind=STOCK&fileName=s.csv", "sku;location;lot_number;quantity\nHTTP-1;Shop;H-2;3\nHTTP-1;Nowhere;H-3;1\n");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      status: "VALIDATED",
      totalRows: 2,
      createCount: 1,
      invalidCount: 1,
      errors: [{ line: 3, column: "location", reason: "no location named Nowhere" }],
    });
    const noColumn = await upload(cookie, "kind=STOCK&fileName=s.csv", "sku,lot_number\nHTTP-1,X\n");
    expect([noColumn.statusCode, noColumn.json().error.fields]).toEqual([400, { location: "missing column", quantity: "missing column" }]);
    const badKind = await upload(cookie, "kind=CHEESE&fileName=s.csv", "sku\n");
    expect([badKind.statusCode, badKind.json().error.fields]).toEqual([400, { kind: "Choose PRODUCTS or STOCK." }]);
    expect((await upload(cookie, "kind=STOCK&fileName=s.csv", "sku\n", false)).statusCode).toBe(403);
    expect((await upload("", "kind=STOCK&fileName=s.csv", "sku\n")).statusCode).toBe(401);
    const viewer = await signedIn("VIEWER");
    expect((await upload(viewer, "kind=STOCK&fileName=s.csv", "sku,location,lot_number,quantity\n")).statusCode).toBe(403);
    expect(await database.current.db.lot.count({ where: { lotNumber: "H-2" } })).toBe(0);
  });

  it("exports the filtered inventory as an attachment; staff get no cost column", async () => {
    const staff = await signedIn("PRODUCER_STAFF");
    const response = await server.app.inject({ method: "GET", url: "/api/exports/lots.csv?category=Http", cookies: { [SESSION_COOKIE]: staff } });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toMatch(/^attachment; filename="inventory-\d{4}-\d{2}-\d{2}\.csv"$/);
    const [header, row, extra] = response.body.trim().split("\n");
    expect(header).toBe("sku,location,lot_number,expiry,quantity,product_name,reserved,received_at");
    expect(row?.split(",").slice(0, 5)).toEqual(["HTTP-1", "Shop", "H-1", "", "5"]);
    expect(extra).toBeUndefined();
    const badRange = await server.app.inject({
      method: "GET",
      url: "/api/exports/movements.csv?from=2026-02-01&to=2026-01-01",
      cookies: { [SESSION_COOKIE]: staff },
    });
    expect([badRange.statusCode, badRange.json().error.fields]).toEqual([400, { from: "The start date must be on or before the end date." }]);
  });
});
