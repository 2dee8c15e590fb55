import { chmod, chown, mkdir, stat } from "node:fs/promises";
import path from "node:path";

/** Where a cluster's backups live: `.data/backups/<cluster>/{wal,base}`, beside `.data/<cluster>`. */
export interface BackupPaths {
  root: string;
  /** Every finished WAL segment, gzip-compressed (`<segment>.gz`). */
  wal: string;
  /** One directory per base backup: `base/<id>/{base.tar.gz,manifest.json}`. */
  base: string;
}

export function backupPathsFor(dataDir: string): BackupPaths {
  const root = path.join(path.dirname(path.resolve(dataDir)), "backups", path.basename(dataDir));
  return { root, wal: path.join(root, "wal"), base: path.join(root, "base") };
}

/** Archiving runs every 60 s at the latest (a quiet shop still archives); each segment is 16 MB. */
export const ARCHIVE_TIMEOUT_SECONDS = 60;

function assertSafeDir(dir: string): string {
  if (!path.isAbsolute(dir) || /['%\n]/.test(dir)) throw new Error(`WAL archive directory must be an absolute path without ', % or newlines: ${dir}`);
  return dir;
}

/**
 * Postgres runs this (via sh) for each finished segment: %p is its path, %f its name. It never
 * overwrites a different file (an archived segment with the same name but other bytes means two
 * clusters share one archive); an identical copy is success, so a segment archived just before a
 * crash is not retried forever. Written to `.part` then renamed: a crash never leaves half a file.
 * Segments are gzip-compressed: a segment switched by archive_timeout is mostly zeros.
 */
export function archiveCommand(walDir: string): string {
  const target = `'${assertSafeDir(walDir)}/%f.gz'`;
  return `if test -f ${target}; then gzip -dc ${target} | cmp -s - '%p'; else gzip -c '%p' > ${target}.part && mv ${target}.part ${target}; fi`;
}

/** The inverse, for recovery: fails (so Postgres knows the archive has no such file) when it is missing. */
export function restoreCommand(walDir: string): string {
  const source = `'${assertSafeDir(walDir)}/%f.gz'`;
  return `test -f ${source} && gzip -dc ${source} > '%p'`;
}

/** The server flags that turn continuous archiving on (wal_level=replica is also the default). */
export function archivingFlags(walDir: string): string[] {
  return [
    ["wal_level", "replica"],
    ["archive_mode", "on"],
    ["archive_command", archiveCommand(walDir)],
    ["archive_timeout", String(ARCHIVE_TIMEOUT_SECONDS)],
  ].flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

/** The archive directory must be writable by whoever runs Postgres: the data dir's owner. */
export async function ensureWalArchiveDir(walDir: string, dataDir: string): Promise<void> {
  await mkdir(walDir, { recursive: true });
  const owner = await stat(dataDir);
  if (process.getuid?.() === 0) {
    await chmod(path.dirname(walDir), 0o755);
    await chown(walDir, owner.uid, owner.gid);
  }
  await chmod(walDir, 0o750);
}
