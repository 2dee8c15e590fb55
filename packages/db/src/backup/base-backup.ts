import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { create as createTar } from "tar";
import { copyDataDir } from "./data-dir-copy.ts";
import { ARCHIVE_FILE, type BackupManifest, sha256OfFile, writeManifest } from "./manifest.ts";

export interface BaseBackupOptions {
  /** A superuser's URL on the running cluster (the embedded cluster's `postgres`). */
  adminUrl: string;
  dataDir: string;
  /** `<backups>/base`: the backup goes into `<baseDir>/<id>/`. */
  baseDir: string;
  now?: () => Date;
}

export interface BaseBackupResult {
  dir: string;
  manifest: BackupManifest;
}

/** `2026-11-27T13-05-09-123Z`: sorts by time and is a valid directory name everywhere. */
export function backupIdFor(date: Date): string {
  return date.toISOString().replace(/[:.]/g, "-");
}

/**
 * An online physical base backup through Postgres' low-level API: pg_backup_start on one
 * connection kept open (closing it aborts the backup), copy the data directory, pg_backup_stop
 * (which waits until the last WAL segment the backup needs is archived), then put its backup_label
 * in the copy and pack it as a tar.gz with a manifest. The cluster keeps serving meanwhile.
 */
export async function createBaseBackup(options: BaseBackupOptions): Promise<BaseBackupResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const id = backupIdFor(startedAt);
  const dir = path.join(options.baseDir, id);
  const staging = path.join(dir, "staging");
  const client = new pg.Client({ connectionString: options.adminUrl });
  await client.connect();
  try {
    const settings = await client.query<{ archive_mode: string }>("SELECT current_setting('archive_mode') AS archive_mode");
    if (settings.rows[0]?.archive_mode !== "on") {
      throw new Error(
        "WAL archiving is off on this cluster, so a base backup could not be restored. Restart it (pnpm start) so archiving is on, then back up.",
      );
    }
    await mkdir(dir, { recursive: true });
    const label = `stockroom ${id}`;
    const start = await client.query<{ lsn: string; wal: string; timeline: number; version: string }>(
      "SELECT lsn, pg_walfile_name(lsn) AS wal, (SELECT timeline_id FROM pg_control_checkpoint()) AS timeline, current_setting('server_version') AS version FROM pg_backup_start($1, fast => true) AS lsn",
      [label],
    );
    const dataBytes = await copyDataDir(path.resolve(options.dataDir), staging);
    const stop = await client.query<{ lsn: string; labelfile: string; spcmapfile: string | null }>(
      "SELECT lsn, labelfile, spcmapfile FROM pg_backup_stop(wait_for_archive => true)",
    );
    const stopped = stop.rows[0];
    const started = start.rows[0];
    if (!stopped || !started) throw new Error("pg_backup_start/pg_backup_stop returned no row");
    await writeFile(path.join(staging, "backup_label"), stopped.labelfile);
    if (stopped.spcmapfile) await writeFile(path.join(staging, "tablespace_map"), stopped.spcmapfile);
    const archive = path.join(dir, ARCHIVE_FILE);
    await createTar({ gzip: { level: 6 }, file: archive, cwd: staging, portable: true }, await readdir(staging));
    const manifest: BackupManifest = {
      id,
      label,
      pgVersion: started.version,
      timeline: started.timeline,
      startLsn: started.lsn,
      stopLsn: stopped.lsn,
      startWalFile: started.wal,
      startedAt: startedAt.toISOString(),
      stoppedAt: now().toISOString(),
      dataBytes,
      archiveBytes: (await stat(archive)).size,
      archive: ARCHIVE_FILE,
      sha256: await sha256OfFile(archive),
    };
    await writeManifest(dir, manifest);
    return { dir, manifest };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await client.end();
  }
}
