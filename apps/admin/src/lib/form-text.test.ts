import { adjustLotInput, receiveLotInput } from "@stockroom/contracts";
import { describe, expect, it } from "vitest";
import { moneyText, optionalText, wholeNumberText } from "./form-text.ts";

function reason(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.success ? undefined : result.error?.issues[0]?.message;
}

describe("form text parsed, then checked by the contract's rule", () => {
  const change = wholeNumberText(adjustLotInput.shape.change);

  it("reads whole numbers and keeps the contract's messages", () => {
    expect(change.parse(" -3 ")).toBe(-3);
    expect(reason(change.safeParse(""))).toBe("Enter a number.");
    expect(reason(change.safeParse("2.5"))).toBe("Enter a whole number.");
    expect(reason(change.safeParse("99999999999999999999"))).toBe("That number is too large.");
    expect(reason(change.safeParse("0"))).toBe("Change cannot be zero.");
    expect(reason(change.safeParse("10000001"))).toBe("Change is too large.");
  });

  it("reads pounds as pence", () => {
    const cost = moneyText(receiveLotInput.shape.unitCostCents.unwrap());
    expect(cost.parse("£2.49")).toBe(249);
    expect(cost.parse("3")).toBe(300);
    expect(reason(cost.safeParse(""))).toBe("Enter an amount.");
    expect(reason(cost.safeParse("2.499"))).toBe("Enter an amount like 2.49.");
  });

  it("treats an empty optional field as not given", () => {
    const note = optionalText(adjustLotInput.shape.reason.optional());
    expect(note.parse("  ")).toBeUndefined();
    expect(reason(note.safeParse("ab"))).toBe("Give a reason (at least 3 characters).");
  });
});
