// The parser ships no types: the shape it returns, as far as the tests read it.
declare module "parse-prometheus-text-format" {
  export default function parsePrometheusTextFormat(text: string): { name: string; help: string; type: string; metrics: Record<string, unknown>[] }[];
}
