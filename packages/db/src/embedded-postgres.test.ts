import { mkdtemp, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { EmbeddedPostgresInUseError, startEmbeddedPostgres } from "./embedded-postgres.ts";
import { DATA_DIR } from "./paths.ts";

describe("embedded Postgres", () => {
  it("starts, serves queries, refuses a second start on the same data dir, stops, and starts again", async () => {
    const parent = await mkdtemp(path.join(DATA_DIR, "pg-test-"));
    const dataDir = path.join(parent, "data");
    const hooked = ["exit", "beforeExit", "SIGINT", "SIGTERM", "SIGHUP"] as const;
    const listenersBefore = hooked.map((event) => process.listenerCount(event));
    const first = await startEmbeddedPostgres({ dataDir, isDurable: false });
    // The package's exit hook must be gone: on beforeExit it calls process.exit(0), which turned
    // vitest's failing exit code into 0 (a red suite passed CI).
    expect(hooked.map((event) => process.listenerCount(event))).toEqual(listenersBefore);
    try {
      const client = new pg.Client({ connectionString: first.adminUrl });
      await client.connect();
      expect((await client.query("SHOW server_version_num")).rows[0].server_version_num).toMatch(/^1[5-9]\d{4}$/);
      await client.end();

      const second = startEmbeddedPostgres({ dataDir, isDurable: false });
      await expect(second).rejects.toBeInstanceOf(EmbeddedPostgresInUseError);
      await expect(second).rejects.toThrow(/already running on .*\(pid \d+, port \d+\)/);
    } finally {
      await first.stop();
    }
    const again = await startEmbeddedPostgres({ dataDir, isDurable: false });
    await again.stop();
    await rm(parent, { recursive: true, force: true });
  }, 60_000);
});
