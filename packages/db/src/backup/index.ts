export { type BackupTarget, backupTargetFor, ExternalDatabaseBackupError } from "./backup-target.ts";
export { type BaseBackupResult, backupIdFor, createBaseBackup } from "./base-backup.ts";
export { BackupCorruptError, type BackupManifest, readManifest, verifyBackup } from "./manifest.ts";
export { ClusterRunningError, type RecoveryTarget, type RestoreResult, restoreBackup } from "./restore.ts";
export { DEFAULT_KEEP_BACKUPS, listBackups, pruneBackups, runScheduledBackup } from "./retention.ts";
export { type BackupPaths, backupPathsFor } from "./wal-archive.ts";
