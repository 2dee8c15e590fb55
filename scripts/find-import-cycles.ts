import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// Every static `import ... from`, `export ... from`, bare `import "x"` and dynamic `import("x")`,
// type-only ones included: a type import today is a value import tomorrow.
const SPECIFIER = /\b(?:import|export)\b(?:\s+type\b)?(?:[^"'`;]*?\bfrom\s*|\s*\(\s*|\s+)["']([^"']+)["']/g;
const SOURCE = /\.(ts|tsx|mts)$/;

/** The relative imports of one file, resolved to files that exist (`./x.ts`, `./x` + .ts/.tsx, `./x/index.ts`). */
export function relativeImports(file: string, text: string): string[] {
  const found = new Set<string>();
  for (const [, specifier] of text.replace(/\/\*[\s\S]*?\*\/|^\s*\/\/.*$/gm, "").matchAll(SPECIFIER)) {
    if (!specifier?.startsWith(".")) continue;
    const base = path.resolve(path.dirname(file), specifier);
    const target = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((candidate) => SOURCE.test(candidate) && existsSync(candidate));
    if (target) found.add(target);
  }
  return [...found];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" || entry.name === "generated" ? [] : sourceFiles(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The import graph of every source file under `roots`: file -> files it imports. */
export function importGraph(roots: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of roots.flatMap(sourceFiles)) graph.set(file, relativeImports(file, readFileSync(file, "utf8")));
  return graph;
}

/** One cycle per strongly connected component with more than one file (or a file importing itself), as a path that returns to its start. */
export function findCycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop() as string;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.includes(node)) cycles.push(cycleThrough(graph, node, new Set(component)));
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

/** A shortest path from `start` back to itself inside its component (breadth first), for the message. */
function cycleThrough(graph: Map<string, string[]>, start: string, component: Set<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift() as string;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const cycle = [node];
        while (cycle[0] !== start) cycle.unshift(previous.get(cycle[0] as string) as string);
        return [...cycle, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

// `tsx scripts/find-import-cycles.ts [dirs...]`: prints every cycle, exits 1 when there is one.
if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) {
  const repo = path.resolve(import.meta.dirname, "..");
  const dirs = process.argv.slice(2);
  const roots = dirs.length > 0 ? dirs.map((d) => path.resolve(d)) : defaultRoots(repo);
  const cycles = findCycles(importGraph(roots));
  for (const cycle of cycles) console.log(cycle.map((file) => path.relative(repo, file)).join(" -> "));
  console.log(cycles.length === 0 ? "no import cycles" : `${cycles.length} import cycle(s)`);
  process.exitCode = cycles.length === 0 ? 0 : 1;
}

/** packages/*\/src, apps/*\/src, scripts, bench/src and e2e. */
export function defaultRoots(repo: string): string[] {
  const sources = ["packages", "apps"].flatMap((group) => readdirSync(path.join(repo, group)).map((name) => path.join(repo, group, name, "src")));
  return [...sources, path.join(repo, "scripts"), path.join(repo, "bench", "src"), path.join(repo, "e2e")].filter((dir) => existsSync(dir));
}
