import { requestCustomerSignInInput, requestOrderLookupInput } from "@stockroom/contracts";
import type { Tx } from "@stockroom/db";
import type { z } from "zod";
import { queueNotifications } from "../alerts/queue-notifications.ts";
import { newSessionToken, sessionIdFor } from "../auth/session-token.ts";
import type { Deps } from "../deps.ts";
import { parseInput } from "../validation.ts";

export const DEFAULT_CUSTOMER_LINK_TTL_MINUTES = 30;

export interface CustomerLinkConfig {
  /** PUBLIC_URL, where the storefront is served. */
  publicUrl: string;
  /** CUSTOMER_LINK_TTL_MINUTES: how long an emailed link works (once). */
  ttlMinutes: number;
}

/** What both forms answer, whatever the email or reference: the page learns nothing about orders. */
export const SIGN_IN_ANSWER = "If that email can receive our links, we've sent one. It works once, for a limited time.";
export const lookupAnswer = (reference: string) => `If an order ${reference} was placed with that email, we've emailed you a link to it.`;

interface LinkRequest {
  email: string;
  producerId: string | null;
  orderId: string | null;
  subject: string;
  intro: string;
}

/** Stores the sha256 of a new token (never the token) and emails the link, in the caller's transaction. */
async function sendCustomerLink(deps: Deps, tx: Tx, config: CustomerLinkConfig, request: LinkRequest): Promise<void> {
  const token = newSessionToken();
  const tokenHash = sessionIdFor(token);
  const now = deps.clock.now();
  await tx.customerLoginToken.create({
    data: { tokenHash, email: request.email, orderId: request.orderId, expiresAt: new Date(now.getTime() + config.ttlMinutes * 60_000), createdAt: now },
  });
  const link = `${config.publicUrl.replace(/\/+$/, "")}/sign-in/link?token=${encodeURIComponent(token)}`;
  await queueNotifications(
    deps,
    tx,
    { recipients: { EMAIL: [request.email], SMS: [], WHATSAPP: [] }, lowStockChannels: [], escalationChannels: [], expiryChannels: [], quietHours: null },
    {
      producerId: request.producerId,
      eventKey: `customer-link:${tokenHash}`,
      channels: ["EMAIL"],
      template: request.orderId ? "customer.order-lookup" : "customer.sign-in",
      subject: request.subject,
      body:
        `${request.intro}\n\nOpen this link within ${config.ttlMinutes} minutes; it works once:\n${link}\n\n` +
        "If you did not ask for this, ignore this email.",
    },
  );
}

/**
 * Emails a one-time sign-in link to an email that has placed an order. The answer is the same for
 * any email (one transaction either way), so the form does not tell who is a customer.
 */
export async function requestCustomerSignIn(deps: Deps, input: z.input<typeof requestCustomerSignInInput> & CustomerLinkConfig): Promise<{ message: string }> {
  const { email } = parseInput(requestCustomerSignInInput, input);
  await deps.db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { customerEmail: email }, select: { id: true } });
    if (!order) return;
    await sendCustomerLink(deps, tx, input, {
      email,
      producerId: null,
      orderId: null,
      subject: "Your sign-in link",
      intro: "Here is your link to sign in and see your orders.",
    });
  });
  return { message: SIGN_IN_ANSWER };
}

/** A guest's "find my order": emails a link to that order only when reference and email match. */
export async function requestOrderLookup(deps: Deps, input: z.input<typeof requestOrderLookupInput> & CustomerLinkConfig): Promise<{ message: string }> {
  const { reference, email } = parseInput(requestOrderLookupInput, input);
  await deps.db.$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { reference, customerEmail: email }, select: { id: true, producerId: true } });
    if (!order) return;
    await sendCustomerLink(deps, tx, input, {
      email,
      producerId: order.producerId,
      orderId: order.id,
      subject: `Your order ${reference}`,
      intro: `Here is your link to order ${reference}.`,
    });
  });
  return { message: lookupAnswer(reference) };
}
