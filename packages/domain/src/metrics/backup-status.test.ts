import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { latestBackupStatus } from "./backup-status.ts";

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function manifest(base: string, id: string, stoppedAt: string, archiveBytes: number) {
  await mkdir(path.join(base, id), { recursive: true });
  const fields = {
    label: id,
    pgVersion: "18",
    timeline: 1,
    startLsn: "0/1",
    stopLsn: "0/2",
    startWalFile: "x",
    startedAt: stoppedAt,
    dataBytes: 10 * archiveBytes,
  };
  await writeFile(path.join(base, id, "manifest.json"), JSON.stringify({ id, stoppedAt, archiveBytes, archive: "base.tar.gz", sha256: "0", ...fields }));
}

describe("latestBackupStatus", () => {
  it("says unavailable without a backups directory (DATABASE_URL), none when empty, else the newest backup and its age", async () => {
    const now = new Date("2026-11-27T12:00:00Z");
    expect(await latestBackupStatus({ backupsDir: undefined, now })).toEqual({ state: "unavailable" });
    const base = await mkdtemp(path.join(tmpdir(), "backups-"));
    dirs.push(base);
    expect(await latestBackupStatus({ backupsDir: path.join(base, "missing"), now })).toEqual({ state: "none" });
    await manifest(base, "2026-11-26T03-00-00-000Z", "2026-11-26T03:00:05.000Z", 4_000_000);
    await manifest(base, "2026-11-27T03-00-00-000Z", "2026-11-27T03:00:03.000Z", 4_800_000);
    // A backup still being written has no manifest yet: skipped.
    await mkdir(path.join(base, "2026-11-27T11-59-00-000Z"));
    expect(await latestBackupStatus({ backupsDir: base, now })).toEqual({
      state: "ok",
      id: "2026-11-27T03-00-00-000Z",
      finishedAt: "2026-11-27T03:00:03.000Z",
      archiveBytes: 4_800_000,
      dataBytes: 48_000_000,
      ageSeconds: 8 * 3600 + 3597,
    });
  });
});
