import { zodResolver } from "@hookform/resolvers/zod";
import { placeOrderInput } from "@stockroom/contracts";
import { errorMessage, FormField, fieldMessage, PageLoading, useServerFieldErrors } from "@stockroom/ui";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { CartLines } from "../components/cart-lines.tsx";
import { EmptyCart } from "../components/empty-cart.tsx";
import { HoldBanner, useIsHoldLive } from "../components/hold-banner.tsx";
import { OrderSummary } from "../components/order-summary.tsx";
import { ShortStockAlert } from "../components/short-stock-alert.tsx";
import { useCart } from "../lib/cart-store.ts";
import { lineErrors, shortLines } from "../lib/short-lines.ts";
import { useCartHold } from "../lib/use-cart-hold.ts";
import { usePlaceOrder } from "../lib/use-place-order.ts";
import { useRefreshOnActivity } from "../lib/use-refresh-on-activity.ts";

/** The optional email for order updates, checked by the server's own rule (empty means none). */
const schema = z.object({
  customerEmail: z
    .string()
    .trim()
    .transform((email) => email || undefined)
    .pipe(placeOrderInput.shape.customerEmail),
});

export const Route = createFileRoute("/checkout")({
  head: () => ({ meta: [{ title: "Checkout · Stockroom" }] }),
  component: CheckoutPage,
});

function CheckoutPage() {
  const cart = useCart();
  const holds = useCartHold();
  const isLive = useIsHoldLive(cart.hold);
  const { place, placeOrder } = usePlaceOrder();
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { customerEmail: "" } });
  useServerFieldErrors(form, place.error);
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
  const emailError = fieldMessage(form.formState.errors, "customerEmail");
  const submit = form.handleSubmit(({ customerEmail }) => void placeOrder(customerEmail));

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
        </div>
        <OrderSummary lines={cart.lines}>
          <form className="place-order" onSubmit={submit} noValidate>
            <FormField form={form} name="customerEmail" label="Email for order updates (optional)">
              {(props) => <input {...props} type="email" autoComplete="email" />}
            </FormField>
            {place.isError && !emailError ? (
              <p className="form-error" role="alert">
                {errorMessage(place.error)}
              </p>
            ) : null}
            <button type="submit" className="button button-block" disabled={!isLive || holds.isPending || place.isPending}>
              {place.isPending ? "Placing your order…" : "Place order"}
            </button>
            {isLive ? null : (
              <p className="muted small">{cart.hold ? "Hold your items again to place the order." : "Reserve your items to place the order."}</p>
            )}
          </form>
        </OrderSummary>
      </div>
    </div>
  );
}
