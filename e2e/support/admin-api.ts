import { type APIRequestContext, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo.ts";
import { expectOk, trpcMutation, trpcQuery } from "./trpc-http.ts";

/** An API client signed in as one staff member (its own cookie jar): what that person's browser may fetch. Dispose it when done. */
export async function staffApi(baseURL: string, email: string): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  expectOk(await trpcMutation(api, "auth.signIn", { email, password: DEMO_PASSWORD }));
  return api;
}

export async function query<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  return expectOk(await trpcQuery<T>(api, path, input));
}

export async function mutate<T>(api: APIRequestContext, path: string, input: unknown): Promise<T> {
  return expectOk(await trpcMutation<T>(api, path, input));
}

export interface InventoryRow {
  id: string;
  sku: string;
  name: string;
  category: string;
  available: number;
  onHand: number;
  status: string;
}

export interface ProductLot {
  id: string;
  lotNumber: string;
  location: string;
  locationId: string;
  isSellable: boolean;
  onHand: number;
  reserved: number;
}

export interface ProductDetail {
  product: { id: string; name: string; sku: string; producerId: string; unitCostCents: number; minStockLevel: number };
  available: number | null;
  lots: ProductLot[];
}

export interface MovementRow {
  id: string;
  lotNumber: string;
  type: string;
  quantity: number;
  previousOnHand: number;
  newOnHand: number;
}

/** One product of the signed-in staff member's, found by exact name through the inventory report. */
export async function inventoryRow(api: APIRequestContext, name: string): Promise<InventoryRow> {
  const page = await query<{ items: InventoryRow[] }>(api, "reports.inventory", { search: name, pageSize: 50 });
  const row = page.items.find((item) => item.name === name);
  if (!row) throw new Error(`product "${name}" is not in this staff member's inventory`);
  return row;
}

export function productDetail(api: APIRequestContext, productId: string): Promise<ProductDetail> {
  return query<ProductDetail>(api, "reports.product", { productId });
}

export async function latestMovements(api: APIRequestContext, productId: string, limit = 20): Promise<MovementRow[]> {
  return (await query<{ items: MovementRow[] }>(api, "stock.movements", { productId, limit })).items;
}

export function onHandOf(detail: ProductDetail): number {
  return detail.lots.reduce((sum, lot) => sum + lot.onHand, 0);
}
