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
const panicRegistry = {
  message: "",
  set_message(message: string) {
    panicRegistry.message = message;
  },
};

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

interface ScriptRunner {
  client: { query(sql: string): Promise<unknown> };
  onError(error: unknown): never;
  executeScript(script: string): Promise<void>;
}

/**
 * Two fixes to adapter-pg 7.10 for migrations:
 * - its executeScript splits a script on every ";" (even inside $$ function bodies and comments),
 *   so send the whole migration as one simple-protocol query instead: Postgres runs a
 *   multi-statement query as one implicit transaction, so a migration applies wholly or not at all;
 * - the engine never closes the connections it opens (free() only drops the WASM object), and a
 *   live connection keeps Prisma's migration advisory lock: the next engine on that database waits
 *   ~10 s for it. So track every connection and dispose them with the engine.
 */
class DisposablePg extends PrismaPg {
  readonly #open: { dispose(): Promise<void> }[] = [];
  override async connect() {
    const adapter = await super.connect();
    const runner = adapter as unknown as ScriptRunner;
    runner.executeScript = async (script) => {
      try {
        await runner.client.query(script);
      } catch (error) {
        runner.onError(error);
      }
    };
    this.#open.push(adapter);
    return adapter;
  }
  async disposeAll(): Promise<void> {
    await Promise.all(this.#open.splice(0).map((adapter) => adapter.dispose()));
  }
}

/** Run `work` with a schema engine connected to `url` (lazily), then release everything. */
export async function withSchemaEngine<T>(url: string, schema: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const factory = new DisposablePg({ connectionString: url });
  const engine: SchemaEngine = await bg.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await run(engine);
  } catch (error) {
    if (!panicRegistry.message) throw error;
    const message = panicRegistry.message;
    panicRegistry.message = "";
    throw new Error(`Prisma schema engine panicked: ${message}`, { cause: error });
  } finally {
    engine.free();
    await factory.disposeAll();
  }
}
