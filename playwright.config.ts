import { chromium, defineConfig, devices } from "@playwright/test";
import { MAIN_PORT, MAIN_URL, SHORT_HOLD_TTL_SECONDS, SHORT_TTL_PORT } from "./e2e/support/servers.ts";
import { chooseChromium } from "./scripts/chromium.ts";

// The Chromium scripts/ensure-browser.ts made sure of (`pnpm test:e2e` runs it first): CHROMIUM_PATH,
// else Playwright's own, else the system's on PATH (Debian: /usr/bin/chromium).
const chromiumPath = chooseChromium({
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: Playwright runs outside turbo; the variable only picks the browser binary.
  chromiumPathEnv: process.env.CHROMIUM_PATH,
  playwrightChromium: chromium.executablePath(),
  pathEnv: process.env.PATH,
})?.path;

/** One `pnpm start` on its own port and cluster; SIGTERM lets it stop the server, worker and Postgres cleanly. */
function system(name: string, port: number, cluster: string, env: Record<string, string> = {}) {
  return {
    name,
    command: "node_modules/.bin/tsx scripts/start.ts",
    url: `http://127.0.0.1:${port}/healthz`,
    // Every journey's browser comes from 127.0.0.1: the per-IP hold limit (600 a minute) is raised so
    // parallel journeys never share one budget; the per-cart limit keeps its default.
    env: { PORT: String(port), STOCKROOM_CLUSTER: cluster, RATE_LIMIT_HOLDS_PER_IP_PER_MIN: "100000", ...env },
    timeout: 180_000,
    reuseExistingServer: !process.env.CI,
    stdout: "ignore" as const,
    stderr: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
  };
}

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
    // Private webhook URLs allowed: admin-webhooks.spec.ts delivers to a receiver on 127.0.0.1.
    system("main", MAIN_PORT, "e2e", { WEBHOOKS_ALLOW_PRIVATE_URLS: "1", WEBHOOKS_DISPATCH_INTERVAL_MS: "200" }),
    // The same system with holds that last seconds, for the storefront's lapsed-hold journey.
    system("short-ttl", SHORT_TTL_PORT, "e2e-short-ttl", { HOLD_TTL_SECONDS: String(SHORT_HOLD_TTL_SECONDS) }),
  ],
});
