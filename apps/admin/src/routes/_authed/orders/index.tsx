import { listOrdersShape, type OrderSort, urlSearchSchema } from "@stockroom/contracts";
import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";
import type { z } from "zod";
import { type OrderFilters, OrdersFilters } from "../../../components/orders/orders-filters.tsx";
import { OrdersTable } from "../../../components/orders/orders-table.tsx";
import { Pagination } from "../../../components/pagination.tsx";
import { scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

const PAGE_SIZE = 50;

// Every filter, the sort and the page live in the URL; a hand-edited bad value is dropped, not an error.
const searchSchema = urlSearchSchema(listOrdersShape.omit({ producerId: true, pageSize: true }).shape);
type OrdersSearch = z.infer<typeof searchSchema> & { producerId?: string | undefined };

function ordersQuery(trpc: Trpc, me: Staff, search: OrdersSearch) {
  // A link whose days are the wrong way round keeps its start day (the date inputs never make one).
  const to = search.from && search.to && search.to < search.from ? undefined : search.to;
  return trpc.orders.list.queryOptions({
    producerId: scopedProducerId(me, search.producerId),
    search: search.search || undefined,
    status: search.status,
    fulfilment: search.fulfilment,
    from: search.from,
    to,
    sort: search.sort ?? "placed",
    direction: search.direction ?? "desc",
    page: search.page ?? 1,
    pageSize: PAGE_SIZE,
  });
}

export const Route = createFileRoute("/_authed/orders/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: ({ context: { queryClient, trpc, me }, deps, cause }) => loadQuery(queryClient, cause, ordersQuery(trpc, me, deps)),
  head: () => ({ meta: [{ title: "Orders · Stockroom Admin" }] }),
  component: OrdersPage,
});

function OrdersPage() {
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  // Any change of what is listed starts again at page 1.
  const filter = useCallback(
    (changes: OrderFilters & { sort?: OrderSort; direction?: "asc" | "desc" }, replace = false) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: undefined }), replace, resetScroll: false }),
    [navigate],
  );
  const onSort = (sort: OrderSort) => {
    const isSame = (search.sort ?? "placed") === sort;
    filter({ sort, direction: isSame && (search.direction ?? "desc") === "desc" ? "asc" : "desc" });
  };

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Orders</h1>
        <p className="muted">Find an order by its reference or the customer; open it to move it along, add a note or print its packing slip.</p>
      </div>
      <OrdersFilters value={search} onChange={filter} />
      <OrdersResults search={search} onSort={onSort} />
    </div>
  );
}

function OrdersResults({ search, onSort }: { search: OrdersSearch; onSort: (sort: OrderSort) => void }) {
  const { me, trpc } = Route.useRouteContext();
  const navigate = Route.useNavigate();
  // The rows on screen stay while the next page, search or filter loads (greyed out, aria-busy).
  const { data, isUpdating } = useRouteQuery(ordersQuery(trpc, me, search));
  const onPage = (page: number) => void navigate({ search: (prev) => ({ ...prev, page: page === 1 ? undefined : page }) });
  const isFiltered = Boolean(search.search || search.status || search.fulfilment || search.from || search.to);
  return (
    <section aria-label="Orders" aria-busy={isUpdating} className="results">
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} noun="orders" bottom={false} />
      <OrdersTable orders={data.orders} sort={search.sort ?? "placed"} direction={search.direction ?? "desc"} onSort={onSort} isFiltered={isFiltered} />
      {data.total > data.pageSize ? <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={onPage} noun="orders" bottom /> : null}
    </section>
  );
}
