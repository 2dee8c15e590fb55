import type { QueryClient } from "@tanstack/react-query";
import type { Trpc } from "./trpc.ts";

/** Everything cached for the signed-in staff member: dropped at sign-in and sign-out so nobody sees the last person's data. */
export function removeStaffData(queryClient: QueryClient, trpc: Trpc): void {
  for (const filter of [
    trpc.products.pathFilter(),
    trpc.producers.pathFilter(),
    trpc.locations.pathFilter(),
    trpc.reports.pathFilter(),
    trpc.alerts.pathFilter(),
    trpc.stock.pathFilter(),
    trpc.orders.pathFilter(),
    trpc.counts.pathFilter(),
  ]) {
    queryClient.removeQueries(filter);
  }
}
