import { useMutation } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { SupplierForm, supplierInput } from "../../../components/purchasing/supplier-form.tsx";
import { Section } from "../../../components/section.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { useCan } from "../../../lib/permissions.tsx";
import { actingProducerId, scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useAppContext } from "../../../lib/use-app-context.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

type SupplierRow = ApiOutputs["suppliers"]["list"][number];
const suppliersQuery = (trpc: Trpc, me: Staff, producerId: string | undefined) =>
  trpc.suppliers.list.queryOptions({ producerId: scopedProducerId(me, producerId) });

export const Route = createFileRoute("/_authed/suppliers/")({
  loaderDeps: ({ search }) => ({ producerId: search.producerId }),
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, suppliersQuery(trpc, me, deps.producerId)),
  head: () => ({ meta: [{ title: "Suppliers · Stockroom Admin" }] }),
  component: SuppliersPage,
});

const COLUMNS = [
  column<SupplierRow>(
    "Supplier",
    (s) => (
      <Link to="/suppliers/$supplierId" params={{ supplierId: s.id }}>
        {s.name}
      </Link>
    ),
    { className: "cell-title" },
  ),
  column<SupplierRow>("Contact", (s) => [s.contactName, s.email ?? s.phone].filter(Boolean).join(" · ") || "—"),
  column<SupplierRow>("Orders go by", (s) => (s.channel === "EMAIL" ? "Email" : "Webhook")),
  column<SupplierRow>("Lead time", (s) => `${s.leadTimeDays} days`, { numeric: true }),
  column<SupplierRow>("Products", (s) => s.productCount, { numeric: true }),
];

function SuppliersPage() {
  const { me, trpc } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const { data, isUpdating } = useRouteQuery(suppliersQuery(trpc, me, producerId));
  const canManage = useCan()("purchasing.manage");
  return (
    <div className="page">
      <div className="page-heading">
        <h1>Suppliers</h1>
        <p className="muted">Who you buy from, what they sell you and on what terms. Approved purchase orders reach them by email or a signed webhook.</p>
      </div>
      <Section title="Suppliers" isBusy={isUpdating}>
        <DataTable data={data} columns={COLUMNS} getRowId={(s) => s.id} className="data-table" empty={{ title: "No suppliers yet" }} />
      </Section>
      {canManage && actingProducerId(me, producerId) ? <NewSupplier producerId={scopedProducerId(me, producerId)} /> : null}
    </div>
  );
}

function NewSupplier({ producerId }: { producerId: string | undefined }) {
  const { trpc, queryClient } = useAppContext();
  const [done, setDone] = useState<string | null>(null);
  const [formKey, setFormKey] = useState(0);
  const create = useMutation(trpc.suppliers.create.mutationOptions());
  return (
    <Section title="Add a supplier">
      <SupplierForm
        key={formKey}
        label="Add supplier"
        isPending={create.isPending}
        serverError={create.error}
        done={done}
        onSubmit={(values) =>
          create.mutate(
            { ...supplierInput(values), producerId },
            {
              onSuccess: async (supplier) => {
                setDone(`Added ${supplier.name}.`);
                setFormKey((k) => k + 1);
                await queryClient.invalidateQueries(trpc.suppliers.pathFilter());
              },
            },
          )
        }
      />
    </Section>
  );
}
