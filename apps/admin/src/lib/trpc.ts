import { type AppRouter, CSRF_HEADER } from "@stockroom/api/client";
import { shouldRetry } from "@stockroom/ui";
import { QueryClient } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";

export type Trpc = TRPCOptionsProxy<AppRouter>;
/** The plain client, for calls made outside React Query (the offline outbox's sync). */
export type ApiClient = TRPCClient<AppRouter>;

/** One query cache and one typed tRPC proxy per app; both travel in the router context. */
export function createTrpc(): { queryClient: QueryClient; trpc: Trpc; api: ApiClient } {
  const queryClient = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
  const client = createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: "/trpc",
        headers: { [CSRF_HEADER]: "1" },
        fetch: (url, options) => fetch(url, { ...options, credentials: "include" }),
      }),
    ],
  });
  return { queryClient, api: client, trpc: createTRPCOptionsProxy<AppRouter>({ client, queryClient }) };
}
