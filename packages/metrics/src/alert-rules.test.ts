import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { exportedNames, metricNamesIn } from "./exported-names.ts";
import { createServiceMetrics } from "./registry.ts";

const OPS = path.resolve(import.meta.dirname, "../../../ops");
const RULES = path.join(OPS, "prometheus/stockroom.rules.yml");

/** Debian's `prometheus` package brings promtool (.ci/run installs it); without it this fails, never skips. */
function promtool(...args: string[]): string {
  try {
    return execFileSync("promtool", args, { cwd: path.dirname(RULES), encoding: "utf8" });
  } catch (error) {
    const e = error as { code?: string; stdout?: string; stderr?: string };
    if (e.code === "ENOENT") throw new Error("promtool is not installed: apt-get install prometheus (Debian), as .ci/run does");
    throw new Error(`promtool ${args.join(" ")} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}`);
  }
}

// Listing what a registry can export reads no database (only a scrape does): no connection is given.
const registryOf = (service: "server" | "worker") =>
  createServiceMetrics(service, undefined as never, service === "server" ? { holdBatches: () => undefined } : {}).registry;
const exported = () => {
  const names = new Set([...exportedNames(registryOf("server")), ...exportedNames(registryOf("worker"))]);
  names.add("up"); // Prometheus' own, per scrape target
  return names;
};

describe("alert rules and dashboard", () => {
  it("promtool checks the rules and their unit tests pass (each alert fires on a bad series, stays quiet on a good one)", () => {
    expect(promtool("check", "rules", "stockroom.rules.yml")).toMatch(/SUCCESS: \d+ rules found/);
    expect(promtool("test", "rules", "stockroom.rules.test.yml")).toContain("SUCCESS");
    const rules = (parse(readFileSync(RULES, "utf8")) as { groups: { rules: { alert: string }[] }[] }).groups.flatMap((g) => g.rules.map((r) => r.alert));
    const tested = readFileSync(path.join(OPS, "prometheus/stockroom.rules.test.yml"), "utf8");
    for (const alert of rules) expect(tested, `no promtool case for ${alert}`).toContain(`alertname: ${alert}\n`);
  });

  it("every rule and every dashboard panel reads metrics the services export", () => {
    const names = exported();
    const rules = (parse(readFileSync(RULES, "utf8")) as { groups: { rules: { alert: string; expr: string }[] }[] }).groups.flatMap((g) => g.rules);
    for (const rule of rules) for (const name of metricNamesIn(rule.expr)) expect(names, `${rule.alert} reads ${name}`).toContain(name);
    const dashboard = JSON.parse(readFileSync(path.join(OPS, "grafana/stockroom.json"), "utf8")) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    const panels = dashboard.panels.filter((p) => p.targets?.length);
    expect(panels.length).toBeGreaterThanOrEqual(12);
    for (const panel of panels) {
      for (const target of panel.targets ?? []) {
        const read = metricNamesIn(target.expr);
        expect(read.length, `${panel.title} reads no metric`).toBeGreaterThan(0);
        for (const name of read) expect(names, `panel "${panel.title}" reads ${name}`).toContain(name);
      }
    }
  });

  it("metricNamesIn finds selectors, not functions or labels, and refuses invalid PromQL", () => {
    expect(metricNamesIn('sum by (queue) (rate(a_total{queue="x"}[5m])) / max(b) > 0').sort()).toEqual(["a_total", "b"]);
    expect(() => metricNamesIn("sum(rate(a[5m])")).toThrow(/not valid PromQL/);
  });
});
