// Prisma's schema engine compiled to WASM. The Prisma CLI would download a native engine from a
// host we cannot reach; the WASM build ships on npm and speaks to Postgres through adapter-pg.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);
let bgModule: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | undefined;

/** The WASM build reports Rust panics through this global before it aborts. */
const panicRegistry = { message: "", set_message(message: string) { panicRegistry.message = message; process.stderr.write(`schema engine panic: ${message}\n`); } };

function loadWasm() {
  bgModule ??= (async () => {
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: typeof panicRegistry }).PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
    // The package's main entry imports the .wasm as an ES module, which Node rejects; wire it by hand.
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), { "./schema_engine_bg.js": bg as never });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return bgModule;
}

/**
 * Open a schema engine connected to `url` (connections are lazy: schema-to-schema diffs never
 * connect). Always `free()` it — withSchemaEngine does.
 */
export async function openSchemaEngine(url: string, schema: string, onLog?: (line: string) => void): Promise<SchemaEngine> {
  const bg = await loadWasm();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }));
  return bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, (line: string) => onLog?.(line), adapter);
}

export async function withSchemaEngine<T>(url: string, schema: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const engine = await openSchemaEngine(url, schema);
  try {
    return await run(engine);
  } catch (error) {
    if (!panicRegistry.message) throw error;
    const message = panicRegistry.message;
    panicRegistry.message = "";
    throw new Error(`Prisma schema engine panicked: ${message}`, { cause: error });
  } finally {
    engine.free();
  }
}
