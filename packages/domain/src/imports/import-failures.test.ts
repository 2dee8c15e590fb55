import { describe, expect, it, vi } from "vitest";
import { actorFor, createStaff, productWithStock, useStockWorld } from "../testing/index.ts";
import { cancelImport, requestImportApply } from "./apply-import.ts";
import { dryRunImport } from "./dry-run-import.ts";
import { runImportApply } from "./run-import-apply.ts";

const stock = useStockWorld({ maxConnections: 10 });

/** `rows` new lots of one product in the shop, then one in the back store (line rows + 2). */
async function bigFile(rows: number) {
  const sku = `BIG-${rows}-${Date.now()}`;
  const { product } = await productWithStock(stock.deps, stock.world, [], { sku });
  const lines = ["sku,location,lot_number,expiry,quantity,unit_cost"];
  for (let i = 1; i <= rows; i++) lines.push(`${sku},Shop,B${i},,${i},`);
  lines.push(`${sku},Back store,LAST,,1,`);
  const actor = actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: stock.world.producer.id }));
  const report = await dryRunImport(stock.deps, actor, { kind: "STOCK", fileName: "big.csv" }, [Buffer.from(lines.join("\n"))]);
  expect(report).toMatchObject({ totalRows: rows + 1, createCount: rows + 1, invalidCount: 0 });
  return { product, actor, report };
}
const written = async (productId: string, importId: string) => ({
  lots: await stock.db.lot.count({ where: { productId } }),
  movements: await stock.db.movement.count({ where: { referenceId: importId } }),
});

describe("import failures leave nothing half-applied", () => {
  it("all-or-nothing: a row the database refuses at apply time (after 1,500 applied rows) rolls everything back", async () => {
    const { product, actor, report } = await bigFile(1_500);
    await stock.db.location.update({ where: { id: stock.world.backStore.id }, data: { archivedAt: new Date() } });
    try {
      await requestImportApply(stock.deps, actor, { importId: report.id });
      await runImportApply(stock.deps, { importId: report.id });
      const failed = await stock.db.import.findUniqueOrThrow({ where: { id: report.id } });
      expect(failed).toMatchObject({ status: "FAILED", doneRows: 0, message: "Line 1502, location: location Back store is archived. Nothing was applied." });
      expect(await written(product.id, report.id)).toEqual({ lots: 0, movements: 0 });

      // skip-invalid: the same refused row is skipped, the rest applied.
      await requestImportApply(stock.deps, actor, { importId: report.id, skipInvalid: true });
      await runImportApply(stock.deps, { importId: report.id });
      expect(await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
        status: "DONE",
        message: "Applied: 1500 created, 0 updated, 0 unchanged, 1 skipped.",
      });
      expect(await written(product.id, report.id)).toEqual({ lots: 1_500, movements: 1_500 });
    } finally {
      await stock.db.location.update({ where: { id: stock.world.backStore.id }, data: { archivedAt: null } });
    }
  });

  it("a cancel while the job runs rolls back every chunk already applied", async () => {
    const { product, actor, report } = await bigFile(6_000);
    await requestImportApply(stock.deps, actor, { importId: report.id });
    const running = runImportApply(stock.deps, { importId: report.id });
    await vi.waitFor(async () => expect((await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).doneRows).toBeGreaterThanOrEqual(1_000), {
      timeout: 20_000,
      interval: 5,
    });
    await cancelImport(stock.deps, actor, { importId: report.id });
    await running;
    expect(await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({
      status: "CANCELLED",
      message: "Cancelled: nothing was applied.",
    });
    expect(await written(product.id, report.id)).toEqual({ lots: 0, movements: 0 });
    await runImportApply(stock.deps, { importId: report.id }); // a redelivered job: a no-op
    expect(await written(product.id, report.id)).toEqual({ lots: 0, movements: 0 });
  });

  it("a worker killed mid-job: its connection dies, the retry starts over and applies each row once", async () => {
    const { product, actor, report } = await bigFile(6_000);
    await requestImportApply(stock.deps, actor, { importId: report.id });
    const first = runImportApply(stock.deps, { importId: report.id }).then(
      () => null,
      (e: unknown) => e,
    );
    await vi.waitFor(async () => expect((await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).doneRows).toBeGreaterThanOrEqual(1_000), {
      timeout: 20_000,
      interval: 5,
    });
    // Kill the transaction's backend, as a dead worker's connection would be dropped.
    const killed = await stock.db.$queryRaw<{ n: number }[]>`
      SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_xid IS NOT NULL`;
    expect(killed[0]?.n).toBe(1);
    expect(await first).toBeInstanceOf(Error);
    expect(await written(product.id, report.id)).toEqual({ lots: 0, movements: 0 });
    // A worker killed outright leaves RUNNING; one that saw its connection die says QUEUED. pg-boss redelivers either way.
    expect(await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ status: "QUEUED", doneRows: 0 });
    await runImportApply(stock.deps, { importId: report.id });
    expect(await stock.db.import.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ status: "DONE", doneRows: 6_001 });
    expect(await written(product.id, report.id)).toEqual({ lots: 6_001, movements: 6_001 });
  });
});
