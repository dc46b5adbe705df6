import { compareRuns, type Comparison, type DecisionRecord, type ObjectiveSide, type TakenRecord } from '../review/compare.js';
import { textIn, type Lang } from '../scenario/text.js';
import { checkNotInput, checkWritable, InputError, notStdout, readText, writeAtomic, writtenLine } from './io.js';
import { plansHtml } from '../batch/plans-html.js';
import { editedSince, isBatchResults } from '../batch/results.js';
import { readResults } from '../batch/read-results.js';
import { comparePlans } from '../batch/plans.js';
import { say as sayBatch } from '../batch/words.js';
import { formatPlanComparison } from './batch-summary.js';
import { OptionError, parse } from './args.js';
import { langOption } from './lang.js';
import { playedRoles, say } from './messages.js';
import { loadReviewable } from './reviewable.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { localNumber, metricLabel, pairedDirections } from '../batch/format.js';
import { MESSAGES } from '../review/messages.js';
import { fmtValue } from './run.js';
import { clock } from './time.js';
import { Words } from '../review/words.js';
import type { LogEvent } from '../review/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import type { RunLog } from '../sim/run.js';
import { endOf, reviewEvents, stoppedEarly } from '../review/review.js';

export const compareCommand: Subcommand = {
  name: 'compare',
  summary: 'two run logs side by side, or two plans\' batch results run for run',
  usage: [
    'drill compare <a.json> <b.json> [--json] [--lang vi|en]',
    'drill compare <plan-a-results.json> <plan-b-results.json> [--json | --out F.html] [--lang vi|en]',
    '',
    '  Prints where the two runs first part (event index and time, both events),',
    '  the decisions given to one run and not the other (the first of them named),',
    '  the decisions taken during the runs that differ, and the figures and',
    '  objective ratings side by side. A run that stopped before the scenario\'s end',
    '  (drill run --until, a play session saved part-way) is named, with when it',
    '  stopped: its figures are as they stood then. Exit 0 whether or not they differ,',
    '  1 for runs of two different scenarios (two versions of one scenario, edited',
    '  between the runs, are compared, with a note).',
    '',
    '  Given two batch results files (drill batch --out F.json), one per plan, each',
    '  played with the same master seed and --runs: both plans\' figures and',
    '  objectives side by side, and b - a run for run (run k plays the same seed',
    '  in both), with its 95 % interval, * where the runs show a difference, and',
    '  better or worse after it where the figure has a side that is (fewer lost).',
    '  --json         the comparison as JSON (the same in every language)',
    '  --out F.html   two plans\' results only: write the comparison as one self-contained',
    '                 HTML page (written whole or not at all) instead of printing it:',
    '                 objectives met under a and b, means, and b - a as forest plots',
    '  --lang vi|en   language of the comparison (default: vi when LANG starts with vi, else en)',
  ].join('\n'),
  vi: {
    summary: 'hai nhật ký chạy cạnh nhau, hoặc kết quả loạt chạy của hai phương án theo từng lượt',
    usage: [
      'drill compare <a.json> <b.json> [--json] [--lang vi|en]',
      'drill compare <ket-qua-phuong-an-a.json> <ket-qua-phuong-an-b.json> [--json | --out F.html] [--lang vi|en]',
      '',
      '  In ra chỗ hai lượt chạy bắt đầu khác nhau (số thứ tự và thời điểm của sự kiện, cả hai sự kiện),',
      '  các quyết định đưa vào lượt này mà không có ở lượt kia (nêu quyết định đầu tiên),',
      '  các quyết định được thực hiện trong lượt chạy mà khác nhau, và số liệu cùng mức đánh giá',
      '  mục tiêu đặt cạnh nhau. Lượt chạy dừng trước khi kịch bản kết thúc (drill run --until,',
      '  phiên diễn tập lưu giữa chừng) được nêu rõ cùng thời điểm dừng: số liệu của nó là',
      '  số liệu tại lúc đó. Mã thoát 0 dù hai lượt chạy có khác nhau hay không, 1 với hai lượt',
      '  chạy của hai kịch bản khác nhau (hai phiên bản của một kịch bản, sửa giữa hai lượt chạy,',
      '  thì vẫn so sánh, kèm lưu ý).',
      '',
      '  Với hai tệp kết quả loạt chạy (drill batch --out F.json), mỗi tệp một phương án,',
      '  chạy với cùng seed gốc và cùng --runs: số liệu và mục tiêu của hai phương án đặt',
      '  cạnh nhau, và b - a theo từng lượt chạy (lượt thứ k dùng cùng một seed ở cả hai),',
      '  với khoảng tin cậy 95%, dấu * khi các lượt chạy cho thấy có chênh lệch, và sau đó',
      '  tốt hơn hoặc kém hơn với số liệu có bên tốt hơn (ít người thiệt mạng hơn).',
      '  --json         kết quả so sánh dạng JSON (như nhau ở mọi ngôn ngữ)',
      '  --out F.html   chỉ với kết quả của hai phương án: ghi kết quả so sánh thành một trang',
      '                 HTML độc lập (ghi trọn vẹn hoặc không ghi gì) thay vì in ra: tỷ lệ đạt',
      '                 mục tiêu với a và b, trung bình, và b - a dạng biểu đồ rừng (forest plot)',
      '  --lang vi|en   ngôn ngữ của kết quả so sánh',
      '                 (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
    ].join('\n'),
  },
  options: { json: { type: 'boolean' }, lang: { type: 'string', short: 'l' }, out: { type: 'string', short: 'o' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 2, 2, ['the two run logs to compare', 'the second run log']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    const [fa, fb] = positionals;
    const out = values.out === undefined ? undefined : String(values.out);
    if (out !== undefined) {
      notStdout('--out', out, true);
      if (values.json) throw new OptionError(`--out ${out} and --json: give one of them: --json prints the comparison as JSON, --out writes it as an HTML page`);
      // first: a folder (--out runs) is said to be one, not to lack an extension
      checkWritable(out);
      if (!/\.html?$/i.test(out)) throw new OptionError(`--out ${out}: the file name must end in .html (or .htm): it is a web page`);
      checkNotInput('--out', out, [['results file', fa], ['results file', fb]]);
    }
    const ta = readText(fa), tb = readText(fb);
    const batchA = isBatchResults(ta), batchB = isBatchResults(tb);
    if (batchA && batchB) return comparePlanFiles(fa, ta, fb, tb, values.json === true, lang, out);
    if (batchA !== batchB) {
      // a results file beside a run log: each read as the other would be refused for what it is not. The other
      // file is read first: one that is no run log either (a scenario, a decisions file) is refused for what it is
      const [file, other] = batchA ? [fa, fb] : [fb, fa];
      loadReviewable(other, batchA ? tb : ta);
      const what = (batch: boolean) => sayBatch(lang, batch ? 'cp.what_results' : 'cp.what_log');
      process.stderr.write(new InputError(file, sayBatch(lang, 'cp.mixed', { what: what(true), other, otherWhat: what(false) }), sayBatch(lang, 'cp.mixed_hint')).line() + '\n');
      return 1;
    }
    const ra = loadReviewable(fa, ta), rb = loadReviewable(fb, tb);
    // the page is of two plans' batches; two runs have each a report of their own
    if (out !== undefined) throw new OptionError(`--out ${out}: the page compares two plans' batch results (drill batch --out F.json); two run logs are compared on standard output, and each has its own page: drill report ${fa} --out ${fa.replace(/\.json$/i, '')}.html`);
    // runs of two scenarios part at their first event, and an id of one names another thing in the other (Kỳ Sơn's
    // 'lives' objective set beside Cửa Lò's): refused. Two versions of one (edited between the runs) are compared, with a note
    if (ra.log.scenario.id !== rb.log.scenario.id) {
      const said = { a: fa, b: fb, sa: ra.scenario.id, ta: textIn(ra.scenario.title, lang), sb: rb.scenario.id, tb: textIn(rb.scenario.title, lang) };
      process.stderr.write(new InputError(fb, say(lang, 'compare.other-scenario', said), say(lang, 'compare.other-scenario-hint')).line('other-scenario') + '\n');
      return 1;
    }
    const c = compareRuns(ra, rb);
    process.stdout.write(values.json ? JSON.stringify(c, null, 2) + '\n' : formatComparison(c, fa, fb, lang, { a: runWords(ra, lang), b: runWords(rb, lang) }));
    return 0;
  },
};

/**
 * Two plans' batch results, run for run (engine/batch/plans.ts): each file read as drill report reads it (a
 * file edited since it was written is refused in merge's words), then refused where the runs do not pair. `out`:
 * the page to write instead of the text, once the comparison stands (a refused one writes nothing).
 */
function comparePlanFiles(fa: string, ta: string, fb: string, tb: string, json: boolean, lang: Lang, out?: string): number {
  const read = (file: string, text: string) => {
    const r = readResults(text, lang);
    if (!r.ok) throw new InputError(file, r.message, r.hint, undefined, r.at);
    return r.results;
  };
  const a = read(fa, ta), b = read(fb, tb);
  // said as drill merge and drill report say it (the message names the file)
  for (const [name, results] of [[fa, a], [fb, b]] as const) {
    const edited = editedSince({ name, results }, lang);
    if (edited) {
      process.stderr.write(`drill compare: ${edited.message}\n  (${edited.hint})\n`);
      return 1;
    }
  }
  const c = comparePlans(a, b);
  if (!c.ok) {
    const { why, file } = c.refusal;
    const r = file === 'a' ? a : b;
    const params = {
      file: file === 'a' ? fa : fb, a: fa, sa: a.seed, sb: b.seed, na: a.runs, nb: b.runs, ea: a.engine, eb: b.engine,
      run: c.refusal.run ?? '', sr: c.refusal.seeds?.[0] ?? '', seed: c.refusal.seeds?.[1] ?? '',
      n: r.vary?.values.length ?? 1, key: r.vary?.key ?? '', shard: r.shard ? `${r.shard.index}/${r.shard.count}` : '',
    };
    process.stderr.write(new InputError(params.file, sayBatch(lang, `cp.${why}`, params), sayBatch(lang, `cp.${why}_hint`, params)).line() + '\n');
    return 1;
  }
  if (out !== undefined) {
    writeAtomic(out, plansHtml(c.comparison, { a: fa, b: fb }, lang));
    // on stderr, as drill report says it: standard output is the comparison's when there is no --out
    process.stderr.write(`${writtenLine({ en: 'page', vi: 'trang HTML' }, [out], lang)}\n`);
  } else if (json) {
    const { aggregates, metrics, objectives, onlyA, onlyB, changed } = c.comparison;
    const side = (f: string, r: typeof a) => ({ file: f, scenario: r.scenario, seed: r.seed, runs: r.runs, decisions: r.decisions, vary: r.vary });
    // b's differences carry "direction" (better, worse) where the table says it: read by a program, not worked out again
    const [aggA, aggB] = aggregates;
    const withDirections = { ...aggB, paired: aggB.paired && pairedDirections(aggB.paired) };
    process.stdout.write(JSON.stringify({ a: side(fa, a), b: side(fb, b), metrics, objectives: objectives.map((o) => o.id), only_a: onlyA, only_b: onlyB, changed, aggregates: [aggA, withDirections] }, null, 2) + '\n');
  } else process.stdout.write(formatPlanComparison(c.comparison, { a: fa, b: fb }, lang));
  return 0;
}

const args = (d: Record<string, unknown>, skip: string[]) => Object.entries(d).filter(([k]) => !skip.includes(k)).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
/**
 * A value as a and b are shown side by side, as drill run and the report write it (one formatter, durationIn):
 * a length of time as "1 h 38 min" (Vietnamese "1 giờ 38 phút"); a moment (a level declared) as a clock time.
 */
const objectiveValue = (metric: string, v: number | null, lang: Lang, bounds: readonly number[] = []): string => fmtValue(metric, v, lang, bounds);
/**
 * A decision after its time, in the report's words when the run's are given (its scenario's names: "Tà Cạ commune
 * chair (trainee): evacuate Tà Cạ riverside villages"), else as a decisions file writes it. `cw`: the width of the
 * time column, the longest time listed and a space (times with seconds are longer).
 */
const decisionLine = (at: number, d: DecisionRecord | TakenRecord, cw: number, lang: Lang, w?: Words) =>
  `${clock(at).padEnd(cw)} ${w ? w.decision(d) : `${d.role} (${author(d.author, lang)}): ${d.do} ${args(d, ['at', 't', 'role', 'author', 'do'])}`}`.trimEnd();
/** Who decided, as the log says it (English) or in the report's words (học viên, phương án tự động). */
const author = (a: unknown, lang: Lang) => (lang === 'en' ? String(a) : MESSAGES[lang][`author.${String(a)}`] ?? String(a));

/**
 * A run's events and decisions as sentences, in the report's words (names of its scenario, not ids), read as the
 * report reads them: an evacuation refused once the hazard had caught people is "too late", not "already so"; an
 * order an answer gave says so; an inject control added is named (the review of the run teaches the words, as in
 * report-doc.ts).
 */
function runWords(r: { log: RunLog; scenario: Scenario; events: LogEvent[] }, lang: Lang): Words {
  const rv = reviewEvents(r.scenario, r.events, endOf(r.log));
  // a run stopped early says "unfinished at T+06:10, where the log ends", as its report does, not "at the end"
  const stop = stoppedEarly({ until: r.log.until, session: r.log.session ?? null }, r.scenario.horizon);
  return new Words(lang, r.scenario).learnIncidents(rv.incidents).learnDefaults(rv.injects, rv.decisions).learnAdded(rv.added).learnStop(stop);
}

/**
 * The note on runs of two versions of one scenario: which parameter each was played with changed, when the logs
 * record a --vary that differs (a sweep's runs replayed alone); else an edit between them, or a --vary of an engine
 * before the logs recorded it.
 */
function otherVersion(c: Comparison, lang: Lang): string {
  const va = c.a.varied, vb = c.b.varied;
  if ((va === undefined && vb === undefined) || JSON.stringify(va) === JSON.stringify(vb)) return say(lang, 'compare.other-version', { id: c.a.scenario });
  const side = (label: 'a' | 'b', v: typeof va) => (v ? say(lang, 'compare.varied-side', { side: label, ...v }) : say(lang, 'compare.unvaried-side', { side: label }));
  return say(lang, 'compare.other-version-varied', { id: c.a.scenario, sides: `${side('a', va)}; ${side('b', vb)}` });
}

/**
 * `words`: each run's words, for the two events where the runs part and the decisions that differ, each by its own
 * scenario's names (else the events' JSON alone, and the decisions as a decisions file writes them).
 */
export function formatComparison(c: Comparison, fa: string, fb: string, lang: Lang = 'en', words?: { a: Words; b: Words }): string {
  const L: string[] = [];
  const w = Math.max(fa.length, fb.length);
  const head = (label: string, f: string, s: Comparison['a']) => say(lang, 'compare.head', {
    label, file: f.padEnd(w), scenario: s.scenario, seed: s.seed,
    who: s.players.length ? say(lang, 'compare.played', { roles: playedRoles(s.players, s.joined, lang) }) : say(lang, 'compare.doctrine'), events: s.events, hash: s.hash.slice(0, 16),
  });
  L.push(head('a', fa, c.a), head('b', fb, c.b));
  // a log changed after it was written (the report warns at its top): before anything compare reads in it
  for (const [side, f, s] of [['a', fa, c.a], ['b', fb, c.b]] as const) {
    if (!s.hash_ok) L.push(say(lang, 'compare.hash-changed', { side, file: f }));
    if (!s.scenario_ok) L.push(say(lang, 'compare.scenario-changed', { side, file: f }));
  }
  // two engine versions, or two ends: 'the differences come from the decisions' would not hold
  // nor, when they were given the same decisions by the same players, would it: then it is how each stopped
  const sameGiven = c.given.first === null && c.same_players;
  const stopKind = (s: (typeof c.stopped)['a']) => s?.by ?? 'end';
  // two versions and two seeds are two causes besides the decisions: each said
  if (!c.same_scenario) L.push(otherVersion(c, lang));
  if (!c.same_seed) L.push(say(lang, 'compare.other-seed'));
  else if (c.same_scenario && c.same_engine && c.same_end) {
    L.push(say(lang, !sameGiven ? 'compare.same' : stopKind(c.stopped.a) !== stopKind(c.stopped.b) ? 'compare.same-given-stop'
      // two identical runs have no differences to say the cause of
      : c.identical ? 'compare.same-inputs' : 'compare.same-given', { id: c.a.scenario }));
  }
  if (!c.same_engine) L.push(say(lang, 'compare.other-engine', { a: c.a.engine, b: c.b.engine }));
  // a run stopped early is read at its stop, as drill run and the report say of it (stoppedEarly)
  for (const side of ['a', 'b'] as const) {
    const s = c.stopped[side];
    if (s) L.push(say(lang, s.by === 'session' ? 'compare.stopped-session' : 'compare.stopped-until', { side, t: clock(s.t), end: clock(s.end) }));
  }
  const ends = { a: c.a.summary.t_end, b: c.b.summary.t_end };
  const shorter = ends.a < ends.b ? 'a' : 'b';
  if (!c.same_end) L.push(say(lang, 'compare.other-end', { a: clock(ends.a), b: clock(ends.b), t: clock(ends[shorter]) }));
  if (c.identical) {
    L.push('', say(lang, 'compare.identical'));
    // the same events read against two versions of a scenario (thresholds edited, objectives renamed) can rate
    // differently: each scenario's own objectives side by side, or 'identical' hides a U that became a P
    if (!c.same_scenario) L.push('', say(lang, 'compare.identical-objectives'), ...objectiveTable(c, lang));
    return L.join('\n') + '\n';
  }
  L.push('');
  if (c.divergence) {
    const d = c.divergence;
    L.push(say(lang, 'compare.divergence', { index: d.index, t: clock(d.t) }));
    // what happened, in words, above the event as the log holds it: the JSON alone read as a developer's diff
    for (const side of ['a', 'b'] as const) {
      const e = d[side];
      if (!e) { L.push(`  ${side}: ${say(lang, 'compare.log-ends')}`); continue; }
      if (words) L.push(`  ${side}: ${clock(e.t)} ${words[side].event(e, d.index)}`, `     ${JSON.stringify(e)}`);
      else L.push(`  ${side}: ${JSON.stringify(e)}`);
    }
  } else L.push(say(lang, 'compare.elsewhere'));

  const ta = c.taken.only_a, tb = c.taken.only_b;
  const MAX = 12;
  const cw = 1 + Math.max(8, ...[...c.given.only_a, ...c.given.only_b].map((d) => clock(d.at).length));
  const tw = 1 + Math.max(8, ...[...ta.slice(0, MAX), ...tb.slice(0, MAX)].map((d) => clock(d.t).length));
  L.push('', say(lang, 'compare.given'));
  if (c.given.first) {
    const first = c.given.first;
    L.push(say(lang, 'compare.first-differs', { decision: decisionLine(first.decision.at, first.decision, cw, lang, words?.[first.side]), side: first.side }));
    for (const [label, list] of [['a', c.given.only_a], ['b', c.given.only_b]] as const) {
      L.push(say(lang, list.length ? 'compare.only-in' : 'compare.only-in-none', { side: label }));
      for (const d of list) L.push(`    ${decisionLine(d.at, d, cw, lang, words?.[label])}`);
    }
  } else L.push(say(lang, 'compare.same-in-both'));

  L.push('', say(lang, 'compare.taken', { a: ta.length, b: tb.length }));
  // what the longer run decided after the other stopped is no choice the other made differently
  if (!c.same_end) {
    const longer = shorter === 'a' ? 'b' : 'a';
    const after = (longer === 'a' ? ta : tb).filter((d) => d.t >= ends[shorter]).length;
    // the shorter run stopped early, or ran to the end of its version of the scenario (a shorter horizon)
    if (after) L.push(say(lang, c.stopped[shorter] ? 'compare.taken-after' : 'compare.taken-after-end', { n: after, side: longer, t: clock(ends[shorter]), other: shorter }));
  }
  for (const [label, list] of [['a', ta], ['b', tb]] as const) {
    if (!list.length) continue;
    L.push(say(lang, 'compare.only-in', { side: label }));
    for (const d of list.slice(0, MAX)) L.push(`    ${decisionLine(d.t, d, tw, lang, words?.[label])}`);
    if (list.length > MAX) L.push(say(lang, 'compare.more', { n: list.length - MAX }));
  }

  if (c.objectives.length) L.push('', ...objectiveTable(c, lang));
  // the figures by the names the batch tables give them (the run's summary keys stay in --json)
  const label = (key: string) => (key === 'people.rescued_share' ? say(lang, 'compare.rescued-share') : metricLabel(key.replace(/^(incidents|people|decisions)\./, '$1_').replace(/^response\./, ''), lang));
  const fw = Math.max(...c.figures.map((f) => label(f.key).length)) + 2;
  const show = (v: number | null, kind: string) => (v === null ? '-' : kind === 's' ? objectiveValue('x_s', v, lang) : kind === 'share' ? fmtValue('x_share', v, lang) : grouped(String(Math.round(v * 100) / 100), lang));
  // two values that differ but read the same when rounded (2 of 577 and 0 rescued: 0 % both) are shown finer
  const finer = (v: number, kind: string) => (kind === 's' ? `${grouped(String(Math.round(v)), lang)} s` : kind === 'share' ? `${localNumber(String(Math.round(v * 1e4) / 100), lang)} %` : grouped(String(Math.round(v * 1e4) / 1e4), lang));
  const figures = c.figures.map((f) => {
    const a = show(f.a, f.kind), b = show(f.b, f.kind);
    return f.a !== null && f.b !== null && f.a !== f.b && a === b ? { f, a: finer(f.a, f.kind), b: finer(f.b, f.kind) } : { f, a, b };
  });
  const vw = Math.max(14, ...figures.map((x) => x.a.length + 2));
  L.push('', `  ${say(lang, 'compare.figure').padEnd(fw)}${'a'.padEnd(vw)}b`);
  L.push(...marked(figures.map(({ f, a, b }) => ({ head: `  ${label(f.key).padEnd(fw)}${a.padEnd(vw)}`, b, mark: f.a !== f.b ? say(lang, 'compare.differs') : '' }))));
  return L.join('\n') + '\n';
}

/**
 * A count (plain digits) with the thousands grouped in either language, as the report writes it beside the same
 * figure ("1,108 at risk", "1.108"): the English column read 1108 against the report's 1,108.
 */
function grouped(digits: string, lang: Lang): string {
  const local = localNumber(digits, lang);
  return lang === 'en' ? local.replace(/^(-?)(\d+)/, (_, sign: string, int: string) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, MESSAGES.en['fmt.group'])) : local;
}

