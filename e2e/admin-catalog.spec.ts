import sharp from "sharp";
import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { mutate, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { productCard } from "./support/shop.ts";
import { expect, test } from "./support/test.ts";

test("a product created with a picture and stock shows in the shop with its picture; archived, it leaves the shop", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  const stamp = Date.now().toString(36).toUpperCase();
  const name = `Hibiscus tea ${stamp}`;
  let productId: string | undefined;
  try {
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Products" })).toBeVisible();
    await capturePage(page, "admin-products");

    await page.getByRole("link", { name: "New product" }).click();
    const form = page.getByRole("form", { name: "Product" });
    // A bad price is refused in the browser, on its field.
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("SKU").fill(`E2E-${stamp}`);
    await form.getByLabel("Category").fill("Tea");
    await form.getByLabel("Price (£)").fill("abc");
    await form.getByLabel("Unit cost (£)").fill("1.20");
    await form.getByLabel("Description").fill("Tart and red, 20 bags.");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(form.getByText("Enter an amount like 2.49.")).toBeVisible();
    await form.getByLabel("Price (£)").fill("3.49");
    await form.getByRole("button", { name: "Create product" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    productId = /\/products\/([0-9a-f-]{36})/.exec(page.url())?.[1];
    expect(productId).toBeDefined();

    const tile = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 190, g: 30, b: 60 } } })
      .png()
      .toBuffer();
    await page.getByLabel("Add pictures").setInputFiles({ name: "hibiscus.png", mimeType: "image/png", buffer: tile });
    const thumb = page.locator(".image-list img").first();
    await expect(thumb).toHaveAttribute("src", /^\/images\/[0-9a-f-]{36}\/thumb\.webp$/);
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(160);
    await capturePage(page, "admin-product-form", { phoneScreens: 4 });

    const shop = (await query<{ id: string; isSellable: boolean }[]>(api, "locations.list", {})).find((l) => l.isSellable);
    await mutate(api, "stock.receive", { productId, locationId: shop?.id, lotNumber: `L-${stamp}`, quantity: 6 });

    await page.goto(`/?search=${encodeURIComponent(name)}`);
    const card = productCard(page, name);
    await expect(card).toContainText("£3.49");
    await expect(card.getByRole("button", { name: `Add ${name} to cart` })).toBeEnabled();
    await expect(card).not.toContainText("Out of stock");
    const picture = card.locator("img.product-image");
    await expect(picture).toHaveAttribute("src", /\/medium\.webp$/);
    await expect(picture).toHaveAttribute("loading", "lazy");
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(480);
    await captureScreens(page, "storefront-product-picture");

    await page.goto(`/admin/products/${productId}`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Archive" }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toContainText("Archived");
    await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();

    await page.goto(`/?search=${encodeURIComponent(name)}`);
    await expect(page.getByRole("heading", { name: "No products found" })).toBeVisible();
    await expect(productCard(page, name)).toHaveCount(0);

    await page.goto("/admin/products?status=ARCHIVED");
    await expect(page.getByRole("link", { name })).toBeVisible();
  } finally {
    // Other journeys count the demo's products: never leave this one in the shop.
    if (productId) await mutate(api, "products.archive", { productId });
    await api.dispose();
  }
});

test("the Locations page lists where stock is kept", async ({ page }) => {
  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await openSettingsPage(page, "Locations");
  await expect(page.locator("table.locations-table tbody tr").first()).toBeVisible();
  await capturePage(page, "admin-locations");
});
