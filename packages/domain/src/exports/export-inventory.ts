import { exportInventoryInput, IMPORT_COLUMNS, MAX_INVENTORY_PAGE_SIZE } from "@stockroom/contracts";
import type { z } from "zod";
import { type StaffActor, scopeProducerId } from "../actor.ts";
import type { Deps } from "../deps.ts";
import { can, requirePermission } from "../permissions.ts";
import { listInventory } from "../reports/inventory/list-inventory.ts";
import { parseInput } from "../validation.ts";

export type CsvCell = string | number;
export interface CsvExport {
  columns: string[];
  /** Rows a page at a time (keyset): the whole file is never in memory. */
  rows: () => AsyncGenerator<CsvCell[]>;
}

const PAGE = MAX_INVENTORY_PAGE_SIZE;
export const money = (cents: number) => (cents / 100).toFixed(2);

/** Product ids matching the inventory list's filters (the list's own query), walked by id a page at a time. */
async function* matchingProductPages(deps: Deps, actor: StaffActor, filters: z.output<typeof exportInventoryInput>) {
  const scope = scopeProducerId(actor, filters.producerId);
  let after: string | undefined;
  for (;;) {
    const page = await deps.db.product.findMany({
      where: { ...(scope ? { producerId: scope } : {}), ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true },
    });
    if (page.length === 0) return;
    after = page[page.length - 1]?.id;
    const ids = page.map((p) => p.id);
    const { items } = await listInventory(deps, actor, { ...filters, sort: "sku", pageSize: PAGE }, { productIds: ids });
    if (items.length) yield items.map((i) => i.id);
  }
}

/** The catalog in the products import's own columns (a round trip re-imports it); unit_cost only with costs.view. */
export function exportProducts(deps: Deps, actor: StaffActor, input: z.input<typeof exportInventoryInput>): CsvExport {
  requirePermission(actor, "catalog.view");
  const filters = parseInput(exportInventoryInput, input);
  const costs = can(actor, "costs.view");
  const columns = IMPORT_COLUMNS.PRODUCTS.filter((c) => costs || c !== "unit_cost");
  return {
    columns,
    async *rows() {
      for await (const ids of matchingProductPages(deps, actor, filters)) {
        const products = await deps.db.product.findMany({ where: { id: { in: ids } }, orderBy: { sku: "asc" } });
        for (const p of products) {
          const all: Record<string, CsvCell> = {
            sku: p.sku,
            name: p.name,
            category: p.category,
            price: money(p.priceCents),
            unit_cost: money(p.unitCostCents),
            min_stock_level: p.minStockLevel,
            lead_time_days: p.leadTimeDays,
            track_inventory: String(p.trackInventory),
            barcode: p.barcode ?? "",
          };
          yield columns.map((c) => all[c] ?? "");
        }
      }
    },
  };
}

/** Inventory per lot, for the inventory list's filters; the first six columns are the stock import's (a stock count). */
export function exportLots(deps: Deps, actor: StaffActor, input: z.input<typeof exportInventoryInput>): CsvExport {
  requirePermission(actor, "catalog.view");
  const filters = parseInput(exportInventoryInput, input);
  const costs = can(actor, "costs.view");
  const columns = ["sku", "location", "lot_number", "expiry", "quantity", "unit_cost", "product_name", "reserved", "received_at"].filter(
    (c) => costs || c !== "unit_cost",
  );
  return {
    columns,
    async *rows() {
      for await (const ids of matchingProductPages(deps, actor, filters)) {
        const lots = await deps.db.lot.findMany({
          where: { productId: { in: ids }, onHand: { gt: 0 }, ...(filters.locationId ? { locationId: filters.locationId } : {}) },
          include: { product: { select: { sku: true, name: true } }, location: { select: { name: true } } },
          orderBy: [{ productId: "asc" }, { expiryDate: "asc" }, { lotNumber: "asc" }],
        });
        for (const l of lots) {
          const all: Record<string, CsvCell> = {
            sku: l.product.sku,
            location: l.location.name,
            lot_number: l.lotNumber,
            expiry: l.expiryDate?.toISOString().slice(0, 10) ?? "",
            quantity: l.onHand,
            unit_cost: money(l.unitCostCents),
            product_name: l.product.name,
            reserved: l.reserved,
            received_at: l.receivedAt.toISOString(),
          };
          yield columns.map((c) => all[c] ?? "");
        }
      }
    },
  };
}
