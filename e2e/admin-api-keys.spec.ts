import { signInToAdmin } from "./support/admin.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { expect, test } from "./support/test.ts";

test("a producer admin creates an API key, sees its secret once, uses it on /api/v1, and revokes it", async ({ page }) => {
  const name = `Warehouse sync ${Date.now()}`;
  await signInToAdmin(page, LOGINS.greenleafManager.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page
    .getByRole("main")
    .getByRole("link", { name: /^Integrations\b/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "API keys" })).toBeVisible();

  const form = page.getByRole("form", { name: "Create an API key" });
  await form.getByLabel("read").uncheck();
  await form.getByRole("button", { name: "Create key" }).click();
  await expect(form.getByText("Enter a name.")).toBeVisible();
  await expect(form.getByText("Choose at least one scope.")).toBeVisible();
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("read").check();
  await form.getByLabel("stock:write").check();
  await form.getByRole("button", { name: "Create key" }).click();

  const secret = (await page.getByTestId("api-key-secret").textContent()) ?? "";
  expect(secret).toMatch(/^sr_[\w-]{8}_[\w-]{43}$/);
  await expect(page.getByText("you will not see it again")).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText("Active");
  await expect(row).not.toContainText(secret.slice(12));
  await capturePage(page, "admin-api-keys", { phoneScreens: 3 });

  const products = await page.request.get("/api/v1/products?limit=2", { headers: { authorization: `Bearer ${secret}` } });
  expect(products.status()).toBe(200);
  expect((await products.json()).items).toHaveLength(2);
  await page.reload();
  // Last used is now set: only "Expires" still says Never.
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByRole("cell", { name: "Never", exact: true })).toHaveCount(1);

  page.once("dialog", (dialog) => dialog.accept());
  await page
    .getByRole("row", { name: new RegExp(name) })
    .getByRole("button", { name: "Revoke" })
    .click();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
  const refused = await page.request.get("/api/v1/products", { headers: { authorization: `Bearer ${secret}` } });
  expect([refused.status(), (await refused.json()).code]).toEqual([401, "UNAUTHENTICATED"]);
});

test("the API reference is served by us and renders under its CSP", async ({ page }) => {
  const outside: string[] = [];
  page.on("request", (request) => {
    if (!request.url().startsWith("http://127.0.0.1")) outside.push(request.url());
  });
  await page.goto("/api/v1/docs/");
  await expect(page.getByRole("heading", { name: "Stockroom API" }).first()).toBeVisible();
  await expect(page.getByText("List products by name (keyset cursor)").first()).toBeVisible();
  await captureScreens(page, "api-reference");
  expect(outside).toEqual([]);
});
