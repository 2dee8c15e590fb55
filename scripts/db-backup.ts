// `pnpm db:backup [--keep N]`: an online base backup of the embedded cluster (running or not) into
// .data/backups/<cluster>/base/<time>/, then retention: the newest N backups (default 7) and the
// WAL they need are kept. Refuses for a DATABASE_URL server (docs/OPERATIONS.md).
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupTargetFor, DEFAULT_KEEP_BACKUPS, type RunningPostgres, runningClusterAdminUrl, runScheduledBackup, startEmbeddedPostgres } from "@stockroom/db";

const { values } = parseArgs({ options: { keep: { type: "string", default: String(DEFAULT_KEEP_BACKUPS) } } });

async function main(): Promise<void> {
  const keep = Number(values.keep);
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`--keep must be a whole number of at least 1, not ${values.keep}`);
  const { dataDir, paths } = backupTargetFor("pnpm db:backup", process.env);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) throw new Error(`No cluster in ${dataDir} yet: run pnpm start once first.`);
  // Online when `pnpm start` runs; otherwise start the cluster for the backup and stop it after.
  const runningUrl = runningClusterAdminUrl(dataDir);
  const started = runningUrl ? undefined : await startEmbeddedPostgres({ dataDir, walArchiveDir: paths.wal });
  const adminUrl = runningUrl ?? (started as RunningPostgres).adminUrl;
  try {
    const startedAt = performance.now();
    const { backup, pruned } = await runScheduledBackup({ adminUrl, dataDir, paths, keep });
    const m = backup.manifest;
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      [
        `Backup ${m.id} written to ${backup.dir}`,
        `  data ${mb(m.dataBytes)}, archive ${mb(m.archiveBytes)} (sha256 ${m.sha256.slice(0, 16)}...), ${((performance.now() - startedAt) / 1000).toFixed(1)} s`,
        `  WAL ${m.startLsn} -> ${m.stopLsn} (from segment ${m.startWalFile}); archive in ${paths.wal}`,
        `  retention: kept the newest ${keep}; removed ${pruned.removedBackups.length} backup(s) and ${pruned.removedWalFiles} WAL segment(s)`,
        `Restore with: pnpm db:restore ${m.id} [--to <ISO time>]`,
      ].join("\n"),
    );
  } finally {
    await started?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
