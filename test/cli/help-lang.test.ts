/**
 * A Vietnamese planner asking for help (`drill run --help --lang vi`, or any command under LANG=vi_VN.UTF-8)
 * got every command's options, and the list of commands, explained in English, as was the usage printed after a
 * malformed command line. Each command's help is now said in the command's language: the same options, file
 * names and values, the explanations in Vietnamese.
 */
import { describe, expect, it } from 'vitest';
import { batchCommand } from '../../engine/cli/batch.js';
import { compareCommand } from '../../engine/cli/compare.js';
import { forkCommand } from '../../engine/cli/fork.js';
import type { Subcommand } from '../../engine/cli/main.js';
import { mergeCommand } from '../../engine/cli/merge.js';
import { mselCommand } from '../../engine/cli/msel.js';
import { playCommand } from '../../engine/cli/play.js';
import { reportCommand } from '../../engine/cli/report.js';
import { runCommand } from '../../engine/cli/run.js';
import { schemaCommand } from '../../engine/cli/schema.js';
import { validateCommand } from '../../engine/cli/validate.js';
import { verifyCommand } from '../../engine/cli/verify.js';
import { viewCommand } from '../../engine/cli/view.js';
import { drill } from '../helpers/cli.js';

const COMMANDS: Subcommand[] = [validateCommand, schemaCommand, runCommand, verifyCommand, playCommand, mselCommand, reportCommand, compareCommand, forkCommand, viewCommand, batchCommand, mergeCommand];

const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const VI = { ...PLAIN, LANG: 'vi_VN.UTF-8' };

/** The lines after the synopsis (the lines before the first blank one): what explains the options. */
const explanations = (help: string) => help.split('\n\n').slice(1).join('\n\n').split('\n').filter((l) => l.trim() !== '');
const optionsIn = (text: string) => [...new Set([...text.matchAll(/--([a-z][\w-]*)/g)].map((x) => x[1]))].sort();

/**
 * Lines after the synopsis that are the same in both languages: notation a planner types, nothing to translate
 * (and a long option's name on a line of its own, `  --decisions-out F`, its words on the next).
 */
const NOTATION = new Set([
  // drill schema: the line to put in a scenario
  '    drill schema > scenario.schema.json',
  '    # yaml-language-server: $schema=./scenario.schema.json',
  // drill msel: the sheet's column names, the names of a condition, decision options as they are written in the sheet
  '         number, id, time, type, method, from (vi), from (en), to, subject (vi), subject (en),',
  '         message (vi), message (en), expected action, objectives, decision options,',
  '         decision deadline, decision default, controller.',
  '                                 alarm, risk_at_least, incident_kind, severity_at_least, road_cut',
  '  evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=muong-xen-lowland',
  '  wait: Chờ đến sáng | Wait for daylight',
  // drill batch: --vary keys that need no words
  '                    travel.<field>, evacuation.<field>',
]);
const notation = (line: string) => NOTATION.has(line) || /^ +--[a-z][\w-]* \S+$/.test(line);

describe('drill <command> --help in Vietnamese', () => {
  for (const cmd of COMMANDS) {
    it(`drill ${cmd.name} --help --lang vi explains every option in Vietnamese; LANG=vi_VN.UTF-8 too; --lang en keeps English`, () => {
      const en = drill([cmd.name, '--help'], { env: PLAIN });
      const vi = drill([cmd.name, '--help', '--lang', 'vi'], { env: PLAIN });
      expect([vi.code, vi.stderr]).toEqual([0, '']);
      expect(vi.stdout).toBe(`cú pháp: ${cmd.vi.usage}\n`);
      expect(en.stdout).toBe(`usage: ${cmd.usage}\n`);
      // every option of the English help is named in the Vietnamese, and no other
      expect(optionsIn(vi.stdout)).toEqual(optionsIn(en.stdout));
      // no English explanation left: a line after the synopsis said alike in both is notation only
      const viLines = new Set(explanations(vi.stdout));
      for (const line of explanations(en.stdout)) if (viLines.has(line)) expect(notation(line), `drill ${cmd.name}: untranslated: ${line}`).toBe(true);
      // each option's line (or the line under it, for a long option name) says what it does in Vietnamese
      const lines = vi.stdout.split('\n');
      for (const o of Object.keys(cmd.options)) {
        const at = lines.findIndex((l) => new RegExp(`^ +--${o}\\b`).test(l));
        expect(lines.slice(at, at + 2).join('\n'), `--${o}`).toMatch(/[à-ỹđ]/);
      }
      // wrapped as the English is, for an 80-100 column terminal
      for (const line of explanations(vi.stdout)) expect(line.length, line).toBeLessThanOrEqual(100);
      // the locale asks for it as --lang does; --lang en under a Vietnamese locale asks for English
      expect(drill([cmd.name, '--help'], { env: VI }).stdout).toBe(vi.stdout);
      expect(drill([cmd.name, '--help', '--lang', 'en'], { env: VI }).stdout).toBe(en.stdout);
    });
  }

  it('drill help <command> --lang vi is drill <command> --help --lang vi; -l vi and --lang=vi as --lang vi', () => {
    const asked = drill(['run', '--help', '--lang', 'vi'], { env: PLAIN }).stdout;
    expect(drill(['help', 'run', '--lang', 'vi'], { env: PLAIN }).stdout).toBe(asked);
    expect(drill(['help', '--lang', 'vi', 'run'], { env: PLAIN }).stdout).toBe(asked);
    expect(drill(['run', '-h', '-l', 'vi'], { env: PLAIN }).stdout).toBe(asked);
    expect(drill(['run', '--lang=vi', '--help'], { env: PLAIN }).stdout).toBe(asked);
    expect(drill(['help', 'run'], { env: VI }).stdout).toBe(asked);
    // drill schema writes English only and takes no --lang; its help is still said to whoever asks in Vietnamese
    expect(drill(['help', 'schema', '--lang', 'vi'], { env: PLAIN }).stdout).toBe(`cú pháp: ${schemaCommand.vi.usage}\n`);
    expect(drill(['schema', '--help', '--lang', 'vi'], { env: PLAIN }).stdout).toBe(`cú pháp: ${schemaCommand.vi.usage}\n`);
  });
});

