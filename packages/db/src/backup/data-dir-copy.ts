import { copyFile, lstat, mkdir, readdir } from "node:fs/promises";
import path from "node:path";

/**
 * What a base backup leaves out, as the Postgres docs list it ("Making a Base Backup Using the
 * Low Level API") and pg_basebackup does: files only the running server needs. Directories whose
 * contents are skipped are still created (empty), because a restored cluster expects them.
 */
const SKIP_FILES = new Set(["postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "current_logfiles", "backup_manifest"]);
const EMPTY_DIRS = new Set(["pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans", "log"]);

function isSkipped(relative: string, name: string): boolean {
  if (name === "pg_internal.init" || name.startsWith("pgsql_tmp")) return true;
  return !relative.includes(path.sep) && SKIP_FILES.has(name);
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === "ENOENT";
}

/**
 * Copy a running cluster's data directory, file by file, between pg_backup_start and
 * pg_backup_stop. Files may change, grow, shrink or vanish meanwhile: replaying the WAL from the
 * backup's start LSN repairs that, so a file that disappears is simply skipped.
 */
export async function copyDataDir(source: string, target: string, relative = ""): Promise<number> {
  await mkdir(path.join(target, relative), { recursive: true, mode: 0o700 });
  if (EMPTY_DIRS.has(relative)) return 0;
  let bytes = 0;
  let entries: string[];
  try {
    entries = await readdir(path.join(source, relative));
  } catch (error) {
    if (isMissing(error)) return 0;
    throw error;
  }
  for (const name of entries) {
    const child = path.join(relative, name);
    if (isSkipped(child, name)) continue;
    try {
      const info = await lstat(path.join(source, child));
      if (info.isSymbolicLink())
        throw new Error(`Symbolic link in the data directory (${child}): tablespaces and linked pg_wal are not supported by db:backup.`);
      if (info.isDirectory()) bytes += await copyDataDir(source, target, child);
      else if (info.isFile()) {
        await copyFile(path.join(source, child), path.join(target, child));
        bytes += info.size;
      }
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  if (relative === "pg_wal") await mkdir(path.join(target, relative, "archive_status"), { recursive: true });
  return bytes;
}
