/**
 * Commands the program prints for people to copy (resume a session, replay its decisions) name files; a
 * planner's folder with a space in its name must still give a command that works when pasted into a shell.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellArg } from '../../engine/cli/shell.js';
import { ROOT, tempDir } from '../helpers/cli.js';

/** What bash makes of a command line's words (printed one per line, NUL-separated so that any text survives). */
function words(line: string, cwd = ROOT): string[] {
  const r = spawnSync('bash', ['-c', `printf '%s\\0' ${line}`], { encoding: 'utf8', cwd });
  return r.stdout.split('\0').slice(0, -1);
}

describe('file names in printed commands', () => {
  it('reach the shell as one word, exactly as given, whatever they hold', () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom("it's", 'a b', '$HOME', '*.json', 'Diễn tập/kỳ sơn.yaml', '"', '\\', '!x', '`id`', ';ls', '~')), { minLength: 1, maxLength: 3 }), (names) => {
      const clean = names.map((n) => n.replace(/\0/g, '')).filter((n) => n !== '');
      fc.pre(clean.length > 0);
      expect(words(clean.map(shellArg).join(' '))).toEqual(clean);
    }), { numRuns: 60 });
    // plain names stay plain: most commands read as they always did
    expect(['run.json', 'scenarios/ky-son-flash-flood.yaml', 'kỳ-sơn.json', 'T+00:00'].map(shellArg)).toEqual(['run.json', 'scenarios/ky-son-flash-flood.yaml', 'kỳ-sơn.json', 'T+00:00']);
  });

  it('drill play: "Continue with" and the replay command work when pasted, for a folder with a space in its name', () => {
    const dir = join(tempDir(), 'Diễn tập 2025');
    spawnSync('mkdir', ['-p', dir]);
    const session = join(dir, 'ky son.json');
    const drill = join(ROOT, 'bin/drill.mjs');
    const first = spawnSync(process.execPath, [drill, 'play', 'scenarios/ky-son-flash-flood.yaml', '--role', 'tc-chair', '--lang', 'en'], { cwd: ROOT, encoding: 'utf8', input: `evacuate ta-ca-riverside\nadvance\nsave ${session}\nquit\n` });
    const cont = /Continue with: (drill play --resume .*)$/m.exec(first.stdout)?.[1];
    expect(cont).toBe(`drill play --resume '${session}'`);
    const decisions = join(dir, 'my decisions.yaml'), out = join(dir, 'played run.json');
    const again = spawnSync('bash', ['-c', `node ${drill} ${cont!.slice('drill '.length)} --lang en --out ${shellArg(out)} --decisions-out ${shellArg(decisions)}`], { cwd: ROOT, encoding: 'utf8', input: 'advance until end\n' });
    expect(again.stderr).toBe('');
    const replay = /: (drill fork .*) replays this session\./.exec(again.stdout)?.[1];
    expect(replay).toBe(`drill fork '${session}' --at T+00:00 --decisions '${decisions}'`);
    const forked = join(dir, 'forked.json');
    const f = spawnSync('bash', ['-c', `node ${drill} ${replay!.slice('drill '.length)} --out ${shellArg(forked)} --quiet`], { cwd: ROOT, encoding: 'utf8' });
    expect(f.stderr).toBe('');
    expect(existsSync(forked)).toBe(true);
    expect(readFileSync(forked, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });
});
