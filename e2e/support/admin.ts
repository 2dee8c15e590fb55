import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo.ts";

export async function fillSignIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens the admin (signed out, so it lands on sign-in), signs in, and waits for the products page. */
export async function signInToAdmin(page: Page, email: string): Promise<void> {
  await page.goto("/admin/");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await fillSignIn(page, email);
  await expect(page.getByRole("heading", { name: "Products" })).toBeVisible();
}

/** The product rows of the dashboard table (header row excluded). */
export function productRows(page: Page) {
  return page.locator("table.products-table tbody tr");
}

/** Opens one of the Settings pages (Staff, Notifications, Audit log, Producers) the way a person does: Settings, then its card. */
export async function openSettingsPage(page: Page, label: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  await page
    .getByRole("main")
    .getByRole("link", { name: new RegExp(`^${label}\\b`) })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: label })).toBeVisible();
}
