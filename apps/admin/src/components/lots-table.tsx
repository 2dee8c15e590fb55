import type { Permission } from "@stockroom/contracts";
import type { ProductLot } from "../lib/api-types.ts";
import { formatCount, formatDay } from "../lib/format.ts";
import { useCan } from "../lib/permissions.tsx";
import { Badge, BandBadge } from "./badges.tsx";
import { column, costColumn } from "./data-table/columns.tsx";
import { DataTable } from "./data-table/data-table.tsx";
import { STOCK_TABS, type StockAction } from "./stock-actions.tsx";

type OnAction = (action: StockAction, lotId: string) => void;

function daysLeftText(daysLeft: number | null): string {
  if (daysLeft === null) return "";
  if (daysLeft < 0) return `${formatCount(-daysLeft)} days ago`;
  if (daysLeft === 0) return "today";
  return daysLeft === 1 ? "in 1 day" : `in ${formatCount(daysLeft)} days`;
}

const LOT_ACTIONS: StockAction[] = ["adjust", "writeOff", "move"];

function lotColumns(onAction: OnAction, can: (permission: Permission) => boolean) {
  const ACTIONS = STOCK_TABS.filter((tab) => LOT_ACTIONS.includes(tab.action) && can(tab.permission));
  return [
    column<ProductLot>(
      "Lot",
      (lot) => (
        <>
          {lot.lotNumber}
          <span className="cell-note">Received {formatDay(lot.receivedAt)}</span>
        </>
      ),
      { className: "cell-title" },
    ),
    column<ProductLot>("Location", (lot) => (
      <>
        {lot.location}
        {lot.isSellable ? null : (
          <>
            {" "}
            <Badge>Not sellable</Badge>
          </>
        )}
      </>
    )),
    column<ProductLot>("Expiry", (lot) =>
      lot.expiryDate ? (
        <span className="expiry-cell">
          {lot.band ? <BandBadge band={lot.band} /> : null}
          <span>
            {formatDay(lot.expiryDate)} <span className="muted small">({daysLeftText(lot.daysLeft)})</span>
          </span>
        </span>
      ) : (
        <span className="muted">No expiry</span>
      ),
    ),
    column<ProductLot>("On hand", (lot) => formatCount(lot.onHand), { numeric: true, className: "strong" }),
    column<ProductLot>("Reserved", (lot) => formatCount(lot.reserved), { numeric: true }),
    costColumn<ProductLot>("Unit cost", (lot) => lot.unitCostCents),
    // A read-only role gets no actions column at all.
    ...(ACTIONS.length === 0
      ? []
      : [
          column<ProductLot>(
            "Actions",
            (lot) => (
              <div className="row-actions">
                {ACTIONS.map(({ action, label }) => (
                  <button
                    key={action}
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => onAction(action, lot.id)}
                    aria-label={`${label} lot ${lot.lotNumber}`}
                  >
                    {label}
                  </button>
                ))}
              </div>
            ),
            { className: "actions-cell", isHeaderHidden: true, isUnlabelled: true },
          ),
        ]),
  ];
}

export function LotsTable({ lots, onAction, hasHistory = false }: { lots: ProductLot[]; onAction: OnAction; hasHistory?: boolean }) {
  return (
    <DataTable
      data={lots}
      columns={lotColumns(onAction, useCan())}
      getRowId={(lot) => lot.id}
      className="data-table lots-table"
      empty={
        hasHistory
          ? { title: "No stock in any lot", children: "Every lot of this product is empty (see the history below). Receive stock to sell it again." }
          : { title: "No lots yet", children: "Receive stock below to create the first lot." }
      }
      rowAttributes={(lot) => ({ "data-lot": lot.lotNumber })}
    />
  );
}

/** Lots that are empty now (sold, written off or moved): kept for their history, out of the way. */
export function LotHistory({ lots, onAction }: { lots: ProductLot[]; onAction: OnAction }) {
  if (lots.length === 0) return null;
  return (
    <details className="lot-history">
      <summary>History: {lots.length === 1 ? "1 empty lot" : `${formatCount(lots.length)} empty lots`}</summary>
      <LotsTable lots={lots} onAction={onAction} />
    </details>
  );
}
