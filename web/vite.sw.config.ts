import { defineConfig } from 'vite';

// The service worker's own pass, after the app's (package.json "build"): one classic script,
// dist/sw.js, at the root so that its scope is the whole app. scripts/precache.mjs then
// writes the shell's file list into it.
export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: 'src/sw.ts',
      formats: ['iife'],
      name: 'antqServiceWorker',
      fileName: () => 'sw.js',
    },
  },
});
