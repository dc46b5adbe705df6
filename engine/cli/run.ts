import { textIn, type Lang } from '../scenario/text.js';
import { localNumber } from '../batch/format.js';
import { runScenario, serializeRunLog, type RunLog } from '../sim/run.js';
import type { ObjectiveResult, Summary } from '../review/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { unreachedIncidents, type Unreached } from '../review/unreached.js';
import { strandedAtEnd } from '../review/stranded.js';
import { durationIn, objectiveBounds, objectiveValue } from '../review/words.js';
import { stoppedEarly } from '../review/review.js';
import { MESSAGES } from '../review/messages.js';
import { intOption, OptionError, parse } from './args.js';
import { inSweepTerms, parseVarySpec, varyScenario } from '../batch/vary.js';
import { checkNotInput, checkOutKind, checkWritable, notStdout, writeAtomic } from './io.js';
import { langOption } from './lang.js';
import { playedRoles, say } from './messages.js';
import { loadDecisions, loadScenario } from './load.js';
import { formatRefusals, refusalRecorder, type Refusal } from './refusals.js';
import { nodeSha256 } from './sha256.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { clock, timeOption } from './time.js';

export const runCommand: Subcommand = {
  name: 'run',
  summary: 'play a scenario out (doctrine takes the decisions nobody else takes) into a run log',
  usage: [
    'drill run <scenario> [--seed N] [--decisions F] [--until T] [--vary K=V] [--out run.json] [--lang vi|en] [--quiet]',
    '',
    '  --seed N        master seed (default: the scenario\'s `seed`, else 1)',
    '  --decisions F   decisions file (YAML or JSON): what trainees decided, and when (docs/trainee.md),',
    '                  or a run log, whose decisions are taken; the summary lists each one the',
    '                  engine refused, with its line and why',
    '  --until T       stop early, e.g. 2h or T+02:00 (default: the horizon)',
    '  --vary K=V      play the scenario with one parameter changed, as drill batch --vary does for',
    '                  each of its values (one run of a sweep, alone: --seed N --vary K=V)',
    '  --out F         write the run log here, F.json (written whole or not at all)',
    '  --lang vi|en    language of the summary and of the problems found in the files',
    '                  (default: vi when LANG starts with vi, else en)',
    '  --quiet         print nothing but problems (errors, and the files\' warnings)',
  ].join('\n'),
  vi: {
    summary: 'chạy một kịch bản đến hết, ra nhật ký chạy (phương án tự động ra các quyết định còn lại)',
    usage: [
      'drill run <kịch-bản> [--seed N] [--decisions F] [--until T] [--vary K=V] [--out run.json] [--lang vi|en] [--quiet]',
      '',
      '  --seed N        seed gốc của các dòng ngẫu nhiên',
      '                  (mặc định: giá trị `seed` của kịch bản, nếu không có thì 1)',
      '  --decisions F   tệp quyết định (YAML hoặc JSON): học viên đã quyết định gì, vào lúc nào',
      '                  (docs/trainee.md), hoặc một nhật ký chạy, lấy các quyết định trong đó;',
      '                  phần tổng hợp liệt kê từng quyết định bị bộ mô phỏng từ chối, kèm số dòng và lý do',
      '  --until T       dừng sớm, ví dụ 2h hoặc T+02:00 (mặc định: đến horizon, lúc kịch bản kết thúc)',
      '  --vary K=V      chạy kịch bản với một tham số đã thay đổi, như drill batch --vary làm với từng',
      '                  giá trị (chạy lại riêng một lượt của phép quét: --seed N --vary K=V)',
      '  --out F         ghi nhật ký chạy vào đây, F.json (ghi trọn vẹn hoặc không ghi gì)',
      '  --lang vi|en    ngôn ngữ của phần tổng hợp và của các lỗi tìm thấy trong các tệp',
      '                  (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
      '  --quiet         chỉ in các vấn đề (lỗi, và cảnh báo về các tệp)',
    ].join('\n'),
  },
  options: {
    seed: { type: 'string' }, decisions: { type: 'string' }, until: { type: 'string' }, vary: { type: 'string' }, out: { type: 'string', short: 'o' }, lang: { type: 'string', short: 'l' }, quiet: { type: 'boolean', short: 'q' },
  },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, 1, ['the scenario file']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    if (values.out) {
      notStdout('--out', String(values.out));
      checkWritable(String(values.out));
      checkNotInput('--out', String(values.out), [['scenario', positionals[0]], ['decisions file', values.decisions as string | undefined]]);
      checkOutKind('--out', String(values.out), 'run log');
    }
    const vary = values.vary !== undefined ? parseVarySpec(String(values.vary), lang) : null;
    if (typeof vary === 'string') throw Object.assign(new OptionError(vary.startsWith('--vary') ? vary : `--vary: ${vary}`), { lang });
    if (vary && vary.labels.length !== 1) throw new OptionError(`--vary ${String(values.vary)}: a run plays one value (write --vary ${vary.key}=${vary.labels[0]}); a sweep of several is drill batch's`);
    const given = loadScenario(positionals[0], lang);
    let scenario = given;
    // one run of a sweep, alone: the scenario changed as the batch changed it, and the run log holds it so changed
    if (vary) {
      const v = varyScenario(scenario, vary, lang);
      if (!v.ok) throw Object.assign(new OptionError(v.messages.join('\n')), { lang });
      scenario = v.scenarios[0];
      for (const w of v.warnings) process.stderr.write(`drill run: ${lang === 'vi' ? 'cảnh báo' : 'warning'}: ${w}\n`);
    }
    const seed = intOption(values.seed, 'seed');
    const until = timeOption(values.until, 'until', { horizon_s: scenario.horizon, start: scenario.start, lang });
    // the run stops at the horizon whatever --until says: a later time would read as if it had been played to
    if (until !== undefined && until > scenario.horizon) process.stderr.write(`drill run: --until ${String(values.until)} is past the scenario's horizon: the run ends at ${clock(scenario.horizon)}\n`);
    const decFile = values.decisions ? String(values.decisions) : undefined;
    const dec = decFile ? loadDecisions(decFile, scenario, [], undefined, lang, vary ? (issues) => inSweepTerms(issues, vary.key, vary.labels[0], vary.values[0]) : undefined, given, vary ?? undefined) : undefined;
    // each refusal is put into words at the moment it happens (the reason names the world as it was)
    const refusals = values.quiet ? undefined : refusalRecorder(decFile, dec, undefined, lang);
    const { summary, log } = runScenario(scenario, { seed, until, ...(vary ? { varied: { key: vary.key, value: vary.labels[0] } } : {}), decisions: dec?.decisions, players: dec?.players, sha256: nodeSha256, onRefused: refusals?.onRefused });
    refusals?.reportedLater(log!.events);
    if (values.out) writeAtomic(String(values.out), serializeRunLog(log!));
    if (!values.quiet) process.stdout.write(formatSummary(scenario.id, textIn(scenario.title, lang), log!, summary, values.out ? String(values.out) : undefined, scenario, refusals?.list, lang));
    return 0;
  },
};

