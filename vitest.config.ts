import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // two cores: keep the worker count low so CLI and browser tests do not starve each other
    maxWorkers: 2,
    // commands pick their language from the locale (LANG=vi_VN gives Vietnamese): the tests expect the English
    // default wherever they do not ask for a language, whatever the machine's locale
    env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
