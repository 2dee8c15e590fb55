export { APP_ROLE, applyAppGrants, appUrlFor, EMBEDDED_APP_PASSWORD, ensureAppRole, hasAppRole } from "./app-role.ts";
export * from "./backup/index.ts";
export { createDb, createPool, type Db, type Pool, type PoolClient, type Tx } from "./client.ts";
export {
  assertDataDirFree,
  EmbeddedPostgresInUseError,
  findFreePort,
  type RunningPostgres,
  runningClusterAdminUrl,
  startEmbeddedPostgres,
} from "./embedded-postgres.ts";
export type * from "./generated/prisma/client.ts";
export { Prisma } from "./generated/prisma/client.ts";
export * from "./generated/prisma/enums.ts";
export { applyMigrations, checkSchemaDrift, createMigration, MigrationEditedError, pendingSchemaSql, SchemaDriftError } from "./migrations.ts";
export { DATA_DIR, REPO_ROOT } from "./paths.ts";
export { type DatabaseHandle, type ResolveDatabaseOptions, resolveDatabase } from "./resolve-database.ts";
