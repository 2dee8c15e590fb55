import http from "node:http";
import https from "node:https";
import { Webhook } from "standardwebhooks";
import { safeLookup } from "./url-safety.ts";
import type { WebhookSettings } from "./webhook-settings.ts";

const EXCERPT_BYTES = 1_024;

export interface WebhookMessage {
  url: string;
  secret: string;
  /** The event id: webhook-id, the same on every attempt and every "send again". */
  id: string;
  timestamp: Date;
  body: string;
}

export interface AttemptOutcome {
  statusCode: number | null;
  latencyMs: number;
  /** The first 1 KB of the answer. */
  responseExcerpt: string | null;
  error: string | null;
  isDelivered: boolean;
}

/** The Standard Webhooks headers: webhook-id, webhook-timestamp (seconds) and webhook-signature (v1,<HMAC-SHA256>). */
export function signedHeaders(message: WebhookMessage): Record<string, string> {
  const signature = new Webhook(message.secret).sign(message.id, message.timestamp, message.body);
  return {
    "content-type": "application/json",
    "user-agent": "Stockroom-Webhooks/1",
    "webhook-id": message.id,
    "webhook-timestamp": Math.floor(message.timestamp.getTime() / 1000).toString(),
    "webhook-signature": signature,
  };
}

/**
 * One POST: any 2xx is delivered; anything else, a timeout or a refused address is a failed
 * attempt. Redirects are not followed (a 3xx fails). Never throws.
 */
export function postWebhook(message: WebhookMessage, settings: WebhookSettings): Promise<AttemptOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    const finish = (outcome: Omit<AttemptOutcome, "latencyMs">) => resolve({ ...outcome, latencyMs: latency() });
    const url = new URL(message.url);
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      { method: "POST", headers: signedHeaders(message), lookup: safeLookup(settings), timeout: settings.timeoutMs, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size > 64 * EXCERPT_BYTES) response.destroy();
        });
        const done = () => {
          const statusCode = response.statusCode ?? 0;
          const isDelivered = statusCode >= 200 && statusCode < 300;
          finish({
            statusCode,
            responseExcerpt: Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8") || null,
            error: isDelivered ? null : `HTTP ${statusCode}`,
            isDelivered,
          });
        };
        response.on("end", done);
        response.on("close", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)), settings.timeoutMs);
    request.on("timeout", () => request.destroy(new Error(`no answer within ${settings.timeoutMs} ms`)));
    request.on("error", (error) => finish({ statusCode: null, responseExcerpt: null, error: error.message.slice(0, 500), isDelivered: false }));
    request.on("close", () => clearTimeout(deadline));
    request.end(message.body);
  });
}
