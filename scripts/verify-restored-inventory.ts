import { createDb } from "@stockroom/db";
import { validateInventory } from "@stockroom/domain";

/**
 * What db:restore runs on the restored copy before swapping it in: every inventory invariant (the
 * checks of pnpm inventory:validate). Throws, listing the problems, when any fails.
 */
export async function verifyRestoredInventory(url: string, now: Date, log: (line: string) => void = console.log): Promise<void> {
  const db = createDb(url, { maxConnections: 2 });
  try {
    const problems = await validateInventory(db, now);
    if (problems.length > 0) {
      const lines = problems.map((p) => `  [${p.check}] lot ${p.lotNumber} (${p.lotId}): ${p.message}`);
      throw new Error(`The restored copy fails ${problems.length} inventory check(s); it was not swapped in.\n${lines.join("\n")}`);
    }
    log(`Verified: ${await db.lot.count()} lots, ${await db.movement.count()} movements; every inventory invariant holds.`);
  } finally {
    await db.$disconnect();
  }
}
