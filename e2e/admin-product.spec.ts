import type { Page } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { inventoryRow, latestMovements, onHandOf, productDetail, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { GREENLEAF_PRODUCT, LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

const PRODUCT = "Vitamin D3 25µg x90";

async function openProduct(page: Page, productId: string, name: string) {
  await page.goto(`/admin/inventory/${productId}`);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

function movementRows(page: Page) {
  return page.getByRole("region", { name: "Movement history" }).locator("tbody tr");
}

function lotRow(page: Page, lotNumber: string) {
  return page.getByRole("region", { name: "Lots" }).locator(`tbody tr[data-lot="${lotNumber}"]`);
}

test("receiving a lot shows it in the lots and at the top of the movement history", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const product = await inventoryRow(api, PRODUCT);
    const before = await productDetail(api, product.id);
    const lotNumber = `E2E-R${Date.now().toString(36).toUpperCase()}`;

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await openProduct(page, product.id, PRODUCT);
    const form = page.getByRole("form", { name: "Receive stock" });
    await form.getByLabel("Lot number").fill(lotNumber);
    await form.getByLabel("Expiry date").fill("2031-06-30");
    await form.getByLabel("Quantity").fill("7");
    await form.getByRole("button", { name: "Receive stock" }).click();

    await expect(form.getByRole("status")).toHaveText(`Received 7 into lot ${lotNumber}: on hand 0 → 7.`);
    await expect(lotRow(page, lotNumber)).toContainText("Main dispensary");
    await expect(lotRow(page, lotNumber).locator("td[data-label='On hand']")).toHaveText("7");
    const newest = movementRows(page).first();
    await expect(newest).toContainText("Receipt");
    await expect(newest).toContainText(lotNumber);
    await expect(newest.locator("td[data-label='Change']")).toHaveText("+7");
    await expect(newest.locator("td[data-label='On hand']")).toHaveText("0 → 7");
    await expect(newest).toContainText("You");
    await expect(page.locator("dl[aria-label='Stock of this product']")).toContainText(`On hand${onHandOf(before) + 7}`);

    // The server agrees.
    const [latest] = await latestMovements(api, product.id, 1);
    expect(latest).toMatchObject({ lotNumber, type: "RECEIPT", quantity: 7, previousOnHand: 0, newOnHand: 7 });
    await capturePage(page, "admin-product", { phoneScreens: 4 });
  } finally {
    await api.dispose();
  }
});

test("an adjustment with a bad value shows the field error and changes nothing", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const product = await inventoryRow(api, PRODUCT);
    const before = await productDetail(api, product.id);
    const lot = before.lots.find((candidate) => candidate.onHand > 0);
    if (!lot) throw new Error(`${PRODUCT} has no lot with stock`);
    const movementsBefore = await latestMovements(api, product.id);

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await openProduct(page, product.id, PRODUCT);
    const newestBefore = (await movementRows(page).first().textContent()) ?? "";
    await page.getByRole("button", { name: `Adjust lot ${lot.lotNumber}` }).click();
    await expect(page).toHaveURL(/[?&]action=adjust/);
    const form = page.getByRole("form", { name: "Adjust stock" });
    await expect(form.getByLabel("Lot")).toHaveValue(lot.id);

    // Checked in the browser first: nothing is sent.
    let sent = 0;
    page.on("request", (request) => {
      if (request.url().includes("/trpc/stock.adjust")) sent++;
    });
    await form.getByLabel("Change").fill("0");
    await form.getByLabel("Reason").fill("ab");
    await form.getByRole("button", { name: "Adjust stock" }).click();
    await expect(form.getByLabel("Change")).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Change cannot be zero.")).toBeVisible();
    await expect(form.getByText("Give a reason (at least 3 characters).")).toBeVisible();
    expect(sent).toBe(0);

    // More than the lot holds: the server refuses, with its message and the field's reason.
    const tooMany = lot.onHand + 1000;
    await form.getByLabel("Change").fill(String(-tooMany));
    await form.getByLabel("Reason").fill("e2e: count found less");
    const response = page.waitForResponse((candidate) => candidate.url().includes("/trpc/stock.adjust"));
    await form.getByRole("button", { name: "Adjust stock" }).click();
    expect((await response).status()).toBe(409);
    await expect(form.getByRole("alert")).toHaveText(`Lot ${lot.lotNumber} cannot go below the units reserved for holds and orders.`);
    await expect(form.getByText("would take on hand below reserved")).toBeVisible();
    await expect(form.getByLabel("Change")).toHaveAttribute("aria-invalid", "true");
    await capturePage(page, "admin-product-adjust-error", { phoneScreens: 3 });

    // Nothing changed: the lot, the history on the page, and the server's ledger.
    await expect(lotRow(page, lot.lotNumber).locator("td[data-label='On hand']")).toHaveText(String(lot.onHand));
    await expect(movementRows(page).first()).toHaveText(newestBefore);
    const after = await productDetail(api, product.id);
    expect(after.lots.find((candidate) => candidate.id === lot.id)?.onHand).toBe(lot.onHand);
    expect((await latestMovements(api, product.id))[0]?.id).toBe(movementsBefore[0]?.id);
  } finally {
    await api.dispose();
  }
});

