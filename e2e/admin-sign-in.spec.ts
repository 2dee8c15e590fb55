import { fillSignIn, productRows, signInToAdmin } from "./support/admin.ts";
import { DEMO_PASSWORD, GREENLEAF_PRODUCT, HARVEST_PRODUCT, LOGINS, PRODUCERS, PRODUCTS_PER_PRODUCER } from "./support/demo.ts";
import { captureScreens } from "./support/screenshots.ts";
import { expect, test } from "./support/test.ts";

test("producer staff signs in and sees only their producer's products from the database", async ({ page }) => {
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page).toHaveTitle(/Sign in · Stockroom Admin/);
  await captureScreens(page, "admin-sign-in");

  await fillSignIn(page, LOGINS.greenleafStaff.email);

  await expect(page).toHaveURL(/\/admin\/?$/);
  const header = page.getByRole("banner");
  await expect(header).toContainText("Stockroom Admin");
  await expect(header).toContainText(LOGINS.greenleafStaff.name);
  await expect(header).toContainText(LOGINS.greenleafStaff.role);

  const paracetamol = productRows(page).filter({ hasText: GREENLEAF_PRODUCT.name });
  await expect(paracetamol).toHaveCount(1);
  await expect(paracetamol).toContainText(GREENLEAF_PRODUCT.sku);
  await expect(paracetamol).toContainText(GREENLEAF_PRODUCT.category);
  await expect(paracetamol).toContainText(GREENLEAF_PRODUCT.price);
  await expect(productRows(page)).toHaveCount(PRODUCTS_PER_PRODUCER);
  await expect(page.getByText(HARVEST_PRODUCT.name)).toHaveCount(0);
  await expect(page.getByText(PRODUCERS.harvest)).toHaveCount(0);
  // Producer staff cannot pick another producer.
  await expect(page.getByLabel("Producer")).toHaveCount(0);
  await captureScreens(page, "admin-dashboard-producer-staff");
});

test("search is debounced into the URL, survives a reload, and shows an empty state", async ({ page }) => {
  await signInToAdmin(page, LOGINS.greenleafStaff.email);
  const search = page.getByRole("searchbox", { name: "Search products" });

  await search.fill("ibuprofen");
  await expect(page).toHaveURL(/[?&]search=ibuprofen/);
  await expect(productRows(page)).toHaveCount(1);
  await expect(productRows(page)).toContainText("Ibuprofen 200mg x24");

  await page.reload();
  await expect(search).toHaveValue("ibuprofen");
  await expect(productRows(page)).toHaveCount(1);

  // Another producer's product is not found by name either.
  await search.fill(HARVEST_PRODUCT.name);
  await expect(page).toHaveURL(/[?&]search=Whole/);
  await expect(page.getByRole("heading", { name: "No products found" })).toBeVisible();
  await expect(productRows(page)).toHaveCount(0);
  await captureScreens(page, "admin-dashboard-empty");
});

test("a wrong password shows the server's message and stays on sign-in", async ({ page, request }) => {
  // Failed sign-ins are counted per email (5 per 15 minutes) and a success starts the count again:
  // sign in once outside the page first, so repeated local runs on a reused database stay below the limit.
  const ok = await request.post("/trpc/auth.signIn", {
    headers: { "content-type": "application/json", "x-stockroom-csrf": "1" },
    data: { email: LOGINS.harvestManager.email, password: DEMO_PASSWORD },
  });
  expect(ok.status()).toBe(200);

  await page.goto("/admin/sign-in");
  await fillSignIn(page, LOGINS.harvestManager.email, "not-the-password");
  await expect(page.getByRole("alert")).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await captureScreens(page, "admin-sign-in-error");
});

test("sign out returns to sign-in, and the dashboard then sends you to sign in and back", async ({ page }) => {
  await signInToAdmin(page, LOGINS.greenleafManager.email);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // A full page load asks the server again: the session really is gone.
  await page.goto("/admin/?search=vitamin");
  await expect(page).toHaveURL(/\/admin\/sign-in\?redirect=/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();

  // Signing in again returns to the page that was asked for.
  await fillSignIn(page, LOGINS.greenleafManager.email);
  await expect(page).toHaveURL(/\/admin\/\?search=vitamin$/);
  await expect(page.getByRole("searchbox", { name: "Search products" })).toHaveValue("vitamin");
  // Vitamin C, Vitamin D3 and Multivitamin (name search, case-insensitive).
  await expect(productRows(page)).toHaveCount(3);
});

test("when the session ends, the server's message is shown with a way back in", async ({ page }) => {
  await signInToAdmin(page, LOGINS.greenleafStaff.email);
  // The session cookie disappears (expired, or signed out elsewhere); the next request is refused by the server.
  await page.context().clearCookies();
  await page.getByRole("searchbox", { name: "Search products" }).fill("aspirin");

  const alert = page.getByRole("alert");
  await expect(alert).toContainText("Your session has ended");
  await expect(alert).toContainText("Please sign in.");
  await captureScreens(page, "admin-session-ended");

  await alert.getByRole("button", { name: "Sign in again" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in\?redirect=/);
  await fillSignIn(page, LOGINS.greenleafStaff.email);
  await expect(page).toHaveURL(/[?&]search=aspirin/);
  await expect(productRows(page)).toHaveCount(1);
});
