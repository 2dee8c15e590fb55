import type { AppRouter } from "@stockroom/api/client";
import type { inferRouterOutputs } from "@trpc/server";

export type ApiOutputs = inferRouterOutputs<AppRouter>;

export type ProductDetail = ApiOutputs["reports"]["product"];
export type ProductLot = ProductDetail["lots"][number];
export type StockLocation = ApiOutputs["locations"]["list"][number];
export type Order = ApiOutputs["orders"]["get"];
export type Movement = ApiOutputs["stock"]["movements"]["items"][number];
