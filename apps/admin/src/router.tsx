import { PageLoading } from "@stockroom/ui";
import { QueryClientProvider } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { NotFound } from "./components/not-found.tsx";
import { RouteError } from "./components/route-error.tsx";
import { createTrpc } from "./lib/trpc.ts";
import { routeTree } from "./routeTree.gen.ts";

export function createAppRouter() {
  const { queryClient, trpc, api } = createTrpc();
  return createRouter({
    routeTree,
    basepath: "/admin",
    context: { queryClient, trpc, api },
    // TanStack Query owns caching; the router always asks it (ensureQueryData) instead of keeping its own copy.
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingMs: 400,
    defaultPendingComponent: PageLoading,
    defaultErrorComponent: RouteError,
    defaultNotFoundComponent: NotFound,
    scrollRestoration: true,
    Wrap: ({ children }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
