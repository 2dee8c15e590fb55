import { describe, expect, it } from "vitest";
import { listInventoryInput } from "./reports.ts";
import { urlSearchSchema } from "./url-search.ts";

describe("a contract as URL search params", () => {
  const search = urlSearchSchema(listInventoryInput.pick({ status: true, sort: true, page: true }).shape);

  it("keeps good values and leaves out what the link does not say (no server default)", () => {
    expect(search.parse({ status: "low", sort: "available", page: 3 })).toEqual({ status: "low", sort: "available", page: 3 });
    expect(search.parse({})).toEqual({});
  });

  it("drops a bad value instead of failing the page", () => {
    expect(search.parse({ status: "lost", sort: "price", page: 0 })).toEqual({ status: undefined, sort: undefined, page: undefined });
  });
});
