/** How each demo product behaves in the simulated history: demand, shelf life, reordering. */
export interface ProductProfile {
  /** Average units sold per day. */
  demand: number;
  /** Days from delivery to expiry (null: does not expire). */
  shelfLifeDays: number | null;
  /** Days from ordering a delivery to its arrival. */
  leadTimeDays: number;
  /** Stops being reordered this many days before today (a supplier problem): sells out. */
  reorderStopsDaysAgo: number | null;
  /** Reordered in small amounts, so it sits below its minimum now and then. */
  isUnderOrdered: boolean;
}

// Shelf lives by category, in days: short for fresh food, long for medicines and pantry goods.
const SHELF_LIFE: Record<string, [number, number] | null> = {
  "Pain relief": [300, 700],
  "Cold & flu": [120, 400],
  Allergy: [200, 500],
  Vitamins: [40, 240],
  "First aid": null,
  "Skin care": [150, 400],
  Dairy: [8, 20],
  Bakery: [3, 6],
  Produce: [6, 12],
  Pantry: [200, 500],
  Meat: [5, 9],
  Drinks: [90, 300],
};

/** The middle of a category's shelf-life range (null: does not expire). */
export function typicalShelfLifeDays(category: string): number | null {
  const range = SHELF_LIFE[category] ?? null;
  return range ? Math.round((range[0] + range[1]) / 2) : null;
}

/** A small deterministic random source (mulberry32), so the demo is the same on every machine. */
export function randomSource(seedText: string): () => number {
  let seed = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function profileFor(product: { sku: string; category: string }, index: number, random: () => number): ProductProfile {
  const range = SHELF_LIFE[product.category] ?? null;
  return {
    demand: 0.15 + random() * 0.5,
    shelfLifeDays: range ? Math.round(range[0] + random() * (range[1] - range[0])) : null,
    leadTimeDays: 2 + Math.floor(random() * 5),
    // The same positions the current-state checks rely on: one in eight sells out, one in eight runs low.
    reorderStopsDaysAgo: index % 8 === 1 ? 25 : null,
    isUnderOrdered: index % 8 === 3,
  };
}
