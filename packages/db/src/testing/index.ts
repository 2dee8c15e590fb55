export { databaseUrl, startTestCluster, TEMPLATE_DATABASE, TEST_APP_PASSWORD, type TestCluster } from "./test-cluster.ts";
export { createTestDatabase, type TestDatabase } from "./test-database.ts";
export { useTestDatabase } from "./use-test-database.ts";
