import { describe, expect, it } from "vitest";
import { parseJobPayload } from "./definitions.ts";

describe("hold.expire payload", () => {
  const cart = "c".repeat(24);

  it("names the carts of one transaction", () => {
    expect(parseJobPayload("hold.expire", { cartIds: [cart, `${cart}x`] })).toEqual({ cartIds: [cart, `${cart}x`] });
  });

  it("reads a version 2 job still queued (one cart) as a list of one", () => {
    expect(parseJobPayload("hold.expire", { cartId: cart })).toEqual({ cartIds: [cart] });
  });

  it("refuses an empty list and a malformed cart id", () => {
    expect(() => parseJobPayload("hold.expire", { cartIds: [] })).toThrow();
    expect(() => parseJobPayload("hold.expire", { cartIds: ["short"] })).toThrow();
  });
});
