import { describe, expect, it } from "vitest";
import { loadServerEnv } from "./env.ts";

describe("server env", () => {
  it("applies defaults when only DATABASE_URL is given", () => {
    expect(loadServerEnv({ DATABASE_URL: "postgresql://u:p@127.0.0.1:5432/db" })).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", SERVE_SPAS: true });
  });

  it("names each bad variable and the reason", () => {
    expect(() => loadServerEnv({ PORT: "eighty" })).toThrowError(/DATABASE_URL: .*\n.*PORT: /s);
    expect(() => loadServerEnv({ DATABASE_URL: "postgresql://x@h/db", SERVE_SPAS: "yes" })).toThrowError(/SERVE_SPAS: Invalid option/);
  });
});
