import type { EnsureInfiniteQueryDataOptions, EnsureQueryDataOptions, QueryClient, QueryKey } from "@tanstack/react-query";

/**
 * One query of a loader. Entering a page waits for it (the pending page shows if that is slow).
 * Staying on a page whose URL changed (search, filters, paging) only starts the fetch: the rows on
 * screen stay while the next ones load (components read such queries with keepPreviousData and
 * throwOnError), so a search box is never swapped for a spinner while someone types in it.
 */
export async function loadQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey>(
  queryClient: QueryClient,
  cause: "enter" | "stay" | "preload",
  options: EnsureQueryDataOptions<TQueryFnData, TError, TData, TQueryKey>,
): Promise<void> {
  if (cause === "stay") {
    // prefetchQuery never throws: the component's own query reports a failure to the route's error page.
    void queryClient.prefetchQuery(options);
    return;
  }
  await queryClient.ensureQueryData(options);
}

/** loadQuery for an infinite ("Load more") query. */
export async function loadInfiniteQuery<TQueryFnData, TError, TData, TQueryKey extends QueryKey, TPageParam>(
  queryClient: QueryClient,
  cause: "enter" | "stay" | "preload",
  options: EnsureInfiniteQueryDataOptions<TQueryFnData, TError, TData, TQueryKey, TPageParam>,
): Promise<void> {
  if (cause === "stay") {
    void queryClient.prefetchInfiniteQuery(options);
    return;
  }
  await queryClient.ensureInfiniteQueryData(options);
}
