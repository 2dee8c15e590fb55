import type { Trpc } from "./trpc.ts";

// Query options that a route's loader and a component both use. They live here, not in the
// component's file: a loader stays in the app's entry chunk (only route components are split), so a
// loader importing from a component file drags that component, and its table code, into every page.

/** Every open alert of the scope (the server's maximum; one per product below its minimum at most). */
export function lowStockQuery(trpc: Trpc, producerId: string | undefined) {
  return trpc.alerts.lowStock.queryOptions({ producerId, limit: 500 });
}

const MOVEMENTS_PAGE_SIZE = 20;

/** The product's ledger, newest first, a page at a time (keyset cursor). */
export function movementsQuery(trpc: Trpc, productId: string) {
  return trpc.stock.movements.infiniteQueryOptions({ productId, limit: MOVEMENTS_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor ?? undefined });
}
