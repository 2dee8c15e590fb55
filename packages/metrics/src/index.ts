export { metricsAccessEnv } from "./access-env.ts";
export { createServiceMetrics, type ServiceMetrics } from "./registry.ts";
export { allowList, DEFAULT_METRICS_ALLOW, isScrapeAllowed, type ScrapeAccess } from "./scrape-guard.ts";
export { serveMetrics } from "./serve-metrics.ts";
