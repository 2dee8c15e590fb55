import type { TestProject } from "vitest/node";
import { startTestCluster } from "./test-cluster.ts";

export default async function setup(project: TestProject) {
  const cluster = await startTestCluster(process.env.TEST_DATABASE_URL || undefined);
  project.provide("testAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
