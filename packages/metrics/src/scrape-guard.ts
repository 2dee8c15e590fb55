import { timingSafeEqual } from "node:crypto";
import { BlockList, isIPv6 } from "node:net";

export interface ScrapeAccess {
  /** METRICS_TOKEN: a scrape sending `Authorization: Bearer <token>` is allowed from anywhere. */
  token?: string | undefined;
  /** METRICS_ALLOW: address ranges (CIDR) allowed without a token; loopback by default. */
  allow: string[];
}

export const DEFAULT_METRICS_ALLOW = ["127.0.0.1/32", "::1/128"];

/** Parses "10.0.0.0/8, 192.168.1.5" into a BlockList (a bare address is a /32 or /128). Throws naming a bad entry. */
export function allowList(ranges: string[]): BlockList {
  const list = new BlockList();
  for (const range of ranges) {
    const [address = "", bits] = range.trim().split("/");
    const type = isIPv6(address) ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? (type === "ipv6" ? 128 : 32) : Number(bits);
    if (!Number.isInteger(prefix)) throw new Error(`METRICS_ALLOW: "${range}" is not an address or a CIDR range.`);
    list.addSubnet(address, prefix, type);
  }
  return list;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a scrape may read /metrics: the right bearer token, or an address in the allowed ranges. */
export function isScrapeAllowed(request: { ip: string; authorization?: string | undefined }, access: ScrapeAccess, allowed = allowList(access.allow)): boolean {
  const bearer = request.authorization?.match(/^Bearer (.+)$/)?.[1];
  if (access.token && bearer) return sameSecret(bearer, access.token);
  const ip = request.ip.startsWith("::ffff:") ? request.ip.slice(7) : request.ip;
  return allowed.check(ip, isIPv6(ip) ? "ipv6" : "ipv4");
}
