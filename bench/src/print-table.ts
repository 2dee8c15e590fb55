import type { MachineCpu } from "./machine-cpu.ts";

interface Holds {
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  machine: MachineCpu;
}
type ByShape = Record<string, Holds & { ratioToCeiling: number }>;
type Catalog = { listMs: { p95: number; server: { p95: number } }; searchMs: { p95: number; server: { p95: number }; machine: MachineCpu } };

/** The run's headline numbers as a console table (the whole run is in bench/results/latest.json). */
export function printTable(results: Record<string, unknown>) {
  const r = results as {
    machine: { cores: number; postgres: string };
    mainShape: string;
    ceiling: { hotRow32Clients: { txPerSecond: number }; spread10k32Clients: { txPerSecond: number } };
    hotSku: Holds & { ratioToHotCeiling: number };
    hotSkuByShape: ByShape;
    hotSkuLimited: { succeeded: number; oversold: number };
    spread: Holds & { ratioToSpreadCeiling: number };
    spreadByShape: ByShape;
    holdPathInProcess: { hot: { perSecond: number; ratioToHotCeiling: number }; spread: { perSecond: number; ratioToSpreadCeiling: number } };
    catalogByShape: Record<string, Catalog>;
    lowStockAlertLatencyMs: { p95: number };
    holdReleaseLagMs: { p95: number };
    memory: { serverPeakMiB: number; workerPeakMiB: number };
  };
  const main = r.mainShape;
  const rows = (label: string, byShape: Record<string, unknown>, format: (value: never) => string) =>
    Object.fromEntries(
      Object.entries(byShape).map(([shape, value]) => [`${label}, ${shape}${shape === main ? " (main)" : ""}`, { value: format(value as never) }]),
    );
  console.table({
    machine: { value: `${r.machine.cores} cores, PostgreSQL ${r.machine.postgres}` },
    "raw ceiling, hot row, 32 clients (tx/s)": { value: r.ceiling.hotRow32Clients.txPerSecond.toFixed(0) },
    "raw ceiling, 10k rows, 32 clients (tx/s)": { value: r.ceiling.spread10k32Clients.txPerSecond.toFixed(0) },
    [`hot SKU holds/s (256 conns), ${main}, 10 s`]: { value: holds({ ...r.hotSku, ratioToCeiling: r.hotSku.ratioToHotCeiling }) },
    ...rows("hot SKU, alternating slices", r.hotSkuByShape, holds),
    "stock 1,000, 5,000 attempts": { value: `${r.hotSkuLimited.succeeded} succeeded, ${r.hotSkuLimited.oversold} oversold` },
    [`spread holds/s (256 conns), ${main}, 10 s`]: { value: holds({ ...r.spread, ratioToCeiling: r.spread.ratioToSpreadCeiling }) },
    ...rows("spread, alternating slices", r.spreadByShape, holds),
    "hold path in-process, hot / spread (holds/s)": {
      value: `${r.holdPathInProcess.hot.perSecond.toFixed(0)} (x${r.holdPathInProcess.hot.ratioToHotCeiling.toFixed(2)}) / ${r.holdPathInProcess.spread.perSecond.toFixed(0)} (x${r.holdPathInProcess.spread.ratioToSpreadCeiling.toFixed(2)})`,
    },
    ...rows("catalog list / search p95 (ms)", r.catalogByShape, catalog),
    "machine busy during hot / spread / search (main)": {
      value: [r.hotSku.machine, r.spread.machine, r.catalogByShape[main]?.searchMs.machine]
        .map((m) => `${((m?.busy ?? Number.NaN) * 100).toFixed(0)}%`)
        .join(" / "),
    },
    "low-stock alert latency p95 (ms)": { value: r.lowStockAlertLatencyMs.p95 },
    "hold release lag p95 (ms)": { value: r.holdReleaseLagMs.p95 },
    "peak memory server / worker (MiB)": { value: `${r.memory.serverPeakMiB.toFixed(0)} / ${r.memory.workerPeakMiB.toFixed(0)}` },
  });
}

const holds = (h: Holds & { ratioToCeiling: number }) =>
  `${h.perSecond.toFixed(0)} (x${h.ratioToCeiling.toFixed(2)} of ceiling), p50 ${h.p50} / p99 ${h.p99} ms, errors ${h.errors}`;
const catalog = (c: Catalog) =>
  `${c.listMs.p95.toFixed(1)} / ${c.searchMs.p95.toFixed(1)} client, ${c.listMs.server.p95.toFixed(1)} / ${c.searchMs.server.p95.toFixed(1)} server`;
