import { signInToAdmin } from "./support/admin.ts";
import { capturePage } from "./support/admin-screens.ts";
import { LOGINS } from "./support/demo.ts";
import { expect, test } from "./support/test.ts";

test("the admin is an installable app: manifest, icons and a service worker with /admin/ scope, served uncached", async ({ request }) => {
  const manifest = await request.get("/admin/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  expect(manifest.headers()["cache-control"]).toBe("no-cache");
  const body = (await manifest.json()) as {
    name: string;
    start_url: string;
    scope: string;
    display: string;
    theme_color: string;
    icons: { src: string; sizes: string; purpose: string }[];
  };
  expect(body).toMatchObject({ name: "Stockroom Admin", start_url: "/admin/", scope: "/admin/", display: "standalone", theme_color: "#1f6f5c" });
  expect(body.icons.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(["192x192 any", "192x192 maskable", "512x512 any", "512x512 maskable"]);
  for (const icon of body.icons) {
    const png = await request.get(`/admin/${icon.src}`);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
  }

  const sw = await request.get("/admin/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["content-type"]).toContain("javascript");
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  expect(sw.headers()["service-worker-allowed"]).toBe("/admin/");
  const script = await sw.text();
  // It precaches the shell, the barcode reader's worker and its .wasm.
  expect(script).toContain('"index.html"');
  const worker = script.match(/assets\/barcode-worker-[\w-]+\.js/)?.[0];
  expect(script).toMatch(/assets\/zxing_reader-[\w-]+\.wasm/);
  expect(worker).toBeTruthy();

  // Only the barcode worker may compile WebAssembly; the pages keep script-src 'self'.
  const workerCsp = (await request.get(`/admin/${worker}`)).headers()["content-security-policy"];
  expect(workerCsp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const pageCsp = (await request.get("/admin/")).headers()["content-security-policy"];
  expect(pageCsp).toContain("script-src 'self';");
});

test("after one visit the admin's shell opens with no connection", async ({ page, context }) => {
  await signInToAdmin(page, LOGINS.greenleafStaff.email);
  // The service worker is installed (its precache filled) and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
  });
  // API calls pass the worker untouched: a page-level route still sees them (other specs rely on it).
  let isRouted = false;
  await page.route("**/trpc/**counts.list**", async (route) => {
    isRouted = true;
    await route.continue();
  });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Counts" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Counts" })).toBeVisible();
  expect(isRouted).toBe(true);
  await page.unrouteAll({ behavior: "wait" });

  await context.setOffline(true);
  await page.goto("/admin/counts");
  await expect(page.getByRole("heading", { level: 1, name: "You are offline" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await capturePage(page, "admin-pwa-offline", { phoneScreens: 1 });
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Counts" })).toBeVisible();
});
