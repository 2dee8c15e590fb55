import type { QueryClient } from "@tanstack/react-query";
import type { ApiClient, Trpc } from "./trpc.ts";

/** What every route's beforeLoad/loader receives. */
export interface RouterContext {
  queryClient: QueryClient;
  trpc: Trpc;
  api: ApiClient;
}
