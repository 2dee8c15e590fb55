import { formatMoney } from "@stockroom/ui";
import { Link } from "@tanstack/react-router";
import type { ApiOutputs } from "../lib/api-types.ts";
import { formatCount, formatDay } from "../lib/format.ts";
import { BandBadge } from "./badges.tsx";

type ExpiryReport = ApiOutputs["reports"]["expiryWaste"];

/** "write-off: damaged (dropped)" -> "Damaged (dropped)". */
function reasonLabel(reason: string): string {
  const text = reason.replace(/^write-off:\s*/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lots in stock by expiry band, with a total row. */
export function BandsTable({ bands }: { bands: ExpiryReport["bands"] }) {
  const total = bands.reduce((sum, band) => ({ lots: sum.lots + band.lots, units: sum.units + band.units, valueCents: sum.valueCents + band.valueCents }), {
    lots: 0,
    units: 0,
    valueCents: 0,
  });
  return (
    <div className="table-wrap">
      <table className="summary-table bands-table">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col" className="numeric">
              Lots
            </th>
            <th scope="col" className="numeric">
              Units
            </th>
            <th scope="col" className="numeric">
              Value at cost
            </th>
          </tr>
        </thead>
        <tbody>
          {bands.map((band) => (
            <tr key={band.band} data-band={band.band}>
              <th scope="row" data-label="Band">
                <BandBadge band={band.band} />
              </th>
              <td data-label="Lots" className="numeric">
                {formatCount(band.lots)}
              </td>
              <td data-label="Units" className="numeric">
                {formatCount(band.units)}
              </td>
              <td data-label="Value at cost" className="numeric">
                {formatMoney(band.valueCents)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-band="total">
            <th scope="row">Total</th>
            <td data-label="Lots" className="numeric">
              {formatCount(total.lots)}
            </td>
            <td data-label="Units" className="numeric">
              {formatCount(total.units)}
            </td>
            <td data-label="Value at cost" className="numeric">
              {formatMoney(total.valueCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Units and cost written off in the period, by reason, with a total row. */
export function WasteTable({ waste }: { waste: ExpiryReport["waste"] }) {
  const total = waste.reduce((sum, row) => ({ units: sum.units + row.units, costCents: sum.costCents + row.costCents }), { units: 0, costCents: 0 });
  return (
    <div className="table-wrap">
      <table className="summary-table waste-table">
        <thead>
          <tr>
            <th scope="col">Reason</th>
            <th scope="col" className="numeric">
              Units
            </th>
            <th scope="col" className="numeric">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {waste.map((row) => (
            <tr key={row.reason}>
              <th scope="row" data-label="Reason" className="wrap">
                {reasonLabel(row.reason)}
              </th>
              <td data-label="Units" className="numeric">
                {formatCount(row.units)}
              </td>
              <td data-label="Cost" className="numeric">
                {formatMoney(row.costCents)}
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-reason="total">
            <th scope="row">Total</th>
            <td data-label="Units" className="numeric">
              {formatCount(total.units)}
            </td>
            <td data-label="Cost" className="numeric">
              {formatMoney(total.costCents)}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** Every lot expiring within 90 days (or expired), earliest first. */
export function ExpiringLotsTable({ lots }: { lots: ExpiryReport["lots"] }) {
  return (
    <div className="table-wrap">
      <table className="data-table expiring-lots-table">
        <thead>
          <tr>
            <th scope="col">Band</th>
            <th scope="col">Product</th>
            <th scope="col">Lot</th>
            <th scope="col">Location</th>
            <th scope="col">Expiry</th>
            <th scope="col" className="numeric">
              Units
            </th>
            <th scope="col" className="numeric">
              Value at cost
            </th>
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => (
            <tr key={lot.lotId}>
              <td data-label="Band">
                <BandBadge band={lot.band} />
              </td>
              <td data-label="Product" className="cell-title">
                <Link to="/inventory/$productId" params={{ productId: lot.productId }}>
                  {lot.productName}
                </Link>
                <span className="sku">{lot.sku}</span>
              </td>
              <td data-label="Lot">{lot.lotNumber}</td>
              <td data-label="Location">{lot.location}</td>
              <td data-label="Expiry">{formatDay(lot.expiryDate)}</td>
              <td data-label="Units" className="numeric">
                {formatCount(lot.onHand)}
              </td>
              <td data-label="Value at cost" className="numeric">
                {formatMoney(lot.valueCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
