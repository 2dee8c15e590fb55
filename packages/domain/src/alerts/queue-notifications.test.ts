import { describe, expect, it } from "vitest";
import { sendAfter } from "./queue-notifications.ts";

describe("quiet hours", () => {
  it("waits until the quiet hours end, across midnight, and sends at once outside them", () => {
    const night = { startHour: 22, endHour: 6 };
    expect(sendAfter(new Date("2026-06-01T23:30:00Z"), night).toISOString()).toBe("2026-06-02T06:00:00.000Z");
    expect(sendAfter(new Date("2026-06-02T03:00:00Z"), night).toISOString()).toBe("2026-06-02T06:00:00.000Z");
    expect(sendAfter(new Date("2026-06-02T06:00:00Z"), night).toISOString()).toBe("2026-06-02T06:00:00.000Z");
    expect(sendAfter(new Date("2026-06-02T12:00:00Z"), { startHour: 12, endHour: 14 }).toISOString()).toBe("2026-06-02T14:00:00.000Z");
    expect(sendAfter(new Date("2026-06-02T15:00:00Z"), null).toISOString()).toBe("2026-06-02T15:00:00.000Z");
  });
});
