import { z } from "zod";
import { checkDateRange, dateRangeFields, MAX_PAGE, SORT_DIRECTIONS } from "./common.ts";

export const INVENTORY_STATUSES = ["in_stock", "low", "out", "expiring", "expired"] as const;
export type InventoryStatus = (typeof INVENTORY_STATUSES)[number];
export const INVENTORY_SORTS = ["name", "sku", "available", "category", "value"] as const;
export type InventorySort = (typeof INVENTORY_SORTS)[number];
export const MAX_INVENTORY_PAGE_SIZE = 500;

export const listInventoryInput = z.object({
  producerId: z.string().uuid().optional(),
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  locationId: z.string().uuid().optional(),
  status: z.enum(INVENTORY_STATUSES).optional(),
  sort: z.enum(INVENTORY_SORTS).default("name"),
  direction: z.enum(SORT_DIRECTIONS).default("asc"),
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_INVENTORY_PAGE_SIZE).default(50),
  /** The rows after this one (a previous answer's `nextCursor`, same sort and filters): any depth at the cost of the first page. Replaces `page`. */
  cursor: z.string().max(500).optional(),
});

export const ANALYTICS_BUCKETS = ["day", "week"] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

export const analyticsInput = z
  .object({
    producerId: z.string().uuid().optional(),
    ...dateRangeFields,
    bucket: z.enum(ANALYTICS_BUCKETS).default("day"),
  })
  .superRefine(checkDateRange);

export const expiryWasteInput = z.object({ producerId: z.string().uuid().optional(), ...dateRangeFields }).superRefine(checkDateRange);
