// `prisma generate` runs on WASM but the CLI insists that a schema-engine binary exists and
// otherwise tries to download one from a host we cannot reach. Any executable satisfies the
// check, so point it at the running Node binary.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build/index.js");
execFileSync(process.execPath, [cli, "generate"], {
  stdio: "inherit",
  cwd: path.resolve(import.meta.dirname, ".."),
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
  },
});
