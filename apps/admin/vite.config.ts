import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const serverPort = process.env.STOCKROOM_SERVER_PORT ?? "3000";

// Served by the API server under /admin/ in production; Vite serves it on 5174 in development.
export default defineConfig({
  base: "/admin/",
  plugins: [tanstackRouter({ target: "react", autoCodeSplitting: true }), react()],
  server: {
    host: "127.0.0.1",
    port: 5174,
    strictPort: true,
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/api": `http://127.0.0.1:${serverPort}`, "/images": `http://127.0.0.1:${serverPort}` },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
