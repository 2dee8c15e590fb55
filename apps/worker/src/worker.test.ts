import { spawn } from "node:child_process";
import path from "node:path";
import { useTestDatabase } from "@stockroom/db/testing";
import { createStaff, ManualClock } from "@stockroom/domain/testing";
import { outboxProvider } from "@stockroom/notifications";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningWorker, startWorker } from "./worker.ts";

const database = useTestDatabase();
const clock = new ManualClock(new Date("2026-05-01T12:00:00Z"));
let worker: RunningWorker;

beforeAll(async () => {
  worker = await startWorker({
    databaseUrl: database.current.url,
    db: database.current.db,
    clock,
    log: pino({ level: "silent" }),
    messengers: { EMAIL: outboxProvider, SMS: outboxProvider, WHATSAPP: outboxProvider },
    pollingIntervalSeconds: 0.5,
    isSpyEnabled: true,
  });
});
afterAll(() => worker.stop(5_000));

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
      env: { ...process.env, DATABASE_URL: database.current.url, LOG_LEVEL: "info" },
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

describe("hold expiry", () => {
  it("the job enqueued with the hold releases it at expiresAt, and a refreshed hold survives its old job", async () => {
    const { createStockWorld, newCartId, productWithStock, expectValidInventory } = await import("@stockroom/domain/testing");
    const { reserveCart } = await import("@stockroom/domain");
    const deps = worker.deps;
    const world = await createStockWorld(database.current.db);
    const { product } = await productWithStock(deps, world, [{ quantity: 3 }]);
    const spy = worker.boss.getSpy<{ cartIds: string[] }>("hold.expire");

    const lapsing = newCartId();
    const held = await reserveCart(deps, { cartId: lapsing, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 1 });
    const refreshed = newCartId();
    const kept = await reserveCart(deps, { cartId: refreshed, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 1 });
    clock.advance(500);
    await reserveCart(deps, { cartId: refreshed, lines: [{ productId: product.id, quantity: 1 }], ttlSeconds: 60 });
    clock.advance(600);

    const holdId = held.holds[0]?.holdId as string;
    const keptId = kept.holds[0]?.holdId as string;
    await spy.waitForJob((data) => data.cartIds.includes(lapsing), "completed");
    await spy.waitForJob((data) => data.cartIds.includes(refreshed), "completed");
    const holds = await database.current.db.hold.findMany({ where: { id: { in: [holdId, keptId] } } });
    expect(holds.find((h) => h.id === holdId)).toMatchObject({ status: "EXPIRED", statusReason: expect.stringContaining("released by the expiry job") });
    expect(holds.find((h) => h.id === keptId)?.status).toBe("HELD");
    await expectValidInventory(database.current.db, clock.now());
  });

  it("the sweeper releases due holds whose job never ran", async () => {
    const { createStockWorld, newCartId, productWithStock } = await import("@stockroom/domain/testing");
    const deps = worker.deps;
    const world = await createStockWorld(database.current.db);
    const { product, lotIds } = await productWithStock(deps, world, [{ quantity: 2 }]);
    // A hold written without its job (as if the job were lost): the sweep must still end it.
    const hold = await database.current.db.hold.create({
      data: {
        cartId: newCartId(),
        productId: product.id,
        quantity: 2,
        expiresAt: new Date(clock.now().getTime() - 1),
        allocations: { create: [{ lotId: lotIds[0] as string, quantity: 2 }] },
      },
    });
    await database.current.db.lot.update({ where: { id: lotIds[0] }, data: { reserved: 2 } });
    const jobId = await deps.jobs.send("hold.sweep", {});
    const done = await worker.boss.getSpy("hold.sweep").waitForJobWithId(jobId as string, "completed");
    expect((done.output as { expired: number }).expired).toBeGreaterThanOrEqual(1);
    expect((await database.current.db.hold.findUniqueOrThrow({ where: { id: hold.id } })).status).toBe("EXPIRED");
    expect((await database.current.db.lot.findUniqueOrThrow({ where: { id: lotIds[0] } })).reserved).toBe(0);
  });
});
