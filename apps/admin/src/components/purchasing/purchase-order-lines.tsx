import { errorMessage, formatMoney } from "@stockroom/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { ApiOutputs } from "../../lib/api-types.ts";
import { useAppContext } from "../../lib/use-app-context.ts";
import { column } from "../data-table/columns.tsx";
import { DataTable } from "../data-table/data-table.tsx";
import { usePurchaseOrderRefresh } from "./purchase-order-actions.tsx";

type PurchaseOrder = ApiOutputs["purchaseOrders"]["get"];
type Line = PurchaseOrder["lines"][number];

/** Ordered / received / outstanding ("still due") per line, the supplier's shipped quantity, and editing while it awaits approval. */
export function PurchaseOrderLines({ order, canEdit }: { order: PurchaseOrder; canEdit: boolean }) {
  const isEditable = canEdit && (order.status === "PENDING_APPROVAL" || order.status === "DRAFT");
  const columns = [
    column<Line>("Product", (l) => `${l.productName} (${l.sku})`, { className: "cell-title" }),
    column<Line>("Ordered", (l) => (isEditable ? <EditLine order={order} line={l} /> : l.quantity), { numeric: true }),
    column<Line>("Cost", (l) => (l.unitCostCents === null ? "—" : formatMoney(l.unitCostCents)), { numeric: true }),
    column<Line>("Shipped", (l) => l.shippedQuantity ?? "—", { numeric: true }),
    column<Line>("Received", (l) => l.receivedQuantity, { numeric: true }),
    column<Line>("Still due", (l) => l.outstanding, { numeric: true, className: "strong" }),
  ];
  return <DataTable data={order.lines} columns={columns} getRowId={(l) => l.id} className="data-table" empty={{ title: "No lines" }} />;
}

function EditLine({ order, line }: { order: PurchaseOrder; line: Line }) {
  const { trpc } = useAppContext();
  const refresh = usePurchaseOrderRefresh();
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [cost, setCost] = useState(((line.unitCostCents ?? 0) / 100).toFixed(2));
  const update = useMutation(trpc.purchaseOrders.updateLine.mutationOptions({ onSuccess: refresh }));
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        update.mutate({ purchaseOrderId: order.id, lineId: line.id, quantity: Number(quantity), unitCostCents: Math.round(Number(cost) * 100) });
      }}
    >
      <input aria-label={`Quantity of ${line.productName}`} value={quantity} onChange={(e) => setQuantity(e.target.value)} inputMode="numeric" size={5} />
      <input aria-label={`Cost of ${line.productName}`} value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" size={6} />
      <button type="submit" className="button button-secondary button-small" disabled={update.isPending}>
        Save
      </button>
      {update.error ? <span className="field-error">{errorMessage(update.error)}</span> : null}
    </form>
  );
}
