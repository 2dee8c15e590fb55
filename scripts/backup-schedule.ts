import { type BackupPaths, DEFAULT_KEEP_BACKUPS, listBackups, runScheduledBackup } from "@stockroom/db";

/** Daily base backups at 03:00 UTC; a missed day (the shop was off) is caught up a minute after start. */
export const BACKUP_HOUR_UTC = 3;
const DAY_MS = 24 * 60 * 60 * 1000;
const CATCH_UP_DELAY_MS = 60_000;
const RETRY_DELAY_MS = 15 * 60_000;

/** When the next backup runs: soon when the newest is a day old (or there is none), else the next 03:00 UTC. */
export function nextBackupAt(now: Date, newestBackupAt: Date | undefined, hourUtc = BACKUP_HOUR_UTC): Date {
  if (!newestBackupAt || now.getTime() - newestBackupAt.getTime() >= DAY_MS) return new Date(now.getTime() + CATCH_UP_DELAY_MS);
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next;
}

export interface BackupScheduleOptions {
  /** A superuser's URL on the embedded cluster (the owner's URL from resolveDatabase). */
  adminUrl: string;
  dataDir: string;
  paths: BackupPaths;
  keep?: number;
  log?: (line: string) => void;
  error?: (line: string) => void;
}

/**
 * Runs in the process that owns the embedded cluster (pnpm start): the backup copies its data
 * directory and needs a superuser, neither of which the worker has (it connects as the app role,
 * possibly from another machine). Returns a stop function that waits for a running backup.
 */
export function scheduleDailyBackups(options: BackupScheduleOptions): () => Promise<void> {
  const log = options.log ?? console.log;
  const error = options.error ?? console.error;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let isStopped = false;
  const runAt = (at: Date) => {
    if (isStopped) return;
    timer = setTimeout(
      () => {
        running = backUp().finally(() => {
          running = undefined;
        });
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    timer.unref();
  };
  const backUp = async () => {
    try {
      const { backup, pruned } = await runScheduledBackup({ ...options, keep: options.keep ?? DEFAULT_KEEP_BACKUPS });
      log(
        `Backup ${backup.manifest.id}: ${(backup.manifest.archiveBytes / 1024 / 1024).toFixed(1)} MB; pruned ${pruned.removedBackups.length} backup(s), ${pruned.removedWalFiles} WAL segment(s).`,
      );
      runAt(nextBackupAt(new Date(), new Date(backup.manifest.stoppedAt)));
    } catch (cause) {
      error(`Scheduled backup FAILED (retrying in 15 minutes): ${cause instanceof Error ? cause.message : String(cause)}`);
      runAt(new Date(Date.now() + RETRY_DELAY_MS));
    }
  };
  void listBackups(options.paths.base).then(
    (backups) => {
      const newest = backups.at(-1);
      runAt(nextBackupAt(new Date(), newest ? new Date(newest.manifest.stoppedAt) : undefined));
    },
    (cause: unknown) => error(`Backups not scheduled: ${String(cause)}`),
  );
  return async () => {
    isStopped = true;
    clearTimeout(timer);
    await running;
  };
}
