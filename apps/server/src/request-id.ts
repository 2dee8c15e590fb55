import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** What a caller's `x-request-id` may look like to be kept: short, and safe in logs and headers. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify's genReqId: the caller's `x-request-id` when it is valid, otherwise a fresh random UUID. */
export function requestIdFor(request: Pick<IncomingMessage, "headers">): string {
  const sent = request.headers["x-request-id"];
  return typeof sent === "string" && VALID_REQUEST_ID.test(sent) ? sent : randomUUID();
}
