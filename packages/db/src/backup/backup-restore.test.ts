import { existsSync, readFileSync } from "node:fs";
import { cp, mkdtemp, open, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type RunningPostgres, startEmbeddedPostgres } from "../embedded-postgres.ts";
import { DATA_DIR } from "../paths.ts";
import { backupTargetFor, ExternalDatabaseBackupError } from "./backup-target.ts";
import { createBaseBackup } from "./base-backup.ts";
import { BackupCorruptError } from "./manifest.ts";
import { ClusterRunningError, type RecoveryTarget, restoreBackup } from "./restore.ts";
import { backupPathsFor } from "./wal-archive.ts";

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const probeIds = async (server: RunningPostgres) => (await query<{ id: number }>(server.adminUrl, "SELECT id FROM probe ORDER BY id")).map((row) => row.id);

describe("backup and point-in-time restore of the embedded cluster", () => {
  let parent: string;
  let dataDir: string;
  const paths = () => backupPathsFor(dataDir);
  let backupDir: string;
  let betweenWrites: Date;

  beforeAll(async () => {
    parent = await mkdtemp(path.join(DATA_DIR, "backup-test-"));
    dataDir = path.join(parent, "pg");
    const server = await startEmbeddedPostgres({ dataDir, walArchiveDir: paths().wal });
    try {
      await query(server.adminUrl, "CREATE TABLE probe (id int PRIMARY KEY); INSERT INTO probe VALUES (1), (2), (3)");
      backupDir = (await createBaseBackup({ adminUrl: server.adminUrl, dataDir, baseDir: paths().base })).dir;
      await query(server.adminUrl, "INSERT INTO probe VALUES (4), (5)");
      // A moment in whole milliseconds (what --to takes) strictly after the commit of 4 and 5, and before that of 6 and 7.
      const [afterCommit] = await query<{ now: Date }>(server.adminUrl, "SELECT clock_timestamp() AS now");
      betweenWrites = new Date((afterCommit?.now.getTime() ?? 0) + 1);
      await vi.waitFor(() => expect(Date.now()).toBeGreaterThan(betweenWrites.getTime()));
      await query(server.adminUrl, "INSERT INTO probe VALUES (6), (7)");
      const [switched] = await query<{ wal: string }>(server.adminUrl, "SELECT pg_walfile_name(pg_switch_wal()) AS wal");
      await vi.waitFor(
        async () => {
          const [archiver] = await query<{ last: string | null }>(server.adminUrl, "SELECT last_archived_wal AS last FROM pg_stat_archiver");
          expect(archiver?.last).toBe(switched?.wal);
        },
        { timeout: 30_000, interval: 200 },
      );
    } finally {
      await server.stop();
    }
  }, 120_000);

  afterAll(async () => {
    if (parent) await rm(parent, { recursive: true, force: true });
  });

  async function restoreTo(target: RecoveryTarget, targetDir?: string) {
    let ids: number[] = [];
    const result = await restoreBackup({
      backupDir,
      dataDir,
      walArchiveDir: paths().wal,
      target,
      targetDir,
      verify: async (server) => {
        ids = await probeIds(server);
      },
    });
    return { ids, result };
  }

  it("restores exactly the rows present at the end of the backup, into a new directory", async () => {
    const { ids, result } = await restoreTo({ kind: "backup-end" }, path.join(parent, "at-backup"));
    expect(ids).toEqual([1, 2, 3]);
    expect(result.restoredDir).toBe(path.join(parent, "at-backup"));
    expect(existsSync(path.join(dataDir, "PG_VERSION"))).toBe(true);
  }, 90_000);

  it("restores to a moment between two writes: the rows committed before it, none after", async () => {
    const { ids, result } = await restoreTo({ kind: "time", at: betweenWrites }, path.join(parent, "at-time"));
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(result.lastReplayedAt?.getTime()).toBeLessThanOrEqual(betweenWrites.getTime());
  }, 90_000);

  it("refuses a corrupted archive before touching anything", async () => {
    const corrupt = path.join(parent, "corrupt-backup");
    await cp(backupDir, corrupt, { recursive: true });
    const file = await open(path.join(corrupt, "base.tar.gz"), "r+");
    const byte = Buffer.alloc(1);
    await file.read(byte, 0, 1, 100);
    await file.write(Buffer.from([(byte[0] ?? 0) ^ 0xff]), 0, 1, 100);
    await file.close();
    const targetDir = path.join(parent, "from-corrupt");
    const restoring = restoreBackup({ backupDir: corrupt, dataDir, walArchiveDir: paths().wal, target: { kind: "latest" }, targetDir });
    await expect(restoring).rejects.toBeInstanceOf(BackupCorruptError);
    await expect(restoring).rejects.toThrow(/is corrupt: its sha256 is [0-9a-f]{64}, the manifest says [0-9a-f]{64}/);
    expect(existsSync(targetDir)).toBe(false);
  });

  it("refuses while the cluster runs; after a crash restores everything in place (archived WAL and the unarchived rest), keeping the old directory", async () => {
    const running = await startEmbeddedPostgres({ dataDir, walArchiveDir: paths().wal });
    try {
      await expect(restoreTo({ kind: "latest" })).rejects.toBeInstanceOf(ClusterRunningError);
      await query(running.adminUrl, "INSERT INTO probe VALUES (8)");
    } catch (error) {
      await running.stop();
      throw error;
    }
    // A crash: row 8 is only in pg_wal (its segment never finished, so never archived); the restore
    // copies the unarchived segments, as the Postgres docs say. (A clean stop archives it.)
    const postmasterPid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    process.kill(postmasterPid, "SIGKILL");
    await vi.waitFor(() => expect(() => process.kill(postmasterPid, 0)).toThrow(), { timeout: 10_000, interval: 50 });
    const { ids, result } = await restoreTo({ kind: "latest" });
    expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(result.restoredDir).toBe(dataDir);
    expect(existsSync(path.join(result.previousDir ?? "", "PG_VERSION"))).toBe(true);
    const again = await startEmbeddedPostgres({ dataDir, walArchiveDir: paths().wal });
    try {
      expect(await probeIds(again)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const [state] = await query<{ recovering: boolean; target: string }>(
        again.adminUrl,
        "SELECT pg_is_in_recovery() AS recovering, current_setting('recovery_target_time') AS target",
      );
      expect(state).toEqual({ recovering: false, target: "" });
    } finally {
      await again.stop();
    }
  }, 120_000);

  it("refuses a DATABASE_URL server, pointing to the docs", () => {
    expect(() => backupTargetFor("pnpm db:backup", { DATABASE_URL: "postgresql://db.example.com/shop" })).toThrow(ExternalDatabaseBackupError);
    expect(() => backupTargetFor("pnpm db:restore", { DATABASE_URL: "postgresql://db.example.com/shop" })).toThrow(/docs\/OPERATIONS\.md/);
    expect(backupTargetFor("pnpm db:backup", { STOCKROOM_CLUSTER: "shop" }, "/srv/data").paths.wal).toBe("/srv/data/backups/shop/wal");
  });
});
