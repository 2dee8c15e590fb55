import { signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

test("analytics charts draw the server's data, with the period in the URL", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    const to = isoDay(new Date());
    const from = isoDay(new Date(Date.now() - 29 * 86_400_000));
    const series = await query<{ inUnits: number; outUnits: number; writeOffUnits: number }[]>(api, "reports.movementSeries", { from, to, bucket: "day" });
    const unitsIn = series.reduce((sum, point) => sum + point.inUnits, 0);
    expect(unitsIn, "the seed received stock within the last 30 days").toBeGreaterThan(0);
    const profit = await query<{ products: unknown[]; categories: unknown[] }>(api, "reports.profitability", { from, to });

    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Analytics" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
    await expect(page.getByLabel("From", { exact: true })).toHaveValue(from);
    await expect(page.getByLabel("To", { exact: true })).toHaveValue(to);

    const movement = page.getByRole("region", { name: "Stock movement" });
    await expect(movement.locator("svg .recharts-bar-rectangle path").first()).toBeVisible();
    await expect(movement).toContainText(`${unitsIn.toLocaleString("en-GB")} units in`);
    await expect(movement.locator(".recharts-legend-wrapper")).toContainText("In");
    await expect(movement.locator(".recharts-legend-wrapper")).toContainText("Written off");
    await expect(movement.locator("svg").getByText("Units", { exact: true })).toBeVisible();

    const trend = page.getByRole("region", { name: "Low-stock trend" });
    await expect(trend.locator("svg path.recharts-area-curve")).toHaveCount(1);
    expect((await trend.locator("svg path.recharts-area-curve").getAttribute("d"))?.length ?? 0).toBeGreaterThan(20);
    await expect(trend.locator("svg").getByText("Open alerts", { exact: true })).toBeVisible();

    const profitability = page.getByRole("region", { name: "Profitability" });
    if (profit.products.length > 0) {
      await expect(profitability.locator("svg .recharts-bar-rectangle path").first()).toBeVisible();
      await expect(profitability.locator("tbody tr")).toHaveCount(profit.products.length);
    } else {
      await expect(profitability.getByText("Nothing was sold in this period")).toBeVisible();
    }
    await expect(page.getByRole("region", { name: "Restock recommendations" })).toBeVisible();
    await capturePage(page, "admin-analytics", { phoneScreens: 4 });

    // By week: the choice lands in the URL and the chart redraws per week.
    await movement.getByRole("button", { name: "By week" }).click();
    await expect(page).toHaveURL(/[?&]bucket=week/);
    await expect(movement).toContainText("per week");
    await expect(movement.locator("svg .recharts-bar-rectangle path").first()).toBeVisible();

    // A period with no activity draws no bars: the chart says so instead.
    await page.goto("/admin/analytics?from=2001-01-01&to=2001-01-31");
    await expect(page.getByLabel("From", { exact: true })).toHaveValue("2001-01-01");
    await expect(movement.getByText("No stock movements in this period")).toBeVisible();
    await expect(profitability.getByText("Nothing was sold in this period")).toBeVisible();
  } finally {
    await api.dispose();
  }
});
