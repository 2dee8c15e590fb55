import type { Db } from "@stockroom/db";
import { utcDay } from "../stock/sql-time.ts";

/** The counters the seed metrics read (docs/METRICS.md). */
export const COUNTERS = {
  reservationSucceeded: "reservation.succeeded",
  reservationRefused: "reservation.refused",
  fulfilmentShort: "fulfilment.short",
} as const;
export type CounterName = (typeof COUNTERS)[keyof typeof COUNTERS];

/**
 * Counts kept in memory and added to MetricCounter (per UTC day) by `flush`: the hot hold path
 * never waits on a counter row, several processes add up in the database, and a restart loses at
 * most what was counted since the last flush (none when the process stops cleanly: stop flushes).
 */
export class MetricCounters {
  private pending = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(name: CounterName, by = 1): void {
    const key = `${utcDay(this.now())}|${name}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + by);
  }

  /** Adds what was counted since the last flush to the database (one statement). */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const taken = this.pending;
    this.pending = new Map();
    const rows = [...taken].map(([key, value]) => {
      const [day, name] = key.split("|");
      return { day: day ?? "", name: name ?? "", value };
    });
    try {
      await this.db.$executeRaw`
        INSERT INTO "MetricCounter" (day, name, value)
        SELECT * FROM unnest(${rows.map((r) => r.day)}::date[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.value)}::bigint[])
        ON CONFLICT (day, name) DO UPDATE SET value = "MetricCounter".value + EXCLUDED.value`;
    } catch (error) {
      // Not lost: counted again with the next flush.
      for (const r of rows) this.pending.set(`${r.day}|${r.name}`, (this.pending.get(`${r.day}|${r.name}`) ?? 0) + r.value);
      throw error;
    }
  }

  /** Flushes every `intervalMs` until stop(). */
  start(intervalMs = 5_000, onError: (error: unknown) => void = () => {}): void {
    this.timer = setInterval(() => void this.flush().catch(onError), intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
