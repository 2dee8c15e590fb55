import { createServer, type Server } from "node:http";
import type { ServiceMetrics } from "./registry.ts";
import { allowList, isScrapeAllowed, type ScrapeAccess } from "./scrape-guard.ts";

/** A process without an HTTP server of its own (the worker) answers scrapes on GET /metrics here. */
export async function serveMetrics(metrics: ServiceMetrics, options: { host: string; port: number; access: ScrapeAccess }): Promise<Server> {
  const allowed = allowList(options.access.allow);
  const server = createServer((req, res) => {
    if (req.method !== "GET" || req.url?.split("?")[0] !== "/metrics") {
      res.writeHead(404).end();
      return;
    }
    if (!isScrapeAllowed({ ip: req.socket.remoteAddress ?? "", authorization: req.headers.authorization }, options.access, allowed)) {
      res.writeHead(403, { "content-type": "text/plain" }).end("Scraping /metrics needs METRICS_TOKEN or an address in METRICS_ALLOW.\n");
      return;
    }
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType }).end(text),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics could not be collected\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}
