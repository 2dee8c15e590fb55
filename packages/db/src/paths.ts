import path from "node:path";

/** Repository root (packages/db/src -> ../../..). */
export const REPO_ROOT = path.resolve(import.meta.dirname, "../../..");
export const SCHEMA_PATH = path.join(REPO_ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(REPO_ROOT, "prisma/migrations");
export const DATA_DIR = path.join(REPO_ROOT, ".data");
/** Functions, triggers and views: one file each, applied after the migrations (sql-objects.ts). */
export const SQL_DIR = path.join(REPO_ROOT, "prisma/sql");
/** What the app role may do (app-role.ts), applied after prisma/sql. */
export const GRANTS_PATH = path.join(REPO_ROOT, "prisma/grants.sql");
