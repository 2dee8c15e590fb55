// `pnpm bench:import`: 100,000-row CSV imports (stock as lots, and products) and a 100,000-product
// export on a fresh, durable embedded Postgres, in this process: wall time of the dry run and the
// apply, and the process's peak RSS and heap while each runs (sampled every 20 ms).
import { rm } from "node:fs/promises";
import path from "node:path";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { applyMigrations, assertDataDirFree, createDb, DATA_DIR, startEmbeddedPostgres } from "@stockroom/db";
import { csvStream, type Deps, dryRunImport, exportProducts, requestImportApply, runImportApply, type StaffActor, systemClock } from "@stockroom/domain";
import { startSendOnlyQueue } from "@stockroom/jobs";
import pg from "pg";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const log = (line: string) => console.log(`[bench:import] ${line}`);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

/** Runs `work`, sampling memory; returns seconds and peaks. */
async function measured<T>(label: string, work: () => Promise<T>): Promise<T> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  let peakLive = start.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  // What is really held: the heap right after a full collection, once a second.
  const live = setInterval(() => {
    globalThis.gc?.();
    peakLive = Math.max(peakLive, process.memoryUsage().heapUsed);
  }, 1_000);
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    clearInterval(timer);
    clearInterval(live);
    const seconds = (performance.now() - t0) / 1000;
    log(
      `${label}: ${seconds.toFixed(1)} s; RSS ${mib(start.rss)} -> peak ${mib(peakRss)}, heap ${mib(start.heapUsed)} -> peak ${mib(peakHeap)}, live heap (after GC) peak ${mib(peakLive)}`,
    );
  }
}

/** The file as a stream of 1,000-line chunks: never whole in memory here either. */
function* stockFile(rows: number, round: number) {
  yield "sku;location;lot_number;expiry;quantity;unit_cost\n";
  for (let from = 0; from < rows; from += 1_000) {
    let chunk = "";
    for (let i = from; i < Math.min(rows, from + 1_000); i++)
      chunk += `B-${i};${i % 2 ? "Shop" : "Back store"};L-${i};2028-01-${String((i % 28) + 1).padStart(2, "0")};${(i % 50) + 1 + round};1,25\n`;
    yield chunk;
  }
}
function* productFile(rows: number) {
  yield "sku,name,category,price,unit_cost\n";
  for (let from = 0; from < rows; from += 1_000) {
    let chunk = "";
    for (let i = from; i < Math.min(rows, from + 1_000); i++) chunk += `P-${i},"Product ${i}, boxed",Cat ${i % 40},${(i % 900) + 1}.99,0.50\n`;
    yield chunk;
  }
}

async function importFile(deps: Deps, actor: StaffActor, kind: "STOCK" | "PRODUCTS", fileName: string, file: Iterable<string>) {
  const report = await measured(`${kind} ${fileName}: dry run`, () => dryRunImport(deps, actor, { kind, fileName }, file));
  log(
    `  ${report.totalRows} rows: ${report.createCount} create, ${report.updateCount} update, ${report.unchangedCount} unchanged, ${report.invalidCount} invalid`,
  );
  await requestImportApply(deps, actor, { importId: report.id });
  await measured(`${kind} ${fileName}: apply`, () => runImportApply(deps, { importId: report.id }));
  log(`  ${(await deps.db.import.findUniqueOrThrow({ where: { id: report.id } })).message}`);
}

async function main() {
  const dataDir = path.join(DATA_DIR, "bench-import");
  assertDataDirFree(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ dataDir, isDurable: true });
  const boss = { stop: async () => {} };
  try {
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query("CREATE DATABASE stockroom");
    await admin.end();
    const url = server.urlFor("stockroom");
    await applyMigrations(url);
    const db = createDb(url, { maxConnections: 4 });
    const queue = await startSendOnlyQueue(url, { maxConnections: 2 });
    boss.stop = queue.stop;
    const deps: Deps = { db, jobs: queue.jobs, clock: systemClock };
    const producer = await db.producer.create({ data: { name: "Bench", slug: "bench-import" } });
    await db.location.createMany({
      data: [
        { producerId: producer.id, name: "Shop" },
        { producerId: producer.id, name: "Back store" },
      ],
    });
    const staff = await db.staff.create({
      data: { email: "m@bench.test", name: "Manager", role: "PRODUCER_ADMIN", producerId: producer.id, passwordHash: "x" },
    });
    const actor: StaffActor = { kind: "staff", staffId: staff.id, email: staff.email, name: staff.name, role: staff.role, producerId: producer.id };
    await db.$executeRaw`INSERT INTO "Product" (id, "producerId", sku, name, category, "priceCents", "unitCostCents", "updatedAt")
      SELECT gen_random_uuid(), ${producer.id}::uuid, 'B-' || i, 'Bench ' || i, 'Bench', 500, 200, now() FROM generate_series(0, ${ROWS - 1}) i`;
    log(`${ROWS.toLocaleString("en")} products seeded; importing ${ROWS.toLocaleString("en")} rows each`);

    await importFile(deps, actor, "STOCK", "lots.csv", stockFile(ROWS, 0));
    await importFile(deps, actor, "STOCK", "lots.csv (same file)", stockFile(ROWS, 0));
    await importFile(deps, actor, "STOCK", "count.csv (every quantity +1)", stockFile(ROWS, 1));
    await importFile(deps, actor, "PRODUCTS", "products.csv", productFile(ROWS));
    let bytes = 0;
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        bytes += chunk.length;
        done();
      },
    });
    await measured(`export ${(ROWS * 2).toLocaleString("en")} products`, () => pipeline(csvStream(exportProducts(deps, actor, {})), sink));
    log(`  ${(bytes / 1e6).toFixed(1)} MB written`);
    await db.$disconnect();
  } finally {
    await boss.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
