import type { LoadClient } from "./http-client.ts";
import { pick, think } from "./think-time.ts";
import { batched, type Caller, newIdempotencyKey, newToken, unbatched } from "./trpc-calls.ts";

const SEARCHES = ["basil", "cedar", "honey", "maple 12", "olive", "pepper", "juniper kale", "lemon"];
const SORTS = ["name", "price-asc", "price-desc", "newest"] as const;
/** Share of shoppers with a hold who place the order; the others abandon it and let it lapse. */
export const PLACE_SHARE = 0.6;

interface CatalogItem {
  id: string;
  slug: string;
}

/** The storefront catalog query as the home page builds it (page size 12, defaults spelled out). */
const catalogInput = (extra: { search?: string; sort?: string; page?: number; category?: string }) => ({
  search: extra.search,
  category: extra.category,
  sort: extra.sort ?? "name",
  hideSoldOut: false,
  page: extra.page ?? 1,
  pageSize: 12,
});

const CUSTOMER = (n: string) => ({
  customer: { name: `Load Shopper ${n}`, email: `shopper-${n}@load.test`, phone: "+44 7700 900123" },
  fulfilment: { method: "DELIVERY", address: { line1: "1 Bench Street", city: "London", postcode: "SW1A 1AA", country: "GB" } },
});

/**
 * One shopper's visit, step by step with think times: home (catalog + producers), search or browse,
 * one to three product pages, the cart (availability), proceed to checkout (the hold), checkout
 * (collection points), then place the order (60 %) or abandon the hold to lapse (40 %), and the
 * order page. Each step sends what the storefront sends for it.
 */
export async function shopperVisit(client: LoadClient, signal: AbortSignal): Promise<void> {
  const caller: Caller = { cartToken: newToken() };
  const [home] = await Promise.all([
    client.send("catalog.list", unbatched(caller, "query", { path: "catalog.list", input: catalogInput({}) })),
    client.send("catalog.producers", batched(caller, "query", [{ path: "catalog.producers" }])),
  ]);
  let items = (home.data[0] as { items?: CatalogItem[] } | null)?.items ?? [];
  if (!(await think(signal))) return;

  const browse = Math.random() < 0.6;
  const input = browse ? catalogInput({ sort: pick(SORTS), page: 1 + Math.floor(Math.random() * 30) }) : catalogInput({ search: pick(SEARCHES) });
  const list = await client.send(browse ? "catalog.list" : "catalog.search", unbatched(caller, "query", { path: "catalog.list", input }));
  const found = (list.data[0] as { items?: CatalogItem[] } | null)?.items ?? [];
  if (found.length > 0) items = found;
  if (items.length === 0 || !(await think(signal))) return;

  const cart = new Map<string, number>();
  const pages = 1 + Math.floor(Math.random() * 3);
  for (let n = 0; n < pages; n++) {
    const item = pick(items);
    await client.send("catalog.product", batched(caller, "query", [{ path: "catalog.product", input: { slug: item.slug } }]));
    if (Math.random() < 0.7 && cart.size < 2) cart.set(item.id, 1 + Math.floor(Math.random() * 3));
    if (!(await think(signal))) return;
  }
  if (cart.size === 0) return;

  const productIds = [...cart.keys()];
  const lines = [...cart].map(([productId, quantity]) => ({ productId, quantity }));
  await client.send("cart.availability", unbatched(caller, "query", { path: "cart.availability", input: { productIds } }));
  if (!(await think(signal))) return;

  const hold = await client.send("cart.reserve", unbatched(caller, "mutation", { path: "cart.reserve", input: { lines } }));
  if (hold.errorCodes.length > 0) return; // short stock: the shopper gives up
  await client.send("orders.collectionPoints", batched(caller, "query", [{ path: "orders.collectionPoints", input: { productIds } }]));
  if (!(await think(signal)) || Math.random() >= PLACE_SHARE) return; // abandoned: the hold lapses

  const order = { lines, ...CUSTOMER(caller.cartToken?.slice(0, 8) ?? "x"), idempotencyKey: newIdempotencyKey() };
  const placed = await client.send("orders.place", batched(caller, "mutation", [{ path: "orders.place", input: order }]));
  const orders = (placed.data[0] as { orders?: { orderId: string }[] } | null)?.orders ?? [];
  // The confirmation page asks for each order with the token that placed it (unbatched: its own token).
  for (let view = 0; view < 2 && orders.length > 0; view++) {
    await Promise.all(orders.map((o) => client.send("orders.mine", unbatched(caller, "query", { path: "orders.mine", input: { orderId: o.orderId } }))));
    if (!(await think(signal))) return;
  }
}
