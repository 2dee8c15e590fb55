import { describe, expect, it } from "vitest";
import { highestUsersWithin, type PhaseResult, phaseList } from "./phases.ts";
import { classify, PhaseRecorder, percentile } from "./stats.ts";
import { THINK_MAX_MS, THINK_MIN_MS, thinkMs } from "./think-time.ts";
import { batched, readAnswer } from "./trpc-calls.ts";

describe("load statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), percentile(sorted, 100)]).toEqual([50, 95, 99, 100]);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("counts out-of-stock refusals apart from errors; 429, 5xx and other codes are errors", () => {
    expect(classify(200, [])).toBe("ok");
    expect(classify(409, ["CONFLICT"])).toBe("expected");
    expect(classify(207, ["CONFLICT"])).toBe("expected");
    expect(classify(207, ["CONFLICT", "BAD_REQUEST"])).toBe("error");
    expect(classify(429, ["TOO_MANY_REQUESTS"])).toBe("error");
    expect(classify(500, [])).toBe("error");
    expect(classify(404, [])).toBe("error");
  });

  it("summarises each kind and all kinds together", () => {
    const recorder = new PhaseRecorder();
    for (let ms = 1; ms <= 100; ms++) recorder.record("catalog.list", ms, "ok");
    recorder.record("cart.reserve", 500, "expected");
    recorder.record("cart.reserve", 900, "error", "429");
    const { overall, byKind } = recorder.summary(10);
    expect(byKind["catalog.list"]).toMatchObject({ requests: 100, perSecond: 10, p50: 50, p99: 99, errors: 0 });
    expect(byKind["cart.reserve"]).toMatchObject({ requests: 2, expected: 1, errors: 1, errorsBy: { "429": 1 }, p99: 900 });
    expect(overall).toMatchObject({ requests: 102, p99: 500, expected: 1, errors: 1 });
  });
});

describe("phases", () => {
  it("ramps in order and holds the steady user count for two phases", () => {
    const list = phaseList({ steps: [500, 100, 1000], stepSeconds: 30, settleSeconds: 5, steadyUsers: 1000, steadySeconds: 60 });
    expect(list.map((p) => [p.users, p.seconds, p.isNewStep])).toEqual([
      [100, 30, true],
      [500, 30, true],
      [1000, 60, true],
      [1000, 60, false],
    ]);
  });

  it("finds the highest user count whose every phase kept p99 within the limit", () => {
    const phase = (users: number, p99: number) => ({ users, overall: { p99 } }) as PhaseResult;
    expect(highestUsersWithin([phase(100, 50), phase(500, 190), phase(1000, 150), phase(1000, 260), phase(1500, 900)], 200)).toBe(500);
    expect(highestUsersWithin([phase(100, 201)], 200)).toBeNull();
  });
});

describe("think time and request shapes", () => {
  it("pauses 1 to 5 s", () => {
    expect(thinkMs(() => 0)).toBe(THINK_MIN_MS);
    expect(thinkMs(() => 0.999_999)).toBe(THINK_MAX_MS);
    for (let n = 0; n < 1_000; n++) expect(thinkMs()).toSatisfy((ms: number) => ms >= 1_000 && ms <= 5_000);
  });

  it("batches queries started together into one GET, as httpBatchLink does", () => {
    const request = batched({ cookie: "stockroom_session=x" }, "query", [{ path: "reports.dashboard", input: {} }, { path: "auth.me" }]);
    expect(request.method).toBe("GET");
    expect(decodeURIComponent(request.path)).toBe('/trpc/reports.dashboard,auth.me?batch=1&input={"0":{}}');
    expect(request.headers).toMatchObject({ cookie: "stockroom_session=x", "x-stockroom-csrf": "1" });
  });

  it("reads batched answers with each call's error code", () => {
    const body = JSON.stringify([{ result: { data: { ok: 1 } } }, { error: { data: { code: "CONFLICT" } } }]);
    expect(readAnswer(body)).toEqual({ data: [{ ok: 1 }, null], errorCodes: ["CONFLICT"] });
    expect(readAnswer("not json").errorCodes).toEqual(["UNPARSEABLE"]);
  });
});
