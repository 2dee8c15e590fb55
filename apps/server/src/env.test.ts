import { describe, expect, it } from "vitest";
import { appDatabaseUrl, loadServerEnv } from "./env.ts";

describe("server env", () => {
  it("applies defaults when only DATABASE_URL is given", () => {
    expect(loadServerEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" })).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", SERVE_SPAS: true });
  });

  it("connects as APP_DATABASE_URL when given (DATABASE_URL is then optional), else as DATABASE_URL", () => {
    const owner = "postgresql://owner:p@127.0.0.1:5432/db";
    const app = "postgresql://stockroom_app:p@127.0.0.1:5432/db";
    expect(appDatabaseUrl(loadServerEnv({ DATABASE_URL: owner, APP_DATABASE_URL: app }))).toBe(app);
    expect(appDatabaseUrl(loadServerEnv({ APP_DATABASE_URL: app }))).toBe(app);
    expect(appDatabaseUrl(loadServerEnv({ DATABASE_URL: owner, APP_DATABASE_URL: "" }))).toBe(owner);
    expect(() => loadServerEnv({ DATABASE_URL: owner, APP_DATABASE_URL: "not a url" })).toThrowError(/APP_DATABASE_URL: must be a postgres:\/\/ URL/);
  });

  it("has the cart limits and hold rate limits by default, 0 turning a rate limit off, and names a bad value", () => {
    const base = { DATABASE_URL: "postgresql://x@h/db" };
    expect(loadServerEnv(base)).toMatchObject({
      CART_MAX_PER_PRODUCT: 100,
      CART_MAX_UNITS: 500,
      RATE_LIMIT_HOLDS_PER_CART_PER_MIN: 60,
      RATE_LIMIT_HOLDS_PER_IP_PER_MIN: 600,
    });
    expect(loadServerEnv({ ...base, RATE_LIMIT_HOLDS_PER_IP_PER_MIN: "0" }).RATE_LIMIT_HOLDS_PER_IP_PER_MIN).toBe(0);
    expect(() => loadServerEnv({ ...base, RATE_LIMIT_HOLDS_PER_CART_PER_MIN: "-1", CART_MAX_PER_PRODUCT: "0" })).toThrowError(
      /CART_MAX_PER_PRODUCT: .*\n.*RATE_LIMIT_HOLDS_PER_CART_PER_MIN: /s,
    );
  });

  it("reads TRUST_PROXY as false (default), true, a hop count or proxy addresses", () => {
    const trustProxy = (value?: string) => loadServerEnv({ DATABASE_URL: "postgresql://x@h/db", TRUST_PROXY: value }).TRUST_PROXY;
    expect([trustProxy(), trustProxy("false"), trustProxy("true"), trustProxy("2"), trustProxy("10.0.0.1,10.0.0.0/8")]).toEqual([
      false,
      false,
      true,
      2,
      "10.0.0.1,10.0.0.0/8",
    ]);
  });

  it("marks cookies Secure by default in production only, and COOKIE_SECURE decides when given", () => {
    const secure = (env: Record<string, string>) => loadServerEnv({ DATABASE_URL: "postgresql://x@h/db", ...env }).COOKIE_SECURE;
    expect([
      secure({}),
      secure({ NODE_ENV: "production" }),
      secure({ NODE_ENV: "production", COOKIE_SECURE: "false" }),
      secure({ COOKIE_SECURE: "true" }),
    ]).toEqual([false, true, false, true]);
  });

  it("PUBLIC_URL defaults to localhost on the port; INVITE_TTL_HOURS to 72; a bad one is named", () => {
    const db = "postgresql://x@h/db";
    expect(loadServerEnv({ DATABASE_URL: db, PORT: "3100" })).toMatchObject({ PUBLIC_URL: "http://localhost:3100", INVITE_TTL_HOURS: 72 });
    expect(loadServerEnv({ DATABASE_URL: db, PUBLIC_URL: "https://stock.example.com", INVITE_TTL_HOURS: "24" })).toMatchObject({
      PUBLIC_URL: "https://stock.example.com",
      INVITE_TTL_HOURS: 24,
    });
    expect(() => loadServerEnv({ DATABASE_URL: db, PUBLIC_URL: "stock.example.com" })).toThrowError(/PUBLIC_URL: must be a URL/);
  });

  it("reads the account settings: idle minutes, reset link lifetime, and PUBLIC_URL without a trailing slash", () => {
    const env = (vars: Record<string, string> = {}) => loadServerEnv({ DATABASE_URL: "postgresql://x@h/db", ...vars });
    expect(env()).toMatchObject({ SESSION_IDLE_MINUTES: 60, PASSWORD_RESET_TTL_MINUTES: 60, PUBLIC_URL: "http://localhost:3000" });
    expect(env({ PUBLIC_URL: "https://stock.example.com/", SESSION_IDLE_MINUTES: "15" })).toMatchObject({
      PUBLIC_URL: "https://stock.example.com",
      SESSION_IDLE_MINUTES: 15,
    });
    expect(() => env({ PUBLIC_URL: "stock.example.com" })).toThrowError(/PUBLIC_URL: must be a URL/);
    expect(() => env({ SESSION_IDLE_MINUTES: "0" })).toThrowError(/SESSION_IDLE_MINUTES: /);
  });

  it("names each bad variable and the reason", () => {
    expect(() => loadServerEnv({ PORT: "eighty" })).toThrowError(/DATABASE_URL: .*\n.*PORT: /s);
    expect(() => loadServerEnv({ DATABASE_URL: "postgresql://x@h/db", SERVE_SPAS: "yes" })).toThrowError(/SERVE_SPAS: Invalid option/);
  });
});
