export { databaseUrl, startTestCluster, type TestCluster, TEMPLATE_DATABASE } from "./test-cluster.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { useTestDatabase } from "./use-test-database.ts";
