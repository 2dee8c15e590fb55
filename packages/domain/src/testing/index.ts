export { TEST_CHECKOUT } from "./checkout.ts";
export { clearStock } from "./clear-stock.ts";
export { actorFor, createProducer, createProduct, createStaff, TEST_PASSWORD } from "./factories.ts";
export { HOLD_PATHS, type HoldPath, useHoldPath } from "./hold-paths.ts";
export { preferSupplier, recordSales, supplierFor } from "./purchasing-fixtures.ts";
export { createStockWorld, expectValidInventory, newCartId, productWithStock } from "./stock-fixtures.ts";
export { createTestDeps, ManualClock } from "./test-deps.ts";
export { domainFailure, useStockWorld } from "./use-stock-world.ts";
