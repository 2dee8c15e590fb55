import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, useRouterState } from "@tanstack/react-router";
import { useCallback } from "react";
import { z } from "zod";
import { ProducerSwitcher } from "../../components/producer-switcher.tsx";
import { ProductsTable } from "../../components/products-table.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { isPlatformAdmin, type Staff } from "../../lib/staff.ts";
import type { Trpc } from "../../lib/trpc.ts";

const searchSchema = z.object({
  search: z.string().trim().max(100).optional().catch(undefined),
  producerId: z.uuid().optional().catch(undefined),
});

type DashboardSearch = z.infer<typeof searchSchema>;

/** Producer staff are always scoped to their own producer by the server; only platform admins choose. */
function productsQuery(trpc: Trpc, me: Staff, { search, producerId }: DashboardSearch) {
  return trpc.products.list.queryOptions({
    search: search || undefined,
    producerId: isPlatformAdmin(me) ? producerId : undefined,
    limit: 200,
  });
}

export const Route = createFileRoute("/_authed/")({
  validateSearch: searchSchema,
  loaderDeps: ({ search }) => ({ search: search.search, producerId: search.producerId }),
  loader: async ({ context: { queryClient, trpc, me }, deps }) => {
    await Promise.all([
      queryClient.ensureQueryData(productsQuery(trpc, me, deps)),
      isPlatformAdmin(me) ? queryClient.ensureQueryData(trpc.producers.list.queryOptions()) : null,
    ]);
  },
  head: () => ({ meta: [{ title: "Products · Stockroom Admin" }] }),
  component: DashboardPage,
});

function DashboardPage() {
  const { me } = Route.useRouteContext();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();

  const onSearch = useCallback(
    (text: string) => void navigate({ search: (prev) => ({ ...prev, search: text.trim() || undefined }), replace: true }),
    [navigate],
  );
  const onProducerChange = useCallback((producerId: string | undefined) => void navigate({ search: (prev) => ({ ...prev, producerId }) }), [navigate]);

  return (
    <div className="page">
      <div className="page-heading">
        <div>
          <h1>Products</h1>
          <p className="muted">{isPlatformAdmin(me) ? "Every product on the platform, by producer." : "Your catalogue: prices, costs and stock rules."}</p>
        </div>
      </div>
      <div className="toolbar">
        <SearchBox label="Search products" placeholder="Search by name or SKU" value={search.search ?? ""} onSearch={onSearch} />
        {isPlatformAdmin(me) ? <ProducerSelect value={search.producerId} onChange={onProducerChange} /> : null}
      </div>
      <ProductsSection me={me} search={search} />
    </div>
  );
}

function ProducerSelect({ value, onChange }: { value: string | undefined; onChange: (producerId: string | undefined) => void }) {
  const { trpc } = Route.useRouteContext();
  const { data: producers } = useSuspenseQuery(trpc.producers.list.queryOptions());
  return <ProducerSwitcher producers={producers} value={value} onChange={onChange} />;
}

function ProductsSection({ me, search }: { me: Staff; search: DashboardSearch }) {
  const { trpc } = Route.useRouteContext();
  const { data: products } = useSuspenseQuery(productsQuery(trpc, me, search));
  const isUpdating = useRouterState({ select: (state) => state.isLoading });
  const showProducer = isPlatformAdmin(me) && !search.producerId;

  return (
    <section aria-labelledby="products-count" aria-busy={isUpdating}>
      <p id="products-count" className="result-count">
        {products.length === 1 ? "1 product" : `${products.length} products`}
        {search.search ? ` matching “${search.search}”` : null}
        {!showProducer && products[0] ? ` · ${products[0].producerName}` : null}
      </p>
      {products.length === 0 ? (
        <div className="empty-state">
          <h2>No products found</h2>
          <p className="muted">{search.search ? "Try a different name or SKU." : "This producer has no products yet."}</p>
        </div>
      ) : (
        <ProductsTable products={products} showProducer={showProducer} />
      )}
    </section>
  );
}
