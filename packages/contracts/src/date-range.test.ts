import { describe, expect, it } from "vitest";
import { daysBetween, isoDay, MAX_RANGE_DAYS } from "./common.ts";
import { analyticsInput } from "./reports.ts";

describe("report date ranges", () => {
  it("takes real days only", () => {
    expect(isoDay.safeParse("2028-02-29").success).toBe(true);
    for (const day of ["2026-02-29", "2026-02-31", "2026-13-01", "2026-00-10", "2026-1-1"]) expect(isoDay.safeParse(day).success).toBe(false);
  });

  it("takes at most two years (a leap day included), from on or before to", () => {
    expect(daysBetween("2026-01-01", "2028-01-02")).toBe(MAX_RANGE_DAYS);
    expect(analyticsInput.safeParse({ from: "2026-01-01", to: "2028-01-02" }).success).toBe(true);
    expect(analyticsInput.safeParse({ from: "2026-01-01", to: "2028-01-03" }).error?.issues.map((i) => i.path)).toEqual([["to"]]);
    expect(analyticsInput.safeParse({ from: "2026-05-05", to: "2026-05-05" }).success).toBe(true);
    expect(analyticsInput.safeParse({ from: "2026-05-06", to: "2026-05-05" }).error?.issues.map((i) => i.path)).toEqual([["from"]]);
  });
});
