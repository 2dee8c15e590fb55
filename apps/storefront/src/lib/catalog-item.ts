import type { AppRouter } from "@stockroom/api/client";
import type { inferRouterOutputs } from "@trpc/server";

/** One product as the catalog lists it. */
export type CatalogItem = inferRouterOutputs<AppRouter>["catalog"]["list"]["items"][number];
