import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type BackupManifest, writeManifest } from "./manifest.ts";
import { listBackups, pruneBackups } from "./retention.ts";
import { backupPathsFor } from "./wal-archive.ts";

let root: string | undefined;
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

async function fakeBackup(baseDir: string, id: string, startWalFile: string): Promise<void> {
  const dir = path.join(baseDir, id);
  await mkdir(dir, { recursive: true });
  await writeManifest(dir, { id, startWalFile } as BackupManifest);
}

describe("backup retention", () => {
  it("keeps the newest N base backups and the WAL from the oldest kept one's start, history files included", async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "retention-"));
    const paths = backupPathsFor(path.join(root, "pg"));
    await fakeBackup(paths.base, "2026-11-01T03-00-00-000Z", "000000010000000000000003");
    await fakeBackup(paths.base, "2026-11-02T03-00-00-000Z", "000000010000000000000007");
    await fakeBackup(paths.base, "2026-11-03T03-00-00-000Z", "00000002000000000000000B");
    await mkdir(path.join(paths.base, "2026-11-04T03-00-00-000Z"), { recursive: true }); // unfinished: no manifest
    await mkdir(paths.wal, { recursive: true });
    const wal = [
      "000000010000000000000003.gz",
      "000000010000000000000006.gz",
      "000000010000000000000007.gz",
      "000000010000000000000007.00000028.backup.gz",
      "000000010000000000000009.partial.gz",
      "00000002.history.gz",
      "00000002000000000000000A.gz",
    ];
    for (const name of wal) await writeFile(path.join(paths.wal, name), "");

    const result = await pruneBackups(paths, 2);

    expect(result).toEqual({ removedBackups: ["2026-11-01T03-00-00-000Z"], removedWalFiles: 2 });
    expect((await listBackups(paths.base)).map((b) => b.manifest.id)).toEqual(["2026-11-02T03-00-00-000Z", "2026-11-03T03-00-00-000Z"]);
    expect((await readdir(paths.wal)).sort()).toEqual(wal.slice(2).sort());
    expect(existsSync(path.join(paths.base, "2026-11-04T03-00-00-000Z"))).toBe(true);
    await expect(pruneBackups(paths, 0)).rejects.toThrow(/at least 1/);
  });
});
