/**
 * A batch whose workers step a machine changed without `npm run gen:steppers` says what to run, as drill run does
 * (test/cli/stale-stepper.test.ts), and not 'internal error ... a bug in drillsim' with the run and seed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BatchPool, BatchRunError } from '../../engine/cli/batch-pool.js';
import { main } from '../../engine/cli/main.js';

afterEach(() => vi.restoreAllMocks());

async function stderrOf(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  return { code: await main(argv), err };
}

describe('drill batch on a machine changed without npm run gen:steppers', () => {
  it('says what to run, in the batch\'s language', async () => {
    // the worker's report of the refusal (the workers run the build, so a stale one is faked here)
    vi.spyOn(BatchPool.prototype, 'run').mockRejectedValue(new BatchRunError('stale', 'unit', { k: 1, v: 0, seed: 1 } as never));
    const en = await stderrOf(['batch', 'scenarios/minimal.yaml', '--runs', '1', '--workers', '1', '--quiet', '--lang', 'en']);
    expect(en.code).toBe(70);
    expect(en.err).toContain("drill batch: this build steps machine 'unit' by generated code that no longer fits it");
    expect(en.err).toContain('`npm run gen:steppers`');
    vi.mocked(process.stderr.write).mockRestore();
    const vi_ = await stderrOf(['batch', 'scenarios/minimal.yaml', '--runs', '1', '--workers', '1', '--quiet', '--lang', 'vi']);
    expect(vi_.code).toBe(70);
    expect(vi_.err).toContain("máy trạng thái 'unit'");
  });
});
