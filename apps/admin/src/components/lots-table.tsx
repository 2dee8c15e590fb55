import { formatMoney } from "@stockroom/ui";
import type { ProductLot } from "../lib/api-types.ts";
import { formatCount, formatDay } from "../lib/format.ts";
import { Badge, BandBadge } from "./badges.tsx";
import { EmptyState } from "./empty-state.tsx";
import type { StockAction } from "./stock-actions.tsx";

function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return "";
  if (daysLeft < 0) return `${formatCount(-daysLeft)} days ago`;
  if (daysLeft === 0) return "today";
  return daysLeft === 1 ? "in 1 day" : `in ${formatCount(daysLeft)} days`;
}

export function LotsTable({ lots, onAction }: { lots: ProductLot[]; onAction: (action: StockAction, lotId: string) => void }) {
  if (lots.length === 0) return <EmptyState title="No lots yet">Receive stock below to create the first lot.</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="data-table lots-table">
        <thead>
          <tr>
            <th scope="col">Lot</th>
            <th scope="col">Location</th>
            <th scope="col">Expiry</th>
            <th scope="col" className="numeric">
              On hand
            </th>
            <th scope="col" className="numeric">
              Reserved
            </th>
            <th scope="col" className="numeric">
              Unit cost
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {lots.map((lot) => (
            <tr key={lot.id} data-lot={lot.lotNumber}>
              <td data-label="Lot" className="cell-title">
                {lot.lotNumber}
                <span className="cell-note">Received {formatDay(lot.receivedAt)}</span>
              </td>
              <td data-label="Location">
                {lot.location}
                {lot.isSellable ? null : (
                  <>
                    {" "}
                    <Badge>Not sellable</Badge>
                  </>
                )}
              </td>
              <td data-label="Expiry">
                {lot.expiryDate ? (
                  <span className="expiry-cell">
                    {lot.band ? <BandBadge band={lot.band} /> : null}
                    <span>
                      {formatDay(lot.expiryDate)} <span className="muted small">({daysLeftText(lot.daysLeft)})</span>
                    </span>
                  </span>
                ) : (
                  <span className="muted">No expiry</span>
                )}
              </td>
              <td data-label="On hand" className="numeric strong">
                {formatCount(lot.onHand)}
              </td>
              <td data-label="Reserved" className="numeric">
                {formatCount(lot.reserved)}
              </td>
              <td data-label="Unit cost" className="numeric">
                {formatMoney(lot.unitCostCents)}
              </td>
              <td className="actions-cell">
                <div className="row-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onAction("adjust", lot.id)}
                    aria-label={`Adjust lot ${lot.lotNumber}`}
                  >
                    Adjust
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onAction("writeOff", lot.id)}
                    aria-label={`Write off lot ${lot.lotNumber}`}
                  >
                    Write off
                  </button>
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onAction("move", lot.id)}
                    aria-label={`Move lot ${lot.lotNumber}`}
                  >
                    Move
                  </button>
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
