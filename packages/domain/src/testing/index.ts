export { actorFor, createProducer, createProduct, createStaff, TEST_PASSWORD } from "./factories.ts";
export { createTestDeps, ManualClock } from "./test-deps.ts";
