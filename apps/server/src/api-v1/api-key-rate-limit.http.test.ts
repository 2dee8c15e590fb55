import { useTestDatabase } from "@stockroom/db/testing";
import { createApiKey } from "@stockroom/domain";
import { createStockWorld, createTestDeps } from "@stockroom/domain/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildServer } from "../app.ts";

const database = useTestDatabase();
let app: FastifyInstance;
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;

beforeAll(async () => {
  testDeps = await createTestDeps(database.current.appDb, database.current.appUrl);
  app = await buildServer({
    env: { LOG_LEVEL: "silent", SESSION_TTL_HOURS: 12, SERVE_SPAS: false, COOKIE_SECURE: false, RATE_LIMIT_API_KEY_PER_MIN: 3 },
    deps: testDeps.deps,
  });
});
afterAll(async () => {
  await app.close();
  await testDeps.close();
});

it("counts requests per key: past RATE_LIMIT_API_KEY_PER_MIN a key gets 429 with Retry-After, another key does not", async () => {
  const world = await createStockWorld(database.current.db);
  const [busy, quiet] = await Promise.all(
    ["Busy", "Quiet"].map((name) => createApiKey(testDeps.deps, world.admin, { producerId: world.producer.id, name, scopes: ["read"] })),
  );
  const get = (secret: string) => app.inject({ method: "GET", url: "/api/v1/products", headers: { authorization: `Bearer ${secret}` } });
  const answers = await Promise.all([1, 2, 3, 4, 5].map(() => get(busy?.secret as string)));
  expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 200, 429, 429]);
  const refused = answers.find((a) => a.statusCode === 429);
  expect(Number(refused?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(Number(refused?.headers["retry-after"])).toBeLessThanOrEqual(60);
  expect(refused?.json()).toMatchObject({ status: 429, code: "RATE_LIMITED", details: { limitPerMinute: 3 } });
  expect((await get(quiet?.secret as string)).statusCode).toBe(200);
});