/** The objectives side by side; a's column as wide as before, wider when a value needs it ("10 giờ 45 phút" beside its rating). */
function objectiveTable(c: Comparison, lang: Lang): string[] {
  const iw = Math.max(10, ...c.objectives.map((o) => o.id.length)) + 2;
  const cells = c.objectives.map((o) => {
    // each side's value in its own objective's metric (two versions of a scenario may measure one id differently)
    const metric = (s: Comparison['a']) => s.summary.objectives.find((x) => x.id === o.id)?.metric ?? '';
    // two values that read the same when rounded (P 30 min beside M 30 min 6 s) are written finer, as the figures are
    const cell = (x: ObjectiveSide | null, m: string, other: { value: number | null } | null) => {
      if (!x) return '-';
      if (x.rating === null) return `-  ${say(lang, 'compare.not-tested')}`;
      const value = objectiveValue(m, x.value, lang, other?.value != null ? [other.value] : []);
      // still open where its log ends (a run stopped early): not rated U, as the report does not count it missed
      if (x.open_at_end) return `-  ${x.value === null ? say(lang, 'compare.open', { by: clock(x.open_at_end.by) }) : say(lang, 'compare.open-value', { by: clock(x.open_at_end.by), value })}`;
      // a figure that may still change after the stop (people lost so far): its rating is as it stood then
      return x.so_far ? `${x.rating}  ${say(lang, 'compare.so-far', { value })}` : `${x.rating}  ${value}`;
    };
    return { o, a: cell(o.a, metric(c.a), o.b), b: cell(o.b, metric(c.b), o.a) };
  });
  const aw = Math.max(18, ...cells.map((x) => x.a.length + 2));
  return [
    `  ${say(lang, 'compare.objective').padEnd(iw)}${'a'.padEnd(aw)}b`,
    ...marked(cells.map(({ o, a, b }) => ({ head: `  ${o.id.padEnd(iw)}${a.padEnd(aw)}`, b, mark: !o.a || !o.b ? say(lang, 'compare.objective-only', { side: o.a ? 'a' : 'b' }) : o.a.rating !== o.b.rating && !o.a.open_at_end && !o.b.open_at_end ? say(lang, 'compare.rating-differs') : '' }))),
  ];
}

/** Rows of a two-column table, the marks of those that differ in one column however wide b's values ('2' beside '1108'). */
function marked(rows: { head: string; b: string; mark: string }[]): string[] {
  const bw = Math.max(0, ...rows.map((r) => r.b.length));
  return rows.map((r) => (r.mark ? `${r.head}${r.b.padEnd(bw)}${r.mark}` : `${r.head}${r.b}`));
}
