import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { createDb } from "@stockroom/db";
import { useTestDatabase } from "@stockroom/db/testing";
import { createTestDeps } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer, SESSION_COOKIE } from "./app.ts";

// The REST routes' one error handler: the same codes as tRPC, and nothing internal in the answer.
const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
const env = { LOG_LEVEL: "error" as const, SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false };
const csrf = { "content-type": "application/json", "x-stockroom-csrf": "1" };

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
});
afterAll(() => testDeps.close());

function logLines() {
  const lines: { msg: string; requestId?: string; err?: { message: string } }[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, stream };
}

describe("REST errors", () => {
  it("an unknown error is a 500 with a generic message and the request id; the cause is only logged", async () => {
    const log = logLines();
    // A database nothing listens on: building the request context (the session lookup) fails.
    const deps = { ...testDeps.deps, db: createDb("postgresql://nobody:nothing@127.0.0.1:1/none", { maxConnections: 1 }) };
    const broken = await buildServer({ env, deps, logStream: log.stream });
    try {
      const response = await broken.inject({
        method: "POST",
        url: `/api/orders/${randomUUID()}/status`,
        headers: { ...csrf, cookie: `${SESSION_COOKIE}=some-session-token`, "x-request-id": "rest-500" },
        payload: { status: "CONFIRMED" },
      });
      expect(response.statusCode).toBe(500);
      expect(response.json()).toEqual({
        error: {
          code: "INTERNAL_SERVER_ERROR",
          message: "Something went wrong on our side. Please try again.",
          fields: null,
          details: null,
          requestId: "rest-500",
        },
      });
      const logged = log.lines.filter((line) => line.msg === "unhandled error in REST route");
      expect(logged.map((line) => line.requestId)).toEqual(["rest-500"]);
      expect(logged[0]?.err?.message).toBeTruthy();
      expect(response.body).not.toContain(logged[0]?.err?.message);
    } finally {
      await broken.close();
      await deps.db.$disconnect();
    }
  });

  it("domain and transport failures keep their codes: 401 signed out, 400 for a body that is not JSON", async () => {
    const app = await buildServer({ env, deps: testDeps.deps });
    try {
      const signedOut = await app.inject({
        method: "POST",
        url: `/api/orders/${randomUUID()}/status`,
        headers: { ...csrf, "x-request-id": "rest-401" },
        payload: { status: "CONFIRMED" },
      });
      expect(signedOut.statusCode).toBe(401);
      expect(signedOut.json().error).toMatchObject({ code: "UNAUTHENTICATED", message: "Please sign in.", requestId: "rest-401" });

      const notJson = await app.inject({ method: "POST", url: "/api/cart/reserve", headers: { ...csrf, "x-request-id": "rest-400" }, payload: "{not json" });
      expect(notJson.statusCode).toBe(400);
      expect(notJson.json().error).toMatchObject({ code: "BAD_REQUEST", requestId: "rest-400" });
    } finally {
      await app.close();
    }
  });
});
