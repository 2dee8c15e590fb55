import { useTestDatabase } from "@stockroom/db/testing";
import { runInventoryCheck } from "@stockroom/domain";
import { ManualClock } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { auditActions, signedInStaff } from "./staff-testing.ts";
import { useClockedDeps } from "./use-clocked-deps.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-03-14T10:00:00Z"));
const testDeps = useClockedDeps(database, clock);
const db = () => database.current.db;

describe("system health (platform only)", () => {
  it("shows the seven metrics, 14 days of trend, no check and no backups on DATABASE_URL; Run check now queues one manual check and audits it", async () => {
    const platform = await signedInStaff(testDeps.deps, db(), "PLATFORM_ADMIN", null);
    const health = await (await platform.caller()).system.health();
    expect(health.metrics).toMatchObject({ stockAccuracyRate: null, reservationSuccessRate: null, oversellIncidents: 0 });
    expect(health.trends.map((d) => d.day)).toHaveLength(14);
    expect([health.trends[0]?.day, health.trends.at(-1)?.day]).toEqual(["2026-03-01", "2026-03-14"]);
    expect(health.lastCheck).toBeNull();
    expect(health.backup).toEqual({ state: "unavailable" });

    expect(await (await platform.caller()).system.runInventoryCheck()).toEqual({ queued: true });
    // One check waiting is enough: a second press while it waits queues nothing more.
    expect(await (await platform.caller()).system.runInventoryCheck()).toEqual({ queued: false });
    const jobs = await db().$queryRaw<{ data: unknown }[]>`SELECT data FROM pgboss.job WHERE name = 'inventory.check'`;
    expect(jobs.map((j) => j.data)).toEqual([{ trigger: "manual" }]);
    expect(await auditActions(db(), { producerId: null })).toContain("system.inventory_check_requested");

    // What the worker's handler then runs:
    const result = await runInventoryCheck(testDeps.deps, { trigger: "manual" });
    const after = await (await platform.caller()).system.health();
    expect(after.lastCheck).toMatchObject({ id: result.checkId, trigger: "manual", violations: 0, problems: [], finishedAt: "2026-03-14T10:00:00.000Z" });
  });
});
