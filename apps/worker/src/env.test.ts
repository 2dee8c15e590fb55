import { describe, expect, it } from "vitest";
import { loadWorkerEnv } from "./env.ts";

describe("worker env", () => {
  it("names the missing DATABASE_URL and a bad number", () => {
    expect(() => loadWorkerEnv({ SHUTDOWN_TIMEOUT_MS: "-5" })).toThrowError(/DATABASE_URL: .*\n.*SHUTDOWN_TIMEOUT_MS: /s);
  });
});
