import { allowList, isScrapeAllowed, type ScrapeAccess, type ServiceMetrics } from "@stockroom/metrics";
import type { FastifyInstance, FastifyRequest } from "fastify";

/** What a request is called in the latency histogram: each tRPC procedure of the call, else the route's pattern. */
function procedureNames(req: FastifyRequest): string[] {
  const route = req.routeOptions.url;
  if (route?.startsWith("/trpc/")) {
    const path = req.url.slice("/trpc/".length).split("?")[0] ?? "";
    const names = decodeURIComponent(path)
      .split(",")
      .filter((n) => /^[\w.]{1,80}$/.test(n));
    if (names.length > 0) return names.slice(0, 20);
  }
  return [route ?? "unmatched"];
}

/**
 * GET /metrics in Prometheus' text format for scrapers allowed by token or address (403
 * otherwise), and every request's duration into the histogram (a batch's procedures each get the
 * batch's time).
 */
export function registerMetrics(app: FastifyInstance, metrics: ServiceMetrics, access: ScrapeAccess): void {
  const allowed = allowList(access.allow);
  app.addHook("onResponse", async (req, reply) => {
    if (req.routeOptions.url === "/metrics") return;
    for (const procedure of procedureNames(req)) {
      metrics.observeRequest({ procedure, method: req.method, status: reply.statusCode }, reply.elapsedTime / 1000);
    }
  });
  app.get("/metrics", async (req, reply) => {
    if (!isScrapeAllowed({ ip: req.ip, authorization: req.headers.authorization }, access, allowed)) {
      return reply.code(403).send({ error: { code: "FORBIDDEN", message: "Scraping /metrics needs METRICS_TOKEN or an address in METRICS_ALLOW." } });
    }
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });
}
