/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// No framework plugin: esbuild compiles the JSX for Preact directly.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    // Every supported browser has <link rel="modulepreload">; skip the polyfill.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    // `npm run dev` talks to a locally running antq server.
    proxy: { '/api': 'http://127.0.0.1:8080' },
    // The i18n catalogs live in ../i18n, shared with the server.
    fs: { allow: ['..'] },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    restoreMocks: true,
    // On a clock set to UTC, as an officer's laptop may be: the app must still show
    // Vietnam's times (lib/format.ts).
    env: { TZ: 'UTC' },
  },
});
