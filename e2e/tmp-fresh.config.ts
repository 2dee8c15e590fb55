// TEMPORARY (delete before handing over): the same suite on fresh clusters.
import { defineConfig } from "@playwright/test";
import base from "../playwright.config.ts";

const servers = Array.isArray(base.webServer) ? base.webServer : [];
export default defineConfig({
  ...base,
  testDir: ".",
  outputDir: "../test-results",
  webServer: servers.map((server) => ({
    ...server,
    cwd: "..",
    env: { ...server.env, STOCKROOM_CLUSTER: `${server.env?.STOCKROOM_CLUSTER}-sf${process.env.FRESH_SUFFIX ?? ""}` },
  })),
});
