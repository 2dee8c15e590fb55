import { listCatalogInput, urlSearchSchema } from "@stockroom/contracts";
import { SearchBox } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, useRouterState } from "@tanstack/react-router";
import { useCallback } from "react";
import type { z } from "zod";
import { CatalogControls } from "../components/catalog-controls.tsx";
import { CategorySelect } from "../components/category-select.tsx";
import { Pagination } from "../components/pagination.tsx";
import { ProductCard } from "../components/product-card.tsx";
import type { Trpc } from "../lib/trpc.ts";

const PAGE_SIZE = 12;
/** Availability follows other shoppers' holds: the page asks again this often (only while it is visible). */
const AVAILABILITY_POLL_MS = 5_000;

const searchSchema = urlSearchSchema(listCatalogInput.pick({ search: true, category: true, producer: true, sort: true, hideSoldOut: true, page: true }).shape);

type CatalogSearch = z.infer<typeof searchSchema>;

function catalogQuery(trpc: Trpc, { search, category, producer, sort, hideSoldOut, page }: CatalogSearch) {
  return trpc.catalog.list.queryOptions({
    search: search || undefined,
    category: category || undefined,
    producer: producer || undefined,
    sort: sort ?? "name",
    hideSoldOut: hideSoldOut ?? false,
    page: page ?? 1,
    pageSize: PAGE_SIZE,
  });
}

export const Route = createFileRoute("/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search: { search, category, producer, sort, hideSoldOut, page } }) => ({ search, category, producer, sort, hideSoldOut, page }),
  loader: ({ context: { queryClient, trpc }, deps }) =>
    Promise.all([queryClient.ensureQueryData(catalogQuery(trpc, deps)), queryClient.ensureQueryData(trpc.catalog.producers.queryOptions())]),
  head: () => ({ meta: [{ title: "Shop · Stockroom" }] }),
  component: CatalogPage,
});

function CatalogPage() {
  const { trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data } = useSuspenseQuery({ ...catalogQuery(trpc, search), refetchInterval: AVAILABILITY_POLL_MS });
  const { data: producers } = useSuspenseQuery(trpc.catalog.producers.queryOptions());
  const producerName = producers.find((p) => p.slug === search.producer)?.name;
  const isUpdating = useRouterState({ select: (state) => state.isLoading });
  const pageCount = Math.max(1, Math.ceil(data.total / data.pageSize));

  // A new search or category starts again at page 1.
  const onSearch = useCallback(
    (text: string) => void navigate({ search: (prev) => ({ ...prev, search: text.trim() || undefined, page: undefined }), replace: true }),
    [navigate],
  );
  const onCategory = useCallback((category: string | undefined) => void navigate({ search: (prev) => ({ ...prev, category, page: undefined }) }), [navigate]);
  // Defaults stay out of the URL: "name" and "show sold out" are what a bare link means.
  const onControls = useCallback(
    (change: { producer?: string | undefined; sort?: CatalogSearch["sort"]; hideSoldOut?: boolean }) =>
      void navigate({
        search: (prev) => {
          const next = { ...prev, ...change, page: undefined };
          return { ...next, sort: next.sort === "name" ? undefined : next.sort, hideSoldOut: next.hideSoldOut || undefined };
        },
      }),
    [navigate],
  );

  return (
    <div className="catalog">
      <div className="catalog-heading">
        <h1>{search.category ?? "All products"}</h1>
        <p className="muted" id="catalog-count">
          {data.isTotalCapped ? `${data.total.toLocaleString("en")}+ products` : data.total === 1 ? "1 product" : `${data.total.toLocaleString("en")} products`}
          {producerName ? ` from ${producerName}` : null}
          {search.search ? ` matching “${search.search}”` : null}
        </p>
      </div>
      <div className="catalog-filters">
        <SearchBox label="Search products" placeholder="Search products" value={search.search ?? ""} onSearch={onSearch} />
        <CategorySelect categories={data.categories} value={search.category} onChange={onCategory} />
        <CatalogControls
          producers={producers}
          producer={search.producer}
          sort={search.sort ?? "name"}
          hideSoldOut={search.hideSoldOut ?? false}
          onChange={onControls}
        />
      </div>
      {data.items.length === 0 ? (
        <div className="empty-state">
          <h2>No products found</h2>
          <p className="muted">Try another search, category or producer.</p>
          <Link to="/" search={{}} className="button button-secondary">
            Show all products
          </Link>
        </div>
      ) : (
        <ul className="product-grid" aria-labelledby="catalog-count" aria-busy={isUpdating}>
          {data.items.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      )}
      <Pagination page={data.page} pageCount={pageCount} isOpenEnded={data.isTotalCapped && data.items.length === data.pageSize} />
    </div>
  );
}
