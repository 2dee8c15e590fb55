import { signInToAdmin } from "./support/admin.ts";
import { onHandOf, productDetail, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { ApiCart, E2E_CHECKOUT, ensureAvailable, findProduct } from "./support/shop-api.ts";
import { expect, test } from "./support/test.ts";
import { expectOk, trpcMutation } from "./support/trpc-http.ts";

const PRODUCT = "Cetirizine 10mg x30";
const QUANTITY = 2;

test("dispatching an order shows 'Stock updated' with its movements, and the stock leaves on hand", async ({ page, request, baseURL }) => {
  // A fresh order from a shopper, placed through the storefront API.
  const item = await findProduct(request, PRODUCT);
  await ensureAvailable(request, String(baseURL), item, QUANTITY);
  const cart = new ApiCart(request);
  const lines = [{ productId: item.id, quantity: QUANTITY }];
  expectOk(await cart.reserve(lines));
  const placed = expectOk(
    await trpcMutation<{ orders: { orderId: string; number: number; reference: string }[] }>(
      request,
      "orders.place",
      { ...E2E_CHECKOUT, lines },
      { "x-cart-token": cart.token },
    ),
  );
  const [order] = placed.orders;
  if (!order) throw new Error("no order was placed");

  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const before = await productDetail(api, item.id);
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Orders" }).click();
    await page.getByLabel("Status").selectOption({ label: "Pending" });
    await expect(page).toHaveURL(/[?&]status=PENDING/);
    await capturePage(page, "admin-orders", { phoneScreens: 2 });
    await page.getByRole("link", { name: `Order ${order.reference}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.reference}` })).toBeVisible();
    // Greenleaf's own numbering: GL-1001, GL-1002, ...
    expect(order.reference).toMatch(/^GL-\d{4,}$/);
    await expect(page.locator(".page-heading")).toContainText(order.reference);
    await expect(page.locator(".order-status")).toContainText("Pending");

    // Confirming moves no stock: no badge.
    await page.getByRole("button", { name: "Confirm" }).click();
    const result = page.locator(".status-change");
    await expect(result).toContainText(`Order ${order.reference} is now confirmed.`);
    await expect(page.locator(".order-status")).toContainText("Confirmed");
    await expect(result.getByText("Stock updated")).toHaveCount(0);

    // Dispatching takes the units off the shelves: the badge, and the movements written.
    await page.getByRole("button", { name: "Mark dispatched" }).click();
    await expect(result).toContainText(`Order ${order.reference} is now dispatched.`);
    await expect(result.getByText("Stock updated")).toBeVisible();
    const movements = result.getByRole("list", { name: "Stock movements written" }).getByRole("listitem");
    await expect(movements.first()).toContainText(PRODUCT);
    const texts = await movements.allTextContents();
    const moved = texts.reduce((sum, text) => sum + Number(text.match(/: -(\d+)/)?.[1] ?? 0), 0);
    expect(moved, `units in the movements shown: ${texts.join(" | ")}`).toBe(QUANTITY);
    await expect(page.locator(".order-status")).toContainText("Dispatched");
    await expect(page.getByRole("button", { name: "Mark delivered" })).toBeVisible();
    await capturePage(page, "admin-order-dispatched", { phoneScreens: 2 });

    // On hand and reserved both dropped by the order's units; the product page shows it.
    const after = await productDetail(api, item.id);
    expect(onHandOf(after)).toBe(onHandOf(before) - QUANTITY);
    expect(after.lots.reduce((sum, lot) => sum + lot.reserved, 0)).toBe(before.lots.reduce((sum, lot) => sum + lot.reserved, 0) - QUANTITY);
    await page.getByRole("link", { name: PRODUCT }).click();
    await expect(page.getByRole("heading", { level: 1, name: PRODUCT })).toBeVisible();
    await expect(page.locator("dl[aria-label='Stock of this product']")).toContainText(`On hand${onHandOf(after)}`);
    await expect(page.getByRole("region", { name: "Movement history" }).locator("tbody tr").first()).toContainText("Fulfilment");
  } finally {
    await api.dispose();
  }
});
