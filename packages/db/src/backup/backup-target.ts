import path from "node:path";
import { DATA_DIR } from "../paths.ts";
import { type BackupPaths, backupPathsFor } from "./wal-archive.ts";

export class ExternalDatabaseBackupError extends Error {
  constructor(command: string) {
    super(
      `${command} works on the embedded cluster only, and DATABASE_URL points to another Postgres server. ` +
        "Back that server up with its own tools (managed backups, pg_dump, pgBackRest): see docs/OPERATIONS.md, Backup and restore.",
    );
    this.name = "ExternalDatabaseBackupError";
  }
}

export interface BackupTarget {
  dataDir: string;
  paths: BackupPaths;
}

/** The embedded cluster db:backup and db:restore work on; refuses when DATABASE_URL names another server. */
export function backupTargetFor(command: string, env: { DATABASE_URL?: string; STOCKROOM_CLUSTER?: string }, dataRoot = DATA_DIR): BackupTarget {
  if (env.DATABASE_URL) throw new ExternalDatabaseBackupError(command);
  const dataDir = path.join(dataRoot, env.STOCKROOM_CLUSTER || "pg");
  return { dataDir, paths: backupPathsFor(dataDir) };
}
