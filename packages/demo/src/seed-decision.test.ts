import { useTestDatabase } from "@stockroom/db/testing";
import { createTestDeps, ManualClock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideDemoSeed, seedDemoIfWanted } from "./seed-decision.ts";

const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url, new ManualClock(new Date("2026-06-01T09:00:00Z")));
});
afterAll(() => testDeps.close());

const demoAdmin = () => database.current.db.staff.findUnique({ where: { email: "admin@stockroom.test" } });

describe("demo seeding on start", () => {
  it("with a DATABASE_URL and no SEED_DEMO seeds nothing and says so", async () => {
    const lines: string[] = [];
    const decision = await seedDemoIfWanted(testDeps.deps, { isEmbedded: false }, (line) => lines.push(line));
    expect(decision.seed).toBe(false);
    expect(lines).toEqual(["Demo data not seeded: DATABASE_URL is set (set SEED_DEMO=1 to seed it anyway)."]);
    expect(await demoAdmin()).toBeNull();
    expect(await database.current.db.producer.count()).toBe(0);
    expect(await database.current.db.staff.count()).toBe(0);
  });

  it("SEED_DEMO=0 keeps even the embedded database empty", async () => {
    const decision = await seedDemoIfWanted(testDeps.deps, { isEmbedded: true, seedDemo: false }, () => {});
    expect(decision).toEqual({ seed: false, reason: "Demo data not seeded (SEED_DEMO=0)." });
    expect(await database.current.db.staff.count()).toBe(0);
  });

  it("with the embedded default it seeds the demo platform admin", async () => {
    const lines: string[] = [];
    const decision = await seedDemoIfWanted(testDeps.deps, { isEmbedded: true }, (line) => lines.push(line));
    expect(decision.seed).toBe(true);
    expect(lines).toEqual(["Seeding demo data into the embedded database."]);
    expect(await demoAdmin()).toMatchObject({ role: "PLATFORM_ADMIN", producerId: null });
  }, 120_000); // the whole demo, 90 simulated days of it

  it("SEED_DEMO=1 seeds into a DATABASE_URL when asked", () => {
    expect(decideDemoSeed({ isEmbedded: false, seedDemo: true })).toEqual({ seed: true, reason: "Seeding demo data (SEED_DEMO=1)." });
  });
});