/** People who set off and were still stranded on the road at the end, a road cut under them (engine 0.8.0): said, or they are in no figure of the line. */
function stranded(log: RunLog, lang: Lang): string {
  const k = strandedAtEnd(log.events);
  return k > 0 ? say(lang, 'run.stranded', { n: k, num: num(k, lang) }) : '';
}

/**
 * The decisions given (a decisions file, a fork's) that come after a run stopped early (--until): the log holds
 * them, so that the same file replays, but the run never reached them; the count left them out without a word.
 */
function afterStop(log: RunLog, end: number, lang: Lang): string {
  const late = log.decisions.map((d) => d.at).filter((at): at is number => typeof at === 'number' && at > end);
  return late.length ? say(lang, 'run.after-stop', { n: late.length, first: clock(Math.min(...late)) }) : '';
}

/**
 * When an objective read at a stop falls due, as the report counts it (review/aar.ts objectiveOpenAtEnd): its `by`;
 * a level or a request, its threshold (a time since T0); a time counted from a moment (an incident reported, an
 * inject delivered), that moment plus the threshold, once it came; anything else, the scenario's end. A unit not
 * on scene 10 minutes after the report, with an hour allowed, was said to be due at the end of the drill.
 */
function dueAt(c: Scenario['objectives'][number]['criterion'], events: readonly string[], horizon: number): number {
  if (c.by !== undefined) return c.by;
  if (c.metric === 'level_declared_s' || c.metric === 'support_requested_s') return c.threshold;
  const from = c.metric === 'first_on_scene_s' || c.metric === 'contained_s' ? 'incident.reported' : c.metric === 'decision_latency_s' ? 'inject.delivered' : undefined;
  if (from !== undefined && c.of !== undefined) {
    for (const line of events) {
      if (!line.includes(from)) continue;
      const e = JSON.parse(line) as { t: number; type: string; id?: string };
      if (e.type === from && e.id === c.of) return e.t + c.threshold;
    }
  }
  return horizon;
}

