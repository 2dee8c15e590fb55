import { tanstackRouter } from "@tanstack/router-plugin/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { VitePWA } from "vite-plugin-pwa";

const serverPort = process.env.STOCKROOM_SERVER_PORT ?? "3000";

// Served by the API server under /admin/ in production; Vite serves it on 5174 in development.
export default defineConfig({
  base: "/admin/",
  plugins: [
    tanstackRouter({ target: "react", autoCodeSplitting: true }),
    react(),
    // Installable on a phone; the service worker precaches the built app shell (JS, CSS, the barcode
    // reader's .wasm, icons) so the admin opens offline. API calls are never cached: they go to the network.
    VitePWA({
      registerType: "autoUpdate",
      injectRegister: "script",
      scope: "/admin/",
      base: "/admin/",
      includeAssets: ["icons/apple-touch-icon.png"],
      manifest: {
        id: "/admin/",
        name: "Stockroom Admin",
        short_name: "Stockroom",
        description: "Stock, orders and counts for Stockroom producers.",
        start_url: "/admin/",
        scope: "/admin/",
        display: "standalone",
        theme_color: "#1f6f5c",
        background_color: "#f6f7f9",
        icons: [
          { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
          { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
          { src: "icons/maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
          { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
        ],
      },
      workbox: {
        globPatterns: ["**/*.{js,css,html,wasm,png,webmanifest}"],
        // The reader's .wasm is about 1 MB; the default 2 MB limit would do, but say it.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: "/admin/index.html",
        navigateFallbackAllowlist: [/^\/admin\//],
        navigateFallbackDenylist: [/^\/admin\/assets\//],
        cleanupOutdatedCaches: true,
        // The first visit's page is taken over at once, so it works offline without a reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  server: {
    host: "127.0.0.1",
    port: 5174,
    strictPort: true,
    proxy: { "/trpc": `http://127.0.0.1:${serverPort}`, "/api": `http://127.0.0.1:${serverPort}`, "/images": `http://127.0.0.1:${serverPort}` },
  },
  // The barcode reader's worker is an ES module (it loads the ZXing reader's chunks).
  worker: { format: "es" },
  build: { outDir: "dist", emptyOutDir: true },
});
