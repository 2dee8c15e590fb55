// `pnpm inventory:validate [--fix]`: checks every stock invariant; exits 1 with a readable report
// when any fails. --fix writes correcting ADJUSTMENT movements (reason "reconciliation") for ledger
// mismatches and says so, and rebuilds product summaries (ProductStock) that disagree with their lots;
// reservation mismatches are reported for a person to resolve.
import { fixLedgerProblems, rebuildStockSummaries, validateInventory } from "@stockroom/domain";
import { withDeps } from "./with-deps.ts";

const isFix = process.argv.includes("--fix");
const exitCode = await withDeps(
  {
    databaseUrl: process.env.DATABASE_URL || undefined,
    appDatabaseUrl: process.env.APP_DATABASE_URL || undefined,
    cluster: process.env.STOCKROOM_CLUSTER || "pg",
  },
  async (deps) => {
    const problems = await validateInventory(deps.db, deps.clock.now());
    if (problems.length === 0) {
      console.log(`Inventory valid: ${await deps.db.lot.count()} lots, ${await deps.db.movement.count()} movements; every invariant holds.`);
      return 0;
    }
    console.log(`${problems.length} problem(s):`);
    for (const p of problems) console.log(`  [${p.check}] ${p.lotId ? `lot ${p.lotNumber} (${p.lotId})` : `product ${p.productId}`}: ${p.message}`);
    if (!isFix) return 1;
    const fixed = await fixLedgerProblems(deps.db, problems);
    console.log(`Wrote ${fixed} reconciliation movement(s).`);
    const rebuilt = await rebuildStockSummaries(
      deps.db,
      problems.filter((p) => p.check === "summary").map((p) => p.productId),
    );
    if (rebuilt) console.log(`Rebuilt ${rebuilt} product summar${rebuilt === 1 ? "y" : "ies"} from their lots.`);
    const remaining = await validateInventory(deps.db, deps.clock.now());
    for (const p of remaining) console.log(`  still failing [${p.check}] lot ${p.lotNumber}: ${p.message}`);
    return remaining.length === 0 ? 0 : 1;
  },
);
process.exitCode = exitCode;
