import { randomBytes } from "node:crypto";
import type { BrowserContext } from "@playwright/test";
import { DEMO_PASSWORD } from "@stockroom/demo";

/** What shows that a page has loaded: every selector matches. */
export const CONTENT = {
  home: ["article.product-card"],
  product: ["#product-name", 'button[aria-label^="Add "]'],
  checkout: ["#checkout-details input"],
  dashboard: ["dl.stat-grid .stat-card"],
  inventory: ['table[aria-label="Inventory"] tbody tr'],
} as const;

/** The demo's platform admin (README): sees both producers' stock. */
export const ADMIN_EMAIL = "admin@stockroom.test";

export interface ShopProduct {
  id: string;
  slug: string;
  name: string;
  priceCents: number;
  producerName: string;
  maxPerOrder: number;
  available: number | null;
}

/** A product of the demo shop with stock to spare (each checkout holds one unit of it for 15 minutes). */
export async function pickProduct(base: string): Promise<ShopProduct> {
  const input = encodeURIComponent(JSON.stringify({ page: 1 }));
  const response = await fetch(`${base}/trpc/catalog.list?input=${input}`);
  const body = (await response.json()) as { result: { data: { items: ShopProduct[] } } };
  const product = body.result.data.items.find((item) => item.available === null || item.available >= 50);
  if (!product) throw new Error("the demo catalog's first page has no product with 50 units available");
  return product;
}

/** Puts one unit of `product` into the context's guest cart (localStorage), as the storefront's "Add to cart" leaves it. */
export async function withOneItemCart(context: BrowserContext, product: ShopProduct): Promise<void> {
  const cart = {
    token: randomBytes(24).toString("base64url"),
    lines: [
      {
        productId: product.id,
        name: product.name,
        producerName: product.producerName,
        priceCents: product.priceCents,
        thumbUrl: null,
        maxPerOrder: product.maxPerOrder,
        quantity: 1,
      },
    ],
    hold: null,
    placeAttempt: null,
  };
  const value = JSON.stringify(JSON.stringify(cart));
  await context.addInitScript({ content: `if (!localStorage.getItem("stockroom.cart")) localStorage.setItem("stockroom.cart", ${value});` });
}

/** Signs the context in as the demo admin through the API (sets the session cookie; fetches no page or script). */
export async function signIn(context: BrowserContext, base: string): Promise<void> {
  const response = await context.request.post(`${base}/trpc/auth.signIn`, {
    data: { email: ADMIN_EMAIL, password: DEMO_PASSWORD },
    headers: { "x-stockroom-csrf": "1" },
  });
  if (!response.ok()) throw new Error(`sign-in as ${ADMIN_EMAIL} failed: HTTP ${response.status()} ${await response.text()}`);
}
