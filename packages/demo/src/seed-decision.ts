import type { Deps } from "@stockroom/domain";
import { seedDemo } from "./seed-demo.ts";

export interface DemoSeedDecision {
  seed: boolean;
  /** One line for the console saying what was decided and why. */
  reason: string;
}

/**
 * Demo data (including a platform admin with a published password) goes only into the embedded
 * default database, or anywhere when asked explicitly (SEED_DEMO=1); never by default into a
 * DATABASE_URL, which may be a real server. SEED_DEMO=0 turns it off for the embedded one too.
 */
export function decideDemoSeed({ isEmbedded, seedDemo }: { isEmbedded: boolean; seedDemo?: boolean }): DemoSeedDecision {
  if (seedDemo === false) return { seed: false, reason: "Demo data not seeded (SEED_DEMO=0)." };
  if (seedDemo === true) return { seed: true, reason: "Seeding demo data (SEED_DEMO=1)." };
  if (isEmbedded) return { seed: true, reason: "Seeding demo data into the embedded database." };
  return { seed: false, reason: "Demo data not seeded: DATABASE_URL is set (set SEED_DEMO=1 to seed it anyway)." };
}

/** Decides, logs the decision and seeds when it says so (idempotent). */
export async function seedDemoIfWanted(
  deps: Deps,
  options: { isEmbedded: boolean; seedDemo?: boolean },
  log: (line: string) => void = console.log,
): Promise<DemoSeedDecision> {
  const decision = decideDemoSeed(options);
  log(decision.reason);
  if (decision.seed) await seedDemo(deps);
  return decision;
}
