import { listProductsInput, urlSearchSchema } from "@stockroom/contracts";
import { formatMoney, SearchBox } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useCallback } from "react";
import { column } from "../../../components/data-table/columns.tsx";
import { DataTable } from "../../../components/data-table/data-table.tsx";
import { ScanToOpen } from "../../../components/scan/scan-to-open.tsx";
import { SelectFilter } from "../../../components/select-filter.tsx";
import type { ApiOutputs } from "../../../lib/api-types.ts";
import { formatCount } from "../../../lib/format.ts";
import { IfCan } from "../../../lib/permissions.tsx";
import { actingProducerId, scopedProducerId } from "../../../lib/producer-scope.ts";
import { loadQuery } from "../../../lib/route-data.ts";
import type { Staff } from "../../../lib/staff.ts";
import type { Trpc } from "../../../lib/trpc.ts";
import { useRouteQuery } from "../../../lib/use-route-query.ts";

type Row = ApiOutputs["products"]["list"][number];
const searchSchema = urlSearchSchema(listProductsInput.pick({ search: true, category: true, status: true }).shape);
type ProductsSearch = ReturnType<typeof searchSchema.parse> & { producerId?: string | undefined };

const COLUMNS = [
  column<Row>(
    "Picture",
    (product) =>
      product.thumbnail ? (
        <img
          className="thumb"
          src={product.thumbnail.thumbUrl}
          width={48}
          height={Math.round((48 * product.thumbnail.height) / product.thumbnail.width)}
          alt=""
          loading="lazy"
        />
      ) : (
        <span className="thumb thumb-empty" aria-hidden="true" />
      ),
    { className: "cell-thumb", isHeaderHidden: true, isUnlabelled: true },
  ),
  column<Row>(
    "Name",
    (product) => (
      <Link to="/products/$productId" params={{ productId: product.id }}>
        {product.name}
      </Link>
    ),
    { className: "cell-title" },
  ),
  column<Row>("SKU", (product) => product.sku, { className: "sku" }),
  column<Row>("Category", (product) => product.category),
  column<Row>("Price", (product) => formatMoney(product.priceCents), { numeric: true }),
  column<Row>("Tracking", (product) => (product.trackInventory ? "Tracked" : "Not tracked"), { className: "muted" }),
];

function productsQuery(trpc: Trpc, me: Staff, search: ProductsSearch) {
  return trpc.products.list.queryOptions({
    producerId: scopedProducerId(me, search.producerId),
    search: search.search || undefined,
    category: search.category,
    status: search.status ?? "ACTIVE",
    limit: 200,
  });
}

export const Route = createFileRoute("/_authed/products/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => search,
  loader: async ({ context: { queryClient, trpc, me }, deps, cause }) => {
    await Promise.all([
      loadQuery(queryClient, cause, productsQuery(trpc, me, deps)),
      loadQuery(queryClient, cause, trpc.products.categories.queryOptions({ producerId: scopedProducerId(me, deps.producerId) })),
    ]);
  },
  head: () => ({ meta: [{ title: "Products · Stockroom Admin" }] }),
  component: ProductsPage,
});

function ProductsPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: products, isUpdating } = useRouteQuery(productsQuery(trpc, me, search));
  const { data: categories } = useRouteQuery(trpc.products.categories.queryOptions({ producerId: scopedProducerId(me, search.producerId) }));
  const filter = useCallback(
    (changes: Partial<ProductsSearch>, replace = false) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace, resetScroll: false }),
    [navigate],
  );
  const onSearch = useCallback((text: string) => filter({ search: text.trim() || undefined }, true), [filter]);
  const isArchived = search.status === "ARCHIVED";
  const canCreate = Boolean(actingProducerId(me, search.producerId));

  return (
    <div className="page">
      <div className="page-heading page-heading-row">
        <div>
          <h1>Products</h1>
          <p className="muted">Your catalog: names, prices, pictures and stock rules. Archived products are hidden from the shop.</p>
        </div>
        <IfCan permission="catalog.edit">
          {canCreate ? (
            <Link to="/products/new" search={(prev) => ({ producerId: prev.producerId })} className="button">
              New product
            </Link>
          ) : (
            <p className="muted small">Choose a producer to add products.</p>
          )}
        </IfCan>
      </div>
      <div className="toolbar">
        <SearchBox label="Search products" placeholder="Name or SKU" value={search.search ?? ""} onSearch={onSearch} />
        <ScanToOpen me={me} producerId={search.producerId} />
        <SelectFilter
          label="Category"
          allLabel="All categories"
          value={search.category}
          options={categories.map((value) => ({ value, label: value }))}
          onChange={(category) => filter({ category })}
        />
        <SelectFilter
          label="Show"
          allLabel="Active products"
          value={search.status === "ARCHIVED" ? "ARCHIVED" : undefined}
          options={[{ value: "ARCHIVED" as const, label: "Archived" }]}
          onChange={(status) => filter({ status })}
        />
      </div>
      <section aria-label="Products" aria-busy={isUpdating} className="results">
        <p className="result-count">
          {products.length === 1 ? "1 product" : `${formatCount(products.length)} products`}
          {isArchived ? " · archived" : null}
        </p>
        <DataTable
          data={products}
          columns={COLUMNS}
          getRowId={(product) => product.id}
          className="data-table catalog-table"
          empty={{
            title: isArchived ? "No archived products" : "No products",
            children:
              search.search || search.category ? "No products match these filters." : isArchived ? "Archived products appear here." : "Add your first product.",
          }}
        />
      </section>
    </div>
  );
}
