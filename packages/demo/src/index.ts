// Demo data for `pnpm start` on the embedded database and for tests; never part of the domain.
export { DEMO_PASSWORD, DEMO_STAFF } from "./demo-catalog.ts";
export { type DemoSeedDecision, decideDemoSeed, seedDemoIfWanted } from "./seed-decision.ts";
export { seedDemo } from "./seed-demo.ts";
