import { randomBytes } from "node:crypto";
import { placeOrder, reserveCart } from "@stockroom/domain";
import { newCartId, productWithStock, TEST_CHECKOUT, useStockWorld } from "@stockroom/domain/testing";
import { describe, expect, it } from "vitest";
import { codeOf } from "./procedure-world.ts";
import { CookieJar, callerFor } from "./testing.ts";

const stock = useStockWorld({ maxConnections: 10 });
const newToken = () => randomBytes(18).toString("base64url");

/** A browser: its own cart token and its own customer cookie. */
async function browser(jar = new CookieJar()) {
  return { jar, caller: await callerFor(stock.deps, new CookieJar(), { cartToken: newToken(), customerSession: jar, ip: "10.1.0.1" }) };
}

async function placeFor(email: string) {
  const { product } = await productWithStock(stock.deps, stock.world, [{ quantity: 10 }]);
  const cartId = newCartId();
  const lines = [{ productId: product.id, quantity: 2 }];
  await reserveCart(stock.deps, { cartId, lines });
  const { orders } = await placeOrder(stock.deps, { ...TEST_CHECKOUT, customer: { ...TEST_CHECKOUT.customer, email }, cartId, lines });
  const order = orders[0];
  if (!order) throw new Error("no order placed");
  return order;
}

/** The token in the newest link emailed to `email` with `template`. */
async function emailedToken(email: string, template: string): Promise<string> {
  const mail = await stock.db.notification.findFirstOrThrow({ where: { recipient: email, template }, orderBy: { createdAt: "desc" } });
  expect(mail.channel).toBe("EMAIL");
  const link = /(http\S+)/.exec(mail.body)?.[1] ?? "";
  expect(link.startsWith("http://stockroom.test/sign-in/link?token=")).toBe(true);
  return new URL(link).searchParams.get("token") ?? "";
}

const unique = (name: string) => `${name}-${randomBytes(4).toString("hex")}@example.test`;

describe("customer sign-in by emailed link", () => {
  it("answers the same for an email with orders and one without; only the first gets a link, stored as a hash", async () => {
    const known = unique("known");
    await placeFor(known);
    const { caller } = await browser();
    const nobody = unique("nobody");
    const answers = [await caller.customer.requestSignIn({ email: known.toUpperCase() }), await caller.customer.requestSignIn({ email: nobody })];
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]?.message).toBe("If that email can receive our links, we've sent one. It works once, for a limited time.");
    expect(await stock.db.notification.count({ where: { recipient: known, template: "customer.sign-in" } })).toBe(1);
    expect(await stock.db.notification.count({ where: { recipient: nobody } })).toBe(0);
    expect(await stock.db.customerLoginToken.count({ where: { email: nobody } })).toBe(0);
    const token = await emailedToken(known, "customer.sign-in");
    const stored = await stock.db.customerLoginToken.findFirstOrThrow({ where: { email: known } });
    expect(stored.tokenHash).not.toBe(token);
    expect(stored.expiresAt.getTime() - stock.clock.now().getTime()).toBe(30 * 60_000);
  });

  it("a link works exactly once: of two concurrent completions one opens a session, the other is refused", async () => {
    const email = unique("once");
    await placeFor(email);
    await (await browser()).caller.customer.requestSignIn({ email });
    const token = await emailedToken(email, "customer.sign-in");
    const [a, b] = [await browser(), await browser()];
    const results = await Promise.allSettled([a.caller.customer.completeSignIn({ token }), b.caller.customer.completeSignIn({ token })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect(await codeOf(Promise.reject(refused?.status === "rejected" ? refused.reason : null))).toBe("BAD_REQUEST");
    expect(await stock.db.customerSession.count({ where: { email } })).toBe(1);
    expect([a.jar.token, b.jar.token].filter(Boolean)).toHaveLength(1);
  });

  it("a link past CUSTOMER_LINK_TTL_MINUTES is refused and opens nothing", async () => {
    const email = unique("late");
    await placeFor(email);
    await (await browser()).caller.customer.requestSignIn({ email });
    const token = await emailedToken(email, "customer.sign-in");
    stock.clock.advance(30 * 60_000 + 1);
    const { caller, jar } = await browser();
    expect(await codeOf(caller.customer.completeSignIn({ token }))).toBe("BAD_REQUEST");
    expect(jar.token).toBeUndefined();
    expect(await stock.db.customerSession.count({ where: { email } })).toBe(0);
  });

  it("a signed-in customer sees only their own orders, from any browser; another customer's order is NOT_FOUND", async () => {
    const [mine, theirs] = [unique("mine"), unique("theirs")];
    const first = await placeFor(mine);
    stock.clock.advance(60_000);
    const second = await placeFor(mine);
    const other = await placeFor(theirs);
    const { caller, jar } = await browser();
    expect(await codeOf(caller.customer.orders({}))).toBe("UNAUTHORIZED");
    expect(await codeOf(caller.orders.mine({ orderId: first.orderId }))).toBe("NOT_FOUND");
    await caller.customer.requestSignIn({ email: mine });
    await caller.customer.completeSignIn({ token: await emailedToken(mine, "customer.sign-in") });
    const signedIn = (await browser(jar)).caller;
    expect(await signedIn.customer.me()).toEqual({ email: mine });
    const list = await signedIn.customer.orders({});
    expect(list.orders.map((o) => o.id)).toEqual([second.orderId, first.orderId]);
    expect(list.orders[0]).toMatchObject({ reference: second.reference, status: "PENDING", itemCount: 2 });
    expect(list.hasMore).toBe(false);
    const view = await signedIn.orders.mine({ orderId: second.orderId });
    expect(list.orders[0]?.totalCents).toBe(view.totalCents);
    expect(view.totalCents).toBeGreaterThan(0);
    expect((await signedIn.orders.mine({ orderId: first.orderId })).reference).toBe(first.reference);
    expect(await codeOf(signedIn.orders.mine({ orderId: other.orderId }))).toBe("NOT_FOUND");

    await signedIn.customer.signOut();
    expect(jar.token).toBeUndefined();
    expect(await stock.db.customerSession.count({ where: { email: mine } })).toBe(0);
  });
});

