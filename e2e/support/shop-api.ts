import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, request as playwrightRequest } from "@playwright/test";
import { DEMO_PASSWORD, LOGINS } from "./demo.ts";
import { expectOk, type TrpcOutcome, trpcMutation, trpcQuery } from "./trpc-http.ts";

/** A shopper's checkout details for orders placed through the API. */
export const E2E_CHECKOUT = {
  customer: { name: "Erin Endtoend", email: "erin@example.test", phone: "+44 7700 900555" },
  fulfilment: { method: "DELIVERY", address: { line1: "7 Harbour Road", city: "Bristol", postcode: "BS1 5TT", country: "GB" } },
} as const;

export interface ReserveResult {
  expiresAt: string;
  holds: { holdId: string; productId: string; quantity: number; expiresAt: string }[];
}

export interface CatalogItem {
  id: string;
  name: string;
  category: string;
  priceCents: number;
  producerName: string;
  available: number | null;
}

/** A guest cart driven through the API with its own token: another shopper, outside any browser. */
export class ApiCart {
  readonly token = randomBytes(24).toString("base64url");

  constructor(private readonly request: APIRequestContext) {}

  private get headers() {
    return { "x-cart-token": this.token };
  }

  reserve(lines: { productId: string; quantity: number }[]): Promise<TrpcOutcome<ReserveResult>> {
    return trpcMutation<ReserveResult>(this.request, "cart.reserve", { lines }, this.headers);
  }

  async releaseAll(): Promise<void> {
    expectOk(await trpcMutation(this.request, "cart.release", {}, this.headers));
  }
}

export async function findProduct(request: APIRequestContext, name: string): Promise<CatalogItem> {
  const page = expectOk(await trpcQuery<{ items: CatalogItem[] }>(request, "catalog.list", { search: name, pageSize: 100 }));
  const product = page.items.find((item) => item.name === name);
  if (!product) throw new Error(`product "${name}" is not in the catalog`);
  return product;
}

/** Units of a product another shopper could hold right now (live holds excluded). */
export async function availableNow(request: APIRequestContext, productId: string): Promise<number> {
  const [row] = expectOk(await trpcQuery<{ productId: string; available: number | null }[]>(request, "cart.availability", { productIds: [productId] }));
  if (row?.available === null || row?.available === undefined) throw new Error(`product ${productId} does not track stock`);
  return row.available;
}

/** A request context signed in as the platform admin (its own cookie jar). Dispose it when done. */
export async function signedInStaff(baseURL: string): Promise<APIRequestContext> {
  const staff = await playwrightRequest.newContext({ baseURL });
  expectOk(await trpcMutation(staff, "auth.signIn", { email: LOGINS.platformAdmin.email, password: DEMO_PASSWORD }));
  return staff;
}

/**
 * Makes sure at least `minimum` units of a product are available, receiving stock as staff when
 * earlier runs (orders, holds) used it up: the e2e database is reused, so tests never assume leftovers.
 * Returns the units available now.
 */
export async function ensureAvailable(request: APIRequestContext, baseURL: string, product: CatalogItem, minimum: number): Promise<number> {
  const available = await availableNow(request, product.id);
  if (available >= minimum) return available;
  const staff = await signedInStaff(baseURL);
  try {
    const [owned] = expectOk(await trpcQuery<{ id: string; producerId: string; unitCostCents: number }[]>(staff, "products.list", { search: product.name }));
    if (!owned) throw new Error(`staff cannot see product ${product.name}`);
    const locations = expectOk(await trpcQuery<{ id: string; isSellable: boolean }[]>(staff, "locations.list", { producerId: owned.producerId }));
    const sellable = locations.find((location) => location.isSellable);
    if (!sellable) throw new Error(`no sellable location for ${product.name}`);
    expectOk(
      await trpcMutation(staff, "stock.receive", {
        productId: owned.id,
        locationId: sellable.id,
        lotNumber: "E2E-TOPUP",
        expiryDate: null,
        unitCostCents: owned.unitCostCents,
        quantity: minimum - available + 20,
      }),
    );
  } finally {
    await staff.dispose();
  }
  const after = await availableNow(request, product.id);
  expect(after).toBeGreaterThanOrEqual(minimum);
  return after;
}
