import { formatMoney, isNotFound } from "@stockroom/ui";
import { useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { AddToCart } from "../../components/add-to-cart.tsx";
import { ProductGallery } from "../../components/product-gallery.tsx";
import { ProductStock } from "../../components/product-stock.tsx";
import type { Trpc } from "../../lib/trpc.ts";

/** Availability follows other shoppers' holds: asked again this often while the page is visible. */
const AVAILABILITY_POLL_MS = 5_000;

const productQuery = (trpc: Trpc, slug: string) => trpc.catalog.product.queryOptions({ slug });

export const Route = createFileRoute("/products/$slug")({
  loader: async ({ context: { queryClient, trpc }, params }) => {
    try {
      return await queryClient.ensureQueryData(productQuery(trpc, params.slug));
    } catch (error) {
      // An unknown or archived product: the shop's "page not found".
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.name ?? "Product"} · Stockroom` }] }),
  component: ProductPage,
});

function ProductPage() {
  const { trpc } = Route.useRouteContext();
  const { slug } = Route.useParams();
  const { data: product } = useSuspenseQuery({ ...productQuery(trpc, slug), refetchInterval: AVAILABILITY_POLL_MS });
  return (
    <div className="product-page">
      <nav className="breadcrumbs" aria-label="Breadcrumb">
        <Link to="/">Shop</Link>
        <span aria-hidden="true">/</span>
        <Link to="/" search={{ category: product.category }}>
          {product.category}
        </Link>
      </nav>
      <div className="product-layout">
        <ProductGallery name={product.name} category={product.category} images={product.images} />
        <section className="product-details" aria-labelledby="product-name">
          <h1 id="product-name">{product.name}</h1>
          <p className="product-page-producer">
            by{" "}
            <Link to="/" search={{ producer: product.producerSlug }}>
              {product.producerName}
            </Link>
          </p>
          <p className="product-page-price">{formatMoney(product.priceCents)}</p>
          <ProductStock available={product.available} earliestUseBy={product.earliestUseBy} />
          <AddToCart
            withQuantity
            item={{
              id: product.id,
              name: product.name,
              producerName: product.producerName,
              priceCents: product.priceCents,
              thumbUrl: product.images[0]?.thumbUrl ?? null,
              available: product.available,
              maxPerOrder: product.maxPerOrder,
            }}
          />
          {product.description ? (
            <div className="product-description">
              <h2>About this product</h2>
              <p>{product.description}</p>
            </div>
          ) : null}
        </section>
      </div>
    </div>
  );
}
