/**
 * The commands that write in Vietnamese (`drill report`, `batch`, `merge`, `msel export --format md`, and
 * validate, run, verify, compare and fork, with `--lang vi`, or LANG=vi_VN) say a missing or unusable file, and a wrong number, in Vietnamese too: a
 * reviewer who typed `drill report runs/late.json --lang vi` with the file's name wrong got "no such file
 * (check the path)". A message the shared table does not know stays English, pointer included, so that a
 * line is never half in one language.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const NO_FILE = 'error[file] (file): không có tệp này (hãy kiểm tra đường dẫn)';
const ENGLISH = /no such file|check the path|cannot write|does not exist|not a run log|lists the options|must be a whole number/;
const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

describe('file problems in the language the command was asked to write in', () => {
  it('report, batch, merge and msel say a file that is not there, or is not a run log, in Vietnamese', () => {
    const cases: [string[], string][] = [
      [['report', 'runs/no-such-run-log.json', '--lang', 'vi'], `runs/no-such-run-log.json: ${NO_FILE}`],
      [['report', 'scenarios/minimal.yaml', '-l', 'vi'], 'scenarios/minimal.yaml: error[file] (file): đây là một kịch bản, không phải nhật ký chạy (hãy tạo nhật ký chạy trước: drill run <kịch-bản> --out run.json)'],
      [['batch', 'scenarios/no-such-scenario.yaml', '--runs', '3', '--lang=vi'], `scenarios/no-such-scenario.yaml: ${NO_FILE}`],
      [['batch', 'scenarios/minimal.yaml', '--runs', '3', '--lang', 'vi', '--out', 'no-folder/x.json'], "no-folder/x.json: error[file] (file): không ghi được: thư mục 'no-folder' không tồn tại (hãy tạo thư mục trước, hoặc ghi tệp vào chỗ khác)"],
      [['merge', 'runs/no-such-run-log.json', '--lang', 'vi'], `runs/no-such-run-log.json: ${NO_FILE}`],
      // a folder that is there but takes no file (Linux's /proc): not said to be missing
      ...(existsSync('/proc/self') ? [[['batch', 'scenarios/minimal.yaml', '--runs', '3', '--lang', 'vi', '--html', '/proc/x.html'], "/proc/x.html: error[file] (file): không ghi được: thư mục '/proc' không cho tạo tệp mới (hãy ghi tệp vào chỗ khác)"] as [string[], string]] : []),
      [['msel', 'export', 'scenarios/no-such-scenario.yaml', '--format', 'md', '--lang', 'vi'], `scenarios/no-such-scenario.yaml: ${NO_FILE}`],
      // the CSV holds both languages: --lang is the language of what is said (it was refused)
      [['msel', 'export', 'scenarios/no-such-scenario.yaml', '--lang', 'vi'], `scenarios/no-such-scenario.yaml: ${NO_FILE}`],
    ];
    for (const [args, said] of cases) {
      const r = drill(args, { env: PLAIN });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toBe(said + '\n');
      expect(r.stderr).not.toMatch(ENGLISH);
      expect(r.stderr).not.toMatch(STACK);
    }
  });

  it('the locale asks for Vietnamese when --lang is not given; --lang en and the commands without --lang stay English', () => {
    const vi = { LANG: 'vi_VN.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
    expect(drill(['report', 'runs/no-such-run-log.json'], { env: vi }).stderr).toBe(`runs/no-such-run-log.json: ${NO_FILE}\n`);
    expect(drill(['report', 'runs/no-such-run-log.json', '--lang', 'en'], { env: vi }).stderr).toBe('runs/no-such-run-log.json: error[file] (file): no such file (check the path)\n');
    // drill run writes its summary in Vietnamese too, and so its problems; so does drill view
    expect(drill(['run', 'scenarios/no-such-scenario.yaml'], { env: vi }).stderr).toBe(`scenarios/no-such-scenario.yaml: ${NO_FILE}\n`);
    expect(drill(['verify', 'runs/no-such-run-log.json'], { env: vi }).stderr).toBe(`runs/no-such-run-log.json: ${NO_FILE}\n`);
    expect(drill(['view', 'runs/no-such-run-log.json'], { env: vi }).stderr).toBe(`runs/no-such-run-log.json: ${NO_FILE}\n`);
    expect(drill(['report', 'runs/no-such-run-log.json'], { env: PLAIN }).stderr).toBe('runs/no-such-run-log.json: error[file] (file): no such file (check the path)\n');
  });

  it('a wrong number, and a sweep key that names nothing: in Vietnamese with the pointer to --help', () => {
    const runs = drill(['batch', 'scenarios/minimal.yaml', '--runs', 'ten', '--lang', 'vi'], { env: PLAIN });
    expect(runs.code).toBe(2);
    expect(runs.stderr).toBe("drill batch: --runs phải là số nguyên từ 1 trở lên, không phải 'ten'\n(drill batch --help liệt kê các tùy chọn)\n");
    const vary = drill(['batch', 'scenarios/minimal.yaml', '--runs', '3', '--lang', 'vi', '--vary', 'unit.mx-milita.crew=1,2'], { env: PLAIN });
    expect(vary.code).toBe(2);
    expect(vary.stderr).toBe("drill batch: --vary: không có đơn vị 'mx-milita' trong 'unit.mx-milita.crew' (có phải 'mx-militia'?)\n(drill batch --help liệt kê các tùy chọn)\n");
  });

  it('a wrong shard or file ending: in Vietnamese, with a shard count of 0 said as what it is', () => {
    const said = (...args: string[]) => drill(['batch', 'scenarios/minimal.yaml', '--runs', '3', '--lang', 'vi', ...args], { env: PLAIN });
    const cases: [string[], string][] = [
      [['--shard', '1/0'], "--shard '1/0': một lượt batch được chia thành ít nhất một phần (hãy viết i/n với n từ 1 trở lên, ví dụ 1/4 là phần thứ nhất trong bốn phần)"],
      [['--shard', '3/2'], "--shard '3/2': số thứ tự phần phải từ 1 đến 2 (các phần được đánh số từ 1/2 đến 2/2)"],
      [['--shard', 'half'], "--shard 'half' không phải là một phần (shard); hãy viết i/n, ví dụ 1/4 là phần thứ nhất trong bốn phần"],
      [['--out', 'r.txt'], '--out r.txt: tên tệp phải kết thúc bằng .json (toàn bộ kết quả, tệp mà `drill merge` đọc) hoặc .csv (mỗi lượt chạy một dòng)'],
      [['--html', 'r.txt'], '--html r.txt: tên tệp phải kết thúc bằng .html (hoặc .htm): đó là một trang web'],
    ];
    for (const [args, message] of cases) {
      const r = said(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe(`drill batch: ${message}\n(drill batch --help liệt kê các tùy chọn)\n`);
    }
    // in English the count of 0 is not said as a shard number out of range
    expect(drill(['batch', 'scenarios/minimal.yaml', '--runs', '3', '--shard', '1/0'], { env: PLAIN }).stderr).toMatch(/^drill batch: --shard '1\/0': a batch is split into at least one shard/);
  });

  it('--lang on a command that writes English only says which commands take it', () => {
    for (const args of [['schema', '--lang', 'vi'], ['schema', '--lang=vi']]) {
      const r = drill(args, { env: PLAIN });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^drill ${args[0]}: unknown option '--lang': this command writes English only \\(--lang vi is taken by drill validate, run, verify, compare, fork, play, report, batch, merge, view and msel\\)\n\nusage: drill ${args[0]}`));
    }
  });

  it("report's --format and --out, and fork's --at and --decisions left out: in Vietnamese, as the rest of the line", () => {
    // a reviewer asking for a PDF (docs/reviewer.md, Exit codes) was told in English, under a Vietnamese usage for fork
    const cases: [string[], string][] = [
      [['report', 'runs/late.json', '--format', 'pdf', '--lang', 'vi'], "drill report: --format phải là md hoặc html, không phải 'pdf' (muốn có PDF: hãy ghi html rồi in ra PDF từ trình duyệt)\n(drill report --help liệt kê các tùy chọn)\n"],
      [['report', 'runs/late.json', '--format', 'txt', '--lang', 'vi'], "drill report: --format phải là md hoặc html, không phải 'txt'\n(drill report --help liệt kê các tùy chọn)\n"],
      [['report', 'runs/late.json', '--out', 'r.pdf', '--lang', 'vi'], "drill report: --out r.pdf: drill report ghi Markdown (.md, .markdown) hoặc HTML (.html, .htm), không ghi '.pdf'; muốn có PDF: hãy ghi r.html rồi in ra PDF từ trình duyệt\n(drill report --help liệt kê các tùy chọn)\n"],
      [['report', 'runs/late.json', '--out', 'r', '--lang', 'vi'], 'drill report: --out r: tên tệp cần có phần mở rộng: drill report ghi Markdown (.md, .markdown) hoặc HTML (.html, .htm)\n(drill report --help liệt kê các tùy chọn)\n'],
      [['report', 'runs/late.json', '--out', 'r.md', '--format', 'html', '--lang', 'vi'], 'drill report: --out r.md: --format html ghi ra HTML, vào tệp có tên kết thúc bằng .html hoặc .htm\n(drill report --help liệt kê các tùy chọn)\n'],
      [['report', 'runs/late.json', '--out', '-', '--lang', 'vi'], 'drill report: --out -: hãy bỏ --out đi để ghi ra đầu ra chuẩn\n(drill report --help liệt kê các tùy chọn)\n'],
    ];
    for (const [args, said] of cases) {
      const r = drill(args, { env: PLAIN });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(said);
    }
    const at = drill(['fork', 'runs/late.json', '--decisions', 'x.yaml', '--lang', 'vi'], { env: PLAIN });
    expect(at.code).toBe(2);
    expect(at.stderr.split('\n')[0]).toBe('drill fork: thiếu --at: thời điểm từ đó áp dụng các quyết định mới');
    const decisions = drill(['fork', 'runs/late.json', '--at', 'T+01:00', '--lang', 'vi'], { env: PLAIN });
    expect(decisions.stderr.split('\n')[0]).toBe('drill fork: thiếu --decisions: tệp quyết định dùng từ thời điểm --at trở đi');
    // and in English as before
    expect(drill(['fork', 'runs/late.json', '--lang', 'en'], { env: PLAIN }).stderr.split('\n')[0]).toBe('drill fork: --at is required: the time from which the new decisions apply');
    // a batch's results asked for as Markdown
    const dir = tempDir();
    const results = join(dir, 'results.json');
    expect(drill(['batch', 'scenarios/minimal.yaml', '--runs', '2', '--out', results, '--quiet']).code).toBe(0);
    const md = drill(['report', results, '--format', 'md', '--lang', 'vi'], { env: PLAIN });
    expect(md.code).toBe(2);
    expect(md.stderr).toBe(`drill report: ${results} chứa kết quả chạy loạt: báo cáo của chúng là một trang HTML (--out F.html), hoặc bảng in ra khi không có --out\n(drill report --help liệt kê các tùy chọn)\n`);
  });

  it('drill report --lang vi warns of a log changed after it was written in Vietnamese, as the report itself does', () => {
    const dir = tempDir();
    const log = join(dir, 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const edited = JSON.parse(readFileSync(log, 'utf8'));
    edited.events[5].edited = true;
    writeFileSync(log, JSON.stringify(edited));
    const r = drill(['report', log, '--lang', 'vi', '--out', join(dir, 'r.md')], { env: PLAIN });
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n')[0]).toBe(`${log}: cảnh báo: chuỗi băm của nhật ký không khớp với các sự kiện (nhật ký đã bị thay đổi sau khi ghi); báo cáo ghi rõ điều này ở đầu`);
    expect(r.stderr).not.toMatch(/warning|written/);
  });

  it("a run stopped at one of the scenario's limits is said in Vietnamese by run and batch (and any command that simulates), as drill play says it", () => {
    const dir = tempDir();
    const limited = join(dir, 'limited.yaml');
    writeFileSync(limited, readFileSync('scenarios/minimal.yaml', 'utf8').replace(/^seed: .*$/m, '$&\nlimits: { max_events: 5 }'));
    const run = drill(['run', limited, '--lang', 'vi']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('drill run: mô phỏng chạm một giới hạn: quá 5 sự kiện trong một lượt chạy (limits.max_events đếm những gì bộ máy xử lý: hẹn giờ, sự cố đến, quyết định; số dòng của nhật ký chạy nhiều hơn)\n  (hãy nâng giới hạn đó trong mục `limits:` của kịch bản nếu lượt chạy này thật sự cần nhiều hơn)\n');
    const batch = drill(['batch', limited, '--runs', '2', '--workers', '1', '--seed', '1', '--lang', 'vi']);
    expect(batch.code).toBe(1);
    expect(batch.stderr).toMatch(/^drill batch: lượt chạy 1 \(seed \d+\) chạm một giới hạn: quá 5 sự kiện trong một lượt chạy \(limits\.max_events đếm/m);
    expect(batch.stderr).not.toMatch(/hit a bound|events in one run|replays it alone/);
    // English unless asked
    // what the limit counts, since a run log holds more lines than it (a helper walking the docs was puzzled)
    expect(drill(['run', limited]).stderr).toContain("the simulation hit a bound: more than 5 events in one run (limits.max_events counts what the engine handles: timers, arrivals, decisions; a run log's lines are more)");
  });
});
