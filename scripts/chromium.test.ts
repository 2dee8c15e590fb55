import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { chooseChromium, noChromiumMessage } from "./chromium.ts";

const dir = mkdtempSync(path.join(tmpdir(), "chromium-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(relative: string, mode: number): string {
  const full = path.join(dir, relative);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, "#!/bin/sh\n");
  chmodSync(full, mode);
  return full;
}

const custom = file("custom/chrome", 0o755);
const playwright = file("ms-playwright/chromium/chrome", 0o755);
const notExecutable = file("plain/chrome", 0o644);
const systemBin = path.dirname(file("system-bin/chromium", 0o755));
const emptyBin = path.join(dir, "empty-bin");
mkdirSync(emptyBin);
const missing = path.join(dir, "nowhere/chrome");

describe("choosing Chromium for Playwright", () => {
  it("takes CHROMIUM_PATH first, then Playwright's own, then a chromium on PATH", () => {
    expect(chooseChromium({ chromiumPathEnv: custom, playwrightChromium: playwright, pathEnv: systemBin })).toEqual({ path: custom, source: "CHROMIUM_PATH" });
    expect(chooseChromium({ chromiumPathEnv: undefined, playwrightChromium: playwright, pathEnv: systemBin })).toEqual({
      path: playwright,
      source: "playwright",
    });
    expect(chooseChromium({ chromiumPathEnv: undefined, playwrightChromium: missing, pathEnv: `${emptyBin}:${systemBin}` })).toEqual({
      path: path.join(systemBin, "chromium"),
      source: "system",
    });
  });

  it("skips a CHROMIUM_PATH that is missing, not executable or a directory", () => {
    for (const chromiumPathEnv of [missing, notExecutable, dir])
      expect(chooseChromium({ chromiumPathEnv, playwrightChromium: playwright, pathEnv: systemBin })?.source).toBe("playwright");
  });

  it("finds none when nothing is executable, and the message names both ways", () => {
    const sources = { chromiumPathEnv: missing, playwrightChromium: missing, pathEnv: `${emptyBin}:${path.dirname(notExecutable)}` };
    expect(chooseChromium(sources)).toBeNull();
    const message = noChromiumMessage(sources);
    expect(message).toContain(`CHROMIUM_PATH=${missing} is not an executable file.`);
    expect(message).toContain("`apt-get install chromium`");
    expect(message).toContain("`pnpm exec playwright install chromium`");
  });

  it("the script stops with that one message and exit 1 on a machine with none (the download fails)", () => {
    const home = path.join(dir, "home");
    mkdirSync(home);
    const run = spawnSync(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "ensure-browser.ts")], {
      encoding: "utf8",
      timeout: 60_000,
      env: {
        HOME: home,
        PATH: emptyBin,
        CHROMIUM_PATH: missing,
        PLAYWRIGHT_BROWSERS_PATH: path.join(home, "browsers"),
        // Nothing listens there: the download fails at once, here and on a machine with internet.
        PLAYWRIGHT_DOWNLOAD_HOST: "http://127.0.0.1:9",
      },
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("Playwright could not download its Chromium");
    expect(run.stderr.match(/No Chromium for the browser tests/g)).toHaveLength(1);
    expect(run.stderr).toContain("`apt-get install chromium`");
    expect(run.stderr).toContain("`pnpm exec playwright install chromium`");
  });
});
