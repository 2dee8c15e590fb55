// `pnpm inventory:report`: totals per producer (products, low, out, lots per expiry band, value at cost).
import { inventoryReport } from "@stockroom/domain";
import { withDeps } from "./with-deps.ts";

await withDeps(
  {
    databaseUrl: process.env.DATABASE_URL || undefined,
    appDatabaseUrl: process.env.APP_DATABASE_URL || undefined,
    cluster: process.env.STOCKROOM_CLUSTER || "pg",
  },
  async (deps) => {
    const rows = await inventoryReport(deps.db, deps.clock.now());
    console.table(
      rows.map((r) => ({
        producer: r.producer,
        products: r.products,
        low: r.low,
        out: r.out,
        "expired lots": r.expired,
        "lots <=7d": r.within7,
        "lots <=30d": r.within30,
        "lots <=90d": r.within90,
        "value at cost": (Number(r.valueCents) / 100).toFixed(2),
      })),
    );
  },
);
