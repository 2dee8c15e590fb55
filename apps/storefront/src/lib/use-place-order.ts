import type { CustomerContact, Fulfilment } from "@stockroom/contracts";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { cartStore, setPlaceAttempt, startNewCart } from "./cart-store.ts";
import { rememberOrders } from "./order-history.ts";
import { newIdempotencyKey } from "./random-token.ts";
import { useAppContext } from "./use-app-context.ts";
import { toOrderLines } from "./use-cart-hold.ts";

/**
 * orders.place with an idempotency key that survives a retry (and a reload) of the same request, so
 * a lost response never places the order twice. Afterwards the orders are remembered with the token
 * that placed them, and a new cart (new token) begins.
 */
export function usePlaceOrder() {
  const { queryClient, trpc } = useAppContext();
  const navigate = useNavigate();
  const place = useMutation(trpc.orders.place.mutationOptions());

  /** False when the server refused (the reason is in `place.error`). */
  const placeOrder = async (details: { customer: CustomerContact; fulfilment: Fulfilment }): Promise<boolean> => {
    const cart = cartStore.get();
    const request = { lines: toOrderLines(cart.lines), ...details };
    const requestText = JSON.stringify(request);
    const idempotencyKey = cart.placeAttempt?.request === requestText ? cart.placeAttempt.key : newIdempotencyKey();
    setPlaceAttempt({ key: idempotencyKey, request: requestText });

    let orders: Awaited<ReturnType<typeof place.mutateAsync>>["orders"];
    try {
      ({ orders } = await place.mutateAsync({ ...request, idempotencyKey }));
    } catch {
      return false;
    }
    const producers = Object.fromEntries(cart.lines.map((line) => [line.productId, line.producerName]));
    const placedAt = new Date().toISOString();
    rememberOrders(
      orders.map((order) => ({ orderId: order.orderId, number: order.number, reference: order.reference, token: cart.token, placedAt, producers })),
    );
    startNewCart();
    void queryClient.invalidateQueries(trpc.catalog.list.pathFilter());
    await navigate({ to: "/order-confirmation", search: { orders: orders.map((order) => order.orderId).join(",") } });
    return true;
  };

  return { place, placeOrder };
}
