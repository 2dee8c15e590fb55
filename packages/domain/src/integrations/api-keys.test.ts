import { MAX_API_KEYS_PER_PRODUCER } from "@stockroom/contracts";
import { describe, expect, it, vi } from "vitest";
import type { DomainError } from "../errors.ts";
import { can } from "../permissions.ts";
import { receiveLot } from "../stock/receive-lot.ts";
import { actorFor, createProducer, createStaff } from "../testing/factories.ts";
import { domainFailure, productWithStock, useStockWorld } from "../testing/index.ts";
import { authenticateApiKey } from "./authenticate-api-key.ts";
import { createApiKey, listApiKeys, revokeApiKey } from "./manage-api-keys.ts";

const stock = useStockWorld({ maxConnections: 12 });

async function producerAdmin() {
  return actorFor(await createStaff(stock.db, { role: "PRODUCER_ADMIN", producerId: stock.world.producer.id }));
}

describe("API keys", () => {
  it("are stored by hash only: the secret appears nowhere in the database", async () => {
    const admin = await producerAdmin();
    const key = await createApiKey(stock.deps, admin, { name: "Warehouse sync", scopes: ["read", "stock:write"] });
    expect(key.secret).toMatch(new RegExp(`^${key.prefix}_[A-Za-z0-9_-]{43}$`));
    expect(key.prefix).toMatch(/^sr_[A-Za-z0-9_-]{8}$/);
    const [dump] = await stock.db.$queryRaw<{ text: string }[]>`
      SELECT string_agg(t::text, '|') AS text FROM (SELECT k::text AS t FROM "ApiKey" k UNION ALL SELECT a::text FROM "AuditEvent" a) rows`;
    expect(dump?.text).toContain(key.prefix);
    expect(dump?.text).not.toContain(key.secret);
    expect(dump?.text).not.toContain(key.secret.slice(key.prefix.length + 1));
    const listed = await listApiKeys(stock.deps, admin, {});
    expect(listed.map((k) => [k.name, k.status, "secret" in k])).toEqual([["Warehouse sync", "ACTIVE", false]]);
    const audit = await stock.db.auditEvent.findFirstOrThrow({ where: { action: "integrations.key_created", targetId: key.id } });
    expect([audit.actorEmail, audit.producerId]).toEqual([admin.email, stock.world.producer.id]);
  });

  it("act for their producer with exactly their scopes' permissions", async () => {
    const key = await createApiKey(stock.deps, await producerAdmin(), { name: "Reader", scopes: ["read"] });
    const actor = await authenticateApiKey(stock.deps, key.secret);
    expect([actor.producerId, actor.apiKeyId, actor.name]).toEqual([stock.world.producer.id, key.id, `API key Reader (${key.prefix})`]);
    expect([...(actor.permissions ?? [])].sort()).toEqual(["analytics.view", "catalog.view", "costs.view", "orders.view"]);
    for (const never of ["staff.manage", "integrations.manage", "audit.view", "alerts.manage", "stock.receive", "producers.manage"] as const)
      expect(can(actor, never)).toBe(false);
  });

  it("write movements that name the key", async () => {
    const key = await createApiKey(stock.deps, await producerAdmin(), { name: "Till", scopes: ["stock:write"] });
    const actor = await authenticateApiKey(stock.deps, key.secret);
    const { product } = await productWithStock(stock.deps, stock.world, []);
    const { movement } = await receiveLot(stock.deps, actor, { productId: product.id, locationId: stock.world.shop.id, lotNumber: "K-2", quantity: 3 });
    const row = await stock.db.movement.findUniqueOrThrow({ where: { id: BigInt(movement.id) } });
    expect(row.actor).toBe(`apikey:${key.id}`);
  });

  it("are refused once revoked, once expired, for a suspended producer and when unknown (all UNAUTHENTICATED)", async () => {
    const admin = await producerAdmin();
    const revoked = await createApiKey(stock.deps, admin, { name: "Old", scopes: ["read"] });
    await revokeApiKey(stock.deps, admin, { apiKeyId: revoked.id });
    expect((await domainFailure(authenticateApiKey(stock.deps, revoked.secret))).code).toBe("UNAUTHENTICATED");
    const expiring = await createApiKey(stock.deps, admin, { name: "Trial", scopes: ["read"], expiresOn: "2026-06-01" });
    expect((await authenticateApiKey(stock.deps, expiring.secret)).apiKeyId).toBe(expiring.id);
    stock.clock.set(new Date("2026-06-02T00:00:00Z"));
    expect((await domainFailure(authenticateApiKey(stock.deps, expiring.secret))).code).toBe("UNAUTHENTICATED");
    expect((await domainFailure(authenticateApiKey(stock.deps, `${revoked.prefix}_nope`))).code).toBe("UNAUTHENTICATED");
    expect((await listApiKeys(stock.deps, admin, {})).find((k) => k.id === expiring.id)?.status).toBe("EXPIRED");
    const other = await createProducer(stock.db);
    const theirs = await createApiKey(stock.deps, stock.world.admin, { producerId: other.id, name: "Theirs", scopes: ["read"] });
    await stock.db.producer.update({ where: { id: other.id }, data: { suspendedAt: new Date() } });
    expect((await domainFailure(authenticateApiKey(stock.deps, theirs.secret))).code).toBe("UNAUTHENTICATED");
  });

  it("refuse an expiry in the past, naming the field, and create nothing", async () => {
    const admin = await producerAdmin();
    const before = await stock.db.apiKey.count();
    const failure = await domainFailure(createApiKey(stock.deps, admin, { name: "Late", scopes: ["read"], expiresOn: "2026-05-31" }));
    expect([failure.code, failure.fields]).toEqual(["VALIDATION_FAILED", { expiresOn: "in the past" }]);
    const noScope = await domainFailure(createApiKey(stock.deps, admin, { name: "None", scopes: [] }));
    expect(Object.keys(noScope.fields ?? {})).toEqual(["scopes"]);
    expect(await stock.db.apiKey.count()).toBe(before);
  });

  it("of another producer are NOT_FOUND to revoke, and missing from the list", async () => {
    const other = await createProducer(stock.db);
    const theirs = await createApiKey(stock.deps, stock.world.admin, { producerId: other.id, name: "Theirs", scopes: ["read"] });
    const admin = await producerAdmin();
    expect((await domainFailure(revokeApiKey(stock.deps, admin, { apiKeyId: theirs.id }))).code).toBe("NOT_FOUND");
    expect((await listApiKeys(stock.deps, admin, {})).map((k) => k.id)).not.toContain(theirs.id);
    expect((await stock.db.apiKey.findUniqueOrThrow({ where: { id: theirs.id } })).revokedAt).toBeNull();
  });

  it("record lastUsedAt at most once a minute", async () => {
    const key = await createApiKey(stock.deps, await producerAdmin(), { name: "Busy", scopes: ["read"] });
    const lastUsed = async () => (await stock.db.apiKey.findUniqueOrThrow({ where: { id: key.id } })).lastUsedAt?.toISOString();
    await authenticateApiKey(stock.deps, key.secret);
    expect(await lastUsed()).toBe("2026-06-01T09:00:00.000Z");
    stock.clock.set(new Date("2026-06-01T09:00:59Z"));
    await Promise.all([authenticateApiKey(stock.deps, key.secret), authenticateApiKey(stock.deps, key.secret)]);
    expect(await lastUsed()).toBe("2026-06-01T09:00:00.000Z");
    stock.clock.set(new Date("2026-06-01T09:01:00Z"));
    await authenticateApiKey(stock.deps, key.secret);
    expect(await lastUsed()).toBe("2026-06-01T09:01:00.000Z");
  });

  it("revoked twice at once: one revocation, one audit entry", async () => {
    const admin = await producerAdmin();
    const key = await createApiKey(stock.deps, admin, { name: "Twice", scopes: ["read"] });
    const results = await Promise.all([revokeApiKey(stock.deps, admin, { apiKeyId: key.id }), revokeApiKey(stock.deps, admin, { apiKeyId: key.id })]);
    expect(results.map((r) => r.status)).toEqual(["REVOKED", "REVOKED"]);
    expect(await stock.db.auditEvent.count({ where: { action: "integrations.key_revoked", targetId: key.id } })).toBe(1);
  });

  it("hold at most MAX_API_KEYS_PER_PRODUCER per producer, also when created at once", async () => {
    const producer = await createProducer(stock.db);
    const create = (name: string) => createApiKey(stock.deps, stock.world.admin, { producerId: producer.id, name, scopes: ["read"] });
    for (let i = 0; i < MAX_API_KEYS_PER_PRODUCER - 2; i++) await create(`Key ${i}`);
    let racers: Promise<PromiseSettledResult<unknown>[]> = Promise.resolve([]);
    // Inserts wait on a table lock while counting does not: without the producer row lock all four
    // would count 48 and then insert; with it, one counts and waits while three wait before counting.
    await stock.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`LOCK TABLE "ApiKey" IN SHARE MODE`;
        racers = Promise.allSettled([1, 2, 3, 4].map((i) => create(`Racer ${i}`)));
        await vi.waitFor(
          async () => {
            const [row] = await stock.db.$queryRaw<{ waiting: number }[]>`
              SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
            expect(row?.waiting).toBe(4);
          },
          { timeout: 10_000 },
        );
      },
      { timeout: 20_000 },
    );
    const results = await racers;
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [(r.reason as DomainError).code] : []));
    expect(refused).toEqual(["CONFLICT", "CONFLICT"]);
    expect(await stock.db.apiKey.count({ where: { producerId: producer.id } })).toBe(MAX_API_KEYS_PER_PRODUCER);
  });
});
