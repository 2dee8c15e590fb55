import { existsSync } from "node:fs";
import { appendFile, chmod, chown, copyFile, mkdir, readdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { extract } from "tar";
import { assertDataDirFree, EmbeddedPostgresInUseError, type RunningPostgres, startEmbeddedPostgres } from "../embedded-postgres.ts";
import { backupIdFor } from "./base-backup.ts";
import { verifyBackup } from "./manifest.ts";
import { restoreCommand } from "./wal-archive.ts";

/** Where recovery stops: the end of the base backup, a moment, or (omitted) the end of the archived WAL. */
export type RecoveryTarget = { kind: "backup-end" } | { kind: "time"; at: Date } | { kind: "latest" };

export interface RestoreOptions {
  backupDir: string;
  /** The cluster's current data directory: must be stopped; moved aside (never deleted) after success. */
  dataDir: string;
  walArchiveDir: string;
  target: RecoveryTarget;
  /** Restore here instead, leaving `dataDir` as it is. */
  targetDir?: string;
  /** Which timeline to follow: the backup's own by default (`current`), or `latest`, or a number. */
  timeline?: string;
  /** Runs on the restored cluster once recovery has ended; throw to refuse the restore. */
  verify?: (server: RunningPostgres) => Promise<void>;
  onLog?: (line: string) => void;
  now?: () => Date;
}

export interface RestoreResult {
  restoredDir: string;
  /** Where the previous data directory went (only when restoring in place). */
  previousDir?: string;
  /** The commit time of the last transaction replayed (null: none after the backup). */
  lastReplayedAt: Date | null;
}

export class ClusterRunningError extends Error {
  constructor(dataDir: string, cause: EmbeddedPostgresInUseError) {
    super(`The cluster on ${dataDir} is running. Stop it first (Ctrl+C in the terminal running pnpm start or pnpm dev), then run pnpm db:restore again.`, {
      cause,
    });
    this.name = "ClusterRunningError";
  }
}

function recoverySettings(options: RestoreOptions): string {
  const lines = [
    `restore_command = '${restoreCommand(options.walArchiveDir).replaceAll("'", "''")}'`,
    `recovery_target_timeline = '${options.timeline ?? "current"}'`,
  ];
  if (options.target.kind === "backup-end") lines.push("recovery_target = 'immediate'", "recovery_target_action = 'promote'");
  if (options.target.kind === "time")
    lines.push(`recovery_target_time = '${options.target.at.toISOString().replace("T", " ").replace("Z", "+00")}'`, "recovery_target_action = 'promote'");
  return `\n# Added by pnpm db:restore; reset once recovery ended.\n${lines.join("\n")}\n`;
}

async function chownTree(dir: string, uid: number, gid: number): Promise<void> {
  await chown(dir, uid, gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const child = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(child, uid, gid);
    else await chown(child, uid, gid);
  }
}

/**
 * The segments the stopped cluster wrote but had not archived yet (the last one, up to
 * archive_timeout old): the Postgres docs' step "copy unarchived WAL into pg_wal", so restoring to
 * the latest state loses nothing. Recovery prefers the archive's copy of a segment when it has one.
 */
async function copyUnarchivedWal(dataDir: string, restoredDir: string, startWalFile: string): Promise<void> {
  const walDir = path.join(dataDir, "pg_wal");
  if (!existsSync(walDir)) return;
  for (const name of await readdir(walDir)) {
    if (/^[0-9A-F]{24}$/.test(name) && name.slice(8) >= startWalFile.slice(8)) await copyFile(path.join(walDir, name), path.join(restoredDir, "pg_wal", name));
  }
}

const RECOVERY_SETTINGS = ["restore_command", "recovery_target", "recovery_target_time", "recovery_target_action", "recovery_target_timeline"];

async function finishRecovery(server: RunningPostgres): Promise<Date | null> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    const state = await client.query<{ recovering: boolean; replayed: Date | null }>(
      "SELECT pg_is_in_recovery() AS recovering, pg_last_xact_replay_timestamp() AS replayed",
    );
    if (state.rows[0]?.recovering !== false) throw new Error("The restored cluster is still in recovery.");
    for (const name of RECOVERY_SETTINGS) await client.query(`ALTER SYSTEM RESET ${name}`);
    return state.rows[0].replayed;
  } finally {
    await client.end();
  }
}

/**
 * Point-in-time restore: check the archive against its manifest, unpack it into a NEW directory,
 * let Postgres replay archived WAL up to the target, verify the result, and only then swap it in.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = path.resolve(options.dataDir);
  try {
    assertDataDirFree(dataDir);
  } catch (error) {
    if (error instanceof EmbeddedPostgresInUseError) throw new ClusterRunningError(dataDir, error);
    throw error;
  }
  const manifest = await verifyBackup(options.backupDir);
  if (options.target.kind === "time" && options.target.at < new Date(manifest.stoppedAt)) {
    throw new Error(
      `Backup ${manifest.id} ended at ${manifest.stoppedAt}, after ${options.target.at.toISOString()}: restore an older backup to reach that moment.`,
    );
  }
  if (!existsSync(path.join(options.walArchiveDir, `${manifest.startWalFile}.gz`))) {
    throw new Error(
      `WAL segment ${manifest.startWalFile}, which backup ${manifest.id} starts from, is not in ${options.walArchiveDir}: this backup cannot be restored. Pick a newer one.`,
    );
  }
  const stamp = backupIdFor((options.now ?? (() => new Date()))());
  const restoredDir = path.resolve(options.targetDir ?? `${dataDir}.restore-${stamp}`);
  if (existsSync(restoredDir) && (await readdir(restoredDir)).length > 0) throw new Error(`${restoredDir} is not empty; give an empty or new --target-dir.`);
  await mkdir(restoredDir, { recursive: true, mode: 0o700 });
  await extract({ file: path.join(options.backupDir, manifest.archive), cwd: restoredDir, preserveOwner: false });
  await copyUnarchivedWal(dataDir, restoredDir, manifest.startWalFile);
  await appendFile(path.join(restoredDir, "postgresql.auto.conf"), recoverySettings(options));
  await writeFile(path.join(restoredDir, "recovery.signal"), "");
  await chmod(restoredDir, 0o700);
  if (process.getuid?.() === 0) {
    // The archive directory belongs to the user Postgres runs as (wal-archive.ts).
    const owner = await stat(options.walArchiveDir);
    await chownTree(restoredDir, owner.uid, owner.gid);
  }
  // The launcher resolves once Postgres says it accepts (read-write) connections: after recovery.
  let lastReplayedAt: Date | null;
  try {
    const server = await startEmbeddedPostgres({ dataDir: restoredDir, walArchiveDir: options.walArchiveDir, onLog: options.onLog });
    try {
      lastReplayedAt = await finishRecovery(server);
      await options.verify?.(server);
    } finally {
      await server.stop();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Restore failed; the current data directory was not touched, the attempt is left in ${restoredDir} for inspection.\n${message}`, {
      cause: error,
    });
  }
  if (options.targetDir) return { restoredDir, lastReplayedAt };
  const previousDir = `${dataDir}.before-restore-${stamp}`;
  if (existsSync(dataDir)) await rename(dataDir, previousDir);
  await rename(restoredDir, dataDir);
  return { restoredDir: dataDir, previousDir: existsSync(previousDir) ? previousDir : undefined, lastReplayedAt };
}
