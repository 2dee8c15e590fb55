import { zodResolver } from "@hookform/resolvers/zod";
import { placeOrderInput } from "@stockroom/contracts";
import { errorMessage, PageLoading, useServerFieldErrors } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { CartLines } from "../components/cart-lines.tsx";
import { CheckoutDetails, type CheckoutDetailsValues, EMPTY_CHECKOUT_DETAILS } from "../components/checkout-details.tsx";
import { EmptyCart } from "../components/empty-cart.tsx";
import { HoldBanner, useIsHoldLive } from "../components/hold-banner.tsx";
import { OrderSummary } from "../components/order-summary.tsx";
import { ShortStockAlert } from "../components/short-stock-alert.tsx";
import { useCart } from "../lib/cart-store.ts";
import { lineErrors, shortLines } from "../lib/short-lines.ts";
import { useCartHold } from "../lib/use-cart-hold.ts";
import { usePlaceOrder } from "../lib/use-place-order.ts";
import { useRefreshOnActivity } from "../lib/use-refresh-on-activity.ts";

/** Contact and fulfilment, checked by the server's own rules before anything is sent. */
const schema = placeOrderInput.pick({ customer: true, fulfilment: true });

export const Route = createFileRoute("/checkout")({
  head: () => ({ meta: [{ title: "Checkout · Stockroom" }] }),
  component: CheckoutPage,
});

function CheckoutPage() {
  const cart = useCart();
  const holds = useCartHold();
  const isLive = useIsHoldLive(cart.hold);
  const { place, placeOrder } = usePlaceOrder();
  const form = useForm<CheckoutDetailsValues, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema) as never,
    defaultValues: EMPTY_CHECKOUT_DETAILS,
  });
  useServerFieldErrors(form, place.error, {}, true);
  useRefreshOnActivity(holds.refreshIfOlderThan);

  if (cart.lines.length === 0) {
    // Placing an order empties the cart just before the confirmation page opens.
    if (place.isSuccess) return <PageLoading label="Placing your order…" />;
    return (
      <div className="cart-page">
        <div className="page-heading">
          <h1>Checkout</h1>
        </div>
        <EmptyCart />
      </div>
    );
  }

  const placeShort = place.isError ? (shortLines(place.error) ?? []) : [];
  const hasFieldErrors = Object.keys(form.formState.errors).length > 0;
  const submit = form.handleSubmit((details) => void placeOrder(details));

  return (
    <div className="cart-page">
      <div className="page-heading">
        <h1>Checkout</h1>
        <Link to="/cart">Back to cart</Link>
      </div>
      <div className="cart-layout">
        <div className="cart-main">
          <HoldBanner hold={cart.hold} lines={cart.lines} isPending={holds.isPending} onHold={() => void holds.holdCart()} />
          <ShortStockAlert problem={holds.problem} />
          <CartLines
            lines={cart.lines}
            short={holds.problem?.short.length ? holds.problem.short : placeShort}
            lineErrors={holds.problem ? holds.problem.lineErrors : place.isError ? lineErrors(place.error, cart.lines) : {}}
            isBusy={holds.isPending || place.isPending}
            onQuantity={holds.setQuantity}
            onRemove={(productId) => void holds.removeLine(productId)}
          />
          <form id="checkout-details" className="checkout-details" onSubmit={submit} noValidate>
            <CheckoutDetails form={form} productIds={cart.lines.map((line) => line.productId)} />
          </form>
        </div>
        <OrderSummary lines={cart.lines}>
          <div className="place-order">
            {place.isError && !hasFieldErrors ? (
              <p className="form-error" role="alert">
                {errorMessage(place.error)}
              </p>
            ) : null}
            {hasFieldErrors ? (
              <p className="form-error" role="alert">
                Check the details marked above.
              </p>
            ) : null}
            <button type="submit" form="checkout-details" className="button button-block" disabled={!isLive || holds.isPending || place.isPending}>
              {place.isPending ? "Placing your order…" : "Place order"}
            </button>
            {isLive ? null : (
              <p className="muted small">{cart.hold ? "Hold your items again to place the order." : "Reserve your items to place the order."}</p>
            )}
          </div>
        </OrderSummary>
      </div>
    </div>
  );
}
