import { availableParallelism } from 'node:os';
import { isBatchResults, isResultsCsv } from '../batch/results.js';
import { verifyRunLog, type RunLog, type VerifyResult } from '../sim/run.js';
import { headAgrees } from '../review/head-agrees.js';
import { formatIssueIn } from '../scenario/issues.js';
import type { Lang } from '../scenario/text.js';
import { ENGINE_VERSION } from '../version.js';
import { intOption, OptionError, parse } from './args.js';
import { MAX_WORKERS } from './batch.js';
import { verifyResults, type ResultsCheck } from './verify-results.js';
import { langOption } from './lang.js';
import { InputError, readText } from './io.js';
import { shellArg } from './shell.js';
import { loadRunLog } from './load.js';
import { checkRunInputs } from './reviewable.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { say } from './messages.js';
import { nodeSha256 } from './sha256.js';
import { clock } from './time.js';

export const verifyCommand: Subcommand = {
  name: 'verify',
  summary: 're-simulate a run log, or check batch results against their scenario; exit 0 if all match',
  usage: [
    'drill verify <run.json> [--lang vi|en]',
    '       drill verify <results.json> <scenario> [--decisions F] [--sample N] [--workers W]',
    '                    [--lang vi|en]',
    '',
    '  <run.json>      a run log: re-simulates the run from the log\'s own inputs and compares the',
    '                  events, the hash chain, the keyframes and the stored summary',
    '  <results.json>  batch results (drill batch --out, drill merge), checked against <scenario>, the',
    '                  scenario file the batch was run on: its hash (and the decisions file\'s) must be',
    '                  the header\'s; the runs are played again with their seeds and sweep values, each',
    '                  record compared with the file\'s byte for byte, and the aggregates recomputed',
    '                  from the file\'s runs',
    '  --decisions F   the decisions file the batch replayed (drill batch --decisions F), if any',
    '  --sample N      play again only N of the runs, spread evenly over the file (default: all)',
    `  --workers W     worker threads for the runs played again (default: the cores, here ${availableParallelism()})`,
    '  --lang vi|en    language of what it says (default: vi when LANG starts with vi, else en)',
    '',
    'Exit 0 when all match; 1 and what differs when not (a run log: the first divergent event;',
    'results: the first runs that differ, with the metric and both values, the aggregates that',
    'differ, and a summary). The progress bar shows on a terminal only, on stderr.',
  ].join('\n'),
  vi: {
    summary: 'mô phỏng lại nhật ký chạy hoặc kiểm tra kết quả chạy loạt; mã thoát 0 nếu khớp hoàn toàn',
    usage: [
      'drill verify <run.json> [--lang vi|en]',
      '         drill verify <results.json> <kịch-bản> [--decisions F] [--sample N] [--workers W]',
      '                      [--lang vi|en]',
      '',
      '  <run.json>      một nhật ký chạy: mô phỏng lại lượt chạy từ chính dữ liệu đầu vào',
      '                  của nhật ký, rồi so sánh các sự kiện, chuỗi băm, các điểm lưu trạng thái',
      '                  (keyframe) và phần tổng hợp đã lưu',
      '  <results.json>  kết quả chạy loạt (drill batch --out, drill merge), kiểm tra với <kịch-bản>,',
      '                  tệp kịch bản mà loạt chạy đã dùng: mã băm của nó (và của tệp quyết định)',
      '                  phải trùng với phần đầu của tệp kết quả; rồi chạy lại các lượt với seed',
      '                  và giá trị tham số quét của chúng, so từng bản ghi với tệp, từng byte, và',
      '                  tính lại số liệu tổng hợp từ các lượt chạy của tệp',
      '  --decisions F   tệp quyết định mà loạt chạy đã phát lại (drill batch --decisions F), nếu có',
      '  --sample N      chỉ chạy lại N lượt, rải đều trên tệp (mặc định: mọi lượt)',
      '  --workers W     số luồng xử lý cho các lượt chạy lại',
      `                  (mặc định: bằng số lõi CPU, ở máy này là ${availableParallelism()})`,
      '  --lang vi|en    ngôn ngữ của các thông báo',
      '                  (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
      '',
      'Mã thoát 0 khi tất cả đều khớp; khi không khớp: mã thoát 1 và chỗ khác nhau (nhật ký chạy:',
      'sự kiện đầu tiên khác nhau; kết quả chạy loạt: các lượt chạy đầu tiên khác nhau, với chỉ số',
      'và hai giá trị, các số liệu tổng hợp khác nhau, và một dòng tóm tắt). Thanh tiến độ chỉ hiện',
      'trên terminal, ở stderr.',
    ].join('\n'),
  },
  options: { decisions: { type: 'string' }, sample: { type: 'string' }, workers: { type: 'string', short: 'w' }, lang: { type: 'string', short: 'l' } },
  async run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, Infinity, ['the run log (or batch results) to verify']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    // `drill verify runs/*.json`, the logs handed over for a review: one at a time, and how, not "unexpected argument"
    if (positionals.length > 2) throw Object.assign(new OptionError(say(lang, 'verify.many', { n: positionals.length, files: positionals.map((f) => shellArg(f)).join(' ') })), { lang });
    const file = positionals[0];
    // read once (a log through a pipe can be read only once), and kept to say on which line an event is
    const text = readText(file);
    // batch results are known by their content, as drill report knows them (their name says nothing)
    // the CSV export, with or without its scenario: verify checks the JSON results, which the same batch writes
    if (isResultsCsv(text)) throw new InputError(file, say(lang, 'verify.results.csv'), csvHint(text, positionals[1], values.decisions, lang));
    if (isBatchResults(text)) return verifyResults(file, text, checkOf(file, positionals[1], values, lang));
    const said = (m: string) => Object.assign(new OptionError(m), { lang });
    // the two the other way round: the scenario first, then the results
    if (positionals[1] !== undefined && /^\s*drillsim:\s*1\s*$/m.test(text.slice(0, 4096)) && isBatchResults(readText(positionals[1]))) {
      throw said(say(lang, 'verify.results.scenario-first', { file, results: positionals[1] }));
    }
    const { log, events } = loadRunLog(file, text);
    checkRunInputs(file, text, log, events);
    // a run log holds its scenario, decisions and seed: anything given beside it is not what it is checked against
    if (positionals[1] !== undefined) throw said(say(lang, 'verify.results.log-extra', { file, extra: positionals[1] }));
    const option = (['decisions', 'sample', 'workers'] as const).find((k) => values[k] !== undefined);
    if (option !== undefined) throw said(say(lang, 'verify.results.log-option', { option }));
    if (log.engine !== ENGINE_VERSION) process.stderr.write(say(lang, 'verify.note', { file, engine: log.engine, now: ENGINE_VERSION }) + '\n');
    const r = verifyRunLog(log, { sha256: nodeSha256 });
    if (r.ok) {
      process.stdout.write(say(lang, 'verify.ok', { file, events: r.events, hash: r.hash, keyframes: r.keyframes }) + '\n');
      return 0;
    }
    process.stdout.write(say(lang, 'verify.mismatch', { file, reason: reasonIn(r, lang) }) + '\n');
    const edited = headEdits(log);
    if (edited.length) process.stdout.write(say(lang, 'verify.head-edited', { fields: edited.map((e) => say(lang, 'verify.head-field', e)).join('; ') }) + '\n');
    if (r.divergence) {
      const d = r.divergence;
      const line = d.recorded !== null ? lineOfEvent(text, log.events, d.index) : null;
      process.stdout.write(say(lang, 'verify.first', { index: d.index, at: d.t !== null ? say(lang, 'verify.at', { t: clock(d.t) }) : '', line: line !== null ? say(lang, 'verify.line', { line, file }) : '' }) + '\n');
      process.stdout.write(say(lang, 'verify.in-log', { event: d.recorded ?? say(lang, 'verify.log-ends') }) + '\n');
      process.stdout.write(say(lang, 'verify.in-resim', { event: d.replayed ?? say(lang, 'verify.resim-ends') }) + '\n');
    }
    if (r.hashes) {
      const { stored, resimulated, storedEvents } = r.hashes;
      process.stdout.write(say(lang, 'verify.hash-stored', { hash: stored, same: stored === resimulated ? say(lang, 'verify.hash-same') : '' }) + '\n');
      if (stored !== resimulated) process.stdout.write(say(lang, 'verify.hash-resim', { hash: resimulated }) + '\n');
      if (storedEvents === stored) {
        if (stored !== resimulated) process.stdout.write(say(lang, 'verify.hash-recomputed') + '\n');
      } else if (storedEvents === resimulated) {
        process.stdout.write(say(lang, 'verify.hash-changed') + '\n');
      } else {
        process.stdout.write(say(lang, 'verify.events-changed', { hash: storedEvents, neither: stored !== resimulated ? say(lang, 'verify.neither') : '' }) + '\n');
      }
    }
    for (const line of r.differences) process.stdout.write(`  ${differenceIn(line, lang)}\n`);
    return 1;
  },
};

