import { describe, expect, it } from "vitest";
import { domainFailure, useStockWorld } from "../testing/index.ts";
import { supplierFor } from "../testing/purchasing-fixtures.ts";
import { updateSupplier } from "./suppliers.ts";

const t = useStockWorld();

describe("a supplier's webhook URL (SSRF)", () => {
  it("a private or loopback address is refused naming webhookUrl, unless private URLs are allowed; nothing is saved", async () => {
    for (const webhookUrl of ["http://127.0.0.1:9/po", "http://10.1.2.3/po", "http://[::1]/po", "http://169.254.169.254/latest"]) {
      const refused = await domainFailure(supplierFor(t.deps, t.world, { webhookUrl }));
      expect(refused.code).toBe("VALIDATION_FAILED");
      expect(Object.keys(refused.fields ?? {})).toEqual(["webhookUrl"]);
    }
    expect(await t.db.supplier.count({ where: { producerId: t.world.producer.id } })).toBe(0);
    const allowed = await supplierFor({ ...t.deps, webhooks: { allowPrivateUrls: true } }, t.world, { webhookUrl: "http://127.0.0.1:9/po" });
    const moved = await domainFailure(
      updateSupplier(t.deps, t.world.admin, {
        supplierId: allowed.id,
        name: allowed.name,
        leadTimeDays: 10,
        channel: "WEBHOOK",
        webhookUrl: "http://192.168.0.10/po",
      }),
    );
    expect(moved.fields).toEqual({ webhookUrl: "This URL points to a private or local address; webhooks go to public addresses only." });
    expect((await t.db.supplier.findUniqueOrThrow({ where: { id: allowed.id } })).webhookUrl).toBe("http://127.0.0.1:9/po");
  });
});