describe("find my order (guest lookup)", () => {
  it("answers the same whether or not reference and email match; only a match is emailed, and its link opens that order", async () => {
    const email = unique("guest");
    const order = await placeFor(email);
    const { caller } = await browser();
    const wrongEmail = await caller.orders.requestLookup({ reference: order.reference, email: unique("wrong") });
    const wrongReference = await caller.orders.requestLookup({ reference: "ZZ-99999", email });
    const match = await caller.orders.requestLookup({ reference: order.reference.toLowerCase(), email });
    expect(wrongEmail).toEqual(match);
    expect(match.message).toBe(`If an order ${order.reference} was placed with that email, we've emailed you a link to it.`);
    expect(wrongReference.message).toBe("If an order ZZ-99999 was placed with that email, we've emailed you a link to it.");
    expect(await stock.db.notification.count({ where: { template: "customer.order-lookup", recipient: email } })).toBe(1);
    expect(await stock.db.customerLoginToken.count({ where: { email } })).toBe(1);

    const elsewhere = await browser();
    const completed = await elsewhere.caller.customer.completeSignIn({ token: await emailedToken(email, "customer.order-lookup") });
    expect(completed).toEqual({ email, orderId: order.orderId });
    const view = await (await browser(elsewhere.jar)).caller.orders.mine({ orderId: order.orderId });
    expect(view.lines[0]?.lots[0]?.lotNumber).toBeTruthy();
  });

  it("a malformed reference is a 400 naming the field, and nothing is sent", async () => {
    const { caller } = await browser();
    const before = await stock.db.customerLoginToken.count();
    const error = await caller.orders.requestLookup({ reference: "not a ref", email: "a@example.test" }).catch((e: unknown) => e);
    expect(await codeOf(Promise.reject(error))).toBe("BAD_REQUEST");
    expect((error as { cause?: { fields?: Record<string, string> } }).cause?.fields?.reference).toMatch(/e\.g\. GL-1001/);
    expect(await stock.db.customerLoginToken.count()).toBe(before);
  });
});
