import {
  type DefaultError,
  type InfiniteData,
  keepPreviousData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseQueryOptions,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";

/**
 * A query whose input comes from the URL. The first time it suspends like useSuspenseQuery (the
 * loader has usually fetched it already); when the URL changes (search, filters, paging, producer),
 * the previous data stays on screen, marked `isUpdating`, until the new data arrives, instead of the
 * page turning into a spinner. Failures go to the route's error page.
 */
export function useRouteQuery<TQueryFnData, TError = DefaultError, TData = TQueryFnData, TQueryKey extends QueryKey = QueryKey>(
  options: UseQueryOptions<TQueryFnData, TError, TData, TQueryKey>,
): { data: TData; isUpdating: boolean } {
  const queryClient = useQueryClient();
  const query = useQuery({ ...options, placeholderData: keepPreviousData, throwOnError: true });
  // Nothing to show yet: suspend until the first answer (what useSuspenseQuery does, by the same mechanism).
  if (query.data === undefined) throw queryClient.fetchQuery(options);
  return { data: query.data, isUpdating: query.isPlaceholderData };
}

/** The infinite ("Load more") form of useRouteQuery. */
export function useRouteInfiniteQuery<TQueryFnData, TError, TQueryKey extends QueryKey, TPageParam>(
  options: UseInfiniteQueryOptions<TQueryFnData, TError, InfiniteData<TQueryFnData, TPageParam>, TQueryKey, TPageParam>,
) {
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({ ...options, placeholderData: keepPreviousData, throwOnError: true });
  if (query.data === undefined) throw queryClient.fetchInfiniteQuery(options);
  return { ...query, data: query.data, isUpdating: query.isPlaceholderData };
}
