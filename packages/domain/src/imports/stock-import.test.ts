import { describe, expect, it } from "vitest";
import { actorFor, createStaff, domainFailure, expectValidInventory, productWithStock, useStockWorld } from "../testing/index.ts";
import { requestImportApply } from "./apply-import.ts";
import { dryRunImport } from "./dry-run-import.ts";
import { runImportApply } from "./run-import-apply.ts";

const stock = useStockWorld({ maxConnections: 10 });
const csv = (text: string) => [Buffer.from(text)];

async function manager() {
  return actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: stock.world.producer.id }));
}
const movementsOf = (importId: string) =>
  stock.db.movement.findMany({ where: { referenceType: "import", referenceId: importId }, orderBy: { id: "asc" }, include: { lot: true } });

describe("stock import", () => {
  it("reports every row exactly, applies what it said, and the same file again changes nothing", async () => {
    const sku = `A-${Date.now()}`;
    await productWithStock(
      stock.deps,
      stock.world,
      [
        { quantity: 3, lotNumber: "OLD", expiryDate: "2026-12-31" },
        { quantity: 6, lotNumber: "EQ", locationId: stock.world.backStore.id },
        { quantity: 2, lotNumber: "OLD2", expiryDate: "2027-06-01" },
      ],
      { sku },
    );
    const file = [
      "sku,location,lot_number,expiry,quantity,unit_cost",
      `${sku},Shop,L1,2027-01-31,10,2.50`,
      `${sku},Shop,L1,2027-01-31,4,`,
      "NOPE,Shop,L2,,5,",
      `${sku},Shop,OLD,2026-12-31,7,`,
      `${sku},Attic,L3,,5,`,
      `${sku},Shop,L4,2027-02-30,5,`,
      `${sku},Back store,L5,,abc,`,
      `${sku},back store,EQ,,6,`,
      `${sku},Shop,OLD2,2027-05-01,1,`,
    ].join("\n");
    const actor = await manager();
    const report = await dryRunImport(stock.deps, actor, { kind: "STOCK", fileName: "count.csv" }, csv(file));
    expect(report).toMatchObject({ status: "VALIDATED", totalRows: 9, createCount: 1, updateCount: 1, unchangedCount: 1, invalidCount: 6 });
    expect(report.errors).toEqual([
      { line: 3, column: "lot_number", reason: "duplicate of line 2" },
      { line: 4, column: "sku", reason: "no product with SKU NOPE" },
      { line: 6, column: "location", reason: "no location named Attic" },
      { line: 7, column: "expiry", reason: '"2027-02-30" is not a date like 2027-03-31' },
      { line: 8, column: "quantity", reason: '"abc" is not a whole number' },
      { line: 10, column: "expiry", reason: "differs from the existing lot" },
    ]);
    expect(await stock.db.lot.count({ where: { lotNumber: "L1" } })).toBe(0);

    const refused = await domainFailure(requestImportApply(stock.deps, actor, { importId: report.id }));
    expect([refused.code, refused.fields]).toEqual(["CONFLICT", { skipInvalid: "6 invalid row(s)" }]);
    const queued = await requestImportApply(stock.deps, actor, { importId: report.id, skipInvalid: true });
    expect(queued.status).toBe("QUEUED");
    await runImportApply(stock.deps, { importId: report.id });
    const done = await stock.db.import.findUniqueOrThrow({ where: { id: report.id } });
    expect(done).toMatchObject({ status: "DONE", doneRows: 9, message: "Applied: 1 created, 1 updated, 1 unchanged, 6 skipped." });
    const moves = await movementsOf(report.id);
    expect(moves.map((m) => [m.type, m.lot.lotNumber, m.quantity, m.previousOnHand, m.newOnHand, m.unitCostCents, m.reason])).toEqual([
      ["RECEIPT", "L1", 10, 0, 10, 250, "import count.csv"],
      ["ADJUSTMENT", "OLD", 4, 3, 7, 100, "import count.csv"],
    ]);
    expect(moves[0]?.lot.expiryDate?.toISOString().slice(0, 10)).toBe("2027-01-31");
    await expectValidInventory(stock.db, stock.clock.now());

    const again = await dryRunImport(stock.deps, actor, { kind: "STOCK", fileName: "count.csv" }, csv(file));
    expect(again).toMatchObject({ createCount: 0, updateCount: 0, unchangedCount: 3, invalidCount: 6 });
    expect(again.message).toMatch(/^This file was already applied on \d{4}-\d{2}-\d{2}: applying it again changes nothing\.$/);
    const second = await requestImportApply(stock.deps, actor, { importId: again.id, skipInvalid: true });
    expect(second.status).toBe("DONE");
    expect(second.message).toContain(`this file was already applied on`);
    expect(await stock.db.movement.count({ where: { referenceType: "import" } })).toBe(2);
    expect(await stock.db.importRow.count({ where: { importId: report.id } })).toBe(0);
  });

  it("a role without costs.view may not name a unit cost: that row is invalid, the rest is fine", async () => {
    await productWithStock(stock.deps, stock.world, [], { sku: "COST-1" });
    const staff = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: stock.world.producer.id }));
    const file = "sku,location,lot_number,quantity,unit_cost\nCOST-1,Shop,C1,2,\nCOST-1,Shop,C2,2,9.99\n";
    const report = await dryRunImport(stock.deps, staff, { kind: "STOCK", fileName: "c.csv" }, csv(file));
    expect(report).toMatchObject({ createCount: 1, invalidCount: 1 });
    expect(report.errors).toEqual([{ line: 3, column: "unit_cost", reason: "your role receives at the product's unit cost: leave it empty" }]);
    const products = await domainFailure(dryRunImport(stock.deps, staff, { kind: "PRODUCTS", fileName: "p.csv" }, csv("sku\n")));
    expect(products.code).toBe("FORBIDDEN");
  });

  it("new lots meet the receiving rules: expired, too short-dated or missing a required expiry are invalid rows", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [], { sku: "RULE-1" });
    await stock.db.product.update({ where: { id: product.id }, data: { requiresExpiryDate: true, minShelfLifeDays: 30 } });
    // The test clock is at 2026-06-01.
    const file =
      "sku,location,lot_number,expiry,quantity\nRULE-1,Shop,R1,2026-05-01,2\nRULE-1,Shop,R2,2026-06-15,2\nRULE-1,Shop,R3,,2\nRULE-1,Shop,R4,2026-09-01,2\n";
    const report = await dryRunImport(stock.deps, await manager(), { kind: "STOCK", fileName: "rules.csv" }, csv(file));
    expect(report).toMatchObject({ createCount: 1, invalidCount: 3 });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "expiry"],
      [3, "expiry"],
      [4, "expiry"],
    ]);
    expect(report.errors[0]?.reason).toMatch(/^This lot expired on 2026-05-01\. Import it into the Quarantine location instead/);
    expect(report.errors[1]?.reason).toMatch(/at least 30 days of shelf life left/);
    expect(report.errors[2]?.reason).toMatch(/needs an expiry date on every lot/);
  });

  it("reads a BOM, semicolons, decimal commas and Excel's quoting", async () => {
    const { product } = await productWithStock(stock.deps, stock.world, [], { sku: "SEMI-1" });
    const file = '\uFEFFsku;location;lot_number;expiry;quantity;unit_cost\r\nSEMI-1;Shop;"L;""1""";2027-03-01;5;1,25\r\n"SEMI-1";"Back store";L2;;3;\r\n';
    const actor = await manager();
    const report = await dryRunImport(stock.deps, actor, { kind: "STOCK", fileName: "excel.csv" }, csv(file));
    expect(report).toMatchObject({ totalRows: 2, createCount: 2, invalidCount: 0, errors: [] });
    await requestImportApply(stock.deps, actor, { importId: report.id });
    await runImportApply(stock.deps, { importId: report.id });
    const lots = await stock.db.lot.findMany({ where: { productId: product.id }, orderBy: { lotNumber: "asc" } });
    expect(lots.map((l) => [l.lotNumber, l.onHand, l.unitCostCents])).toEqual([
      ["L2", 3, 200],
      ['L;"1"', 5, 125],
    ]);
  });
});
