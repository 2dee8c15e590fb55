import { describe, expect, it } from "vitest";
import { appDatabaseUrl, loadWorkerEnv } from "./env.ts";

describe("worker env", () => {
  it("names the missing DATABASE_URL and a bad number", () => {
    expect(() => loadWorkerEnv({ SHUTDOWN_TIMEOUT_MS: "-5" })).toThrowError(/DATABASE_URL: .*\n.*SHUTDOWN_TIMEOUT_MS: /s);
  });

  it("connects as APP_DATABASE_URL when given (DATABASE_URL is then optional), else as DATABASE_URL", () => {
    const owner = "postgresql://owner:p@127.0.0.1:5432/db";
    const app = "postgresql://stockroom_app:p@127.0.0.1:5432/db";
    expect(appDatabaseUrl(loadWorkerEnv({ DATABASE_URL: owner, APP_DATABASE_URL: app }))).toBe(app);
    expect(appDatabaseUrl(loadWorkerEnv({ APP_DATABASE_URL: app }))).toBe(app);
    expect(appDatabaseUrl(loadWorkerEnv({ DATABASE_URL: owner }))).toBe(owner);
  });
});
