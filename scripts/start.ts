// `pnpm start` / `pnpm dev`: the whole system in one command. Starts (or uses) Postgres, applies
// migrations, seeds the demo data (embedded database only, unless SEED_DEMO=1), then runs the server and the worker (and in dev the Vite
// servers), and stops everything together.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { applyMigrations, backupTargetFor, REPO_ROOT, resolveDatabase } from "@stockroom/db";
import { DEMO_PASSWORD, DEMO_STAFF, seedDemoIfWanted } from "@stockroom/demo";
import { scheduleDailyBackups } from "./backup-schedule.ts";
import { loadStartEnv, seedDemoFlag } from "./start-env.ts";
import { withDeps } from "./with-deps.ts";

const isDev = process.argv.includes("--dev");
const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");
const children: ChildProcess[] = [];
let isStopping = false;

function run(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"] });
  child.on("exit", (code, signal) => {
    if (!isStopping) {
      console.error(`${name} exited (code ${code}, signal ${signal}); stopping everything.`);
      void shutdown(1);
    }
  });
  children.push(child);
  return child;
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

let stopDatabase: () => Promise<void> = async () => {};
let stopBackups: () => Promise<void> = async () => {};

async function shutdown(exitCode: number): Promise<void> {
  if (isStopping) return;
  isStopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
        }),
    ),
  );
  await stopBackups();
  await stopDatabase();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const env = loadStartEnv();
  if (!isDev) {
    const build = spawnSync("pnpm", ["build"], { cwd: REPO_ROOT, stdio: "inherit" });
    if (build.status !== 0) throw new Error("pnpm build failed");
  }
  const database = await resolveDatabase({
    databaseUrl: env.DATABASE_URL,
    appDatabaseUrl: env.APP_DATABASE_URL,
    appPassword: env.APP_DB_PASSWORD,
    cluster: env.STOCKROOM_CLUSTER,
  });
  stopDatabase = database.stop;
  // The embedded cluster archives its WAL; a daily base backup makes that restorable (docs/OPERATIONS.md).
  if (database.isEmbedded) stopBackups = scheduleDailyBackups({ adminUrl: database.url, ...backupTargetFor("pnpm start", env) });
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const applied = await applyMigrations(database.url);
  console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Database schema is up to date.");
  const seeded = await withDeps({ cluster: env.STOCKROOM_CLUSTER, database }, (deps) =>
    seedDemoIfWanted(deps, { isEmbedded: database.isEmbedded, seedDemo: seedDemoFlag(env) }),
  );

  // The server and worker get the app role's URL only; the owner's stays with migrate. Without an
  // app role (DATABASE_URL alone) they connect as the owner and warn.
  const appEnv = database.isAppRole ? { DATABASE_URL: undefined, APP_DATABASE_URL: database.appUrl } : { DATABASE_URL: database.url };
  const entry = (app: string) => path.join(REPO_ROOT, `apps/${app}/src/main.ts`);
  const tsxArgs = (file: string) => (isDev ? [tsxCli, "watch", "--clear-screen=false", file] : [tsxCli, file]);
  // System health reads the embedded cluster's backups; on DATABASE_URL there are none to read.
  const backupsDir = database.isEmbedded ? backupTargetFor("pnpm start", env).paths.base : undefined;
  run("server", tsxArgs(entry("server")), {
    ...appEnv,
    PORT: String(env.PORT),
    SERVE_SPAS: String(!isDev),
    ...(backupsDir ? { BACKUPS_DIR: backupsDir } : {}),
  });
  run("worker", tsxArgs(entry("worker")), appEnv);
  if (isDev) {
    // vite's package exports do not include its bin; resolve the package and join the path.
    const vite = path.join(path.dirname(createRequire(path.join(REPO_ROOT, "apps/admin/package.json")).resolve("vite/package.json")), "bin/vite.js");
    for (const app of ["storefront", "admin"]) {
      run(`${app} (vite)`, [vite, "--config", path.join(REPO_ROOT, `apps/${app}/vite.config.ts`), path.join(REPO_ROOT, `apps/${app}`)], {
        STOCKROOM_SERVER_PORT: String(env.PORT),
      });
    }
  }

  const base = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(`${base}/healthz`, 60_000);
  const storefront = isDev ? "http://127.0.0.1:5173/" : `${base}/`;
  const admin = isDev ? "http://127.0.0.1:5174/admin/" : `${base}/admin/`;
  console.log(
    [
      "",
      "Stockroom is running.",
      `  Storefront: ${storefront}`,
      `  Admin:      ${admin}`,
      `  API:        ${base}/trpc   (health: ${base}/healthz)`,
      `  Database:   ${database.isEmbedded ? `embedded Postgres in .data/${env.STOCKROOM_CLUSTER}` : "DATABASE_URL"}${database.isAppRole ? ", app as stockroom_app" : ", app as the owner"}`,
      ...(seeded.seed
        ? [
            `  Demo logins (password "${DEMO_PASSWORD}"):`,
            ...DEMO_STAFF.map((s) => `    ${s.email.padEnd(26)} ${s.role}${s.producer ? ` (${s.producer})` : ""}`),
          ]
        : [`  ${seeded.reason}`]),
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
});
