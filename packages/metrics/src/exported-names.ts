import { parser } from "@prometheus-io/lezer-promql";
import type { Registry } from "prom-client";

/** Every series name a registry can export (a histogram's _bucket, _count and _sum included). */
export function exportedNames(registry: Registry): Set<string> {
  const names = new Set<string>();
  for (const metric of registry.getMetricsAsArray()) {
    const { name } = metric;
    names.add(name);
    if ((metric as unknown as { constructor: { name: string } }).constructor.name === "Histogram") {
      for (const suffix of ["_bucket", "_count", "_sum"]) names.add(`${name}${suffix}`);
    }
  }
  return names;
}

/** The metric names a PromQL expression reads: each vector selector's name, found by Prometheus' own PromQL grammar. */
export function metricNamesIn(expr: string): string[] {
  const names = new Set<string>();
  const tree = parser.parse(expr);
  let hasError = false;
  tree.iterate({
    enter(node) {
      if (node.type.isError) hasError = true;
      if (node.name === "Identifier" && node.node.parent?.name === "VectorSelector") names.add(expr.slice(node.from, node.to));
    },
  });
  if (hasError) throw new Error(`not valid PromQL: ${expr}`);
  return [...names];
}