export function formatSummary(id: string, title: string, log: RunLog, s: Summary, out?: string, scenario?: Scenario, refusals: readonly Refusal[] = [], lang: Lang = 'en'): string {
  const n = (x: number) => num(x, lang);
  // each line's label in a column of its own: "  incidents   3 reported, ..."
  const line = (label: 'changed' | 'stopped' | 'incidents' | 'people' | 'response' | 'decisions' | 'objectives' | 'log', text: string) => `  ${say(lang, `run.label.${label}`).padEnd(12)}${text}`;
  // a run stopped before the end (--until) is read at its stop: "5 of 5 met" there is not the run's verdict
  const early = scenario !== undefined && stoppedEarly(log, scenario.horizon) !== null;
  const due = (id: string) => {
    const spec = scenario?.objectives.find((o) => o.id === id);
    return spec ? dueAt(spec.criterion, log.events, scenario!.horizon) : scenario?.horizon ?? 0;
  };
  const lines = [
    say(lang, 'run.head', { id, title, seed: log.seed, from: clock(0), to: clock(s.t_end), who: log.players.length ? say(lang, 'run.played', { roles: playedRoles(log.players, log.joined, lang) }) : say(lang, 'run.doctrine') }),
    ...(log.varied ? [line('changed', say(lang, 'run.varied', { ...log.varied }))] : []),
    ...(early ? [line('stopped', say(lang, 'run.stopped', { t: clock(s.t_end), end: clock(scenario!.horizon) }))] : []),
    line('incidents', say(lang, 'run.incidents', { reported: n(s.incidents.reported), contained: n(s.incidents.contained), resolved: n(s.incidents.resolved) })),
    line('people', say(lang, 'run.people', {
      at_risk: n(s.people.at_risk), rescued: n(s.people.rescued), lost: n(s.people.lost), still: n(s.people.still_at_risk),
      evacuated: s.people.evacuated ? say(lang, 'run.evacuated', { n: n(s.people.evacuated) }) : '',
    }) + stranded(log, lang)),
    line('response', responseLine(s, unreachedIncidents(log.events), lang)),
    line('decisions', say(lang, 'run.decisions', { taken: n(s.decisions.taken), refused: n(s.decisions.refused), nc: s.decisions.no_change === 0 ? '' : say(lang, 'run.no-change', { n: s.decisions.no_change }) }) + afterStop(log, s.t_end, lang)),
    ...formatRefusals(refusals, lang),
  ];
  if (s.objectives.length) {
    const met = s.objectives.filter((o) => o.met).length;
    const untested = s.objectives.filter((o) => o.rating === null).length;
    // stopped early: what was not tested had not come about by the stop, which says nothing of the run to its end
    const nt = early ? say(lang, 'run.objectives-nt-by', { met, tested: s.objectives.length - untested, nt: untested, t: clock(s.t_end) }) : say(lang, 'run.objectives-nt', { met, tested: s.objectives.length - untested, nt: untested });
    lines.push(line('objectives', untested === 0 ? say(lang, 'run.objectives', { met, n: s.objectives.length }) : nt));
    for (const o of s.objectives) {
      const metric = metricName(o.metric, lang);
      const what = o.of ? say(lang, 'run.objective-of', { id: o.id, metric, of: o.of }) : say(lang, 'run.objective', { id: o.id, metric });
      const spec = scenario?.objectives.find((x) => x.id === o.id);
      if (o.rating === null) lines.push(`    -  ${say(lang, 'run.not-tested', { what, why: notTestedText(o, early ? scenario!.horizon : s.t_end, scenario, lang) })}`);
      else lines.push(`    ${o.rating}  ${what} = ${fmtValue(o.metric, o.value, lang, spec ? objectiveBounds(spec) : [])}${o.met ? '' : say(lang, 'run.not-met')}${early && due(o.id) > s.t_end ? say(lang, 'run.read-early', { t: clock(s.t_end), due: clock(due(o.id)) }) : ''}`);
    }
  }
  lines.push(line('log', say(lang, 'run.log', { events: n(log.events.length), hash: log.hash.slice(0, 16), out: out ? say(lang, 'run.written', { file: out }) : say(lang, 'run.not-written') })));
  return lines.join('\n') + '\n';
}

