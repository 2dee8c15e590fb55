import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCost, formatCount, formatDay, sumCosts } from "../lib/format.ts";
import { BandBadge } from "./badges.tsx";
import { column, costColumn } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { productColumn } from "./data-table/product-column.tsx";

type ExpiryReport = ApiOutputs["reports"]["expiryWaste"];
type Band = ExpiryReport["bands"][number];
type Waste = ExpiryReport["waste"][number];
type ExpiringLot = ExpiryReport["lots"][number];

/** "write-off: damaged (dropped)" -> "Damaged (dropped)". */
function reasonLabel(reason: string): string {
  const text = reason.replace(/^write-off:\s*/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lots in stock by expiry band, with a total row. */
export function BandsTable({ bands }: { bands: Band[] }) {
  const total = {
    lots: bands.reduce((sum, band) => sum + band.lots, 0),
    units: bands.reduce((sum, band) => sum + band.units, 0),
    valueCents: sumCosts(bands.map((band) => band.valueCents)),
  };
  const columns = [
    column<Band>("Band", (band) => <BandBadge band={band.band} />, { isRowHeader: true, footer: "Total" }),
    column<Band>("Lots", (band) => formatCount(band.lots), { numeric: true, footer: formatCount(total.lots) }),
    column<Band>("Units", (band) => formatCount(band.units), { numeric: true, footer: formatCount(total.units) }),
    costColumn<Band>("Value at cost", (band) => band.valueCents, { footer: formatCost(total.valueCents) }),
  ];
  return (
    <DataTable
      data={bands}
      columns={columns}
      getRowId={(band) => band.band}
      className="summary-table bands-table"
      rowAttributes={(band) => ({ "data-band": band.band })}
      footerAttributes={{ "data-band": "total" }}
    />
  );
}

/** Units and cost written off in the period, by reason, with a total row. */
export function WasteTable({ waste }: { waste: Waste[] }) {
  const total = { units: waste.reduce((sum, row) => sum + row.units, 0), costCents: sumCosts(waste.map((row) => row.costCents)) };
  const columns = [
    column<Waste>("Reason", (row) => reasonLabel(row.reason), { isRowHeader: true, className: "wrap", footer: "Total" }),
    column<Waste>("Units", (row) => formatCount(row.units), { numeric: true, footer: formatCount(total.units) }),
    costColumn<Waste>("Cost", (row) => row.costCents, { footer: formatCost(total.costCents) }),
  ];
  return (
    <DataTable
      data={waste}
      columns={columns}
      getRowId={(row) => row.reason}
      className="summary-table waste-table"
      footerAttributes={{ "data-reason": "total" }}
    />
  );
}

const LOT_COLUMNS = [
  column<ExpiringLot>("Band", (lot) => <BandBadge band={lot.band} />),
  productColumn<ExpiringLot>((lot) => ({ productId: lot.productId, name: lot.productName, sku: lot.sku })),
  column<ExpiringLot>("Lot", (lot) => lot.lotNumber),
  column<ExpiringLot>("Location", (lot) => lot.location),
  column<ExpiringLot>("Expiry", (lot) => formatDay(lot.expiryDate)),
  column<ExpiringLot>("Units", (lot) => formatCount(lot.onHand), { numeric: true }),
  costColumn<ExpiringLot>("Value at cost", (lot) => lot.valueCents),
];

/** Every lot expiring within 90 days (or expired), earliest first. */
export function ExpiringLotsTable({ lots }: { lots: ExpiringLot[] }) {
  return <DataTable data={lots} columns={LOT_COLUMNS} getRowId={(lot) => lot.lotId} className="data-table expiring-lots-table" />;
}
