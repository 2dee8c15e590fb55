import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useMemo } from "react";
import { CartLines } from "../components/cart-lines.tsx";
import { EmptyCart } from "../components/empty-cart.tsx";
import { HoldBanner, useIsHoldLive } from "../components/hold-banner.tsx";
import { OrderSummary } from "../components/order-summary.tsx";
import { ShortStockAlert } from "../components/short-stock-alert.tsx";
import { lineCap } from "../lib/cart-limit.ts";
import { cartStore, useCart } from "../lib/cart-store.ts";
import type { Trpc } from "../lib/trpc.ts";
import { useCartHold } from "../lib/use-cart-hold.ts";

/** How often availability is asked again while the cart is open. */
const AVAILABILITY_POLL_MS = 5_000;

function availabilityQuery(trpc: Trpc, productIds: string[]) {
  return trpc.cart.availability.queryOptions({ productIds });
}

export const Route = createFileRoute("/cart")({
  loader: ({ context: { queryClient, trpc } }) => {
    const productIds = cartStore.get().lines.map((line) => line.productId);
    // Optional data (hints next to lines): start it, do not wait for it.
    if (productIds.length > 0) void queryClient.prefetchQuery(availabilityQuery(trpc, productIds));
  },
  head: () => ({ meta: [{ title: "Cart · Stockroom" }] }),
  component: CartPage,
});

function CartPage() {
  const { trpc } = Route.useRouteContext();
  const navigate = Route.useNavigate();
  const cart = useCart();
  const holds = useCartHold();
  const isLive = useIsHoldLive(cart.hold);
  const productIds = useMemo(() => cart.lines.map((line) => line.productId), [cart.lines]);
  const { data: availability } = useQuery({
    ...availabilityQuery(trpc, productIds),
    enabled: productIds.length > 0 && !isLive,
    refetchInterval: AVAILABILITY_POLL_MS,
    placeholderData: keepPreviousData,
  });
  const availableById = useMemo(() => new Map(availability?.map((a) => [a.productId, a.available])), [availability]);
  // While a hold is live its units are this cart's, not "available": only the limit per order caps then.
  const caps = useMemo(
    () =>
      new Map(
        cart.lines.map((line) => [
          line.productId,
          lineCap({ available: isLive ? undefined : availableById.get(line.productId), maxPerOrder: line.maxPerOrder }),
        ]),
      ),
    [cart.lines, availableById, isLive],
  );

  const proceed = async () => {
    if (await holds.holdCart()) await navigate({ to: "/checkout" });
  };

  return (
    <div className="cart-page">
      <div className="page-heading">
        <h1>Your cart</h1>
        <Link to="/">Continue shopping</Link>
      </div>
      {cart.lines.length === 0 ? (
        <EmptyCart />
      ) : (
        <div className="cart-layout">
          <div className="cart-main">
            {isLive ? <HoldBanner hold={cart.hold} lines={cart.lines} isPending={holds.isPending} onHold={() => void holds.holdCart()} /> : null}
            <ShortStockAlert problem={holds.problem} />
            <CartLines
              lines={cart.lines}
              short={holds.problem?.short ?? []}
              lineErrors={holds.problem?.lineErrors}
              availability={isLive ? undefined : availableById}
              caps={caps}
              isBusy={holds.isPending}
              onQuantity={holds.setQuantity}
              onRemove={(productId) => void holds.removeLine(productId)}
            />
          </div>
          <OrderSummary lines={cart.lines}>
            <button type="button" className="button button-block" disabled={holds.isPending} onClick={() => void proceed()}>
              {holds.isPending ? "Reserving your items…" : "Proceed to checkout"}
            </button>
          </OrderSummary>
        </div>
      )}
    </div>
  );
}
