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

  it('the address to open is said in Vietnamese, and opens the page in Vietnamese (#lang=vi)', async () => {
    const s = await serve([], ['--play', 'scenarios/minimal.yaml', '--lang', 'vi']);
    try {
      expect(s.stdout()).toBe(`drill view: đang phục vụ trang chơi cho minimal.yaml\n  hãy mở ${s.url}play.html#lang=vi trong trình duyệt để chơi (chỉ trên máy này); Ctrl+C để dừng\n`);
    } finally {
      await s.stop();
    }
  });

  /**
   * The page opened in its own language whatever --lang said: a Vietnamese user who typed --lang vi got an
   * English page. The address printed now asks for the language of the command, when one was asked for.
   */
  describe('the language in the address printed', () => {
    const saved = { LANG: process.env.LANG, LC_ALL: process.env.LC_ALL, LC_MESSAGES: process.env.LC_MESSAGES };
    const withLocale = async (env: Record<string, string>, args: string[]) => {
      Object.assign(process.env, env);
      try {
        const s = await serve([], args);
        await s.stop();
        return s;
      } finally {
        for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k]; else process.env[k] = v;
      }
    };

    it('the viewer and the play page, under --lang vi or a Vietnamese LANG', async () => {
      const vi = await withLocale({ LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, ['--lang', 'vi']);
      expect(vi.stdout()).toBe(`drill view: đang phục vụ trang xem lại (hãy mở nhật ký chạy trong trang)\n  hãy mở ${vi.url}#lang=vi trong trình duyệt (chỉ trên máy này); Ctrl+C để dừng\n`);
      const locale = await withLocale(VI_ENV, ['--play', 'scenarios/minimal.yaml']);
      expect(locale.stdout()).toContain(`  hãy mở ${locale.url}play.html#lang=vi trong trình duyệt để chơi`);
    });

    it('--lang en asks for English; no --lang and an English locale leave the page its own choice', async () => {
      const en = await withLocale(VI_ENV, ['--lang', 'en']);
      expect(en.stdout()).toContain(`  open ${en.url}#lang=en in a browser`);
      const plain = await withLocale({ LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' }, ['--play', 'scenarios/minimal.yaml']);
      expect(plain.stdout()).toContain(`  open ${plain.url}play.html in a browser to play`);
    });
  });
});
