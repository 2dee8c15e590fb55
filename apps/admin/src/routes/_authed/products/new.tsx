import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { ProductForm } from "../../../components/catalog/product-form.tsx";
import { Section } from "../../../components/section.tsx";
import { actingProducerId, scopedProducerId } from "../../../lib/producer-scope.ts";

export const Route = createFileRoute("/_authed/products/new")({
  loader: ({ context: { queryClient, trpc, me }, location }) => {
    const producerId = scopedProducerId(me, (location.search as { producerId?: string }).producerId);
    return queryClient.ensureQueryData(trpc.products.categories.queryOptions({ producerId }));
  },
  head: () => ({ meta: [{ title: "New product · Stockroom Admin" }] }),
  component: NewProductPage,
});

function NewProductPage() {
  const { me, trpc, queryClient } = Route.useRouteContext();
  const { producerId } = Route.useSearch();
  const navigate = Route.useNavigate();
  const { data: categories } = useSuspenseQuery(trpc.products.categories.queryOptions({ producerId: scopedProducerId(me, producerId) }));
  const create = useMutation(trpc.products.create.mutationOptions());
  const acting = actingProducerId(me, producerId);

  return (
    <div className="page">
      <div className="page-heading">
        <p className="breadcrumb">
          <Link to="/products" search={(prev) => ({ producerId: prev.producerId })}>
            Products
          </Link>
        </p>
        <h1>New product</h1>
        <p className="muted">Pictures can be added once it is saved; stock is received on its inventory page.</p>
      </div>
      <Section title="Details">
        {acting ? (
          <ProductForm
            categories={categories}
            serverError={create.error}
            isPending={create.isPending}
            done={null}
            submitLabel="Create product"
            onSubmit={(values) =>
              create.mutate(
                { ...values, producerId: scopedProducerId(me, producerId) },
                {
                  onSuccess: async (product) => {
                    await queryClient.invalidateQueries(trpc.products.pathFilter());
                    await navigate({ to: "/products/$productId", params: { productId: product.id }, search: (prev) => ({ producerId: prev.producerId }) });
                  },
                },
              )
            }
          />
        ) : (
          <p className="muted">Choose a producer in the header first.</p>
        )}
      </Section>
    </div>
  );
}
