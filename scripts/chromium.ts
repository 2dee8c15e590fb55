import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Where a Chromium for Playwright may come from, in the order they are tried. */
export interface ChromiumSources {
  /** The user's choice (CHROMIUM_PATH), used when it is an executable file. */
  chromiumPathEnv: string | undefined;
  /** Where Playwright's own Chromium is (or would be) installed: `chromium.executablePath()`. */
  playwrightChromium: string | undefined;
  /** PATH, searched for a system Chromium (Debian's `chromium` is /usr/bin/chromium). */
  pathEnv: string | undefined;
}

export type ChromiumChoice = { path: string; source: "CHROMIUM_PATH" | "playwright" | "system" };

const SYSTEM_NAMES = ["chromium", "chromium-browser"];

export function isExecutableFile(file: string | undefined): file is string {
  if (!file) return false;
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** A system Chromium on PATH, if any. */
export function systemChromium(pathEnv: string | undefined): string | undefined {
  const dirs = (pathEnv ?? "").split(path.delimiter).filter(Boolean);
  for (const name of SYSTEM_NAMES) {
    const found = dirs.map((dir) => path.join(dir, name)).find(isExecutableFile);
    if (found) return found;
  }
  return undefined;
}

/** CHROMIUM_PATH when executable, else Playwright's own Chromium when installed, else a system one; null when there is none. */
export function chooseChromium(sources: ChromiumSources): ChromiumChoice | null {
  if (isExecutableFile(sources.chromiumPathEnv)) return { path: sources.chromiumPathEnv, source: "CHROMIUM_PATH" };
  if (isExecutableFile(sources.playwrightChromium)) return { path: sources.playwrightChromium, source: "playwright" };
  const system = systemChromium(sources.pathEnv);
  return system ? { path: system, source: "system" } : null;
}

/** What this process would use: its environment, and where this Playwright keeps its Chromium. */
export async function currentChromiumSources(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumSources> {
  const { chromium } = await import("@playwright/test");
  return { chromiumPathEnv: env.CHROMIUM_PATH || undefined, playwrightChromium: chromium.executablePath(), pathEnv: env.PATH };
}

/** The one message for a machine with no Chromium: both ways to get one. */
export function noChromiumMessage(sources: ChromiumSources): string {
  const lines = [
    "No Chromium for the browser tests, so they were not started.",
    sources.chromiumPathEnv ? `CHROMIUM_PATH=${sources.chromiumPathEnv} is not an executable file.` : null,
    `Playwright's Chromium is not installed${sources.playwrightChromium ? ` (${sources.playwrightChromium})` : ""} and could not be downloaded,`,
    "and there is no chromium on PATH. Either:",
    "  - install the system one: `apt-get install chromium` (gives /usr/bin/chromium), or set CHROMIUM_PATH to a Chromium or Chrome binary;",
    "  - or download Playwright's own: `pnpm exec playwright install chromium`.",
    "Then run `pnpm test` (or `pnpm test:e2e`) again.",
  ];
  return lines.filter((line) => line !== null).join("\n");
}
