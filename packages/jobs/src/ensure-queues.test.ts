import { randomUUID } from "node:crypto";
import { useTestDatabase } from "@stockroom/db/testing";
import { PgBoss } from "pg-boss";
import { afterEach, describe, expect, it } from "vitest";
import { JOB_NAMES } from "./definitions.ts";
import { ensureQueues, queueSettingsFor } from "./ensure-queues.ts";

const database = useTestDatabase();
const started: PgBoss[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((boss) => boss.stop({ graceful: false, close: true })));
});

/** A real pg-boss in its own schema of the test database: each test starts from no queues. */
async function startBoss(): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: database.current.url, schema: `q_${randomUUID().slice(0, 8)}`, max: 2, supervise: false, schedule: false });
  boss.on("error", (error) => {
    throw error;
  });
  started.push(boss);
  await boss.start();
  return boss;
}

const managed = (queue: Awaited<ReturnType<PgBoss["getQueue"]>>) => ({
  policy: queue?.policy,
  retryLimit: queue?.retryLimit,
  retryDelay: queue?.retryDelay,
  retryBackoff: queue?.retryBackoff,
  expireInSeconds: queue?.expireInSeconds,
  heartbeatSeconds: queue?.heartbeatSeconds,
  deadLetter: queue?.deadLetter ?? null,
});

describe("ensureQueues", () => {
  it("creates every queue with its definition's settings, and a second run changes nothing", async () => {
    const boss = await startBoss();
    expect((await ensureQueues(boss)).created.sort()).toEqual([...JOB_NAMES].sort());
    expect(managed(await boss.getQueue("notifications.send"))).toEqual({
      policy: "standard",
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: true,
      expireInSeconds: 900,
      heartbeatSeconds: 10,
      deadLetter: "notifications.dead",
    });
    expect(managed(await boss.getQueue("stock.check-low"))).toEqual({ ...queueSettingsFor("stock.check-low"), policy: "short", retryLimit: 5 });
    expect(await ensureQueues(boss)).toEqual({ created: [], updated: [] });
  });

  it("updates queues deployed with older settings: retries, backoff, expiry, heartbeat, a dead letter added and one removed", async () => {
    const boss = await startBoss();
    await boss.createQueue("notifications.dead");
    // notifications.send as an older release made it: fewer retries, slow, no backoff, no dead letter.
    await boss.createQueue("notifications.send", { retryLimit: 9, retryDelay: 30, retryBackoff: false, expireInSeconds: 60, heartbeatSeconds: 60 });
    // hold.expire once dead-lettered to notifications.dead, which its definition no longer says.
    await boss.createQueue("hold.expire", { retryLimit: 5, retryDelay: 1, retryBackoff: true, heartbeatSeconds: 10, deadLetter: "notifications.dead" });

    const result = await ensureQueues(boss);
    expect(result.updated.sort()).toEqual(["hold.expire", "notifications.dead", "notifications.send"]);
    expect(managed(await boss.getQueue("notifications.send"))).toEqual({ ...queueSettingsFor("notifications.send"), retryLimit: 2 });
    expect(managed(await boss.getQueue("hold.expire"))).toEqual({ ...queueSettingsFor("hold.expire"), deadLetter: null });
    // notifications.dead was created with pg-boss' defaults (2 retries, no heartbeat): now ours.
    expect(managed(await boss.getQueue("notifications.dead"))).toMatchObject({ retryLimit: 5, heartbeatSeconds: 10 });

    // A job sent now carries the new settings.
    const id = await boss.send("notifications.send", { notificationId: randomUUID() });
    const [job] = await boss.findJobs("notifications.send", { id: id as string });
    expect(job).toMatchObject({ retryLimit: 2, retryDelay: 1, retryBackoff: true, heartbeatSeconds: 10, deadLetter: "notifications.dead" });
    expect(await ensureQueues(boss)).toEqual({ created: [], updated: [] });
  });

  it("stops, naming the queue, when a deployed queue's policy differs (pg-boss cannot change it)", async () => {
    const boss = await startBoss();
    await boss.createQueue("stock.check-low", { policy: "standard" });
    await expect(ensureQueues(boss)).rejects.toThrow(/^pg-boss queue stock\.check-low has policy standard, its definition says short: /);
    expect((await boss.getQueue("stock.check-low"))?.policy).toBe("standard");
  });
});
