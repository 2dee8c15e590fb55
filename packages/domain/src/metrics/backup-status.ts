import { listBackups } from "@stockroom/db";

export type BackupStatus =
  /** The server was not told where the embedded cluster's backups are: it runs on DATABASE_URL (back that server up with its own tools). */
  { state: "unavailable" } | { state: "none" } | { state: "ok"; id: string; finishedAt: string; archiveBytes: number; dataBytes: number; ageSeconds: number };

/** The newest complete base backup in `backupsDir` (`.data/backups/<cluster>/base`), for System health. */
export async function latestBackupStatus(input: { backupsDir: string | undefined; now: Date }): Promise<BackupStatus> {
  if (!input.backupsDir) return { state: "unavailable" };
  const newest = (await listBackups(input.backupsDir)).at(-1);
  if (!newest) return { state: "none" };
  const { id, stoppedAt, archiveBytes, dataBytes } = newest.manifest;
  const ageSeconds = Math.max(0, Math.round((input.now.getTime() - new Date(stoppedAt).getTime()) / 1000));
  return { state: "ok", id, finishedAt: new Date(stoppedAt).toISOString(), archiveBytes, dataBytes, ageSeconds };
}
