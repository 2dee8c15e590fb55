import { signInToAdmin } from "./support/admin.ts";
import { LOGINS } from "./support/demo.ts";
import { productCard } from "./support/shop.ts";
import { collectCspViolations, expect, test } from "./support/test.ts";

// Every spec fails on a CSP violation (support/test.ts); this one walks the pages with inline
// `style={}` props (storefront tiles, the admin's virtual rows) and checks the browser really enforces it.
test("the storefront and admin run under the CSP without violations, and the browser enforces it", async ({ page }) => {
  const response = await page.goto(`/?search=${encodeURIComponent("Antiseptic cream")}`);
  const csp = response?.headers()["content-security-policy"] ?? "";
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response?.headers()["x-content-type-options"]).toBe("nosniff");
  await expect(page.locator(".product-tile").first()).toBeVisible();
  await expect(productCard(page, "Antiseptic cream 30g")).toBeVisible();
  // The tile's React style prop (a CSS variable) was applied despite style-src 'self'.
  const hue = await page
    .locator(".product-tile")
    .first()
    .evaluate((tile) => getComputedStyle(tile).getPropertyValue("--tile-hue"));
  expect(hue.trim()).toMatch(/^\d+/);

  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await page.goto("/admin/inventory");
  await expect(page.getByRole("heading", { name: "Inventory" })).toBeVisible();
  await expect(page.locator("tbody.virtual-body tr").first()).toBeVisible();
  await page.goto("/admin/orders");
  await expect(page.getByRole("heading", { name: "Orders" })).toBeVisible();

  // Control: an inline script is refused and reported, so the fixture's check can fail.
  const probe = await page.context().newPage();
  const violations = collectCspViolations(probe);
  await probe.goto("/admin/");
  await probe.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.body.append(script);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await probe.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).toBeUndefined();
  await probe.close();
});

// Built assets have content hashes in their names: kept for good; the pages that name them never.
test("hashed assets are cached for good, the SPAs' index pages are not", async ({ page, request }) => {
  for (const entry of ["/", "/admin/"]) {
    const scripts: string[] = [];
    page.on("response", (response) => {
      if (/\/assets\/.+\.js$/.test(new URL(response.url()).pathname)) scripts.push(response.url());
    });
    const index = await page.goto(entry);
    expect(index?.headers()["cache-control"] ?? "", entry).not.toContain("immutable");
    await expect.poll(() => scripts.length).toBeGreaterThan(0);
    const asset = await request.get(scripts[0] as string);
    expect(asset.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    page.removeAllListeners("response");
  }
});
