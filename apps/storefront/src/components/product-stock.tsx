import { LOW_STOCK } from "./availability-badge.tsx";

const USE_BY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "In stock" / "Only 3 left" / "Sold out", and the use-by date of the lot a buyer would get now. */
export function ProductStock({ available, earliestUseBy }: { available: number | null; earliestUseBy: string | null }) {
  const tone = available === null || available > LOW_STOCK ? "ok" : available <= 0 ? "out" : "low";
  const text = tone === "ok" ? "In stock" : tone === "out" ? "Sold out" : `Only ${available} left`;
  return (
    <div className="product-stock">
      <span className={`availability availability-${tone}`}>{text}</span>
      {earliestUseBy && tone !== "out" ? (
        <p className="product-use-by">
          Use by <time dateTime={earliestUseBy}>{USE_BY.format(new Date(`${earliestUseBy}T00:00:00Z`))}</time> or later
        </p>
      ) : null}
    </div>
  );
}
