/**
 * The replay viewer (viewer/), built to dist/viewer with relative paths so
 * that the built files work from any address (`drill view` serves them at /,
 * but a copy in any folder opens too). The viewer imports the engine from
 * engine/ directly: the browser replays with the code that made the run.
 * Two pages: index.html (the replay viewer) and play.html (a tabletop
 * session, `drill play` in the browser).
 */
import { fileURLToPath } from 'node:url';
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
      handler(html, ctx) {
        // the replay viewer's page only: the play page does not load the viewer
        if (!ctx.filename.endsWith('/viewer/index.html')) return [];
        const chunk = Object.values(ctx.bundle ?? {}).find((c) => c.type === 'chunk' && c.isDynamicEntry && c.facadeModuleId?.endsWith('/viewer/src/main.ts'));
        if (!chunk || chunk.type !== 'chunk') return [];
        // with the play page built too, the engine's code is a chunk the two pages share, imported by the viewer's: preload it as well
        const files = [chunk.fileName, ...chunk.imports].filter((f) => !html.includes(`/${f}"`));
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${f}` }, injectTo: 'head' as const }));
      },
    },
  };
}

export default defineConfig({
  plugins: [preloadViewer()],
  root: 'viewer',
  base: './',
  // viewer/public: the lists a page reads first, saying none: runs/index.json (no run served) and play/index.json (no
  // scenario to play), as `drill view` answers when given none (it answers those two paths itself, whatever is on disk).
  // A copy of dist/viewer on a plain web server then finds them, and the browser logs no 404 for either.
  publicDir: 'public',
  build: {
    outDir: '../dist/viewer',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // fonts as files, never inlined as data: addresses, which the pages' Content-Security-Policy refuses
    assetsInlineLimit: (file: string) => (/\.woff2?$/.test(file) ? false : undefined),
    reportCompressedSize: false,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./viewer/index.html', import.meta.url)),
        play: fileURLToPath(new URL('./viewer/play.html', import.meta.url)),
      },
      output: {
        // The viewer's own code runs almost whole on opening a run: compiled at once, on the thread that streams it
        // in while the page is read, rather than function by function on the page's thread at first call (V8's
        // explicit compile hints, Chromium 136 on). After minification, where a comment stays; no line at all for the
        // other chunks (an empty one would change them). Not the shared chunk: much of it (the YAML reader, most of
        // zod and d3) does not run on opening, and compiling it all cost more than it saved.
        postBanner: (chunk) => (chunk.facadeModuleId?.endsWith('/viewer/src/main.ts') ? '//# allFunctionsCalledOnLoad' : undefined) as string,
      },
    },
  },
  server: { host: '127.0.0.1' },
});
