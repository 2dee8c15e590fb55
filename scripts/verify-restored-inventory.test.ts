import { productWithStock, useStockWorld } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { verifyRestoredInventory } from "./verify-restored-inventory.ts";

describe("verifying a restored copy", () => {
  const stock = useStockWorld();

  it("passes when every invariant holds, and refuses, listing the problem, when one does not", async () => {
    const { lotIds } = await productWithStock(stock.deps, stock.world, [{ quantity: 5, lotNumber: "RESTORED-1" }]);
    const lines: string[] = [];
    await verifyRestoredInventory(stock.url, stock.clock.now(), (line) => lines.push(line));
    expect(lines).toEqual(["Verified: 1 lots, 1 movements; every inventory invariant holds."]);

    await stock.db.$executeRaw`UPDATE "Lot" SET "onHand" = 7 WHERE id = ${lotIds[0]}::uuid`;
    const verifying = verifyRestoredInventory(stock.url, stock.clock.now(), (line) => lines.push(line));
    await expect(verifying).rejects.toThrow(/fails 1 inventory check\(s\); it was not swapped in\.\n {2}\[\w+\] lot RESTORED-1 /);
    expect(lines).toHaveLength(1);
  });
});