describe('drill --help in Vietnamese', () => {
  it('lists every command with its summary in Vietnamese, however it is asked for', () => {
    const en = drill(['--help'], { env: PLAIN });
    const vi = drill(['--help', '--lang', 'vi'], { env: PLAIN });
    expect(vi.code).toBe(0);
    expect(vi.stdout).toMatch(/^drill: mô phỏng diễn tập phòng thủ dân sự\n\ncú pháp: drill <lệnh> \[tùy chọn\]\n\ncác lệnh:\n/);
    for (const cmd of COMMANDS) {
      expect(vi.stdout).toContain(`\n  ${cmd.name.padEnd(8)}  ${cmd.vi.summary}\n`);
      expect(en.stdout).toContain(`\n  ${cmd.name.padEnd(8)}  ${cmd.summary}\n`);
      expect(cmd.vi.summary).not.toBe(cmd.summary);
    }
    for (const line of vi.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(vi.stdout).toContain("\n'drill <lệnh> --help' liệt kê các tùy chọn của lệnh đó.\n");
    for (const args of [['help', '--lang', 'vi'], ['--lang', 'vi', '--help'], ['-h', '--lang=vi']]) expect(drill(args, { env: PLAIN }).stdout, args.join(' ')).toBe(vi.stdout);
    expect(drill(['help'], { env: VI }).stdout).toBe(vi.stdout);
    expect(drill(['--help', '--lang', 'en'], { env: VI }).stdout).toBe(en.stdout);
  });

  it('an unknown command is said in Vietnamese, with the list', () => {
    const r = drill(['rnu', '--lang', 'vi'], { env: PLAIN });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`drill: không có lệnh 'rnu' (có phải 'run'?)\n\n${drill(['--help', '--lang', 'vi'], { env: PLAIN }).stdout}`);
    expect(drill(['rnu'], { env: PLAIN }).stderr.split('\n')[0]).toBe("drill: unknown command 'rnu' (did you mean 'run'?)");
  });
});

describe('a malformed command line under --lang vi: the message and the usage in Vietnamese', () => {
  const cases: [string[], string][] = [
    [['run'], 'drill run: thiếu tệp kịch bản'],
    [['validate'], 'drill validate: thiếu các tệp kịch bản cần kiểm tra'],
    [['verify'], 'drill verify: thiếu nhật ký chạy (hoặc kết quả chạy loạt) cần kiểm tra lại'],
    [['report'], 'drill report: thiếu nhật ký chạy (hoặc kết quả chạy loạt) cần lập báo cáo'],
    [['compare'], 'drill compare: thiếu hai nhật ký chạy cần so sánh'],
    [['compare', 'a.json'], 'drill compare: thiếu nhật ký chạy thứ hai'],
    [['fork', '--at', '1h', '--decisions', 'd.yaml'], 'drill fork: thiếu nhật ký chạy cần rẽ nhánh'],
    [['batch', '--runs', '2'], 'drill batch: thiếu tệp kịch bản'],
    [['merge'], 'drill merge: thiếu các tệp kết quả cần gộp, mỗi phần (shard) một tệp'],
    [['msel', 'export'], 'drill msel: thiếu tệp kịch bản'],
    [['msel'], "drill msel: thiếu thao tác: 'drill msel export' hoặc 'drill msel import'"],
    [['msel', 'exprot'], "drill msel: không có thao tác 'exprot' (có phải 'export'?): hãy dùng 'drill msel export' hoặc 'drill msel import'"],
    [['run', 'scenarios/minimal.yaml', '--bogus'], "drill run: không có tùy chọn '--bogus'"],
    [['run', ''], "drill run: thiếu tệp kịch bản: đã cho một tham số rỗng ('')"],
  ];
  const byName = new Map(COMMANDS.map((c) => [c.name, c]));
  for (const [args, first] of cases) {
    it(`drill ${args.join(' ')} --lang vi`, () => {
      const r = drill([...args, '--lang', 'vi'], { env: PLAIN });
      expect([r.code, r.stdout]).toEqual([2, '']);
      expect(r.stderr).toBe(`${first}\n\ncú pháp: ${byName.get(args[0])!.vi.usage}\n`);
    });
  }

  it('LANG=vi_VN.UTF-8 asks for it as --lang vi does; --lang en keeps the English', () => {
    expect(drill(['run'], { env: VI }).stderr).toBe(`drill run: thiếu tệp kịch bản\n\ncú pháp: ${runCommand.vi.usage}\n`);
    expect(drill(['run', '--lang', 'en'], { env: VI }).stderr).toBe(`drill run: missing the scenario file\n\nusage: ${runCommand.usage}\n`);
    // drill schema takes no --lang: the locale says which language its usage is in
    expect(drill(['schema', 'extra'], { env: VI }).stderr).toBe(`drill schema: thừa tham số 'extra'\n\ncú pháp: ${schemaCommand.vi.usage}\n`);
    expect(drill(['schema', 'extra'], { env: PLAIN }).stderr).toBe(`drill schema: unexpected argument 'extra'\n\nusage: ${schemaCommand.usage}\n`);
  });
});
