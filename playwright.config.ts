import { defineConfig, devices } from "@playwright/test";
import { MAIN_PORT, MAIN_URL, SHORT_HOLD_TTL_SECONDS, SHORT_TTL_PORT, SHORT_TTL_URL } from "./e2e/support/servers.ts";

// Browsers cannot be downloaded here (`npx playwright install` fails): use the system Chromium.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: Playwright runs outside turbo; the variable only picks the browser binary.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: "list",
  use: {
    baseURL: MAIN_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        viewport: { width: 1280, height: 800 },
        launchOptions: {
          executablePath: chromiumPath,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
  // The real system: builds the SPAs, starts embedded Postgres (its own .data/<cluster>), migrates, seeds the demo
  // data, and runs the server and worker. Playwright starts these one after the other (the second build is cached).
  webServer: [
    {
      command: "node_modules/.bin/tsx scripts/start.ts",
      url: `${MAIN_URL}/healthz`,
      env: { PORT: String(MAIN_PORT), STOCKROOM_CLUSTER: "e2e" },
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // The same system with holds that last seconds, for the storefront's lapsed-hold journey.
      command: "node_modules/.bin/tsx scripts/start.ts",
      url: `${SHORT_TTL_URL}/healthz`,
      env: { PORT: String(SHORT_TTL_PORT), STOCKROOM_CLUSTER: "e2e-short-ttl", HOLD_TTL_SECONDS: String(SHORT_HOLD_TTL_SECONDS) },
      timeout: 180_000,
      reuseExistingServer: !process.env.CI,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