/**
 * What to run for the JSON results of the batch a CSV export is of: the same `drill batch` (its runs per value and
 * master seed read from the CSV's columns, where it has them), with `--out results.json`, then the verify of those.
 */
function csvHint(text: string, scenario: string | undefined, decisions: unknown, lang: Lang): string {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = lines[0].split(',');
  const row = (lines[1] ?? '').split(',');
  const cell = (name: string) => { const i = head.indexOf(name); return i >= 0 && /^\d+$/.test(row[i] ?? '') ? row[i] : undefined; };
  const placeholder = lang === 'vi' ? { scenario: '<kịch-bản.yaml>', decisions: '<tệp-quyết-định>' } : { scenario: '<scenario.yaml>', decisions: '<decisions file>' };
  const scen = scenario !== undefined ? shellArg(scenario) : placeholder.scenario;
  const hash = head.indexOf('decisions_hash');
  const withDecisions = decisions !== undefined || (hash >= 0 && row[hash] !== undefined && row[hash] !== '' && row[hash] !== 'none');
  const command = ['drill batch', scen, '--runs', cell('runs_per_value') ?? 'N', '--seed', cell('master_seed') ?? 'S',
    ...(withDecisions ? ['--decisions', decisions !== undefined ? shellArg(String(decisions)) : placeholder.decisions] : []),
    '--out', 'results.json', '--out', 'results.csv'].join(' ');
  return say(lang, 'verify.results.csv-hint', { command, scenario: scen });
}

