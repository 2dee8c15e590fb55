/** At or below this many units a product says "only N left". */
export const LOW_STOCK = 5;

export function availabilityLabel(available: number | null): { text: string; tone: "ok" | "low" | "out" } {
  if (available === null || available > LOW_STOCK) return { text: "In stock", tone: "ok" };
  if (available <= 0) return { text: "Out of stock", tone: "out" };
  return { text: `Only ${available} left`, tone: "low" };
}

/** "In stock" / "Only N left" / "Out of stock" from units available now (null = not tracked, always in stock). */
export function AvailabilityBadge({ available }: { available: number | null }) {
  const { text, tone } = availabilityLabel(available);
  return <span className={`availability availability-${tone}`}>{text}</span>;
}
