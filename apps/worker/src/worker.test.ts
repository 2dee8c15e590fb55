import { spawn } from "node:child_process";
import path from "node:path";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, ManualClock } from "@stockroom/domain/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startTestWorker } from "./testing/test-worker.ts";
import type { RunningWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-05-01T12:00:00Z"));
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startTestWorker(database.current, clock, { isSpyEnabled: true });
});
afterAll(() => worker.stop(5_000));
beforeEach(() => clock.reset());

describe("worker", () => {
  it("runs the session purge job end to end: expired sessions and old login attempts go, live ones stay", async () => {
    const { db } = database.current;
    const staff = await createStaff(db, { role: "PLATFORM_ADMIN" });
    const now = clock.now().getTime();
    await db.staffSession.createMany({
      data: [
        { id: "expired", staffId: staff.id, expiresAt: new Date(now - 1) },
        { id: "live", staffId: staff.id, expiresAt: new Date(now + 3_600_000) },
      ],
    });
    await db.loginAttempt.createMany({
      data: [
        { key: "email:old@x", succeeded: false, createdAt: new Date(now - 25 * 3_600_000) },
        { key: "email:new@x", succeeded: false, createdAt: new Date(now - 3_600_000) },
      ],
    });

    const jobId = await worker.deps.jobs.send("auth.purge-expired-sessions", {});
    expect(jobId).toBeTruthy();
    const done = await worker.boss.getSpy("auth.purge-expired-sessions").waitForJobWithId(jobId as string, "completed");
    expect(done.output).toEqual({ sessions: 1, loginAttempts: 1 });
    expect((await db.staffSession.findMany({ where: { staffId: staff.id } })).map((s) => s.id)).toEqual(["live"]);
    expect((await db.loginAttempt.findMany({ where: { key: { startsWith: "email:" } } })).map((a) => a.key)).toEqual(["email:new@x"]);
  });

  it("rejects a malformed payload at the sender, before anything is queued", async () => {
    await expect(worker.deps.jobs.send("auth.purge-expired-sessions", { loginAttemptRetentionHours: -1 })).rejects.toThrow(/loginAttemptRetentionHours/);
  });

  it("stops gracefully on SIGTERM as a real process", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "main.ts")], {
      env: { ...process.env, DATABASE_URL: database.current.url, APP_DATABASE_URL: database.current.appUrl, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    await expect.poll(() => output, { timeout: 20_000, interval: 100 }).toContain("worker started");
    const exit = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect({ code: await exit, output }).toMatchObject({ code: 0, output: expect.stringContaining("worker stopped") });
  }, 40_000);
});
