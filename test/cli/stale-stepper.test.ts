/**
 * A developer who edits engine/machines/unit.ts and runs drill without `npm run gen:steppers` gets the line to run,
 * in the command's language; it is their build, not a bug in drillsim to report (which bin/drill.mjs says of any
 * error a command throws).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assign, setup } from 'xstate';
import { main, registerCommand } from '../../engine/cli/main.js';
import * as generatedUnit from '../../engine/machines/generated/unit.js';
import { compileMachine } from '../../engine/machines/stepper.js';

// the unit machine with one more state: its generated code no longer fits it
const changed = setup({ actions: { clear: assign({ incident: null }) } }).createMachine({
  id: 'unit',
  initial: 'available',
  context: { incident: null as string | null },
  states: { available: { on: { GO: 'away' } }, away: { on: { BACK: { target: 'available', actions: 'clear' } } } },
});

registerCommand('stale-test', async () => ({
  name: 'stale-test',
  summary: 'steps a machine whose generated code is out of date',
  usage: 'usage: drill stale-test [--lang vi|en]',
  options: { lang: { type: 'string', short: 'l' } },
  vi: { summary: 'chạy một máy có mã sinh sẵn đã cũ', usage: 'cú pháp: drill stale-test [--lang vi|en]' },
  run: () => {
    compileMachine(changed, { generated: generatedUnit }).start({ value: '', context: undefined });
    return 0;
  },
}));

async function stderrOf(argv: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true; });
  try {
    return { code: await main(argv), err };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('a machine changed without npm run gen:steppers', () => {
  it('says what to run, and not that drillsim has a bug', async () => {
    const { code, err } = await stderrOf(['stale-test', '--lang', 'en']);
    expect(code).toBe(70);
    expect(err).toBe("drill stale-test: this build steps machine 'unit' by generated code that no longer fits it (engine/machines/unit.ts changed since it was generated): run `npm run gen:steppers` in the drillsim folder, which writes the code again and builds\n");
  });

  it('in Vietnamese with --lang vi', async () => {
    const { code, err } = await stderrOf(['stale-test', '--lang', 'vi']);
    expect(code).toBe(70);
    expect(err).toContain("máy trạng thái 'unit'");
    expect(err).toContain('`npm run gen:steppers`');
  });
});
