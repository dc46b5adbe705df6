/**
 * `drill view` had no --lang: `drill view --play <scenario>` showed a broken scenario's problems in English to a
 * planner who reads Vietnamese, while `drill validate --lang vi` and `drill play --lang vi` said the same problems
 * in Vietnamese. It now takes --lang (or a Vietnamese LANG) like the other commands, for what it prints: the
 * problems found in the files and the address to open.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { serve } from '../viewer/browser.js';

const VI_ENV = { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('drill view --lang', () => {
  const dir = tempDir('drillsim-view-lang-');
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'drillsim: 1\nid: x\nhorizon: 4\n');

  it('is in its usage, as in the other commands', () => {
    const r = drill(['view', '--help']);
    expect(r.stdout).toContain('[--lang vi|en]');
    expect(r.stdout).toContain('  --lang vi|en  language of what is printed here');
  });

  it('--play with a broken scenario: its problems in Vietnamese, as drill validate --lang vi says them', () => {
    const view = drill(['view', '--play', bad, '--port', '0', '--lang', 'vi']);
    expect(view.code).toBe(1);
    expect(view.stdout).toBe('');
    // validate prints them on stdout, one line each
    const problems = (args: string[], env?: Record<string, string>) => drill(['validate', bad, ...args], { env }).stdout.split('\n').filter((l) => l.startsWith(bad)).join('\n') + '\n';
    const vi = problems(['--lang', 'vi']);
    expect(view.stderr).toBe(vi);
    expect(view.stderr).toContain(`${bad}:3:10: error[duration] horizon: số 4 không phải một khoảng thời gian`);
    // a Vietnamese locale asks for it too; --lang en and a plain locale stay English
    expect(drill(['view', '--play', bad, '--port', '0'], { env: VI_ENV }).stderr).toBe(vi);
    expect(drill(['view', '--play', bad, '--port', '0', '-l', 'en'], { env: VI_ENV }).stderr).toBe(problems([]));
    expect(problems([])).toContain(`${bad}:3:10: error[duration] horizon: the number 4 is not a duration`);
  });

  it('a scenario given where a run log goes is said in Vietnamese, hint included', () => {
    const r = drill(['view', 'scenarios/minimal.yaml', '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('scenarios/minimal.yaml: error[file] (file): đây là một kịch bản, không phải nhật ký chạy (hãy tạo nhật ký chạy trước: drill run <kịch-bản> --out run.json; hoặc chơi kịch bản trong trình duyệt: drill view --play scenarios/minimal.yaml)\n');
  });

  it('a wrong --lang is refused as elsewhere', () => {
    const r = drill(['view', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("drill view: --lang must be vi or en, not 'fr'\n(drill view --help lists the options)\n");
  });

  it('the address to open is said in Vietnamese', async () => {
    const s = await serve([], ['--play', 'scenarios/minimal.yaml', '--lang', 'vi']);
    try {
      expect(s.stdout()).toBe(`drill view: đang phục vụ trang chơi cho minimal.yaml\n  hãy mở ${s.url}play.html trong trình duyệt để chơi (chỉ trên máy này); Ctrl+C để dừng\n`);
    } finally {
      await s.stop();
    }
  });
});
