import type { Page } from "@playwright/test";
import { signInToAdmin } from "./support/admin.ts";
import { latestMovements, productDetail, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { type CountView, countLine, locationWithLots } from "./support/counts.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

const PHONE = { width: 390, height: 844 };

async function enterCount(page: Page, lotNumber: string, typed: string | null, plusTaps = 0) {
  const line = countLine(page, lotNumber);
  await line.getByRole("button", { expanded: false }).click();
  const form = line.getByRole("form");
  if (typed !== null) await form.getByLabel("Units found").fill(typed);
  for (let i = 0; i < plusTaps; i++) await form.getByRole("button", { name: "One more" }).click();
  await form.getByRole("button", { name: "Add to count" }).click();
}

test("a cycle count of one location on a phone: count, recount, review the variances, approve; the dashboard shows its accuracy", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    // A shelf of its own with three lots: the count has exactly these lines, however often this runs.
    const tag = Date.now().toString(36).toUpperCase();
    const shelf = `Count shelf ${tag}`;
    const { productId } = await locationWithLots(api, shelf, [
      ["GL-003", `CS-${tag}`, 40],
      ["GL-005", `CA-${tag}`, 12],
      ["GL-007", `CB-${tag}`, 8],
    ]);
    const [a, b] = [productId("GL-005"), productId("GL-007")];

    await page.setViewportSize(PHONE);
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Counts" }).click();
    const start = page.getByRole("form", { name: "Start a count" });
    await start.getByLabel("Location").selectOption({ label: shelf });
    await start.getByRole("button", { name: "Start count" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Cycle: ${shelf}` })).toBeVisible();
    await expect(page.getByTestId("count-progress")).toHaveText("Counting · 0 of 3 lots counted");
    const countId = page.url().match(/counts\/([0-9a-f-]{36})/)?.[1] as string;

    await enterCount(page, `CS-${tag}`, "40");
    await enterCount(page, `CA-${tag}`, "10"); // 2 short: within the 2-unit threshold
    await enterCount(page, `CB-${tag}`, null, 5); // 3 short: asks for a recount
    await expect(countLine(page, `CB-${tag}`).getByTestId("counted")).toHaveText("5");
    await expect(countLine(page, `CA-${tag}`)).toContainText("of 12 expected");
    await expect(page.getByTestId("count-progress")).toHaveText("Counting · 3 of 3 lots counted · accuracy 33.3%");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "e2e/screenshots/admin-count-lines-phone.png" });

    await page.getByRole("tab", { name: "Review (1 to recount)" }).click();
    const differences = page.getByRole("list", { name: "Differences" });
    await expect(differences.getByRole("listitem")).toHaveCount(2);
    await expect(differences.locator(`[data-lot="CB-${tag}"]`)).toHaveClass(/variance-recount/);
    await expect(differences.locator(`[data-lot="CA-${tag}"]`)).toContainText("-2");
    await capturePage(page, "admin-count-review", { phoneScreens: 1 });
    await page.setViewportSize(PHONE);

    await page.getByRole("button", { name: "Ask for recounts (1)" }).click();
    await expect(page.getByText("1 lot sent back for a recount.")).toBeVisible();
    await page.getByRole("tab", { name: "Count" }).click();
    await expect(countLine(page, `CB-${tag}`)).toContainText("recount asked");
    await enterCount(page, `CB-${tag}`, "8");
    await expect(countLine(page, `CB-${tag}`).getByTestId("counted")).toHaveText("8");

    await page.getByRole("tab", { name: "Review" }).click();
    await expect(differences.getByRole("listitem")).toHaveCount(1);
    await page.getByRole("button", { name: "Approve", exact: true }).click();
    const confirm = page.getByRole("alertdialog", { name: "Approve this count?" });
    await expect(confirm).toContainText("1 movement will be written to the ledger");
    await confirm.getByRole("button", { name: "Approve and write 1" }).click();
    await expect(page.getByTestId("count-progress")).toHaveText("Approved · 3 of 3 lots counted · accuracy 66.7%");

    // The ledger: one COUNT movement, on lot A only, 12 -> 10.
    const count = await query<CountView>(api, "counts.get", { sessionId: countId });
    expect(count.status).toBe("APPROVED");
    expect(count.summary).toMatchObject({ lines: 3, counted: 3, matched: 2 });
    expect((await latestMovements(api, a)).filter((m) => m.type === "COUNT" && m.lotNumber === `CA-${tag}`)).toMatchObject([
      { quantity: -2, previousOnHand: 12, newOnHand: 10 },
    ]);
    expect((await latestMovements(api, b)).filter((m) => m.type === "COUNT" && m.lotNumber === `CB-${tag}`)).toEqual([]);
    const lotA = (await productDetail(api, a)).lots.find((l) => l.lotNumber === `CA-${tag}`);
    expect(lotA?.onHand).toBe(10);

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" }).click();
    await expect(page.locator(".stat-card", { hasText: "Stock accuracy" }).locator(".stat-value")).toHaveText("66.7%");
    await capturePage(page, "admin-dashboard-accuracy", { phoneScreens: 1 });

    // Analytics: the accuracy trend includes today's count (2 of 3 lots matched) next to the demo's.
    const to = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`/admin/analytics?from=${from}&to=${to}`);
    const trend = await query<{ day: string; countedLots: number; matchedLots: number }[]>(api, "counts.accuracyTrend", { from, to });
    expect(trend.length).toBeGreaterThanOrEqual(5);
    const counted = trend.reduce((sum, p) => sum + p.countedLots, 0);
    const matched = trend.reduce((sum, p) => sum + p.matchedLots, 0);
    const chart = page.getByRole("region", { name: "Stock accuracy" }).getByRole("figure");
    await expect(chart).toContainText(`of ${counted} counted lots matched the system over ${trend.length} days`);
    expect(matched).toBeLessThan(counted);
    await chart.scrollIntoViewIfNeeded();
    await chart.screenshot({ path: "e2e/screenshots/admin-accuracy-trend-desktop.png" });
  } finally {
    await api.dispose();
  }
});
