import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';
import { scenarioFiles } from '../helpers/scenarios.js';

describe('drill validate', () => {
  it('exits 0 on scenarios/*.yaml with a summary line per file', () => {
    const files = scenarioFiles();
    const r = drill(['validate', ...files]);
    expect(r.code).toBe(0);
    for (const f of files) expect(r.stdout).toContain(`${f}: ok:`);
  });

  it('exits 1 on the broken fixture, one line per problem, no stack trace', () => {
    const r = drill(['validate', 'test/fixtures/broken.yaml']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.some((l) => /^test\/fixtures\/broken\.yaml:22:\d+: error\[unknown-id\] units\[0\]\.base: /.test(l))).toBe(true);
    expect(lines.some((l) => /:25:\d+: error\[duplicate-id\]/.test(l))).toBe(true);
    expect(lines.some((l) => /:24:\d+: error\[negative-duration\]/.test(l))).toBe(true);
    expect(lines.some((l) => /:14:\d+: error\[thousands-separator\] areas\[0\]\.population: '12\.000' reads as 12 \(write 12000/.test(l))).toBe(true);
    expect(lines).toHaveLength(4);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });

  it('exits 1 on a file whose YAML does not read, with the syntax error alone', () => {
    const r = drill(['validate', 'test/fixtures/broken-syntax.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      'test/fixtures/broken-syntax.yaml:23:1: error[yaml] (syntax): tabs are not allowed as indentation (indent with spaces: YAML does not allow tabs there)',
    ]);
  });

  it('gives one clear line for an empty, a binary and a missing file', () => {
    const dir = tempDir();
    const empty = join(dir, 'empty.yaml');
    const binary = join(dir, 'image.png');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x0a, 0x1a, 0x0a]));
    for (const [file, words] of [[empty, 'empty'], [binary, 'binary'], [join(dir, 'nope.yaml'), 'no such file']] as const) {
      const r = drill(['validate', file]);
      expect(r.code).toBe(1);
      const out = (r.stdout + r.stderr).trim().split('\n');
      expect(out).toHaveLength(1);
      expect(out[0]).toContain(file);
      expect(out[0]).toContain(words);
      expect(r.stdout + r.stderr).not.toMatch(STACK);
    }
  });

  it('is a usage error (exit 2, with help) without files', () => {
    const r = drill(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage: drill validate');
  });

  it('names an unknown command and exits 2', () => {
    const r = drill(['valdiate', 'x.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'valdiate'");
  });

  it('warns when a file has the id of another file given (a copy of a library scenario whose id was not changed), at its id line', () => {
    const dir = tempDir();
    const copy = join(dir, 'copy.yaml');
    const library = 'scenarios/vinh-wards-typhoon-night.yaml';
    writeFileSync(copy, readFileSync(join(ROOT, library), 'utf8'));
    const r = drill(['validate', library, copy]);
    expect(r.code).toBe(0);
    const line = readFileSync(join(ROOT, library), 'utf8').split('\n').findIndex((l) => l.startsWith('id:')) + 1;
    expect(r.stdout).toContain(`${copy}:${line}:5: warning[same-id] id: 'vinh-wards-typhoon-night' is also the id of ${library} (give a copy its own id: run logs, batch results and reports name a scenario by its id)\n`);
    expect(r.stdout).toContain('6 objectives, 1 warning)');
    // with its own id, or the same file named twice, nothing is said
    writeFileSync(copy, readFileSync(join(ROOT, library), 'utf8').replace(/^id: .*$/m, 'id: vinh-wards-copy'));
    expect(drill(['validate', library, copy]).stdout).not.toContain('same-id');
    expect(drill(['validate', library, library]).stdout).not.toContain('same-id');
  });

  it('--decisions checks a decisions file against its scenario without running it: every problem at its line, EN and VI; exit 1 on an error', () => {
    const dir = tempDir('drillsim-validate-decisions-');
    const ok = drill(['validate', 'scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('scenarios/decisions/ky-son-trainee.yaml: ok: 5 decisions for ky-son-flash-flood, played by tc-chair\n');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-rivreside }\n  - { at: T+19:00, role: tc-chair, do: request_support, area: ta-ca }\n');
    const r = drill(['validate', 'scenarios/ky-son-flash-flood.yaml', '--decisions', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${bad}:4:56: error[unknown-id] decisions[0].zone: unknown zone 'ta-ca-rivreside' (did you mean 'ta-ca-riverside'?)`);
    expect(r.stdout).toMatch(new RegExp(`${bad.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}:5:11: error\\[outside-horizon\\] decisions\\[1\\]\\.at: `));
    expect(r.stdout).not.toContain(`${bad}: ok`);
    expect(drill(['validate', 'scenarios/ky-son-flash-flood.yaml', '--decisions', bad, '--lang', 'vi']).stdout).toContain("không có khu vực sơ tán 'ta-ca-rivreside'");
    // one scenario only; the decisions file given as a scenario says how to check it
    expect(drill(['validate', 'scenarios/minimal.yaml', 'scenarios/ky-son-flash-flood.yaml', '--decisions', bad]).code).toBe(2);
    expect(drill(['validate', 'scenarios/decisions/ky-son-trainee.yaml']).stdout).toContain('drill validate <scenario> --decisions <file> checks it');
  });
  it('a share written in words or as a percentage gets a share to write (0.5, 0.3 for 30 %), a count or severity a whole number in its range: EN and VI', () => {
    // a planner's copy of a library scenario, with words where the shares and counts go
    const dir = tempDir('drillsim-validate-words-');
    const copy = join(dir, 'ks.yaml');
    const lines = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8').split('\n');
    const edit = (from: RegExp, to: string) => {
      const i = lines.findIndex((l) => from.test(l));
      expect(i, String(from)).toBeGreaterThanOrEqual(0);
      lines[i] = lines[i].replace(from, to);
      return i + 1;
    };
    const share = edit(/vulnerable_share: [\d.]+/, 'vulnerable_share: half');
    const probability = edit(/probability: 0\.6\b/, 'probability: một nửa');
    const pct = edit(/vulnerable_share: [\d.]+/, 'vulnerable_share: 30%');
    const severity = edit(/severity: 3,/, 'severity: three,');
    const threshold = edit(/threshold: 0\.9,/, 'threshold: ninety percent,');
    writeFileSync(copy, lines.join('\n'));
    const en = drill(['validate', copy]);
    expect(en.code).toBe(1);
    const at = (out: string, line: number) => out.split('\n').filter((l) => l.startsWith(`${copy}:${line}:`));
    expect(at(en.stdout, share)).toEqual([expect.stringMatching(/vulnerable_share: expected a number, got the text 'half' \(write it in digits, as a share from 0 to 1: 0\.5 for a half, 0\.25 for a quarter, 0\.3 for 30 %\)$/)]);
    expect(at(en.stdout, probability)).toEqual([expect.stringMatching(/probability: expected a number, got the text 'một nửa' \(write it in digits, as a share from 0 to 1: /)]);
    expect(at(en.stdout, pct)).toEqual([expect.stringMatching(/vulnerable_share: expected a number, got the text '30%' \(for 30 %, write 0\.3\)$/)]);
    expect(at(en.stdout, severity)).toEqual([expect.stringMatching(/severity: expected a number, got the text 'three' \(write the whole number in digits, such as 3\)$/)]);
    expect(at(en.stdout, threshold)).toEqual([expect.stringMatching(/threshold: expected a number, got the text 'ninety percent' \(evacuated_share is the share .*: write it in digits, such as 0\.9 for 90 %\)$/)]);
    expect(en.stdout).not.toContain('such as 12 or 0.5');
    const vi = drill(['validate', copy, '--lang', 'vi']);
    expect(at(vi.stdout, share)).toEqual([expect.stringMatching(/vulnerable_share: cần một số, nhưng nhận được chữ 'half' \(hãy viết bằng chữ số, là một tỷ lệ từ 0 đến 1: 0\.5 cho một nửa, 0\.25 cho một phần tư, 0\.3 cho 30 %\)$/)]);
    expect(at(vi.stdout, probability)).toEqual([expect.stringContaining("nhận được chữ 'một nửa' (hãy viết bằng chữ số, là một tỷ lệ từ 0 đến 1: ")]);
    expect(at(vi.stdout, pct)).toEqual([expect.stringMatching(/\(để ghi 30 %, hãy viết 0\.3\)$/)]);
    expect(at(vi.stdout, severity)).toEqual([expect.stringMatching(/\(hãy viết số nguyên bằng chữ số, ví dụ 3\)$/)]);
    expect(at(vi.stdout, threshold)).toEqual([expect.stringMatching(/: hãy viết bằng chữ số, ví dụ 0\.9 cho 90 %\)$/)]);
    expect(vi.stdout).not.toContain('ví dụ 12 hoặc 0.5');
  });
});
