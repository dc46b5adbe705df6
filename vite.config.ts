/**
 * The replay viewer (viewer/), built to dist/viewer with relative paths so
 * that the built files work from any address (`drill view` serves them at /,
 * but a copy in any folder opens too). The viewer imports the engine from
 * engine/ directly: the browser replays with the code that made the run.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'viewer',
  base: './',
  publicDir: false,
  build: {
    outDir: '../dist/viewer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    reportCompressedSize: false,
  },
  server: { host: '127.0.0.1' },
});
