import pg from "pg";

export interface CeilingResult {
  clients: number;
  rows: number;
  seconds: number;
  transactions: number;
  txPerSecond: number;
}

/**
 * The physical limit, measured in the same run: `clients` connections each looping the single
 * conditional statement a hold needs, autocommit (one durable commit per statement), on one hot row
 * or spread over `rows` rows. What pgbench's custom script would run, from a tight client.
 */
export async function measureCeiling(url: string, options: { clients: number; rows: number; seconds: number }): Promise<CeilingResult> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(
    "DROP TABLE IF EXISTS bench_row; CREATE TABLE bench_row (id int PRIMARY KEY, on_hand int NOT NULL, reserved int NOT NULL, CHECK (reserved <= on_hand))",
  );
  await setup.query("INSERT INTO bench_row SELECT g, 2000000000, 0 FROM generate_series(1, $1) g", [options.rows]);
  await setup.query("VACUUM ANALYZE bench_row");
  await setup.end();

  const clients = await Promise.all(
    Array.from({ length: options.clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }),
  );
  let transactions = 0;
  const deadline = Date.now() + options.seconds * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      while (Date.now() < deadline) {
        const id = 1 + Math.floor(Math.random() * options.rows);
        await client.query({ text: "UPDATE bench_row SET reserved = reserved + 1 WHERE id = $1 AND on_hand - reserved >= 1", values: [id], name: "hold" });
        transactions++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((c) => c.end()));
  return { clients: options.clients, rows: options.rows, seconds: elapsed, transactions, txPerSecond: transactions / elapsed };
}
