import type { Permission } from "@stockroom/contracts";
import { type KeyboardEvent, useId } from "react";
import type { ProductDetail, ProductLot, StockLocation } from "../lib/api-types.ts";
import { useCan } from "../lib/permissions.tsx";
import { Section } from "./section.tsx";
import { AdjustForm } from "./stock-forms/adjust-form.tsx";
import { MoveForm } from "./stock-forms/move-form.tsx";
import { ProductSettingsForm } from "./stock-forms/product-settings-form.tsx";
import { ReceiveForm } from "./stock-forms/receive-form.tsx";
import { WriteOffForm } from "./stock-forms/write-off-form.tsx";

export type StockAction = "receive" | "adjust" | "writeOff" | "move" | "settings";

/** Each tab and the permission it needs (the server refuses the action regardless). */
export const STOCK_TABS: { action: StockAction; label: string; needsLots: boolean; permission: Permission }[] = [
  { action: "receive", label: "Receive", needsLots: false, permission: "stock.receive" },
  { action: "adjust", label: "Adjust", needsLots: true, permission: "stock.adjust" },
  { action: "writeOff", label: "Write off", needsLots: true, permission: "stock.writeOff" },
  { action: "move", label: "Move", needsLots: true, permission: "stock.transfer" },
  { action: "settings", label: "Stock settings", needsLots: false, permission: "catalog.edit" },
];

interface StockActionsProps {
  action: StockAction;
  lotId: string | undefined;
  product: ProductDetail["product"];
  lots: ProductLot[];
  locations: StockLocation[];
  onSelect: (action: StockAction) => void;
}

/** The stock forms as tabs; the open one (and its lot) lives in the URL. */
export function StockActions({ action: requested, lotId, product, lots, locations, onSelect }: StockActionsProps) {
  const id = useId();
  const can = useCan();
  const TABS = STOCK_TABS.filter((tab) => can(tab.permission));
  // A tab the role lacks (an old link) opens the first one it has; a read-only role gets none.
  const action = TABS.some((tab) => tab.action === requested) ? requested : TABS[0]?.action;
  if (!action) return null;
  // Only lots with units can lose some; any lot can be adjusted (a count may find units in an empty one).
  const lotsWithStock = lots.filter((lot) => lot.onHand > 0);
  const choices = action === "adjust" ? [...lotsWithStock, ...lots.filter((lot) => lot.onHand === 0)] : lotsWithStock;
  const initialLotId = choices.some((lot) => lot.id === lotId) ? lotId : undefined;
  const needsLots = TABS.find((tab) => tab.action === action)?.needsLots ?? false;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    const index = TABS.findIndex((tab) => tab.action === action);
    const next = TABS[(index + (event.key === "ArrowRight" ? 1 : TABS.length - 1)) % TABS.length];
    if (next) {
      onSelect(next.action);
      document.getElementById(`${id}-tab-${next.action}`)?.focus();
    }
  };

  return (
    <div id="stock-actions">
      <Section title="Change stock" description="Every change is written to the movement history below.">
        <div className="tabs" role="tablist" aria-label="Stock actions" onKeyDown={onKeyDown}>
          {TABS.map((tab) => (
            <button
              key={tab.action}
              id={`${id}-tab-${tab.action}`}
              type="button"
              role="tab"
              aria-selected={tab.action === action}
              aria-controls={`${id}-panel`}
              tabIndex={tab.action === action ? 0 : -1}
              className="tab"
              onClick={() => onSelect(tab.action)}
            >
              {tab.label}
            </button>
          ))}
        </div>
        <div id={`${id}-panel`} role="tabpanel" aria-labelledby={`${id}-tab-${action}`} className="tab-panel">
          {needsLots && choices.length === 0 ? (
            <p className="muted">There are no lots with stock to change. Receive stock first.</p>
          ) : action === "receive" ? (
            <ReceiveForm product={product} locations={locations} />
          ) : action === "adjust" ? (
            <AdjustForm key={initialLotId ?? "adjust"} lots={choices} initialLotId={initialLotId} />
          ) : action === "writeOff" ? (
            <WriteOffForm key={initialLotId ?? "write-off"} lots={lotsWithStock} initialLotId={initialLotId} />
          ) : action === "move" ? (
            <MoveForm key={initialLotId ?? "move"} lots={lotsWithStock} locations={locations} initialLotId={initialLotId} />
          ) : (
            <ProductSettingsForm product={product} />
          )}
        </div>
      </Section>
    </div>
  );
}
