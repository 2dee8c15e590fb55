import { text } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { requestImportApply } from "../imports/apply-import.ts";
import { dryRunImport } from "../imports/dry-run-import.ts";
import { runImportApply } from "../imports/run-import-apply.ts";
import { actorFor, createProducer, createStaff, productWithStock, useStockWorld } from "../testing/index.ts";
import { csvStream } from "./csv-stream.ts";
import { exportLots, exportProducts } from "./export-inventory.ts";
import { exportMovements } from "./export-movements.ts";

const stock = useStockWorld();
const catalog = (producerId: string) =>
  stock.db.product.findMany({
    where: { producerId },
    orderBy: { sku: "asc" },
    select: {
      sku: true,
      name: true,
      category: true,
      priceCents: true,
      unitCostCents: true,
      minStockLevel: true,
      leadTimeDays: true,
      trackInventory: true,
      barcode: true,
    },
  });

describe("CSV exports", () => {
  it("round trip: products exported from one producer import into an empty one as the same catalog", async () => {
    const { world } = stock;
    await productWithStock(stock.deps, world, [{ quantity: 4, lotNumber: "RT-1" }], { sku: "RT-A", name: 'Oat "barista", 1 L', category: "Dairy" });
    await productWithStock(stock.deps, world, [], { sku: "RT-B", name: "=cmd|' /C calc'!A0", category: "Tricky; semi", trackInventory: false });
    const file = await text(csvStream(exportProducts(stock.deps, world.admin, { producerId: world.producer.id })));
    expect(file.split("\n")[0]).toBe("sku,name,category,price,unit_cost,min_stock_level,lead_time_days,track_inventory,barcode");
    expect(file).toContain(`RT-B,'=cmd|' /C calc'!A0,Tricky; semi,5.00,2.00,5,7,false,`);

    const empty = await createProducer(stock.db);
    const manager = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: empty.id }));
    const report = await dryRunImport(stock.deps, manager, { kind: "PRODUCTS", fileName: "catalog.csv" }, [Buffer.from(file)]);
    expect(report).toMatchObject({ totalRows: 2, createCount: 2, invalidCount: 0 });
    await requestImportApply(stock.deps, manager, { importId: report.id });
    await runImportApply(stock.deps, { importId: report.id });
    const copied = await catalog(empty.id);
    // The formula guard's quote is read back off: the same catalog, cell for cell.
    expect(copied).toEqual(await catalog(world.producer.id));
    expect(copied.map((p) => p.name)).toEqual(['Oat "barista", 1 L', "=cmd|' /C calc'!A0"]);
  });

  it("exports lots with the inventory filters and the ledger for a date range; without costs.view no cost column", async () => {
    const { world } = stock;
    const { product } = await productWithStock(stock.deps, world, [{ quantity: 9, lotNumber: "EXP-1", expiryDate: "2026-09-30" }], {
      sku: "EXP-A",
      category: "Export only",
    });
    const lots = await text(csvStream(exportLots(stock.deps, world.admin, { producerId: world.producer.id, category: "Export only" })));
    expect(lots.trim().split("\n")).toEqual([
      "sku,location,lot_number,expiry,quantity,unit_cost,product_name,reserved,received_at",
      `EXP-A,Shop,EXP-1,2026-09-30,9,1.00,${product.name},0,${stock.clock.now().toISOString()}`,
    ]);
    const none = await text(csvStream(exportLots(stock.deps, world.admin, { producerId: world.producer.id, category: "Export only", status: "out" })));
    expect(none.trim().split("\n")).toHaveLength(1);
    const viewer = actorFor(await createStaff(stock.db, { role: "PRODUCER_STAFF", producerId: world.producer.id }));
    const ledger = await text(csvStream(await exportMovements(stock.deps, viewer, { productId: product.id, from: "2026-06-01", to: "2026-06-01" })));
    const [header, row] = ledger.trim().split("\n");
    expect(header).toBe("id,created_at,type,sku,lot_number,location,quantity,previous_on_hand,new_on_hand,reason,actor,reference_type,reference_id");
    expect(row?.split(",").slice(1, 10)).toEqual([stock.clock.now().toISOString(), "RECEIPT", "EXP-A", "EXP-1", "Shop", "9", "0", "9", "received"]);
    const later = await text(csvStream(await exportMovements(stock.deps, viewer, { productId: product.id, from: "2026-06-02", to: "2026-06-30" })));
    expect(later.trim().split("\n")).toHaveLength(1);
  });
});
