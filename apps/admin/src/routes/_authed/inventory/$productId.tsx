import { formatMoney, isNotFound } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { z } from "zod";
import { Badge } from "../../../components/badges.tsx";
import { LotHistory, LotsTable } from "../../../components/lots-table.tsx";
import { MovementHistory } from "../../../components/movement-history.tsx";
import { Section } from "../../../components/section.tsx";
import { StatCard, StatGrid } from "../../../components/stat-card.tsx";
import { type StockAction, StockActions } from "../../../components/stock-actions.tsx";
import { formatCount } from "../../../lib/format.ts";
import { movementsQuery } from "../../../lib/shared-queries.ts";

const ACTIONS = ["receive", "adjust", "writeOff", "move", "settings"] as const;

const searchSchema = z.object({
  /** The open stock form, and the lot it acts on: a lot's "Adjust" button links straight to it. */
  action: z.enum(ACTIONS).optional().catch(undefined),
  lotId: z.uuid().optional().catch(undefined),
});

export const Route = createFileRoute("/_authed/inventory/$productId")({
  validateSearch: searchSchema,
  loader: async ({ context: { queryClient, trpc }, params: { productId } }) => {
    if (!z.uuid().safeParse(productId).success) throw notFound();
    try {
      const detail = await queryClient.ensureQueryData(trpc.reports.product.queryOptions({ productId }));
      await Promise.all([
        queryClient.ensureQueryData(trpc.locations.list.queryOptions({ producerId: detail.product.producerId })),
        queryClient.ensureInfiniteQueryData(movementsQuery(trpc, productId)),
      ]);
      return { name: detail.product.name };
    } catch (error) {
      // Another producer's product looks exactly like a missing one.
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.name ?? "Product"} · Stockroom Admin` }] }),
  notFoundComponent: ProductNotFound,
  component: ProductPage,
});

function ProductNotFound() {
  return (
    <div className="notice-page">
      <h1>Product not found</h1>
      <p>There is no product at this address that you can see. It may belong to another producer, or the link may be wrong.</p>
      <Link to="/inventory" className="button">
        Back to inventory
      </Link>
    </div>
  );
}

function ProductPage() {
  const { trpc } = Route.useRouteContext();
  const { productId } = Route.useParams();
  const search = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data } = useSuspenseQuery(trpc.reports.product.queryOptions({ productId }));
  const { data: locations } = useSuspenseQuery(trpc.locations.list.queryOptions({ producerId: data.product.producerId }));
  const { product, lots } = data;
  const onHand = lots.reduce((sum, lot) => sum + lot.onHand, 0);
  const reserved = lots.reduce((sum, lot) => sum + lot.reserved, 0);
  const { isLow } = data;

  const openAction = (action: StockAction, lotId?: string) => {
    void navigate({ search: (prev) => ({ ...prev, action, lotId }), replace: true, resetScroll: false }).then(() => {
      document.getElementById("stock-actions")?.scrollIntoView({ behavior: "smooth", block: "start" });
    });
  };

  return (
    <div className="page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/inventory">Inventory</Link>
        <span aria-hidden="true">/</span>
        <span aria-current="page">{product.name}</span>
      </nav>
      <div className="page-heading">
        <h1>{product.name}</h1>
        <p className="muted product-meta">
          <span className="sku">{product.sku}</span> · {product.category}
          {product.barcode ? ` · Barcode ${product.barcode}` : null} ·{" "}
          {product.trackInventory ? <Badge tone="accent">Tracked</Badge> : <Badge>Not tracked</Badge>} ·{" "}
          <Link to="/products/$productId" params={{ productId }}>
            Details and pictures
          </Link>
        </p>
      </div>
      <StatGrid label="Stock of this product">
        <StatCard
          label="Available"
          value={data.available === null ? "Unlimited" : formatCount(data.available)}
          detail={isLow ? "below minimum" : "to sell now"}
          tone={data.available === 0 && product.trackInventory ? "danger" : isLow ? "warning" : undefined}
        />
        <StatCard label="On hand" value={formatCount(onHand)} detail={`${formatCount(reserved)} reserved`} />
        <StatCard
          label="Incoming"
          value={formatCount(data.incoming)}
          detail={data.incomingOrders.length > 0 ? `on ${data.incomingOrders.map((o) => o.reference).join(", ")}` : "nothing on order"}
        />
        <StatCard label="Minimum level" value={formatCount(product.minStockLevel)} detail={`lead time ${product.leadTimeDays} days`} />
        <StatCard
          label="Price"
          value={formatMoney(product.priceCents)}
          detail={product.unitCostCents === null ? "selling price" : `cost ${formatMoney(product.unitCostCents)}`}
        />
      </StatGrid>
      <Section title="Lots" description="First to expire first (FEFO). Expired lots stay here until they are written off.">
        <LotsTable lots={lots.filter((lot) => lot.onHand > 0)} onAction={openAction} hasHistory={lots.some((lot) => lot.onHand === 0)} />
        <LotHistory lots={lots.filter((lot) => lot.onHand === 0)} onAction={openAction} />
      </Section>
      <StockActions
        action={search.action ?? "receive"}
        lotId={search.lotId}
        product={product}
        lots={lots}
        locations={locations.filter((location) => location.producerId === product.producerId)}
        onSelect={(action) => void navigate({ search: (prev) => ({ ...prev, action, lotId: undefined }), replace: true, resetScroll: false })}
      />
      <MovementHistory productId={productId} />
    </div>
  );
}
