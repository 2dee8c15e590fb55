import { z } from "zod";

/** reports.product's output schema, as far as the stock answers read it. */
export type ProductDetailSchema = z.ZodObject<{ lots: z.ZodArray<z.ZodObject> }>;

interface Lot {
  locationId: string;
  location: string;
  isSellable: boolean;
  onHand: number;
  reserved: number;
}

/** A product's stock in one answer: available to sell, and on hand / reserved per location and per lot. */
export function productStockSchema(output: ProductDetailSchema) {
  return z.object({
    productId: z.string(),
    available: z.number().nullable().describe("Free units of sellable, unexpired lots; null when the product does not track stock"),
    isLow: z.boolean(),
    locations: z.array(
      z.object({ locationId: z.string(), location: z.string(), isSellable: z.boolean(), onHand: z.number(), reserved: z.number(), lots: z.number() }),
    ),
    lots: output.shape.lots,
  });
}

export function stockFrom(detail: { product: { id: string }; available: number | null; isLow: boolean; lots: Lot[] }) {
  const byLocation = new Map<string, { locationId: string; location: string; isSellable: boolean; onHand: number; reserved: number; lots: number }>();
  for (const lot of detail.lots) {
    const entry = byLocation.get(lot.locationId) ?? {
      locationId: lot.locationId,
      location: lot.location,
      isSellable: lot.isSellable,
      onHand: 0,
      reserved: 0,
      lots: 0,
    };
    entry.onHand += lot.onHand;
    entry.reserved += lot.reserved;
    entry.lots += 1;
    byLocation.set(lot.locationId, entry);
  }
  return { productId: detail.product.id, available: detail.available, isLow: detail.isLow, locations: [...byLocation.values()], lots: detail.lots };
}
