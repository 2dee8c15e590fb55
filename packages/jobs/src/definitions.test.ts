import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { parseJobPayload } from "./definitions.ts";

describe("hold.expire payload", () => {
  const cart = "c".repeat(24);

  it("names the carts of one transaction", () => {
    expect(parseJobPayload("hold.expire", { cartIds: [cart, `${cart}x`] })).toEqual({ cartIds: [cart, `${cart}x`] });
  });

  it("reads a version 2 job still queued (one cart) as a list of one", () => {
    expect(parseJobPayload("hold.expire", { cartId: cart })).toEqual({ cartIds: [cart] });
  });

  it("refuses an empty list and a malformed cart id, naming the field and the rule", () => {
    const issues = (data: unknown) => {
      try {
        parseJobPayload("hold.expire", data);
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(ZodError);
        return (error as ZodError).issues.map((issue) => ({ path: issue.path, code: issue.code, minimum: (issue as { minimum?: unknown }).minimum }));
      }
    };
    expect(issues({ cartIds: [] })).toEqual([{ path: ["cartIds"], code: "too_small", minimum: 1 }]);
    expect(issues({ cartIds: ["short"] })).toEqual([{ path: ["cartIds", 0], code: "too_small", minimum: 20 }]);
  });
});
