import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { chooseChromium, currentChromiumSources, noChromiumMessage } from "./chromium.ts";

/**
 * Run by `pnpm test:e2e` before anything is built or started: makes sure Playwright has a Chromium.
 * CHROMIUM_PATH if executable, else Playwright's own Chromium (downloaded now if it can be), else the
 * system's; with none, one message naming both ways and exit 1, before any browser test runs.
 * playwright.config.ts makes the same choice (chooseChromium) for the test run.
 */
async function main(): Promise<number> {
  let sources = await currentChromiumSources();
  let choice = chooseChromium(sources);
  if (!choice || choice.source === "system") {
    console.log("Downloading Playwright's Chromium (pnpm exec playwright install chromium)...");
    const cli = createRequire(import.meta.url).resolve("@playwright/test/cli");
    const install = spawnSync(process.execPath, [cli, "install", "chromium"], { encoding: "utf8", timeout: 600_000 });
    if (install.status === 0) sources = await currentChromiumSources();
    else {
      const reason = `${install.stderr ?? ""}\n${install.error?.message ?? ""}`.split("\n").find((line) => line.trim().length > 0) ?? `exit ${install.status}`;
      console.log(`Playwright could not download its Chromium (${reason.trim()}).`);
    }
    choice = chooseChromium(sources);
  }
  if (!choice) {
    console.error(noChromiumMessage(sources));
    return 1;
  }
  if (sources.chromiumPathEnv && choice.source !== "CHROMIUM_PATH") console.warn(`CHROMIUM_PATH=${sources.chromiumPathEnv} is not an executable file.`);
  console.log(`Chromium for the browser tests: ${choice.path} (${choice.source})`);
  return 0;
}

process.exitCode = await main();
