import { listPurchaseOrdersInput, PURCHASE_ORDER_STATUSES, urlSearchSchema } from "@stockroom/contracts";
import { formatMoney } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import type { z } from "zod";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { PO_STATUS_LABELS, PurchaseOrderStatusBadge } from "../../../components/purchasing/purchase-order-status.tsx";
import { Section } from "../../../components/section.tsx";
import { SelectFilter } from "../../../components/select-filter.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

type Row = ApiOutputs["purchaseOrders"]["list"][number];
const searchSchema = urlSearchSchema(listPurchaseOrdersInput.omit({ producerId: true }).shape);
type PoSearch = z.infer<typeof searchSchema> & { producerId?: string | undefined };

const listQuery = (trpc: Trpc, me: Staff, search: PoSearch) =>
  trpc.purchaseOrders.list.queryOptions({ producerId: scopedProducerId(me, search.producerId), status: search.status, supplierId: search.supplierId });

export const Route = createFileRoute("/_authed/purchase-orders/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, listQuery(trpc, me, deps)),
  head: () => ({ meta: [{ title: "Purchase orders · Stockroom Admin" }] }),
  component: PurchaseOrdersPage,
});

const COLUMNS = [
  column<Row>(
    "Reference",
    (o) => (
      <>
        <Link to="/purchase-orders/$purchaseOrderId" params={{ purchaseOrderId: o.id }}>
          {o.reference}
        </Link>
        {o.isAutoDrafted ? <span className="muted small"> · reorder</span> : null}
      </>
    ),
    { className: "cell-title" },
  ),
  column<Row>("Status", (o) => <PurchaseOrderStatusBadge status={o.status} />),
  column<Row>("Supplier", (o) => o.supplierName),
  column<Row>("Lines", (o) => o.lineCount, { numeric: true }),
  column<Row>("Received / ordered", (o) => `${o.receivedUnits} / ${o.orderedUnits}`, { numeric: true }),
  column<Row>("Cost", (o) => (o.costCents === null ? "—" : formatMoney(o.costCents)), { numeric: true }),
  column<Row>("Expected", (o) => o.shipmentExpectedOn ?? "—"),
  column<Row>("Created", (o) => formatDateTime(o.createdAt)),
];

function PurchaseOrdersPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data, isUpdating } = useRouteQuery(listQuery(trpc, me, search));
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Purchase orders</h1>
        <p className="muted">
          Drafted by the reorder job when a product reaches its reorder point, or from Analytics. Approve to send; receive lots against them.
        </p>
      </div>
      <div className="filters">
        <SelectFilter
          label="Status"
          value={search.status}
          allLabel="Every status"
          options={PURCHASE_ORDER_STATUSES.map((value) => ({ value, label: PO_STATUS_LABELS[value] }))}
          onChange={(status) => void navigate({ search: (prev) => ({ ...prev, status }) })}
        />
      </div>
      <Section title="Purchase orders" isBusy={isUpdating}>
        <DataTable data={data} columns={COLUMNS} getRowId={(o) => o.id} className="data-table" empty={{ title: "No purchase orders" }} />
      </Section>
    </div>
  );
}
