import { CATALOG_SORTS, type CatalogSort } from "@stockroom/contracts";
import { useId } from "react";

const SORT_LABELS: Record<CatalogSort, string> = {
  name: "Name",
  "price-asc": "Price: low to high",
  "price-desc": "Price: high to low",
  newest: "Newest",
};

interface CatalogControlsProps {
  producers: { name: string; slug: string }[];
  producer: string | undefined;
  sort: CatalogSort;
  hideSoldOut: boolean;
  onChange: (change: { producer?: string | undefined; sort?: CatalogSort; hideSoldOut?: boolean }) => void;
}

/** Producer filter, sort order and the "hide sold out" toggle of the catalog (each kept in the URL). */
export function CatalogControls({ producers, producer, sort, hideSoldOut, onChange }: CatalogControlsProps) {
  const id = useId();
  return (
    <>
      <div className="catalog-select">
        <label htmlFor={`${id}-producer`} className="visually-hidden">
          Producer
        </label>
        <select id={`${id}-producer`} value={producer ?? ""} onChange={(event) => onChange({ producer: event.target.value || undefined })}>
          <option value="">All producers</option>
          {producers.map((p) => (
            <option key={p.slug} value={p.slug}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="catalog-select">
        <label htmlFor={`${id}-sort`} className="visually-hidden">
          Sort by
        </label>
        <select id={`${id}-sort`} value={sort} onChange={(event) => onChange({ sort: event.target.value as CatalogSort })}>
          {CATALOG_SORTS.map((key) => (
            <option key={key} value={key}>
              Sort: {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </div>
      <label className="catalog-toggle">
        <input type="checkbox" checked={hideSoldOut} onChange={(event) => onChange({ hideSoldOut: event.target.checked })} />
        Hide sold out
      </label>
    </>
  );
}
