import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const serverPort = process.env.STOCKROOM_SERVER_PORT ?? "3000";

// Served by the API server at / in production; Vite serves it on 5173 in development.
export default defineConfig({
  base: "/",
  plugins: [tanstackRouter({ target: "react", autoCodeSplitting: true }), react()],
  server: {
    host: "127.0.0.1",
    port: 5173,
    strictPort: true,
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/images": `http://127.0.0.1:${serverPort}` },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