test("writing off and moving units each write the ledger", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const product = await inventoryRow(api, PRODUCT);
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await openProduct(page, product.id, PRODUCT);

    // A fresh lot to act on, so earlier runs do not matter.
    const lotNumber = `E2E-W${Date.now().toString(36).toUpperCase()}`;
    const receive = page.getByRole("form", { name: "Receive stock" });
    await receive.getByLabel("Lot number").fill(lotNumber);
    // Medicines need an expiry date on every lot.
    await receive.getByLabel("Expiry date").fill("2031-06-30");
    await receive.getByLabel("Quantity").fill("10");
    await receive.getByRole("button", { name: "Receive stock" }).click();
    await expect(receive.getByRole("status")).toContainText(`into lot ${lotNumber}`);

    await page.getByRole("button", { name: `Write off lot ${lotNumber}` }).click();
    const writeOff = page.getByRole("form", { name: "Write off stock" });
    await writeOff.getByLabel("Quantity").fill("3");
    await writeOff.getByLabel("Reason", { exact: true }).selectOption("DAMAGED");
    await writeOff.getByRole("button", { name: "Write off" }).click();
    await expect(writeOff.getByRole("status")).toContainText("Wrote off 3");
    await expect(lotRow(page, lotNumber).locator("td[data-label='On hand']")).toHaveText("7");
    await expect(movementRows(page).first()).toContainText("write-off: damaged");

    await page.getByRole("button", { name: `Move lot ${lotNumber}` }).click();
    const move = page.getByRole("form", { name: "Move stock" });
    await move.getByLabel("Move to").selectOption({ label: "Back store (not sellable)" });
    await move.getByLabel("Quantity").fill("2");
    await move.getByRole("button", { name: "Move stock" }).click();
    await expect(move.getByRole("status")).toContainText(`Moved 2 of lot ${lotNumber} to Back store`);
    await expect(page.getByRole("region", { name: "Lots" }).locator(`tbody tr[data-lot="${lotNumber}"]`)).toHaveCount(2);
    await expect(movementRows(page).nth(0)).toContainText("Transfer");
    await expect(movementRows(page).nth(1)).toContainText("Transfer");

    const ledger = await latestMovements(api, product.id, 3);
    expect(ledger.map((movement) => [movement.type, movement.quantity])).toEqual([
      ["TRANSFER", 2],
      ["TRANSFER", -2],
      ["WRITE_OFF", -3],
    ]);
  } finally {
    await api.dispose();
  }
});

test("a producer cannot open another producer's product by its address", async ({ page, baseURL }) => {
  const greenleaf = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  let productId: string;
  try {
    productId = (await inventoryRow(greenleaf, GREENLEAF_PRODUCT.name)).id;
  } finally {
    await greenleaf.dispose();
  }

  await signInToAdmin(page, LOGINS.harvestManager.email);
  await page.goto(`/admin/inventory/${productId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Product not found" })).toBeVisible();
  await expect(page.getByText(GREENLEAF_PRODUCT.name)).toHaveCount(0);
  await expect(page.getByText(GREENLEAF_PRODUCT.sku)).toHaveCount(0);
  await capturePage(page, "admin-product-not-found", { phoneScreens: 1 });

  // A malformed address is simply not found, too.
  await page.goto("/admin/inventory/not-a-product");
  await expect(page.getByRole("heading", { level: 1, name: "Product not found" })).toBeVisible();
});
