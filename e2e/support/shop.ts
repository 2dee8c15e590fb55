import type { Browser, Locator, Page } from "@playwright/test";
import { expect } from "./test.ts";

/** A product's card in the catalog grid. */
export function productCard(page: Page, name: string): Locator {
  return page.locator("article.product-card").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

export function cartLine(page: Page, name: string): Locator {
  return page
    .getByRole("list", { name: "Items in your cart" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name, exact: true }) });
}

/** Finds a product by name in the catalog and adds it to the cart (once per call). */
export async function addToCart(page: Page, name: string): Promise<void> {
  await page.goto(`/?search=${encodeURIComponent(name)}`);
  const card = productCard(page, name);
  const before = Number((await card.locator(".in-cart").textContent())?.match(/\d+/)?.[0] ?? 0);
  await card.getByRole("button", { name: `Add ${name} to cart` }).click();
  await expect(card).toContainText(`${before + 1} in cart`);
}

/** "Reserved for 14:59" -> 899 seconds. */
export async function countdownSeconds(page: Page): Promise<number> {
  const text = (await page.getByRole("timer").textContent()) ?? "";
  const match = text.match(/Reserved for (\d+):(\d{2})$/);
  if (!match) throw new Error(`unexpected countdown text "${text}"`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** What the SPA keeps in localStorage for the guest cart. */
export async function storedCart(page: Page): Promise<{ token: string; lines: { productId: string; quantity: number }[] }> {
  return page.evaluate(() => JSON.parse(localStorage.getItem("stockroom.cart") ?? "null"));
}

/**
 * Another shopper: a fresh browser context (own localStorage, so its own cart token). Uncaught page
 * errors fail the test, as for the default page.
 */
export async function openShopper(browser: Browser, baseURL: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.stack ?? error.message));
  return {
    page,
    close: async () => {
      await context.close();
      expect(errors, "uncaught errors in a shopper's page").toEqual([]);
    },
  };
}

/** Fills the checkout's contact and delivery address (the shopper chooses delivery). */
export async function fillCheckoutDetails(page: Page, email = "e2e-shopper@example.test"): Promise<void> {
  await page.getByLabel("Full name").fill("Erin Endtoend");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+44 7700 900555");
  await page.getByLabel("Address line 1").fill("7 Harbour Road");
  await page.getByLabel("Town or city").fill("Bristol");
  await page.getByLabel("Postcode").fill("BS1 5TT");
}
