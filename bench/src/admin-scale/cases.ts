import type { Call } from "./admin-requests.ts";

/** The goals (server time, p95). */
export const GOALS = { list: 30, dashboard: 50, analytics: 200 } as const;

export interface Case {
  label: string;
  goal: keyof typeof GOALS;
  /** The admin page that sends it (the Referer). */
  page: string;
  calls: Call[];
  /** Reach this page of the list by following `nextCursor` when the answer has one (`calls` is page 1). */
  deepPage?: number;
}

type InventoryFilters = { search?: string; category?: string; status?: string; sort?: string; direction?: "asc" | "desc"; page?: number };

/** reports.inventory's input in the inventory route's key order (apps/admin/src/routes/_authed/inventory/index.tsx). */
function inventory({ search, category, status, sort = "name", direction = "asc", page = 1 }: InventoryFilters): Call {
  return { path: "reports.inventory", input: { search, category, status, sort, direction, page, pageSize: 50 } };
}

function isoDay(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Every request measured for one signed-in staff member. Producer staff send no producerId (the
 * server scopes them); the platform admin's pages show every producer (no producerId either).
 * A list request is what a change of sort, filter, search or page sends: the list query alone (the
 * locations and categories beside it stay cached). Reports ask for the last 365 days.
 */
export function casesFor(deepPage: number, sku: string): Case[] {
  const year = { from: isoDay(364), to: isoDay(0) };
  const list = (label: string, filters: InventoryFilters): Case => ({
    label: `inventory, ${label}`,
    goal: "list",
    page: "/inventory",
    calls: [inventory(filters)],
  });
  return [
    list("sort name", {}),
    list("sort name desc", { direction: "desc" }),
    list("sort sku", { sort: "sku" }),
    list("sort available", { sort: "available" }),
    list("sort available desc", { sort: "available", direction: "desc" }),
    list("sort value", { sort: "value" }),
    list("sort value desc", { sort: "value", direction: "desc" }),
    list("status low", { status: "low" }),
    list("status out", { status: "out" }),
    list("status expiring", { status: "expiring" }),
    list("status expired", { status: "expired" }),
    list("category", { category: "Category 7" }),
    list('search "harbor lumen"', { search: "harbor lumen" }),
    list(`search SKU ${sku}`, { search: sku }),
    { ...list(`page ${deepPage.toLocaleString("en")}`, {}), deepPage },
    {
      label: "dashboard (products + summary + low stock)",
      goal: "dashboard",
      page: "/",
      // The dashboard route's loader: its three queries leave in one batch.
      calls: [
        { path: "products.list", input: { limit: 200 } },
        { path: "reports.dashboard", input: {} },
        { path: "alerts.lowStock", input: { limit: 500 } },
      ],
    },
    { label: "expiry & waste, 365 days", goal: "analytics", page: "/expiry", calls: [{ path: "reports.expiryWaste", input: year }] },
    analytics("movement series by day", { path: "reports.movementSeries", input: { ...year, bucket: "day" } }),
    analytics("movement series by week", { path: "reports.movementSeries", input: { ...year, bucket: "week" } }),
    analytics("low-stock trend", { path: "reports.lowStockTrend", input: year }),
    analytics("restock", { path: "reports.restock", input: {} }),
    analytics("profitability", { path: "reports.profitability", input: year }),
    analytics("count accuracy trend", { path: "counts.accuracyTrend", input: year }),
  ];
}

function analytics(label: string, call: Call): Case {
  return { label: `analytics, ${label}${call.path === "reports.restock" ? "" : ", 365 days"}`, goal: "analytics", page: "/analytics", calls: [call] };
}
