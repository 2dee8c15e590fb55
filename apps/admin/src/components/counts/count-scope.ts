import type { ApiOutputs } from "../../lib/api-types.ts";

export type CountSummary = ApiOutputs["counts"]["list"][number];
export type CountDetail = ApiOutputs["counts"]["get"];
export type CountLine = CountDetail["lines"][number];

export const COUNT_STATUS_LABELS = { COUNTING: "Counting", APPROVED: "Approved", CANCELLED: "Cancelled" } as const;

/** "Full count" or "Cycle: Back store · Allergy · due products". */
export function countScope(
  count: Pick<CountSummary, "kind" | "locationId" | "category" | "dueOnly">,
  locationName: (id: string) => string | undefined,
): string {
  if (count.kind === "FULL") return "Full count";
  const parts = [count.locationId ? (locationName(count.locationId) ?? "One location") : null, count.category, count.dueOnly ? "products due" : null];
  return `Cycle: ${parts.filter(Boolean).join(" · ")}`;
}
