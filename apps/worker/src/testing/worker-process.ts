import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import type { TestDatabase } from "@stockroom/db/testing";

/**
 * Real worker processes (`main.ts`) on a test database, for tests that kill one mid-job: each is
 * started with the providers' env it is given, polling every 0.5 s; `killAll` ends what is left.
 */
export function workerProcesses(database: { readonly current: TestDatabase }) {
  const children: ChildProcess[] = [];
  return {
    spawn(providerEnv: Record<string, string>): ChildProcess {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "..", "main.ts")], {
        env: {
          ...process.env,
          DATABASE_URL: database.current.url,
          APP_DATABASE_URL: database.current.appUrl,
          LOG_LEVEL: "warn",
          POLLING_INTERVAL_SECONDS: "0.5",
          ...providerEnv,
        },
        stdio: "ignore",
      });
      children.push(child);
      return child;
    },
    killAll(): void {
      for (const child of children) child.kill("SIGKILL");
    },
  };
}
