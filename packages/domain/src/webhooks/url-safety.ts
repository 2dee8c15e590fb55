import { lookup } from "node:dns/promises";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { DomainError } from "../errors.ts";
import type { WebhookSettings } from "./webhook-settings.ts";

/** Addresses outside "unicast" (private, loopback, link-local, unique-local, CGNAT, reserved...) are not the public internet. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === "unicast";
}

const urlError = (reason: string) => new DomainError("VALIDATION_FAILED", reason, { fields: { url: reason } });

/**
 * At save: the URL must be http(s) (https only in production) and every address its host resolves
 * to must be public, unless private URLs are allowed. Delivery checks again (`safeLookup`): DNS can change.
 */
export async function checkWebhookUrl(url: string, settings: WebhookSettings): Promise<void> {
  const parsed = new URL(url);
  if (parsed.username || parsed.password) throw urlError("Remove the user name and password from the URL.");
  if (settings.requireHttps && parsed.protocol !== "https:") throw urlError("Use an https:// URL.");
  if (settings.allowPrivateUrls) return;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  const addresses = await lookup(host, { all: true, verbatim: true }).catch((cause: unknown) => {
    throw new DomainError("VALIDATION_FAILED", "This host name does not resolve.", { fields: { url: "This host name does not resolve." }, cause });
  });
  if (addresses.some((a) => !isPublicAddress(a.address)))
    throw urlError("This URL points to a private or local address; webhooks go to public addresses only.");
}

/**
 * A `lookup` for node:http that refuses non-public addresses at connect time, so the address
 * checked is the address used (no window for DNS rebinding between check and connect).
 */
export function safeLookup(settings: WebhookSettings): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { all: true, verbatim: true, family: options.family === 6 ? 6 : options.family === 4 ? 4 : 0 })
      .then((addresses) => {
        const bad = addresses.find((a) => !isPublicAddress(a.address));
        if (!settings.allowPrivateUrls && bad) throw new Error(`refused: ${hostname} resolves to a non-public address (${bad.address})`);
        const first = addresses[0];
        if (!first) throw new Error(`${hostname} does not resolve`);
        if (options.all) callback(null, addresses);
        else callback(null, first.address, first.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, "", 4));
  };
}
