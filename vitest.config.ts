import { defineConfig } from 'vitest/config';

/** Files that mock a module (vi.mock): they need a module registry of their own. */
const MOCKING = ['test/scenario/canonical.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // two cores: keep the worker count low so CLI and browser tests do not starve each other
    maxWorkers: 2,
    // commands pick their language from the locale (LANG=vi_VN gives Vietnamese): the tests expect the English
    // default wherever they do not ask for a language, whatever the machine's locale
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
    setupFiles: ['test/helpers/process-state.ts'],
    globalSetup: ['test/helpers/temp-root.ts'],
    projects: [
      // A worker runs its files one after another in one module registry: the engine, zod and the test helpers
      // are imported (and compiled, and warmed up) once per worker rather than once per file. On the 2-core CI
      // machine the engine's own tests took a third of the time. No test changes the process's state
      // (environment, working folder, globals, timers) for the files after it.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: MOCKING, isolate: false } },
      { extends: true, test: { name: 'isolated', include: MOCKING, isolate: true } },
    ],
  },
});
