import { describe, expect, it } from "vitest";
import { useStockWorld } from "../testing/index.ts";
import { purgeExpiredCustomerLinks } from "./purge-expired.ts";

const stock = useStockWorld();

describe("purging customers' expired links and sessions", () => {
  it("deletes what has expired (used or not) and keeps what is still live", async () => {
    const now = stock.clock.now().getTime();
    const at = (minutes: number) => new Date(now + minutes * 60_000);
    await stock.db.customerLoginToken.createMany({
      data: [
        { tokenHash: "expired-unused", email: "a@example.test", expiresAt: at(-1) },
        { tokenHash: "expired-used", email: "a@example.test", expiresAt: at(-5), usedAt: at(-10) },
        { tokenHash: "live", email: "a@example.test", expiresAt: at(20) },
      ],
    });
    await stock.db.customerSession.createMany({
      data: [
        { id: "old-session", email: "a@example.test", expiresAt: at(0) },
        { id: "live-session", email: "a@example.test", expiresAt: at(60 * 24) },
      ],
    });
    expect(await purgeExpiredCustomerLinks(stock.deps)).toEqual({ links: 2, sessions: 1 });
    expect((await stock.db.customerLoginToken.findMany({ select: { tokenHash: true } })).map((t) => t.tokenHash)).toEqual(["live"]);
    expect((await stock.db.customerSession.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(["live-session"]);
    expect(await purgeExpiredCustomerLinks(stock.deps)).toEqual({ links: 0, sessions: 0 });
  });
});
