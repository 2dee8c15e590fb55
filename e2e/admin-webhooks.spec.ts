import http from "node:http";
import type { AddressInfo } from "node:net";
import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { mutate, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

/** A receiver on this machine (the e2e system allows private webhook URLs): answers 200 and keeps what came. */
async function startReceiver() {
  const received: { id: string; type: string; signature: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      received.push({ id: String(req.headers["webhook-id"]), type: JSON.parse(body).type, signature: String(req.headers["webhook-signature"]) });
      res.writeHead(200).end("ok, got it");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stockroom`, received, close: () => new Promise((r) => server.close(r)) };
}

test("an admin adds a webhook endpoint, reveals its secret, sends a test event and sees it delivered", async ({ page, baseURL }) => {
  const receiver = await startReceiver();
  const api = await staffApi(String(baseURL), LOGINS.greenleafManager.email);
  try {
    await signInToAdmin(page, LOGINS.greenleafManager.email);
    await openSettingsPage(page, "Webhooks");
    const form = page.getByRole("form", { name: "New endpoint" });

    // No event chosen: the form says which field, nothing is sent.
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByText("Choose at least one event.")).toBeVisible();

    await form.getByLabel("Description (optional)").fill("Warehouse ERP");
    await form.getByLabel("stock.updated").check();
    await form.getByLabel("order.created").check();
    await form.getByRole("button", { name: "Add endpoint" }).click();
    await expect(form.getByRole("status")).toHaveText(`Added ${receiver.url}.`);
    const row = page.locator("table.webhooks-table tbody tr", { hasText: receiver.url });
    await expect(row.locator(".webhook-event-list > span")).toHaveText(["stock.updated", "order.created"]);
    await expect(row).toContainText("On");

    await row.getByRole("link", { name: receiver.url }).click();
    const deliveries = page.getByRole("region", { name: "Deliveries" });
    await expect(deliveries.getByTestId("webhook-secret")).toHaveText(/^whsec_…/);
    await deliveries.getByRole("button", { name: "Reveal" }).click();
    await expect(deliveries.getByTestId("webhook-secret")).toHaveText(/^whsec_[A-Za-z0-9+/]{43}=$/);

    await deliveries.getByRole("button", { name: "Send test event" }).click();
    await expect(deliveries.getByRole("status")).toHaveText("Test event queued.");
    await expect.poll(() => receiver.received.filter((r) => r.type === "webhook.test").length, { timeout: 20_000 }).toBe(1);
    const logRow = deliveries.locator("table.webhook-deliveries tbody tr", { hasText: "webhook.test" });
    await expect(logRow).toContainText("Delivered", { timeout: 15_000 });
    await expect(logRow).toContainText("HTTP 200");
    await expect(logRow).toContainText("ok, got it");
    expect(receiver.received[0]?.signature).toMatch(/^v1,/);
    await capturePage(page, "admin-webhooks", { phoneScreens: 3 });
  } finally {
    const endpoints = await query<{ id: string; url: string }[]>(api, "webhooks.list", {});
    for (const endpoint of endpoints.filter((e) => e.url === receiver.url)) await mutate(api, "webhooks.delete", { endpointId: endpoint.id });
    await receiver.close();
  }
});
