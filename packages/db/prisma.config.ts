import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file; migrations go through src/migrations.ts (WASM engine).
export default defineConfig({
  schema: "../../prisma/schema.prisma",
});
