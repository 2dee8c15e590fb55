import { describe, expect, it } from "vitest";
import { nextBackupAt } from "./backup-schedule.ts";

describe("daily backup schedule", () => {
  const now = new Date("2026-11-27T13:20:00.000Z");

  it("runs at the next 03:00 UTC when today's backup exists", () => {
    expect(nextBackupAt(now, new Date("2026-11-27T03:00:04.000Z")).toISOString()).toBe("2026-11-28T03:00:00.000Z");
    expect(nextBackupAt(new Date("2026-11-27T02:10:00.000Z"), new Date("2026-11-26T03:00:04.000Z")).toISOString()).toBe("2026-11-27T03:00:00.000Z");
  });

  it("catches up a minute after start when there is no backup, or the newest is a day old", () => {
    expect(nextBackupAt(now, undefined).toISOString()).toBe("2026-11-27T13:21:00.000Z");
    expect(nextBackupAt(now, new Date("2026-11-26T13:20:00.000Z")).toISOString()).toBe("2026-11-27T13:21:00.000Z");
  });
});
