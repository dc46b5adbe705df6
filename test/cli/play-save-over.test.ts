/**
 * `save F` typed at the table does not replace another run log that is there (a finished run, another trainee's
 * session), nor any other file (a JSON scenario, batch results): it had, silently. Saving again over the session's own file, or over the log it resumed, goes on as
 * before; --out, named on the command line, is the user's choice.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('save over a run log at the table', () => {
  const dir = tempDir('drillsim-save-over-');
  const other = join(dir, 'other.json');
  const mine = join(dir, 'mine.json');
  expect(drill(['run', KY_SON, '--seed', '7', '--out', other, '--quiet']).code).toBe(0);
  const before = readFileSync(other);

  it('refuses another run log, EN and VI, and leaves it as it was; saves its own file again and again', () => {
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: `save ${other}\nsave ${mine}\nadvance\nsave ${mine}\n` });
    expect(p.stdout).toContain(`Not saved: cannot write: another run log is there already (save under another name, or remove that file first)`);
    expect(p.stdout.match(/Session saved to .*mine\.json/g)).toHaveLength(2);
    expect(readFileSync(other)).toEqual(before);
    const vi = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'vi'], { input: `save ${other}\n` });
    expect(vi.stdout).toContain('Chưa lưu: không ghi được: ở đó đã có một nhật ký chạy khác (hãy lưu với tên khác, hoặc xóa tệp đó trước)');
    expect(readFileSync(other)).toEqual(before);
  });

  it('refuses a file that is not a run log (a JSON scenario, batch results), EN and VI, and leaves it as it was', () => {
    const scenario = join(dir, 'scenario.json');
    writeFileSync(scenario, JSON.stringify(parse(readFileSync(KY_SON, 'utf8')), null, 2));
    const results = join(dir, 'results.json');
    expect(drill(['batch', 'scenarios/minimal.yaml', '--runs', '2', '--workers', '1', '--out', results]).code).toBe(0);
    const kept = [scenario, results].map((f) => readFileSync(f));
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en'], { input: `save ${scenario}\nsave ${results}\n` });
    expect(p.stdout.match(/Not saved: cannot write: a file that is not a run log is there already \(save under another name, or remove that file first\)/g)).toHaveLength(2);
    const vi = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'vi'], { input: `save ${results}\n` });
    expect(vi.stdout).toContain('Chưa lưu: không ghi được: ở đó đã có một tệp khác, không phải nhật ký chạy (hãy lưu với tên khác, hoặc xóa tệp đó trước)');
    expect([scenario, results].map((f) => readFileSync(f))).toEqual(kept);
  });

  it('saves over the log it resumed, and over --out at quit', () => {
    const resumed = join(dir, 'resumed.json');
    copyFileSync(mine, resumed);
    const r = drill(['play', '--resume', resumed, '--lang', 'en'], { input: `advance\nsave ${resumed}\n` });
    expect(r.stdout).toMatch(/Session saved to .*resumed\.json at T\+/);
    const out = join(dir, 'out.json');
    copyFileSync(other, out);
    const q = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--out', out], { input: 'advance\n' });
    expect(q.code).toBe(0);
    expect(readFileSync(out)).not.toEqual(before);
  });
});
