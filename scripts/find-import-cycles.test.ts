import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { defaultRoots, findCycles, importGraph } from "./find-import-cycles.ts";

const repo = path.resolve(import.meta.dirname, "..");
const relative = (cycles: string[][], root: string) => cycles.map((cycle) => cycle.map((file) => path.relative(root, file)).join(" -> "));

describe("import cycles", () => {
  it("the repository has none (packages/*/src, apps/*/src, scripts, bench, e2e)", () => {
    const cycles = relative(findCycles(importGraph(defaultRoots(repo))), repo);
    expect(cycles).toEqual([]);
  });

  const dir = mkdtempSync(path.join(tmpdir(), "cycles-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  };

  it("finds a cycle through type-only, multi-line, re-export and index imports, and names its files in order", () => {
    write("a/deps.ts", 'import type { Coalescer } from "../b/coalescer.ts";\nexport interface Deps { c?: Coalescer }\n');
    write("b/coalescer.ts", 'import {\n  check,\n} from "../c";\nexport type Coalescer = { run(): void };\nexport const run = check;\n');
    write("c/index.ts", 'export { check } from "./check.ts";\n');
    write("c/check.ts", 'import type { Deps } from "../a/deps.ts";\nexport const check = (d?: Deps) => d;\n');
    write("d/alone.ts", '// import { x } from "../a/deps.ts";\nimport path from "node:path";\nexport const p = path.sep;\n');
    const cycles = relative(findCycles(importGraph([dir])), dir);
    expect(cycles).toHaveLength(1);
    expect(cycles[0]?.split(" -> ").sort()).toEqual(["a/deps.ts", "a/deps.ts", "b/coalescer.ts", "c/check.ts", "c/index.ts"].sort());
  });

  it("finds none once the type moves to a file that imports nothing", () => {
    write("a/deps.ts", 'import type { Coalescer } from "../b/coalescer-types.ts";\nexport interface Deps { c?: Coalescer }\n');
    write("b/coalescer-types.ts", "export type Coalescer = { run(): void };\n");
    expect(findCycles(importGraph([dir]))).toEqual([]);
  });
});