/**
 * A metric as the summary names it: its id in English (what the scenario's objective says), the report's name for
 * it in Vietnamese ('tỷ lệ người dân đã vào nơi sơ tán', not evacuated_share), the id where the report has none.
 */
function metricName(metric: string, lang: Lang): string {
  return lang === 'en' ? metric : MESSAGES[lang][`metric.${metric}`] ?? metric;
}

/** A count as the report writes it: 1,291 in English, 1.291 in Vietnamese (the summary and the report are read side by side). */
const num = (x: number, lang: Lang) => (lang === 'en' ? String(x).replace(/\B(?=(\d{3})+(?!\d))/g, MESSAGES.en['fmt.group']) : localNumber(String(x), lang));

/** Why an objective was not tested, in a few words: "no toxic-release incident in this run". */
export function notTestedText(o: ObjectiveResult, tEnd: number, scenario?: Scenario, lang: Lang = 'en'): string {
  const of = o.of;
  const when = o.at >= tEnd ? say(lang, 'nt.in-run') : say(lang, 'nt.by', { t: clock(o.at) });
  const either = (some: Parameters<typeof say>[1], none: Parameters<typeof say>[1]) => (of ? say(lang, some, { of, when }) : say(lang, none, { when }));
  switch (o.not_tested) {
    case 'nobody_at_risk': return either('nt.nobody-at-risk-of', 'nt.nobody-at-risk');
    case 'inject_not_delivered': return either('nt.inject-not-delivered', 'nt.no-inject-delivered');
    case 'shelter_unused': return either('nt.shelter-unused', 'nt.no-shelter-used');
    case 'never_cut_off': return either('nt.never-cut-off', 'nt.none-cut-off');
    case 'not_called_for': return either('nt.not-called-for', 'nt.none-called-for');
    default: {
      if (of === null) return say(lang, 'nt.no-incident', { when });
      if (!scenario || scenario.incident_kinds.some((k) => k.id === of)) return say(lang, 'nt.no-incident-kind', { of, when });
      if (scenario.areas.some((a) => a.id === of)) return say(lang, 'nt.no-incident-area', { of, when });
      return say(lang, 'nt.incident-absent', { of, when });
    }
  }
}

/** The response line: the mean and worst wait over the incidents reached, and those never reached (the mean leaves them out). */
export function responseLine(s: Summary, u: Unreached, lang: Lang = 'en'): string {
  const reached = s.response.mean_first_on_scene_s === null
    ? say(lang, 'run.none-reached')
    : say(lang, 'run.reached', { mean: fmtMin(Math.round(s.response.mean_first_on_scene_s), lang), max: fmtMin(s.response.max_first_on_scene_s!, lang) });
  if (u.n === 0) return reached;
  return reached + say(lang, 'run.unreached', { n: u.n, people: u.people });
}

/** As the report writes it (1 h 38 min, not 98 min or 1.6 h): the summary and the report read the same. */
function fmtMin(s: number, lang: Lang): string {
  return durationIn(s, lang);
}

/** bounds: what the value is read against (an objective's threshold and ratings): it is written finely enough not to read as one of them. */
export function fmtValue(metric: string, v: number | null, lang: Lang = 'en', bounds: readonly number[] = []): string {
  return objectiveValue(metric, v, lang, bounds);
}
