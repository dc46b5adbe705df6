/**
 * The replay viewer (viewer/), built to dist/viewer with relative paths so
 * that the built files work from any address (`drill view` serves them at /,
 * but a copy in any folder opens too). The viewer imports the engine from
 * engine/ directly: the browser replays with the code that made the run.
 */
import { defineConfig, type Plugin } from 'vite';

/**
 * The page starts with a small boot script (viewer/src/boot.ts: it fetches the
 * run logs at once) that imports the viewer itself dynamically; a modulepreload
 * link lets the browser fetch and compile the viewer's code from the start
 * instead of from when the boot script runs.
 */
function preloadViewer(): Plugin {
  return {
    name: 'drillsim-preload-viewer',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/viewer/src/main.ts'));
        return chunk ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${chunk.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

export default defineConfig({
  plugins: [preloadViewer()],
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
