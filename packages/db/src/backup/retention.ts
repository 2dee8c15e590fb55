import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { createBaseBackup } from "./base-backup.ts";
import { type BackupManifest, MANIFEST_FILE, readManifest } from "./manifest.ts";
import type { BackupPaths } from "./wal-archive.ts";

/** Base backups kept by default: a week of daily backups, and the WAL to replay from the oldest. */
export const DEFAULT_KEEP_BACKUPS = 7;

export interface ListedBackup {
  dir: string;
  manifest: BackupManifest;
}

/** Complete base backups (those with a manifest), oldest first. */
export async function listBackups(baseDir: string): Promise<ListedBackup[]> {
  if (!existsSync(baseDir)) return [];
  const ids = (await readdir(baseDir)).sort();
  const backups: ListedBackup[] = [];
  for (const id of ids) {
    const dir = path.join(baseDir, id);
    if (existsSync(path.join(dir, MANIFEST_FILE))) backups.push({ dir, manifest: await readManifest(dir) });
  }
  return backups;
}

/** A WAL segment's log and segment number (the name without its timeline), as pg_archivecleanup compares them. */
function segmentKey(fileName: string): string | undefined {
  return /^[0-9A-F]{24}/.test(fileName) ? fileName.slice(8, 24) : undefined;
}

export interface PruneResult {
  removedBackups: string[];
  removedWalFiles: number;
}

/** Keep the newest `keep` base backups; delete older ones and every WAL segment older than the oldest kept. */
export async function pruneBackups(paths: BackupPaths, keep: number): Promise<PruneResult> {
  if (keep < 1) throw new Error("keep must be at least 1: pruning every backup would leave nothing to restore.");
  const backups = await listBackups(paths.base);
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const backup of removed) await rm(backup.dir, { recursive: true, force: true });
  const oldest = backups[removed.length];
  let removedWalFiles = 0;
  if (oldest && existsSync(paths.wal)) {
    const cutoff = oldest.manifest.startWalFile.slice(8);
    for (const name of await readdir(paths.wal)) {
      const key = segmentKey(name);
      if (key !== undefined && key < cutoff) {
        await rm(path.join(paths.wal, name), { force: true });
        removedWalFiles++;
      }
    }
  }
  return { removedBackups: removed.map((b) => b.manifest.id), removedWalFiles };
}

/** What a daily schedule runs: one base backup, then retention. */
export async function runScheduledBackup(options: { adminUrl: string; dataDir: string; paths: BackupPaths; keep?: number }) {
  const backup = await createBaseBackup({ adminUrl: options.adminUrl, dataDir: options.dataDir, baseDir: options.paths.base });
  const pruned = await pruneBackups(options.paths, options.keep ?? DEFAULT_KEEP_BACKUPS);
  return { backup, pruned };
}
