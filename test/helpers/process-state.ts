/**
 * Test files share their worker's process one after another (vitest.config.ts: isolate false): a file that
 * left the working folder, the environment or the exit code changed would change what the files after it
 * see. Each file is held to leaving them as it found them.
 */
import { afterAll, beforeAll, expect } from 'vitest';

let cwd = '';
let env: Record<string, string | undefined> = {};
let exitCode: typeof process.exitCode;

beforeAll(() => {
  cwd = process.cwd();
  env = { ...process.env };
  exitCode = process.exitCode;
});

afterAll(() => {
  expect(process.cwd(), 'the working folder, as the file found it').toBe(cwd);
  expect({ ...process.env }, 'the environment, as the file found it').toEqual(env);
  expect(process.exitCode, 'the exit code, as the file found it').toBe(exitCode);
});
