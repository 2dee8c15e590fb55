import { randomUUID } from "node:crypto";
import { openSettingsPage, signInToAdmin } from "./support/admin.ts";
import { query, staffApi } from "./support/admin-api.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

interface NotificationItem {
  recipient: string;
  body: string;
}

/** The link in the invitation email, read through the API as the admin who sent it (their notification log). */
async function invitationPath(baseURL: string, adminEmail: string, to: string): Promise<string> {
  const api = await staffApi(baseURL, adminEmail);
  try {
    const log = await query<{ items: NotificationItem[] }>(api, "alerts.notifications", { limit: 50 });
    const body = log.items.find((item) => item.recipient === to)?.body ?? "";
    const link = /https?:\/\/\S+\/admin\/accept-invite\?token=[\w-]+/.exec(body)?.[0];
    if (!link) throw new Error(`no invitation link for ${to} in the notification log`);
    const url = new URL(link);
    return `${url.pathname}${url.search}`;
  } finally {
    await api.dispose();
  }
}

test("the producer admin invites a colleague, who accepts the link and lands signed in", async ({ page, browser, baseURL }) => {
  const colleague = `colleague-${randomUUID().slice(0, 8)}@greenleaf.test`;
  await signInToAdmin(page, LOGINS.greenleafManager.email);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Producers" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Settings" }).click();
  // A producer admin's settings: staff, notifications, the audit log; producers are the platform's.
  await expect(page.getByRole("main").getByRole("link", { name: /^Producers\b/ })).toHaveCount(0);
  await capturePage(page, "admin-settings", { phoneScreens: 1 });
  await openSettingsPage(page, "Staff");
  // On a settings page the header still shows where it lives.
  await expect(nav.getByRole("link", { name: "Settings" })).toHaveAttribute("class", /active/);
  await expect(page.getByRole("row", { name: new RegExp(LOGINS.greenleafStaff.name) })).toBeVisible();

  const form = page.getByRole("form", { name: "Invite staff" });
  await form.getByLabel("Email").fill("not an email");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("Enter a valid email address.")).toBeVisible();
  // The server's refusal lands on the field: this person already has an account.
  await form.getByLabel("Email").fill(LOGINS.greenleafViewer.email);
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByText("This person already has an account.").first()).toBeVisible();

  await form.getByLabel("Email").fill(colleague);
  await form.getByLabel("Role").selectOption({ label: "Viewer (read only)" });
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(form.getByRole("status")).toHaveText(`Invitation sent to ${colleague}.`);
  const invitations = page.getByRole("region", { name: "Open invitations" });
  await expect(invitations.getByRole("row", { name: new RegExp(colleague) })).toBeVisible();
  await capturePage(page, "admin-staff");

  await openSettingsPage(page, "Audit log");
  await page.getByLabel("Action").selectOption({ label: "Staff invited" });
  await expect(page).toHaveURL(/action=staff\.invited/);
  await expect(page.getByRole("row", { name: new RegExp(`${colleague} as Viewer`) })).toBeVisible();
  await capturePage(page, "admin-audit");

  const path = await invitationPath(String(baseURL), LOGINS.greenleafManager.email, colleague);
  const context = await browser.newContext({ baseURL });
  try {
    const fresh = await context.newPage();
    await fresh.goto(path);
    await expect(fresh.getByRole("heading", { name: "Accept invitation" })).toBeVisible();
    await expect(fresh.getByText(`${LOGINS.greenleafManager.name} (${LOGINS.greenleafManager.email}) invited`)).toBeVisible();
    await capturePage(fresh, "admin-accept-invite", { phoneScreens: 1 });
    await fresh.getByLabel("Your name").fill("Cora Colleague");
    await fresh.getByLabel("Password", { exact: true }).fill("a long new password");
    await fresh.getByLabel("Confirm password").fill("a different one!!");
    await fresh.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(fresh.getByText("The passwords do not match.")).toBeVisible();
    await fresh.getByLabel("Confirm password").fill("a long new password");
    await fresh.getByRole("button", { name: "Create account and sign in" }).click();
    await expect(fresh.getByRole("heading", { name: "Products" })).toBeVisible();
    await expect(fresh.getByText("Cora Colleague")).toBeVisible();
    await expect(fresh.getByText("Viewer (read only)")).toBeVisible();
    await capturePage(fresh, "admin-accept-invite-done", { phoneScreens: 1 });

    // The link worked once.
    await fresh.goto(path);
    await expect(fresh.getByText("This invitation link is no longer valid")).toBeVisible();
  } finally {
    await context.close();
  }
});
