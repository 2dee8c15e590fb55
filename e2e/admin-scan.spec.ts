import type { BrowserContext } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { inventoryRow, latestMovements, mutate, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { type CountView, cancelOpenCounts, countLine, locationNamed, locationWithLots } from "./support/counts.ts";
import { LOGINS, GREENLEAF_BACK_STORE_PRODUCT as PRODUCT } from "./support/demo.ts";
import { fakeCameraArgs, writeBarcodeVideo } from "./support/fake-camera.ts";
import { test as base, expect } from "./support/test.ts";

// Chromium's camera shows a printed EAN-13 of GL-003 (generated with bwip-js for this run).
const video = writeBarcodeVideo(PRODUCT.barcode);
const test = base.extend<object, object>({
  launchOptions: [
    async ({ launchOptions }, use) => use({ ...launchOptions, args: [...(launchOptions.args ?? []), ...fakeCameraArgs(video)] }),
    { scope: "worker" },
  ],
});

const PHONE = { width: 390, height: 844 };

/** Every URL the context asks for (pages, workers, service worker), to prove nothing leaves our server. */
function recordRequests(context: BrowserContext): string[] {
  const urls: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  return urls;
}

function expectOnlyOurServer(urls: string[], baseURL: string) {
  const foreign = urls.filter((url) => !url.startsWith(`${new URL(baseURL).origin}/`) && !/^(data|blob):/.test(url));
  expect(foreign, "requests that left the local server").toEqual([]);
  // The ZXing reader's .wasm came from us (the package's default is a CDN).
  expect(urls.some((url) => /\/admin\/assets\/zxing_reader-[\w-]+\.wasm$/.test(url))).toBe(true);
}

test("a scan on the products page opens the scanned product", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const product = await inventoryRow(api, "Aspirin 300mg x32");
    expect((await query<{ product: { barcode: string } }>(api, "reports.product", { productId: product.id })).product.barcode).toBe(PRODUCT.barcode);
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.setViewportSize(PHONE);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Products" }).click();
    await page.getByRole("button", { name: "Scan" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/inventory/${product.id}`));
    await expect(page.getByRole("heading", { level: 1, name: "Aspirin 300mg x32" })).toBeVisible();
    expectOnlyOurServer(urls, String(baseURL));
  } finally {
    await api.dispose();
  }
});

test("a scan in receive mode opens the product's receive form", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafStaff.email);
  try {
    const product = await inventoryRow(api, "Aspirin 300mg x32");
    await signInToAdmin(page, LOGINS.greenleafStaff.email);
    await page.setViewportSize(PHONE);
    await page.goto("/admin/scan?mode=receive");
    await expect(page.getByRole("button", { name: "Receive", pressed: true })).toBeVisible();
    await page.getByRole("button", { name: "Scan a barcode" }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/inventory/${product.id}\\?action=receive`));
    await expect(page.getByRole("form", { name: "Receive stock" })).toBeVisible();
  } finally {
    await api.dispose();
  }
});

test("a scan in an open count adds one to the product's line", async ({ page, context, baseURL }) => {
  const urls = recordRequests(context);
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const backStore = await locationNamed(api, "Back store");
    await cancelOpenCounts(api, backStore.id);
    const { sessionId } = await mutate<{ sessionId: string }>(api, "counts.start", { kind: "CYCLE", locationId: backStore.id });
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.setViewportSize(PHONE);
    await page.goto(`/admin/counts/${sessionId}`);
    await expect(countLine(page, PRODUCT.backStoreLot).getByTestId("counted")).toHaveText("—");
    await page.getByRole("button", { name: "Scan", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "Scanned: +1" })).toContainText(`lot ${PRODUCT.backStoreLot}`);
    await expect(countLine(page, PRODUCT.backStoreLot).getByTestId("counted")).toHaveText("1");
    await page.screenshot({ path: "e2e/screenshots/admin-count-scan-phone.png" });
    const count = await query<CountView>(api, "counts.get", { sessionId });
    expect(count.lines.find((l) => l.lotNumber === PRODUCT.backStoreLot)).toMatchObject({ counted: 1, entries: 1 });
    expect(count.summary.counted).toBe(1);
    expectOnlyOurServer(urls, String(baseURL));
    await mutate(api, "counts.cancel", { sessionId, reason: "e2e: scanned once" });
  } finally {
    await api.dispose();
  }
});

