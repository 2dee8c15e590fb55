import { expect, it, vi } from "vitest";
import { createPool } from "./client.ts";
import { useTestDatabase } from "./testing/index.ts";

const database = useTestDatabase();

it("an idle connection the server ends is dropped from the pool, not thrown at the process; the next query reconnects", async () => {
  const pool = createPool(database.current.url, 2);
  try {
    const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const pid = rows[0]?.pid;
    // The connection is idle in the pool now; end it from the server side.
    await database.current.db.$executeRaw`SELECT pg_terminate_backend(${pid}::int)`;
    await vi.waitFor(() => expect(pool.idleCount).toBe(0));
    const again = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    expect(again.rows[0]?.pid).not.toBe(pid);
  } finally {
    await pool.end();
  }
});
