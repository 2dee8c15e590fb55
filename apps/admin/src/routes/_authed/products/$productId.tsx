import { isNotFound } from "@stockroom/ui";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link, notFound } from "@tanstack/react-router";
import { useState } from "react";
import { z } from "zod";
import { ProductActions } from "../../../components/catalog/product-actions.tsx";
import { ProductForm } from "../../../components/catalog/product-form.tsx";
import { ProductImages } from "../../../components/catalog/product-images.tsx";
import { Section } from "../../../components/section.tsx";
import { useCan } from "../../../lib/permissions.tsx";

export const Route = createFileRoute("/_authed/products/$productId")({
  loader: async ({ context: { queryClient, trpc }, params: { productId } }) => {
    if (!z.uuid().safeParse(productId).success) throw notFound();
    try {
      const product = await queryClient.ensureQueryData(trpc.products.get.queryOptions({ productId }));
      await queryClient.ensureQueryData(trpc.products.categories.queryOptions({ producerId: product.producerId }));
      return { name: product.name };
    } catch (error) {
      // Another producer's product looks exactly like a missing one.
      if (isNotFound(error)) throw notFound();
      throw error;
    }
  },
  head: ({ loaderData }) => ({ meta: [{ title: `${loaderData?.name ?? "Product"} · Stockroom Admin` }] }),
  notFoundComponent: () => (
    <div className="notice-page">
      <h1>Product not found</h1>
      <p>There is no product at this address that you can see.</p>
      <Link to="/products" className="button">
        Back to products
      </Link>
    </div>
  ),
  component: EditProductPage,
});

function EditProductPage() {
  const { trpc, queryClient } = Route.useRouteContext();
  const { productId } = Route.useParams();
  const { data: product } = useSuspenseQuery(trpc.products.get.queryOptions({ productId }));
  const { data: categories } = useSuspenseQuery(trpc.products.categories.queryOptions({ producerId: product.producerId }));
  const canEdit = useCan()("catalog.edit");
  const [done, setDone] = useState<string | null>(null);
  const update = useMutation(trpc.products.update.mutationOptions());

  return (
    <div className="page">
      <div className="page-heading page-heading-row">
        <div>
          <p className="breadcrumb">
            <Link to="/products" search={(prev) => ({ producerId: prev.producerId })}>
              Products
            </Link>
          </p>
          <h1>
            {product.name} {product.archivedAt ? <span className="badge">Archived</span> : null}
          </h1>
          <p className="muted">
            SKU {product.sku} ·{" "}
            <Link to="/inventory/$productId" params={{ productId }}>
              Stock and history
            </Link>
          </p>
        </div>
        {canEdit ? <ProductActions product={product} /> : null}
      </div>
      <Section title="Pictures" description="The first picture is the one the shop shows in lists.">
        <ProductImages product={product} />
      </Section>
      <Section title="Details">
        <ProductForm
          key={product.id}
          product={product}
          categories={categories}
          serverError={update.error}
          isPending={update.isPending}
          done={done}
          submitLabel="Save product"
          onSubmit={(values) => {
            setDone(null);
            update.mutate(
              { productId, ...values },
              {
                onSuccess: async () => {
                  setDone("Saved.");
                  await Promise.all([queryClient.invalidateQueries(trpc.products.pathFilter()), queryClient.invalidateQueries(trpc.reports.pathFilter())]);
                },
              },
            );
          }}
        />
      </Section>
    </div>
  );
}