test("a scan of a product with two lots in the count asks which lot, and counts the chosen one", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const tag = Date.now().toString(36).toUpperCase();
    const { location } = await locationWithLots(api, `Scan shelf ${tag}`, [
      ["GL-003", `SA-${tag}`, 5],
      ["GL-003", `SB-${tag}`, 7],
    ]);
    const { sessionId } = await mutate<{ sessionId: string }>(api, "counts.start", { kind: "CYCLE", locationId: location.id });
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.setViewportSize(PHONE);
    await page.goto(`/admin/counts/${sessionId}`);
    await page.getByRole("button", { name: "Scan", exact: true }).click();
    const choice = page.getByRole("group", { name: "Which lot of Aspirin 300mg x32?" });
    await expect(choice.getByRole("button")).toHaveCount(2);
    await page.screenshot({ path: "e2e/screenshots/admin-count-scan-which-lot-phone.png" });
    await choice.getByRole("button", { name: new RegExp(`Lot SB-${tag}`) }).click();
    await expect(countLine(page, `SB-${tag}`).getByTestId("counted")).toHaveText("1");
    const count = await query<CountView>(api, "counts.get", { sessionId });
    expect(count.lines.map((l) => [l.lotNumber, l.counted])).toEqual([
      [`SA-${tag}`, null],
      [`SB-${tag}`, 1],
    ]);
    await mutate(api, "counts.cancel", { sessionId, reason: "e2e: lot choice checked" });
  } finally {
    await api.dispose();
  }
});

test("quick adjust by scan: +2 with a reason from the list, written to the ledger once", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafStaff.email);
  try {
    const product = await inventoryRow(api, "Aspirin 300mg x32");
    const before = (await productDetail(api, product.id)).lots.find((l) => l.lotNumber === PRODUCT.backStoreLot);
    const seen = new Set((await latestMovements(api, product.id)).map((m) => m.id));
    await signInToAdmin(page, LOGINS.greenleafStaff.email);
    await page.setViewportSize(PHONE);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Scan" }).click();
    await page.getByRole("button", { name: "Quick adjust" }).click();
    await page.getByRole("button", { name: "Scan a barcode" }).click();
    const form = page.getByRole("form", { name: "Quick adjust Aspirin 300mg x32" });
    const lot = await form.getByLabel("Lot").locator("option", { hasText: PRODUCT.backStoreLot }).getAttribute("value");
    await form.getByLabel("Lot").selectOption(String(lot));
    await form.getByRole("button", { name: "One more" }).click();
    await form.getByRole("button", { name: "One more" }).click();
    // Producer staff choose from the list the server accepts from them.
    await form.getByLabel("Reason").selectOption("Found stock");
    await capturePage(page, "admin-quick-adjust-scan", { phoneScreens: 1 });
    await form.getByRole("button", { name: "Save adjust" }).click();
    await expect(page.getByRole("status").filter({ hasText: "saved" })).toContainText("Adjust +2 of Aspirin 300mg x32");
    const fresh = async () => (await latestMovements(api, product.id)).filter((m) => !seen.has(m.id));
    await expect.poll(async () => (await fresh()).length).toBe(1);
    expect(await fresh()).toMatchObject([
      { lotNumber: PRODUCT.backStoreLot, type: "ADJUSTMENT", quantity: 2, previousOnHand: before?.onHand, newOnHand: (before?.onHand ?? 0) + 2 },
    ]);
    await expect(page.getByRole("region", { name: "Offline changes" })).toHaveCount(0);
  } finally {
    await api.dispose();
  }
});
