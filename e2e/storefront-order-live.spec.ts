import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { query } from "./support/admin-api.ts";
import { captureScreens } from "./support/screenshots.ts";
import { addToCart, fillCheckoutDetails, openShopper } from "./support/shop.ts";
import { ensureAvailable, findProduct, signedInStaff } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcMutation, trpcOutcomeOf, waitForTrpcResponse } from "./support/trpc-http.ts";

const ITEM = "Aspirin 300mg x32";

interface PlacedOrder {
  orderId: string;
  number: number;
  reference: string;
}

/** The path of the newest link emailed to `to` (the demo's outbox), read as the platform admin. */
async function emailedLinkPath(staff: APIRequestContext, to: string, template: string): Promise<string> {
  let body = "";
  await expect
    .poll(async () => {
      const log = await query<{ items: { recipient: string; template: string; body: string }[] }>(staff, "alerts.notifications", { limit: 50 });
      body = log.items.find((item) => item.recipient === to && item.template === template)?.body ?? "";
      return body;
    })
    .toContain("/sign-in/link?token=");
  const url = new URL(/https?:\/\/\S+\/sign-in\/link\?token=[\w-]+/.exec(body)?.[0] ?? "");
  return `${url.pathname}${url.search}`;
}

test("the order page follows the order live, and a guest finds it from another browser by reference and email", async ({ page, request, browser, baseURL }) => {
  const email = `live-${randomUUID().slice(0, 8)}@example.test`;
  await ensureAvailable(request, baseURL ?? "", await findProduct(request, ITEM), 1);
  await addToCart(page, ITEM);
  await page.goto("/cart");
  await page.getByRole("button", { name: "Proceed to checkout" }).click();
  await fillCheckoutDetails(page, email);
  const placing = waitForTrpcResponse(page, "orders.place");
  await page.getByRole("button", { name: "Place order" }).click();
  const [order] = expectOk(await trpcOutcomeOf<{ orders: PlacedOrder[] }>(await placing, "orders.place")).orders;
  if (!order) throw new Error("no order placed");
  await expect(page.getByRole("heading", { name: "Thank you, your order is placed" })).toBeVisible();

  await page.goto(`/orders/${order.orderId}`);
  const card = page.getByRole("article", { name: `Order ${order.reference}` });
  const timeline = page.getByRole("region", { name: "Progress" });
  await expect(card).toContainText("Pending");
  await expect(card).toContainText(/Batch \S+, use by \d{1,2} \w{3} \d{4}/);
  await expect(timeline.getByRole("listitem")).toHaveCount(1);
  await expect(timeline).toContainText("Order placed");
  await expect(page.getByRole("region", { name: "Delivery" })).toContainText("7 Harbour Road");
  // A marker that a reload would wipe: the change below must arrive without one.
  await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }));

  const staff = await signedInStaff(baseURL ?? "");
  try {
    for (const status of ["CONFIRMED", "DISPATCHED"]) expectOk(await trpcMutation(staff, "orders.setStatus", { orderId: order.orderId, status }));
    await expect(card.locator(".order-status")).toHaveText("Dispatched", { timeout: 15_000 });
    await expect(timeline.getByRole("listitem")).toHaveCount(3);
    await expect(timeline.getByRole("listitem").first()).toContainText("Dispatched");
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true);
    await captureScreens(page, "storefront-order-live", { fullPage: true });

    // Another browser, no cart token and not signed in: the order is found by reference + email.
    const shopper = await openShopper(browser, baseURL ?? "");
    try {
      const other = shopper.page;
      await other.goto(`/orders/${order.orderId}`);
      await expect(other.getByRole("heading", { name: "Order not found in this browser" })).toBeVisible();
      await other.getByRole("link", { name: "Find my order" }).click();
      await other.getByLabel("Order reference").fill(order.reference.toLowerCase());
      await other.getByLabel("Email").fill(email);
      await captureScreens(other, "storefront-find-order-form");
      await other.getByRole("button", { name: "Email me a link to the order" }).click();
      await expect(other.getByRole("status")).toContainText(`If an order ${order.reference} was placed with that email, we've emailed you a link to it.`);
      await captureScreens(other, "storefront-find-order");

      await other.goto(await emailedLinkPath(staff, email, "customer.order-lookup"));
      await expect(other).toHaveURL(new RegExp(`/orders/${order.orderId}$`));
      const found = other.getByRole("article", { name: `Order ${order.reference}` });
      await expect(found.locator(".order-status")).toHaveText("Dispatched");
      await expect(found).toContainText(`1 × ${ITEM}`);

      // Signed in now: "Your orders" lists the order from the server.
      await other.getByRole("link", { name: "← Your orders" }).click();
      await expect(other.getByText(`Signed in as ${email}`)).toBeVisible();
      await expect(other.getByRole("link", { name: new RegExp(order.reference) })).toContainText("Dispatched");
      await captureScreens(other, "storefront-my-orders");
    } finally {
      await shopper.close();
    }
  } finally {
    await staff.dispose();
  }
});
