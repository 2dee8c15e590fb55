import { describe, expect, it } from "vitest";
import { oneAtATime, queuedKeys } from "./one-at-a-time.ts";

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe("oneAtATime", () => {
  it("never overlaps tasks of one key, runs other keys beside them, and survives a failure", async () => {
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        most = Math.max(most, running);
        await tick();
        await tick();
        order.push(name);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const sameKey = ["a1", "a2", "a3", "a4"].map((name, i) => oneAtATime("ip:a", task(name, i === 1)));
    let otherStartedWhileABusy = false;
    const other = oneAtATime("ip:b", async () => {
      otherStartedWhileABusy = running > 0;
      return "b";
    });
    const results = await Promise.allSettled([...sameKey, other]);
    expect(order).toEqual(["a1", "a2", "a3", "a4"]);
    expect(most).toBe(1);
    expect(otherStartedWhileABusy).toBe(true);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "fulfilled", "fulfilled"]);
    await tick();
    expect(queuedKeys()).toBe(0);
  });
});
