import { productRows, signInToAdmin } from "./support/admin.ts";
import { GREENLEAF_PRODUCT, HARVEST_PRODUCT, LOGINS, PRODUCERS, PRODUCTS_PER_PRODUCER } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { expect, test } from "./support/test.ts";

test("a platform admin switches producer and sees that producer's products", async ({ page }) => {
  await signInToAdmin(page, LOGINS.platformAdmin.email);
  await expect(page.getByRole("banner")).toContainText(LOGINS.platformAdmin.role);

  // All producers at first, with a producer column.
  const switcher = page.getByLabel("Producer");
  await expect(switcher).toHaveValue("");
  await expect(productRows(page)).toHaveCount(PRODUCTS_PER_PRODUCER * 2);
  await expect(page.getByRole("columnheader", { name: "Producer" })).toBeVisible();
  await captureScreens(page, "admin-dashboard-all-producers");

  await switcher.selectOption({ label: PRODUCERS.harvest });
  await expect(page).toHaveURL(/[?&]producerId=[0-9a-f-]{36}/);
  await expect(productRows(page)).toHaveCount(PRODUCTS_PER_PRODUCER);
  await expect(productRows(page).filter({ hasText: HARVEST_PRODUCT.name })).toContainText(HARVEST_PRODUCT.sku);
  await expect(page.getByText(GREENLEAF_PRODUCT.name)).toHaveCount(0);
  await captureScreens(page, "admin-dashboard-platform-admin");

  // The choice lives in the URL: a reload keeps it.
  await page.reload();
  await expect(page.getByLabel("Producer")).toHaveValue(/[0-9a-f-]{36}/);
  await expect(productRows(page).filter({ hasText: HARVEST_PRODUCT.name })).toHaveCount(1);

  await page.getByLabel("Producer").selectOption({ label: PRODUCERS.greenleaf });
  await expect(productRows(page).filter({ hasText: GREENLEAF_PRODUCT.name })).toContainText(GREENLEAF_PRODUCT.sku);
  await expect(page.getByText(HARVEST_PRODUCT.name)).toHaveCount(0);
});