/** The options of a check of batch results, read; a results file given without its scenario is told to give it. */
function checkOf(file: string, scenario: string | undefined, values: Record<string, unknown>, lang: Lang): ResultsCheck {
  if (scenario === undefined) throw Object.assign(new OptionError(say(lang, 'verify.results.no-scenario', { file })), { lang });
  const sample = intOption(values.sample, 'sample', 1);
  const workers = intOption(values.workers, 'workers', 1) ?? availableParallelism();
  if (workers > MAX_WORKERS) throw new OptionError(`--workers ${workers} is more than ${MAX_WORKERS}`);
  return { scenario, decisions: values.decisions === undefined ? undefined : String(values.decisions), sample, workers, lang };
}

/**
 * What the log's head says that its first event, run.start (which the hash chain covers), does not: the seed,
 * the end, the players, the parameter a --vary changed, the scenario's id (review/head-agrees.ts says whether they agree, for the report).
 */
function headEdits(log: RunLog): { field: string; head: string; event: string }[] {
  let first: Record<string, unknown> | undefined;
  try { first = JSON.parse(log.events[0] ?? 'null') ?? undefined; } catch { first = undefined; }
  if (first === undefined || first.type !== 'run.start' || headAgrees(log, first)) return [];
  const shown = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  const sorted = (v: unknown) => (Array.isArray(v) ? [...v].map(String).sort() : v);
  const out: { field: string; head: string; event: string }[] = [];
  const pairs: [string, unknown, unknown][] = [['seed', log.seed, first.seed], ['until', log.until, first.until], ['scenario', log.scenario.id, first.scenario], ['players', sorted(log.players), sorted(first.players)], ['joined', log.joined, first.joined], ['varied', log.varied, first.varied]];
  for (const [field, head, event] of pairs) if (shown(head) !== shown(event)) out.push({ field, head: shown(head), event: shown(event) });
  return out;
}

