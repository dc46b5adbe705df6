import { LineCounter, parseDocument, isNode } from 'yaml';
import { planFork } from '../review/fork.js';
import { stoppedEarly } from '../review/review.js';
import { runScenario, serializeRunLog, type RunLog } from '../sim/run.js';
import { textIn } from '../scenario/text.js';
import { sayIn } from '../scenario/say.js';
import { OptionError, parse, UsageError } from './args.js';
import { checkNotInput, checkOutKind, checkWritable, notStdout, readText, writeAtomic } from './io.js';
import { langOption } from './lang.js';
import { loadDecisions } from './load.js';
import { say } from './messages.js';
import { loadReviewable } from './reviewable.js';
import { nodeSha256 } from './sha256.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { refusalRecorder } from './refusals.js';
import { formatSummary } from './run.js';
import { clock, timeOption } from './time.js';

export const forkCommand: Subcommand = {
  name: 'fork',
  summary: 'replay a run up to a time with its own decisions, then with new ones ("what if")',
  usage: [
    'drill fork <run.json> --at <time> --decisions F [--out F] [--lang vi|en] [--quiet]',
    '',
    '  Re-simulates the run\'s scenario with its seed, keeping the decisions it',
    '  was given before --at and taking the decisions in F from --at on. The',
    '  random streams are per entity, so differences from the original run come',
    '  from the decisions, not the dice. Roles played by people: those of the',
    '  original run and those of F together.',
    '  --at T          the fork time, e.g. T+01:00 or 1h (at most the run\'s end)',
    '  --decisions F   decisions file (YAML or JSON), or a run log, whose decisions are taken;',
    '                  every decision in it at --at or later',
    '  --out F         write the forked run log here, F.json (written whole or not at all)',
    '  --lang vi|en    language of the summary and of the problems found in the decisions file',
    '                  (default: vi when LANG starts with vi, else en)',
    '  --quiet         print nothing but problems (errors, and the files\' warnings)',
  ].join('\n'),
  vi: {
    summary: 'chạy lại đến một thời điểm với quyết định cũ, rồi với quyết định mới ("nếu... thì sao")',
    usage: [
      'drill fork <run.json> --at <thời-điểm> --decisions F [--out F] [--lang vi|en] [--quiet]',
      '',
      '  Mô phỏng lại kịch bản của lượt chạy với seed của nó, giữ các quyết định lượt chạy',
      '  đã nhận trước --at và lấy các quyết định trong F từ --at trở đi. Các dòng ngẫu nhiên',
      '  tách riêng theo từng đối tượng, nên chỗ khác với lượt chạy gốc là do các quyết định, không',
      '  phải do ngẫu nhiên. Các vai do người đảm nhận: các vai của lượt chạy gốc cùng các vai của F.',
      '  --at T          thời điểm rẽ nhánh, ví dụ T+01:00 hoặc 1h (muộn nhất là lúc lượt chạy kết thúc)',
      '  --decisions F   tệp quyết định (YAML hoặc JSON), hoặc một nhật ký chạy, lấy các quyết định của nó;',
      '                  lấy mọi quyết định trong đó từ --at trở đi',
      '  --out F         ghi nhật ký chạy đã rẽ nhánh vào đây, F.json (ghi trọn vẹn hoặc không ghi gì)',
      '  --lang vi|en    ngôn ngữ của phần tổng hợp và của các lỗi tìm thấy trong tệp quyết định',
      '                  (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
      '  --quiet         chỉ in các vấn đề (lỗi, và cảnh báo về các tệp)',
    ].join('\n'),
  },
  options: { at: { type: 'string' }, decisions: { type: 'string' }, out: { type: 'string', short: 'o' }, lang: { type: 'string', short: 'l' }, quiet: { type: 'boolean', short: 'q' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, 1, ['the run log to fork']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    if (values.out) {
      notStdout('--out', String(values.out));
      checkWritable(String(values.out));
      // the forked run in place of the run it forks: the run to compare it with would be gone
      checkNotInput('--out', String(values.out), [['run log', positionals[0]], ['decisions file', values.decisions as string | undefined]]);
      checkOutKind('--out', String(values.out), 'run log');
    }
    if (values.at === undefined) throw new UsageError('--at is required: the time from which the new decisions apply');
    if (values.decisions === undefined) throw new UsageError('--decisions is required: the decisions file to take from --at on');
    const file = positionals[0];
    const decFile = String(values.decisions);
    const { log, scenario } = loadReviewable(file);
    // after the log: a number without its unit is read first in the unit that falls within the run
    const at = timeOption(values.at, 'at', { horizon_s: log.until, start: scenario.start, lang })!;
    // the new decisions may answer, hold or release an inject exercise control added before the fork
    const next = loadDecisions(decFile, scenario, addedBeforeFork(log, at), { at, adds: addedFromFork(log, at) }, lang);
    const plan = planFork(log, at, next, String(values.at));
    if (!plan.ok) {
      const message = sayIn(plan.words.message, lang), hint = sayIn(plan.words.hint, lang);
      if (plan.code === 'after-end') throw Object.assign(new OptionError(`${message}; ${hint}`), { lang });
      const pos = plan.index !== undefined ? decisionPosition(decFile, plan.index) : { line: 1, column: 1 };
      process.stderr.write(`${decFile}:${pos.line}:${pos.column}: error[decision-before-fork] (decisions[${plan.index}].at): ${message} (${hint})\n`);
      return 1;
    }
    // said even with --quiet, as the files' warnings are: what the fork keeps of the run is not what one may assume
    const early = stoppedEarly(log, scenario.horizon);
    if (early?.by === 'until') {
      const vary = log.varied ? ` --vary ${log.varied.key}=${log.varied.value}` : '';
      process.stderr.write(say(lang, 'fork.until', { file, t: clock(early.t), end: clock(early.end), seed: log.seed, vary }) + '\n');
    }
    if (plan.dropped.length) {
      const n = plan.dropped.reduce((sum, d) => sum + d.n, 0);
      const list = plan.dropped.length === 1 ? plan.dropped[0].role : plan.dropped.map((d) => `${d.role} (${d.n})`).join(', ');
      const players = next.players.length ? next.players.join(', ') : say(lang, 'validate.no-players');
      process.stderr.write(say(lang, 'fork.dropped', { file, n, list, at: clock(at), decisions: decFile, players, roles: plan.dropped.map((d) => d.role).join(', ') }) + '\n');
    }
    const refusals = values.quiet ? undefined : refusalRecorder(decFile, next, say(lang, 'fork.kept-from', { file }), lang);
    const { summary, log: forked } = runScenario(scenario, { seed: log.seed, until: log.until, players: plan.players, joined: plan.joined, varied: log.varied, decisions: plan.decisions, sha256: nodeSha256, onRefused: refusals?.onRefused });
    refusals?.reportedLater(forked!.events);
    if (values.out) writeAtomic(String(values.out), serializeRunLog(forked!));
    if (!values.quiet) {
      // those taken from the file but past the end of a run stopped early are said with the decisions below (formatSummary)
      process.stdout.write(say(lang, 'fork.head', { file, at: clock(at), kept: plan.kept, all: log.decisions.length, took: plan.added, decisions: decFile }) + '\n');
      const taken = Object.keys(plan.joined).filter((r) => plan.joined[r] === at && !log.players.includes(r));
      if (taken.length) process.stdout.write(say(lang, 'fork.joined', { roles: taken.join(', '), at: clock(at), file, decisions: decFile }) + '\n');
      process.stdout.write(formatSummary(scenario.id, textIn(scenario.title, lang), forked!, summary, values.out ? String(values.out) : undefined, scenario, refusals?.list, lang));
    }
    return 0;
  },
};

/** The injects the run's kept decisions (those before the fork) add: the new file may name them. */
function addedBeforeFork(log: RunLog, at: number): string[] {
  const ids: string[] = [];
  for (const d of log.decisions) {
    const id = (d.inject as { id?: unknown } | undefined)?.id;
    if ((d.at as number) < at && d.do === 'add_inject' && typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** The injects the run's dropped decisions (at or after the fork) add, with the time each is added. */
function addedFromFork(log: RunLog, at: number): Map<string, number> {
  const adds = new Map<string, number>();
  for (const d of log.decisions) {
    const id = (d.inject as { id?: unknown } | undefined)?.id;
    if ((d.at as number) >= at && d.do === 'add_inject' && typeof id === 'string' && !adds.has(id)) adds.set(id, d.at as number);
  }
  return adds;
}

/** Line and column of decisions[i].at in a decisions file, for the error line. */
function decisionPosition(file: string, i: number): { line: number; column: number } {
  try {
    const lc = new LineCounter();
    const doc = parseDocument(readText(file), { lineCounter: lc });
    const node = doc.getIn(['decisions', i, 'at'], true) ?? doc.getIn(['decisions', i], true);
    if (isNode(node) && node.range) {
      const p = lc.linePos(node.range[0]);
      return { line: p.line, column: p.col };
    }
  } catch { /* fall back to the top of the file */ }
  return { line: 1, column: 1 };
}
