// The real system as `pnpm start` runs it, minus the build: a fresh embedded Postgres cluster
// (.data/bench-pages), migrated and seeded with the demo shop, then the server (serving the built
// SPAs) and the worker as their own processes, connected as the app role.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { applyMigrations, assertDataDirFree, DATA_DIR, findFreePort, REPO_ROOT, resolveDatabase } from "@stockroom/db";
import { seedDemoIfWanted } from "@stockroom/demo";
import { withDeps } from "../../../scripts/with-deps.ts";
import { startApp, waitForHttp } from "../processes.ts";

export const CLUSTER = "bench-pages";
const SPAS = ["storefront", "admin"] as const;

export interface RunningSystem {
  base: string;
  stop(): Promise<void>;
}

/** Throws with what to run when an SPA has not been built: this bench measures the built apps and builds nothing. */
export function assertSpasBuilt(): void {
  const missing = SPAS.filter((app) => !existsSync(path.join(REPO_ROOT, `apps/${app}/dist/index.html`)));
  if (missing.length > 0) {
    throw new Error(`No build of ${missing.map((app) => `apps/${app}/dist`).join(" and ")}: run \`pnpm build\` first, then \`pnpm bench:pages\`.`);
  }
}

export async function startSystem(log: (line: string) => void): Promise<RunningSystem> {
  const dataDir = path.join(DATA_DIR, CLUSTER);
  assertDataDirFree(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  const database = await resolveDatabase({ cluster: CLUSTER });
  const stops: (() => Promise<void>)[] = [database.stop];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error: unknown) => console.error("[bench:pages] stop failed:", error));
  };
  try {
    await applyMigrations(database.url);
    await withDeps({ cluster: CLUSTER, database }, (deps) => seedDemoIfWanted(deps, { isEmbedded: true, seedDemo: true }, log));
    const port = await findFreePort();
    const appEnv = { DATABASE_URL: undefined, APP_DATABASE_URL: database.appUrl };
    const server = startApp("server", { ...appEnv, PORT: String(port), SERVE_SPAS: "true" });
    stops.push(() => server.stop());
    const worker = startApp("worker", appEnv);
    stops.push(() => worker.stop());
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/healthz`);
    return { base, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