/**
 * The line of the file that holds event `index`, where the log is laid out as drill writes it (one event a line,
 * after the line `"events":[`): the place to look at in an editor or a diff. Null for a log laid out otherwise.
 */
function lineOfEvent(text: string, events: string[], index: number): number | null {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.replace(/\r$/, '') === '"events":[');
  if (start < 0 || index >= events.length) return null;
  const k = start + 1 + index;
  return k < lines.length && lines[k].replace(/\r$/, '').replace(/,$/, '') === events[index] ? k + 1 : null;
}

/** Why the log does not verify, in `lang` (English: the engine's own sentence). */
function reasonIn(r: Extract<VerifyResult, { ok: false }>, lang: Lang): string {
  if (lang === 'en') return r.reason;
  const w = r.why;
  if ('embedded' in w) return w.embedded === 'edited' ? say(lang, 'verify.embedded-edited') : say(lang, 'verify.embedded-bad', { problem: w.issue ? formatIssueIn(w.issue, lang) : '' });
  if ('session_time' in w) return say(lang, 'verify.session-time', { t: w.session_time });
  const parts = (xs: string[]) => xs.map((p) => say(lang, `verify.part.${p}` as Parameters<typeof say>[1])).join(', ');
  if (w.differ.length === 0) return say(lang, 'verify.hash-only');
  return say(lang, w.match.length ? 'verify.differ-match' : 'verify.differ', { differ: parts(w.differ), match: parts(w.match) });
}

/** A line of what differs (`summary.people.lost differs: stored 5, re-simulated 6`), its words in `lang`; the paths and values stay as written. */
function differenceIn(line: string, lang: Lang): string {
  if (lang === 'en') return line;
  return line
    .replace(/^(.*) differs: stored (\d+) (\S+), re-simulated (\d+)$/, (_, p, a, noun, b) => say(lang, 'verify.diff-count', { path: p, stored: a, noun, resim: b }))
    .replace(/^(.*) differs: the stored one has none, re-simulated (.*)$/, (_, p, b) => say(lang, 'verify.diff-added', { path: p, resim: b }))
    .replace(/^(.*) differs: stored (.*), the re-simulation has none$/, (_, p, a) => say(lang, 'verify.diff-dropped', { path: p, stored: a }))
    .replace(/^keyframe_every differs: stored (.*), the scenario's (.*)$/, (_, a, b) => say(lang, 'verify.diff-keyframe-every', { stored: a, scenario: b }))
    .replace(/^(.*) differs: stored (.*), re-simulated (.*)$/, (_, p, a, b) => say(lang, 'verify.diff', { path: p, stored: a, resim: b }))
    .replace(/^\.\.\. and (\d+) more keyframes differ$/, (_, n) => say(lang, 'verify.more-keyframes', { n }))
    .replace(/^\.\.\. and (\d+) more in (.*)$/, (_, n, p) => say(lang, 'verify.more-in', { n, path: p }))
    .replace(/^(keyframes\[\d+\]) differs$/, (_, p) => say(lang, 'verify.diff-plain', { path: p }));
}
