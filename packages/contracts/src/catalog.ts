import { z } from "zod";
import { MAX_PAGE } from "./common.ts";

/** The storefront's sort orders; every one lists sold-out products after the ones in stock. */
export const CATALOG_SORTS = ["name", "price-asc", "price-desc", "newest"] as const;
export type CatalogSort = (typeof CATALOG_SORTS)[number];

export const listCatalogInput = z.object({
  search: z.string().trim().max(100).optional(),
  category: z.string().trim().max(100).optional(),
  /** A producer's slug (`catalog.producers`). */
  producer: z.string().trim().max(100).optional(),
  sort: z.enum(CATALOG_SORTS, { message: `Sort must be one of ${CATALOG_SORTS.join(", ")}.` }).default("name"),
  hideSoldOut: z.boolean().default(false),
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(100).default(24),
});

export const catalogProductInput = z.object({
  slug: z.string().trim().min(1, "Slug is required.").max(200, "Slug is at most 200 characters."),
});
