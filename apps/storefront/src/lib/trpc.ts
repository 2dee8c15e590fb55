import { type AppRouter, CART_TOKEN_HEADER, CSRF_HEADER } from "@stockroom/api/client";
import { shouldRetry } from "@stockroom/ui";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpLink, splitLink } from "@trpc/client";
import type { inferRouterInputs } from "@trpc/server";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { cartStore } from "./cart-store.ts";

export type Trpc = TRPCOptionsProxy<AppRouter>;

/** The guest cart's token; cart and order procedures need it (the server keeps only its hash). */
export { CART_TOKEN_HEADER };

type Inputs = inferRouterInputs<AppRouter>;
type ProcedurePath = { [Area in keyof Inputs & string]: `${Area}.${keyof Inputs[Area] & string}` }[keyof Inputs & string];

/**
 * The hot calls go unbatched (`httpLink`): the server answers a plain call without tRPC's
 * fetch-Request round trip (apps/server/src/trpc-http.ts): 1.4x-2x the holds/s of a batch of one in
 * the same run (BENCHMARKS.md). Everything else is batched.
 */
const UNBATCHED: ReadonlySet<string> = new Set<ProcedurePath>(["cart.reserve", "catalog.list", "cart.availability"]);

const fetchWithCookies: typeof fetch = (url, options) => fetch(url, { ...options, credentials: "include" });

/**
 * Calls made for an earlier cart (an order placed with a previous token) pass that token as
 * `trpc: { context: { cartToken } }`; they go unbatched too, so each request carries its own token.
 */
export function withCartToken(cartToken: string) {
  return { trpc: { context: { cartToken } } };
}

/** One query cache and one typed tRPC proxy per app; both travel in the router context. */
export function createTrpc(): { queryClient: QueryClient; trpc: Trpc } {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => typeof op.context.cartToken === "string" || UNBATCHED.has(op.path),
        true: httpLink({
          url: "/trpc",
          headers: ({ op }) => ({
            [CSRF_HEADER]: "1",
            [CART_TOKEN_HEADER]: typeof op.context.cartToken === "string" ? op.context.cartToken : cartStore.get().token,
          }),
          fetch: fetchWithCookies,
        }),
        false: httpBatchLink({
          url: "/trpc",
          // Read at send time: the token changes when an order starts a new cart.
          headers: () => ({ [CSRF_HEADER]: "1", [CART_TOKEN_HEADER]: cartStore.get().token }),
          fetch: fetchWithCookies,
        }),
      }),
    ],
  });
  return { queryClient, trpc: createTRPCOptionsProxy<AppRouter>({ client, queryClient }) };
}
