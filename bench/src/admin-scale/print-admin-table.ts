import type { AdminResults } from "./results.ts";

/** One row per measure and staff member, the goal beside it (the whole run is in bench/results/admin.json). */
export function printAdminTable(results: AdminResults) {
  const rows: Record<string, Record<string, string>> = {};
  for (const m of results.measures) {
    const isMet = m.errors === 0 && m.server.p95 <= m.goalMs;
    rows[`${m.staff}: ${m.label}`] = {
      "server p50 / p95 (ms)": `${m.server.p50.toFixed(1)} / ${m.server.p95.toFixed(1)}`,
      "client p50 / p95 (ms)": `${m.p50.toFixed(1)} / ${m.p95.toFixed(1)}`,
      "timed (errors)": `${m.requests} (${m.errors})`,
      goal: `<= ${m.goalMs} ms`,
      "": isMet ? "met" : "missed",
    };
  }
  const d = results.data;
  console.log(
    `[bench:admin] ${d.products.toLocaleString("en")} products, ${d.lots.toLocaleString("en")} lots, ${d.movements.toLocaleString("en")} movements ` +
      `(${d.bigMovements.toLocaleString("en")} of the big producer's ${d.bigProducts.toLocaleString("en")} products), ${d.orders.toLocaleString("en")} orders; ` +
      `${results.machine.cores} cores, PostgreSQL ${results.machine.postgres}`,
  );
  console.table(rows);
}
