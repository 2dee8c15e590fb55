// Writes src/routeTree.gen.ts without building: resolving the Vite config runs the TanStack Router
// plugin's generator (its configResolved hook). `typecheck` runs this first so tsc works on a fresh clone.
import { fileURLToPath } from "node:url";
import { resolveConfig } from "vite";

await resolveConfig({ root: fileURLToPath(new URL("..", import.meta.url)), logLevel: "warn" }, "build");
