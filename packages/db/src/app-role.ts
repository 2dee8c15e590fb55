import { readFile } from "node:fs/promises";
import pg from "pg";
import { GRANTS_PATH } from "./paths.ts";

// The running app connects as a role that reads and writes rows and owns nothing but pg-boss's
// schema; migrations run as the owner (DATABASE_URL). prisma/grants.sql says what the role may do.

/** The app's role. prisma/grants.sql names it too. */
export const APP_ROLE = "stockroom_app";

/**
 * The app role's password on an embedded cluster. Fixed and local-only: the cluster listens on
 * 127.0.0.1 only and its superuser's password is a constant in this repository already, so a
 * generated one would protect nothing.
 */
export const EMBEDDED_APP_PASSWORD = "stockroom-app";

/** `url` with the app role's name and `password` instead of its credentials. */
export function appUrlFor(url: string, password: string): string {
  const appUrl = new URL(url);
  appUrl.username = APP_ROLE;
  appUrl.password = encodeURIComponent(password);
  return appUrl.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether the server at `url` has the app role. */
export async function hasAppRole(url: string): Promise<boolean> {
  return withClient(url, async (client) => ((await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE])).rowCount ?? 0) > 0);
}

const DUPLICATE_OBJECT = "42710";

/**
 * Creates the app role (LOGIN, no superuser, no CREATEDB/CREATEROLE) when missing, or sets its
 * password. Roles belong to the whole server, not one database. Needs a superuser or CREATEROLE.
 */
export async function ensureAppRole(ownerUrl: string, password: string): Promise<void> {
  await withClient(ownerUrl, async (client) => {
    const quoted = client.escapeLiteral(password);
    const exists = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    const attributes = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS";
    if (exists.rowCount === 0) {
      try {
        await client.query(`CREATE ROLE ${APP_ROLE} ${attributes} PASSWORD ${quoted}`);
        return;
      } catch (error) {
        // Another process created it meanwhile: fall through to set the password.
        if ((error as { code?: string }).code !== DUPLICATE_OBJECT) throw error;
      }
    }
    await client.query(`ALTER ROLE ${APP_ROLE} ${attributes} PASSWORD ${quoted}`);
  });
}

/**
 * Applies prisma/grants.sql as the owner when the app role exists (true), in one transaction.
 * Without the role only pg-boss's schema is created (the app then connects as the owner).
 */
export async function applyAppGrants(ownerUrl: string, grantsPath = GRANTS_PATH): Promise<boolean> {
  const sql = await readFile(grantsPath, "utf8");
  return withClient(ownerUrl, async (client) => {
    const role = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [APP_ROLE]);
    if (role.rowCount === 0) {
      await client.query("CREATE SCHEMA IF NOT EXISTS pgboss");
      return false;
    }
    await client.query("BEGIN");
    try {
      await client.query(sql);
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
    return true;
  });
}
