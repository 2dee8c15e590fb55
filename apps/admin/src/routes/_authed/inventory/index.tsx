import { INVENTORY_STATUSES, type InventorySort, listInventoryInput, urlSearchSchema } from "@stockroom/contracts";
import { SearchBox } from "@stockroom/ui";
import { createFileRoute } from "@tanstack/react-router";
import { useCallback } from "react";
import { z } from "zod";
import { INVENTORY_STATUS_LABELS } from "../../../components/badges.tsx";
import { InventoryLegend, InventoryTable } from "../../../components/inventory-table.tsx";
import { Pagination } from "../../../components/pagination.tsx";
import { SelectFilter } from "../../../components/select-filter.tsx";
import { scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import { isPlatformAdmin, type Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

const PAGE_SIZES = [25, 50, 100, 200, 500] as const;
const DEFAULT_PAGE_SIZE = 200;

const searchSchema = urlSearchSchema(listInventoryInput.omit({ producerId: true, pageSize: true }).shape).extend({
  pageSize: z
    .number()
    .int()
    .refine((size) => (PAGE_SIZES as readonly number[]).includes(size))
    .optional()
    .catch(undefined),
});

type InventorySearch = z.infer<typeof searchSchema> & { producerId?: string | undefined };

function inventoryQuery(trpc: Trpc, me: Staff, search: InventorySearch) {
  return trpc.reports.inventory.queryOptions({
    producerId: scopedProducerId(me, search.producerId),
    search: search.search || undefined,
    category: search.category,
    locationId: search.locationId,
    status: search.status,
    sort: search.sort ?? "name",
    direction: search.direction ?? "asc",
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
    // Set by "Next": the rows after the last one shown (a keyset: as quick on page 1,000 as on page 2).
    cursor: search.cursor,
  });
}

/** Categories to filter by: every category the producer's products use. */
function categoriesQuery(trpc: Trpc, me: Staff, producerId: string | undefined) {
  return trpc.products.categories.queryOptions({ producerId: scopedProducerId(me, producerId) });
}

/** The inventory per lot (or its products, in the import's columns) as CSV, with the list's current filters; streamed by the server. */
function exportHref(what: "lots" | "products", producerId: string | undefined, search: InventorySearch): string {
  const filters = { producerId, search: search.search || undefined, category: search.category, locationId: search.locationId, status: search.status };
  const query = new URLSearchParams(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return `/api/exports/${what}.csv?${query}`;
}

export const Route = createFileRoute("/_authed/inventory/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient, trpc, me }, deps, cause }) => {
    await Promise.all([
      loadQuery(queryClient, cause, inventoryQuery(trpc, me, deps)),
      loadQuery(queryClient, cause, trpc.locations.list.queryOptions({ producerId: scopedProducerId(me, deps.producerId) })),
      loadQuery(queryClient, cause, categoriesQuery(trpc, me, deps.producerId)),
    ]);
  },
  head: () => ({ meta: [{ title: "Inventory · Stockroom Admin" }] }),
  component: InventoryPage,
});

function InventoryPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: locations } = useRouteQuery(trpc.locations.list.queryOptions({ producerId: scopedProducerId(me, search.producerId) }));
  const { data: known } = useRouteQuery(categoriesQuery(trpc, me, search.producerId));
  const categories = [...known];
  if (search.category && !categories.includes(search.category)) categories.push(search.category);

  // Any change of what is listed starts again at page 1.
  const filter = useCallback(
    (changes: Partial<InventorySearch>, replace = false) =>
      void navigate({ search: (prev) => ({ ...prev, ...changes, page: undefined, cursor: undefined }), replace, resetScroll: false }),
    [navigate],
  );
  const onSearch = useCallback((text: string) => filter({ search: text.trim() || undefined }, true), [filter]);
  const onSort = (sort: InventorySort) =>
    filter({ sort, direction: (search.sort ?? "name") === sort && (search.direction ?? "asc") === "asc" ? "desc" : "asc" });

  return (
    <div className="page">
      <div className="page-heading page-heading-row">
        <div>
          <h1>Inventory</h1>
          <p className="muted">Stock on hand, reserved and available for every product, with its status and value at cost.</p>
        </div>
        <div className="button-row">
          <a className="button button-secondary" href={exportHref("products", scopedProducerId(me, search.producerId), search)} download>
            Export products
          </a>
          <a className="button button-secondary" href={exportHref("lots", scopedProducerId(me, search.producerId), search)} download>
            Export CSV
          </a>
        </div>
      </div>
      <div className="toolbar">
        <SearchBox label="Search inventory" placeholder="Name, SKU, barcode or lot number" value={search.search ?? ""} onSearch={onSearch} />
        <SelectFilter
          label="Category"
          allLabel="All categories"
          value={search.category}
          options={categories.map((value) => ({ value, label: value }))}
          onChange={(category) => filter({ category })}
        />
        <SelectFilter
          label="Location"
          allLabel="All locations"
          value={search.locationId}
          options={locations.map((location) => ({ value: location.id, label: location.isSellable ? location.name : `${location.name} (not sellable)` }))}
          onChange={(locationId) => filter({ locationId })}
        />
        <SelectFilter
          label="Status"
          allLabel="Any status"
          value={search.status}
          options={INVENTORY_STATUSES.map((value) => ({ value, label: INVENTORY_STATUS_LABELS[value] }))}
          onChange={(status) => filter({ status })}
        />
      </div>
      <InventoryResults search={search} onSort={onSort} />
    </div>
  );
}

function InventoryResults({ search, onSort }: { search: InventorySearch; onSort: (sort: InventorySort) => void }) {
  const { me, trpc } = Route.useRouteContext();
  const navigate = Route.useNavigate();
  // The rows on screen stay while the next page, search or filter loads (greyed out, aria-busy).
  const { data, isUpdating } = useRouteQuery(inventoryQuery(trpc, me, search));
  const pageSize = search.pageSize ?? DEFAULT_PAGE_SIZE;
  // The next page continues from this one's last row (its cursor); any other page is counted from the start.
  const onPage = (page: number) =>
    void navigate({
      search: (prev) => ({
        ...prev,
        page: page === 1 ? undefined : page,
        cursor: page === data.page + 1 && data.nextCursor ? data.nextCursor : undefined,
      }),
    });

  return (
    <section aria-label="Inventory results" aria-busy={isUpdating} className="results">
      <Pagination
        page={data.page}
        pageSize={pageSize}
        total={data.total}
        pageSizes={PAGE_SIZES}
        onPage={onPage}
        onPageSize={(size) =>
          void navigate({ search: (prev) => ({ ...prev, pageSize: size === DEFAULT_PAGE_SIZE ? undefined : size, page: undefined, cursor: undefined }) })
        }
      />
      <InventoryLegend />
      <InventoryTable
        items={data.items}
        showProducer={isPlatformAdmin(me) && !search.producerId}
        sort={search.sort ?? "name"}
        direction={search.direction ?? "asc"}
        onSort={onSort}
        emptyMessage={search.search || search.category || search.locationId || search.status ? "No products match these filters." : "No products yet."}
      />
      {data.total > pageSize ? <Pagination page={data.page} pageSize={pageSize} total={data.total} onPage={onPage} /> : null}
    </section>
  );
}
