import { useTestDatabase } from "@stockroom/db/testing";
import { createStockWorld, createTestDeps } from "@stockroom/domain/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failure, signedInStaff } from "./staff-testing.ts";

// Through the router: the error a form reads (a field error on `url`, never a 500), and the secret
// that never leaves in a list.
const database = useTestDatabase();
let testDeps: Awaited<ReturnType<typeof createTestDeps>>;
beforeAll(async () => {
  testDeps = await createTestDeps(database.current.db, database.current.url);
});
afterAll(() => testDeps.close());

describe("webhooks through the router", () => {
  it("a loopback or private URL is BAD_REQUEST naming url, unless the setting allows private URLs; nothing is saved", async () => {
    const world = await createStockWorld(database.current.db);
    const admin = await (await signedInStaff(testDeps.deps, database.current.db, "PRODUCER_ADMIN", world.producer.id)).caller();
    for (const url of ["http://127.0.0.1:3000/hook", "http://[::1]/hook", "http://10.0.0.8/hook", "http://169.254.169.254/latest/meta-data"]) {
      expect(await failure(admin.webhooks.create({ url, eventTypes: ["stock.updated"] }))).toMatchObject({
        code: "BAD_REQUEST",
        fields: { url: "This URL points to a private or local address; webhooks go to public addresses only." },
      });
    }
    expect(await admin.webhooks.list({})).toEqual([]);
    const devDeps = { ...testDeps.deps, webhooks: { allowPrivateUrls: true } };
    const devAdmin = await (await signedInStaff(devDeps, database.current.db, "PRODUCER_ADMIN", world.producer.id)).caller();
    const saved = await devAdmin.webhooks.create({ url: "http://127.0.0.1:3000/hook", eventTypes: ["stock.updated"] });
    expect(saved).toMatchObject({ url: "http://127.0.0.1:3000/hook", isEnabled: true });
    expect(JSON.stringify(await admin.webhooks.list({}))).not.toMatch(/whsec_[A-Za-z0-9+/]{10}/);
    expect((await admin.webhooks.revealSecret({ endpointId: saved.id })).secret).toMatch(/^whsec_/);
  });
});
