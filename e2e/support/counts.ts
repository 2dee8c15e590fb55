import type { APIRequestContext, Page } from "@playwright/test";
import { mutate, query } from "./admin-api.ts";

export interface CountView {
  id: string;
  status: string;
  summary: { lines: number; counted: number; matched: number | null; needRecount: number };
  lines: { lotId: string; lotNumber: string; counted: number | null; entries: number; barcode: string | null }[];
}

/** One of the signed-in producer's locations, by name. */
export async function locationNamed(api: APIRequestContext, name: string): Promise<{ id: string; name: string }> {
  const locations = await query<{ id: string; name: string }[]>(api, "locations.list", {});
  const location = locations.find((l) => l.name === name);
  if (!location) throw new Error(`no location named ${name}`);
  return location;
}

/** Cancels the counts still open at a location (an earlier run's), so its lots can be counted again. */
export async function cancelOpenCounts(api: APIRequestContext, locationId: string): Promise<void> {
  const open = await query<{ id: string; locationId: string | null }[]>(api, "counts.list", { status: "COUNTING" });
  for (const count of open.filter((c) => c.locationId === locationId)) await mutate(api, "counts.cancel", { sessionId: count.id, reason: "e2e: start again" });
}

/** A count page's line of one lot. */
export function countLine(page: Page, lotNumber: string) {
  return page.locator(`li.count-line[data-lot="${lotNumber}"]`);
}

/** A new location of the signed-in producer holding the given lots (SKU, lot number, units): a count of it has exactly these lines. */
export async function locationWithLots(api: APIRequestContext, name: string, lots: [sku: string, lotNumber: string, quantity: number][]) {
  const location = await mutate<{ id: string; name: string }>(api, "locations.create", { name, isSellable: false });
  const products = await query<{ items: { id: string; sku: string }[] }>(api, "reports.inventory", { pageSize: 100, sort: "sku" });
  for (const [sku, lotNumber, quantity] of lots) {
    const productId = products.items.find((p) => p.sku === sku)?.id;
    await mutate(api, "stock.receive", { productId, locationId: location.id, lotNumber, expiryDate: "2030-01-31", quantity });
  }
  return { location, productId: (sku: string) => products.items.find((p) => p.sku === sku)?.id as string };
}
