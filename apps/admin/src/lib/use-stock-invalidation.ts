import { useAppContext } from "./use-app-context.ts";

/** After a stock change: every report, ledger and alert list may show different numbers now. */
export function useStockInvalidation(): () => Promise<void> {
  const { queryClient, trpc } = useAppContext();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.reports.pathFilter()),
      queryClient.invalidateQueries(trpc.stock.pathFilter()),
      queryClient.invalidateQueries(trpc.alerts.pathFilter()),
      queryClient.invalidateQueries(trpc.orders.pathFilter()),
    ]);
  };
}
