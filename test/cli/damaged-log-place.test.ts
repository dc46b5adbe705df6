/**
 * A run log whose JSON an edit broke: the reviewer is told the line and column (a log is one event a line),
 * not V8's character offset, and the message stays on one line. In Vietnamese the place alone: V8's parser words
 * are English (they read "cột 5 (Expected ':' after property name)").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRunLog } from '../../engine/sim/run.js';
import { drill, STACK, tempDir } from '../helpers/cli.js';

describe('a run log with broken JSON', () => {
  it('names the line and column where it breaks, in report, verify, compare and fork, in English and Vietnamese (without the parser\'s English)', () => {
    const dir = tempDir();
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const lines = readFileSync(log, 'utf8').split('\n');
    const k = lines.findIndex((l) => l.startsWith('{"t":') && l.includes('"type":"incident.reported"'));
    expect(k).toBeGreaterThan(3);
    lines[k] = lines[k].replace('"t":', '"t"');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, lines.join('\n'));
    const line = `${broken}: error[file] (file): the run log is damaged: its JSON breaks at line ${k + 1}, column 5 (Expected ':' after property name) (a run log is written by drill, not by hand: copy it again, or write it again with \`drill run --out\`)\n`;
    for (const args of [['report', broken], ['verify', broken], ['compare', broken, log], ['fork', broken, '--at', '1h', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml']]) {
      const r = drill(args);
      expect(r.code, args[0]).toBe(1);
      expect(r.stderr, args[0]).toBe(line);
      expect(r.stderr).not.toMatch(STACK);
    }
    const vi = drill(['verify', broken, '--lang', 'vi']);
    expect(vi.stderr).toBe(`${broken}: error[file] (file): nhật ký chạy bị hỏng: JSON bị lỗi tại dòng ${k + 1}, cột 5 (nhật ký chạy do drill ghi, không sửa bằng tay: hãy chép lại, hoặc ghi lại bằng \`drill run --out\`)\n`);
  });

  it('a file that is not a log at all says so on one line, with the place when JSON gives one', () => {
    const hello = readRunLog('hello\n');
    expect(hello.ok || hello.message).toBe("not a run log: the file is not valid JSON (Unexpected token 'h', line 1, column 1)");
    const comma = readRunLog('{"a": 1,}');
    expect(comma.ok || comma.message).toBe('not a run log: the file is not valid JSON (Expected double-quoted property name, line 1, column 9)');
  });
});
