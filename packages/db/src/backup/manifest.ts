import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const ARCHIVE_FILE = "base.tar.gz";
export const MANIFEST_FILE = "manifest.json";

/** Written beside each base backup's archive; the restore trusts nothing the sha256 does not match. */
export interface BackupManifest {
  id: string;
  label: string;
  pgVersion: string;
  timeline: number;
  startLsn: string;
  stopLsn: string;
  /** The first WAL segment the backup needs: older segments can be pruned once no older backup is kept. */
  startWalFile: string;
  startedAt: string;
  stoppedAt: string;
  /** Bytes of the data directory copied, and of the compressed archive. */
  dataBytes: number;
  archiveBytes: number;
  archive: string;
  sha256: string;
}

export class BackupCorruptError extends Error {
  constructor(archive: string, expected: string, actual: string) {
    super(`Backup archive ${archive} is corrupt: its sha256 is ${actual}, the manifest says ${expected}. Nothing was restored; pick another backup.`);
    this.name = "BackupCorruptError";
  }
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

export async function writeManifest(backupDir: string, manifest: BackupManifest): Promise<void> {
  await writeFile(path.join(backupDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
}

export async function readManifest(backupDir: string): Promise<BackupManifest> {
  return JSON.parse(await readFile(path.join(backupDir, MANIFEST_FILE), "utf8")) as BackupManifest;
}

/** Reads the manifest and checks the archive against it; throws BackupCorruptError on a mismatch. */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  const manifest = await readManifest(backupDir);
  const archive = path.join(backupDir, manifest.archive);
  const actual = await sha256OfFile(archive);
  if (actual !== manifest.sha256) throw new BackupCorruptError(archive, manifest.sha256, actual);
  return manifest;
}
