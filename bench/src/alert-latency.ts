import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A stand-in for Termii on loopback that records when each message arrives, by the SKU in its text. */
export async function startArrivalRecorder() {
  const arrivalsBySku = new Map<string, number>();
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    req.on("end", () => {
      const arrivedAt = Date.now();
      const sku = /\((BENCH-\d+)\)/.exec((JSON.parse(body) as { sms: string }).sms)?.[1];
      if (sku && !arrivalsBySku.has(sku)) arrivalsBySku.set(sku, arrivedAt);
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ message_id: `bench-${sku}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivalsBySku,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
