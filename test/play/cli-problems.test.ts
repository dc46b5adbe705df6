/**
 * The shared CLI's problems (files, options, run logs) said in Vietnamese for `drill play --lang vi`. Each case
 * makes the real message with the real code, so a message reworded there and not here fails here.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { intOption, parse } from '../../engine/cli/args.js';
import { checkNotInput, checkWritable, InputError, notStdout, readText } from '../../engine/cli/io.js';
import { sayCliProblem } from '../../engine/play/cli-problems.js';
import { readRunLog } from '../../engine/sim/run.js';
import { tempDir } from '../helpers/cli.js';

/** The message and hint of what `f` throws. */
function thrown(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    return e instanceof InputError ? [e.message, ...(e.hint ? [e.hint] : [])] : [(e as Error).message];
  }
  throw new Error('nothing was thrown');
}

function problems(): string[] {
  const dir = tempDir();
  mkdirSync(join(dir, 'folder'));
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  const log = (text: string) => {
    const r = readRunLog(text);
    return r.ok ? [] : [r.message, ...(r.hint ? [r.hint] : [])];
  };
  return [
    ...thrown(() => checkWritable(join(dir, 'no-folder', 'x.json'))),
    ...thrown(() => checkWritable(join(dir, 'folder'))),
    // a folder that is there but takes no file (Linux's /proc): said as such, not as missing
    ...(existsSync('/proc/self') ? thrown(() => checkWritable('/proc/x.json')) : []),
    ...thrown(() => readText(join(dir, 'nope.yaml'))),
    ...thrown(() => notStdout('--decisions-out', '-')),
    ...thrown(() => checkNotInput('--out', join(dir, 's.yaml'), [['scenario', join(dir, 's.yaml')]])),
    ...thrown(() => checkNotInput('--decisions-out', join(dir, 'run.json'), [['run log', join(dir, 'run.json')]])),
    ...thrown(() => readText(join(dir, 'folder'))),
    ...thrown(() => readText(join(dir, 'binary.bin'))),
    ...thrown(() => readText(join(dir, 'latin1.txt'))),
    ...log('drillsim: 1\nid: x\n'),
    ...log('drillsim_decisions: 1\ndecisions: []\n'),
    ...log('{"format": "drillsim/run@1", "events": ['),
    ...log('{"hello": 1}'),
    ...thrown(() => parse(['--bogus'], { seed: { type: 'string' } })),
    ...thrown(() => parse(['--sed', '1'], { seed: { type: 'string' } })),
    ...thrown(() => parse(['--seed'], { seed: { type: 'string' } })),
    ...thrown(() => parse(['--controller=yes'], { controller: { type: 'boolean' } })),
    ...thrown(() => parse(['a', 'b'], {}, 0, 1)),
    ...thrown(() => parse([], {}, 1, 1)),
    ...thrown(() => intOption('abc', 'seed')),
    ...thrown(() => intOption('0', 'runs', 1)),
    ...thrown(() => intOption('99999999999999999999', 'seed')),
    ...thrown(() => intOption('', 'seed')),
    ...thrown(() => parse(['--seed', '1', '--seed', '2'], { seed: { type: 'string' } })),
  ];
}

describe('the CLI\'s own problems in Vietnamese', () => {
  it('every one drill play can meet is translated, keeping its particulars (paths, option names, values)', () => {
    const list = problems();
    expect(list.length).toBeGreaterThan(20);
    for (const en of list) {
      const vi = sayCliProblem(en, 'vi');
      expect(vi, en).not.toBe(en);
      // the words outside the quoted particulars
      expect(vi.replace(/'[^']*'|`[^`]*`|--[\w-]+/g, ''), en).not.toMatch(/\b(cannot|the|this|is|not|file|folder|give|write|unknown|must|option|missing|run log)\b/);
      for (const kept of en.match(/'[^']*'|--[\w-]+/g) ?? []) expect(vi, en).toContain(kept);
    }
  });

  it('leaves English as it is, and an unknown message unchanged rather than lost', () => {
    expect(sayCliProblem('no such file', 'en')).toBe('no such file');
    expect(sayCliProblem('something new went wrong', 'vi')).toBe('something new went wrong');
  });
});
