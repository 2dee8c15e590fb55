import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedWebhook {
  id: string;
  body: { id: string; type: string; sequence: number; data: Record<string, unknown> };
  /** The standardwebhooks library accepted the signature and timestamp. */
  isVerified: boolean;
  headers: http.IncomingHttpHeaders;
}

/**
 * A real HTTP receiver for webhooks (node:http on port 0) that verifies each request with the
 * standardwebhooks library. `answer` decides the status per request (default 200); returning
 * "stall" reads the request and never answers (a receiver that hangs mid-delivery).
 */
export async function startWebhookReceiver(secret: () => string, answer: (request: ReceivedWebhook, index: number) => number | "stall" = () => 200) {
  const received: ReceivedWebhook[] = [];
  const stalled: ReceivedWebhook[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      let isVerified = true;
      try {
        new Webhook(secret()).verify(raw, req.headers as Record<string, string>);
      } catch {
        isVerified = false;
      }
      const request: ReceivedWebhook = { id: String(req.headers["webhook-id"]), body: JSON.parse(raw), isVerified, headers: req.headers };
      const status = answer(request, received.length + stalled.length);
      if (status === "stall") {
        stalled.push(request);
        return;
      }
      received.push(request);
      res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "thanks" : `down (${status})`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    stalled,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
