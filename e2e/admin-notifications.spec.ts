import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { mutate, query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface Settings {
  recipients: { EMAIL: string[]; SMS: string[]; WHATSAPP: string[] };
  lowStockChannels: string[];
  escalationChannels: string[];
  expiryChannels: string[];
  quietHours: { startHour: number; endHour: number } | null;
}

interface Notification {
  id: string;
  recipient: string;
  subject: string | null;
  body: string;
  status: string;
}

test("the delivery log shows outbox messages, and alert settings are checked and saved", async ({ page, baseURL }) => {
  const api = await staffApi(String(baseURL), LOGINS.harvestManager.email);
  const me = await query<{ producerId: string }>(api, "auth.me", null);
  const original = await query<Settings>(api, "alerts.settings", { producerId: me.producerId });
  try {
    // The demo's low-stock alerts go to the outbox (no provider configured): wait until the worker has
    // written one and the log has stopped changing, so the page shows what the API last said.
    let log: { items: Notification[] } = { items: [] };
    let previous = "";
    await expect
      .poll(
        async () => {
          log = await query<{ items: Notification[] }>(api, "alerts.notifications", { limit: 50 });
          const now = log.items.map((item) => `${item.id}:${item.status}`).join();
          const isSettled = now === previous && log.items.some((item) => item.status === "OUTBOX");
          previous = now;
          return isSettled;
        },
        { timeout: 30_000, intervals: [500] },
      )
      .toBe(true);
    await signInToAdmin(page, LOGINS.harvestManager.email);
    await openSettingsPage(page, "Notifications");

    const items = page.getByRole("list", { name: "Notifications" }).getByRole("listitem");
    await expect(items).toHaveCount(log.items.length);
    const outbox = log.items.find((item) => item.status === "OUTBOX") as Notification;
    const shown = items.filter({ hasText: "Message in the outbox" }).first();
    await expect(shown).toContainText(outbox.recipient);
    await expect(shown.locator(".outbox-body")).toBeVisible();
    await expect(page.getByText(outbox.body, { exact: true }).first()).toBeVisible();
    // A filter with rows: only the outbox messages are listed.
    await page.getByLabel("Status").selectOption({ label: "Outbox" });
    await expect(page).toHaveURL(/[?&]status=OUTBOX/);
    await expect(items).toHaveCount(log.items.filter((item) => item.status === "OUTBOX").length);
    await expect(items.filter({ hasText: "Message in the outbox" })).toHaveCount(log.items.filter((item) => item.status === "OUTBOX").length);
    await page.getByLabel("Status").selectOption({ label: "Any status" });

    const form = page.getByRole("form", { name: "Alert settings" });
    await expect(form.getByLabel("Email recipients")).toHaveValue(original.recipients.EMAIL.join("\n"));

    // A malformed number is caught before sending.
    await form.getByLabel("SMS recipients").fill("08012345678");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByText("“08012345678”: use international format, e.g. +2348012345678.")).toBeVisible();

    // The server's rule: a channel needs a recipient. Its message, next to the field.
    await form.getByLabel("SMS recipients").fill("");
    await form.getByRole("group", { name: "Low stock" }).getByLabel("SMS").check();
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("alert")).toHaveText("Add at least one sms recipient or turn that channel off.");
    await expect(form.getByText("required by a selected channel")).toBeVisible();
    await expect(form.getByLabel("SMS recipients")).toHaveAttribute("aria-invalid", "true");
    await capturePage(page, "admin-notifications-error", { phoneScreens: 3 });
    expect(await query<Settings>(api, "alerts.settings", { producerId: me.producerId })).toEqual(original);

    // Fixed: saved, and still there after a reload.
    await form.getByLabel("SMS recipients").fill("+2348012345678");
    await form.getByLabel("From").selectOption("22");
    await form.getByLabel("Until").selectOption("6");
    await form.getByRole("button", { name: "Save settings" }).click();
    await expect(form.getByRole("status")).toHaveText("Alert settings saved.");
    await page.reload();
    await expect(form.getByLabel("SMS recipients")).toHaveValue("+2348012345678");
    await expect(form.getByRole("group", { name: "Low stock" }).getByLabel("SMS")).toBeChecked();
    await expect(form.getByLabel("From")).toHaveValue("22");
    const saved = await query<Settings>(api, "alerts.settings", { producerId: me.producerId });
    expect(saved.recipients.SMS).toEqual(["+2348012345678"]);
    expect(saved.lowStockChannels).toContain("SMS");
    expect(saved.quietHours).toEqual({ startHour: 22, endHour: 6 });
    await capturePage(page, "admin-notifications", { phoneScreens: 3 });
  } finally {
    // Put the producer's settings back for the next run (and other journeys that send alerts).
    await mutate(api, "alerts.updateSettings", {
      producerId: me.producerId,
      emailRecipients: original.recipients.EMAIL,
      smsRecipients: original.recipients.SMS,
      whatsappRecipients: original.recipients.WHATSAPP,
      lowStockChannels: original.lowStockChannels,
      escalationChannels: original.escalationChannels,
      expiryChannels: original.expiryChannels,
      quietHoursStartHour: original.quietHours?.startHour ?? null,
      quietHoursEndHour: original.quietHours?.endHour ?? null,
    });
    await api.dispose();
  }
});
