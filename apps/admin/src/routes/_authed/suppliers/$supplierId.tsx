import { formatMoney } from "@stockroom/ui";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { Badge } from "../../../components/badges.tsx";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { SupplierForm, supplierInput } from "../../../components/purchasing/supplier-form.tsx";
import { SupplierProductForm } from "../../../components/purchasing/supplier-product-form.tsx";
import { Section } from "../../../components/section.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { formatDateTime } from "../../../lib/format.ts";
import { useCan } from "../../../lib/permissions.tsx";
import { useAppContext } from "../../../lib/use-app-context.ts";

type SupplierProduct = ApiOutputs["suppliers"]["get"]["products"][number];

export const Route = createFileRoute("/_authed/suppliers/$supplierId")({
  loader: ({ context: { queryClient, trpc }, params }) => queryClient.ensureQueryData(trpc.suppliers.get.queryOptions({ supplierId: params.supplierId })),
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.name ?? "Supplier"} · Stockroom Admin` }] }),
  component: SupplierPage,
});

const COLUMNS = [
  column<SupplierProduct>("Product", (p) => `${p.productName} (${p.sku})`, { className: "cell-title" }),
  column<SupplierProduct>("Their SKU", (p) => p.supplierSku ?? "—"),
  column<SupplierProduct>("Cost", (p) => (p.unitCostCents === null ? "—" : formatMoney(p.unitCostCents)), { numeric: true }),
  column<SupplierProduct>("Pack", (p) => p.packSize, { numeric: true }),
  column<SupplierProduct>("Min. order", (p) => p.minOrderQuantity, { numeric: true }),
  column<SupplierProduct>("Their stock", (p) => (p.supplierStock === null ? "—" : `${p.supplierStock} (${formatDateTime(p.supplierStockAt ?? "")})`)),
  column<SupplierProduct>("Preferred", (p) => (p.isPreferred ? <Badge tone="success">Preferred</Badge> : null)),
];

function SupplierPage() {
  const { trpc, queryClient } = useAppContext();
  const { supplierId } = Route.useParams();
  const { data: supplier } = useSuspenseQuery(trpc.suppliers.get.queryOptions({ supplierId }));
  const canManage = useCan()("purchasing.manage");
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(trpc.suppliers.update.mutationOptions());
  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/suppliers">Suppliers</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{supplier.name}</span>
      </nav>
      <div className="page-heading">
        <h1>{supplier.name}</h1>
        <p className="muted">
          Orders go by {supplier.channel === "EMAIL" ? `email to ${supplier.email}` : `webhook to ${supplier.webhookUrl}`} · lead time {supplier.leadTimeDays}{" "}
          days ·{" "}
          <Link to="/purchase-orders" search={{ supplierId }}>
            Purchase orders
          </Link>
        </p>
      </div>
      <Section title="Products" description="What they sell you. The preferred supplier of a product gets its reorders.">
        <DataTable data={supplier.products} columns={COLUMNS} getRowId={(p) => p.productId} className="data-table" empty={{ title: "No products yet" }} />
        {canManage ? <SupplierProductForm supplierId={supplier.id} producerId={supplier.producerId} /> : null}
      </Section>
      {canManage ? (
        <Section title="Details">
          <SupplierForm
            initial={{ ...supplier, leadTimeDays: String(supplier.leadTimeDays) }}
            label="Save supplier"
            isPending={update.isPending}
            serverError={update.error}
            done={done}
            onSubmit={(values) =>
              update.mutate(
                { ...supplierInput(values), supplierId },
                {
                  onSuccess: async () => {
                    setDone("Saved.");
                    await queryClient.invalidateQueries(trpc.suppliers.pathFilter());
                  },
                },
              )
            }
          />
        </Section>
      ) : null}
      {supplier.webhookSecret ? (
        <Section title="Their webhook to us" description="The supplier signs stock updates and shipment confirmations with this secret (Standard Webhooks).">
          <dl className="order-facts">
            <dt>URL</dt>
            <dd>
              <code>{`${window.location.origin}/webhooks/supplier/${supplier.id}/stock-update`}</code>
            </dd>
            <dt>Secret</dt>
            <dd>
              <code>{supplier.webhookSecret}</code>
            </dd>
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
