/**
 * `drill batch`: many runs of one scenario over seeds derived from a master
 * seed, spread over worker threads, aggregated per metric and objective.
 * Optionally replays one decisions file over every seed (--decisions),
 * sweeps a scenario parameter (--vary), or plays only one shard of the
 * batch (--shard i/n, merged later with `drill merge`).
 *
 * Results (stdout table, --out JSON/CSV, --html) hold no timings: the same
 * batch gives the same bytes on any number of workers. Time, memory and the
 * progress bar go to stderr.
 */
import { availableParallelism } from 'node:os';
import { extname, resolve } from 'node:path';
import { batchHeader, buildResults, outcomeOf, serializeResults, resultsCsv, type BatchHeader, type BatchResults, type RunRecord } from '../batch/results.js';
import { batchJobs, parseShard, type Shard } from '../batch/seeds.js';
import { inSweepTerms, parseVarySpec, saidInSweepTerms, variedText, varyScenario, VARY_KEYS_HELP, VARY_KEYS_HELP_VI, type VarySpec } from '../batch/vary.js';
import { batchHtml, type PageFiles } from '../batch/html.js';
import { StaleGeneratedStepperError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { formatIssueIn } from '../scenario/issues.js';
import { canonicalScenarioText } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import type { Lang } from '../scenario/text.js';
import type { DecisionsInput } from '../sim/decisions.js';
import { parseDecisionsOrLog } from '../sim/decisions-of-log.js';
import { decisionRecord, defaultSeed } from '../sim/run.js';
import { ENGINE_VERSION } from '../version.js';
import { intOption, OptionError, parse, UsageError } from './args.js';
import { BatchPool, BatchRunError, type PoolStats } from './batch-pool.js';
import { formatBatchSummary } from './batch-summary.js';
import { checkNotInput, checkWritable, notStdout, readText, writeAtomic, writtenLine } from './io.js';
import { langOption } from './lang.js';
import { sayCliProblem } from '../play/cli-problems.js';
import { loadScenario, ReportedError } from './load.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { decimal, fmtSeconds, ProgressBar } from './progress.js';
import { nodeSha256Hex } from './sha256.js';
import { shellArg } from './shell.js';

export const MAX_RUNS = 1_000_000;
export const MAX_WORKERS = 64;

export const batchCommand: Subcommand = {
  name: 'batch',
  summary: 'many runs over seeds (Monte Carlo): how often objectives are met, with intervals',
  usage: [
    'drill batch <scenario> --runs N [--seed S] [--workers W] [--decisions F] [--vary key=v1,v2,...]',
    '                       [--shard i/n] [--out results.json] [--out results.csv] [--html report.html]',
    '                       [--lang vi|en] [--quiet]',
    '',
    '  --runs N        runs per value (run k plays seed sha256("S/k"), see docs/batch.md)',
    '  --seed S        master seed (default: the scenario\'s `seed`, else 1)',
    `  --workers W     worker threads (default: the cores, here ${availableParallelism()})`,
    '  --decisions F   replay this decisions file in every run (doctrine plays the other roles);',
    '                  a run log (drill run --out, drill play, the browser\'s play page) gives its decisions',
    '  --vary K=V,...  sweep one scenario parameter; results per value, the same seeds for each value. Keys:',
    ...VARY_KEYS_HELP.map((l) => `                    ${l}`),
    '  --shard i/n     play only shard i of n (runs j with (j-1) mod n = i-1); join with `drill merge`',
    '  --out F         write the results: F.json (every run + aggregates; what merge reads) or F.csv',
    '                  (one row per run, for spreadsheets); give --out twice for both',
    '  --html F        write a self-contained HTML page: histograms, objective probabilities, sweep curves',
    '  --lang vi|en    language of the table and the page (default: vi when LANG starts with vi, else en);',
    '                  the results files are the same in both',
    '  --quiet         print nothing but problems (errors, and the files\' warnings): no table, no timing',
    '',
    'The table goes to stdout; the progress bar (on a terminal only), the files written, time and memory to stderr.',
  ].join('\n'),
  vi: {
    summary: 'nhiều lượt chạy qua các seed (Monte Carlo): tỷ lệ đạt mục tiêu, kèm khoảng tin cậy',
    usage: [
      'drill batch <kịch-bản> --runs N [--seed S] [--workers W] [--decisions F] [--vary key=v1,v2,...]',
      '                      [--shard i/n] [--out results.json] [--out results.csv] [--html report.html]',
      '                      [--lang vi|en] [--quiet]',
      '',
      '  --runs N        số lượt chạy cho mỗi giá trị (lượt k chạy với seed sha256("S/k"),',
      '                  xem docs/batch.md)',
      '  --seed S        seed gốc (mặc định: giá trị `seed` của kịch bản, nếu không có thì 1)',
      `  --workers W     số luồng xử lý song song (mặc định: bằng số lõi CPU, ở máy này là ${availableParallelism()})`,
      '  --decisions F   phát lại tệp quyết định này trong mọi lượt chạy (phương án tự động đảm nhận',
      '                  các vai còn lại); với một nhật ký chạy (drill run --out, drill play, trang chơi',
      '                  trên trình duyệt), lấy các quyết định của nó',
      '  --vary K=V,...  quét một tham số của kịch bản; kết quả theo từng giá trị, mọi giá trị chạy với',
      '                  cùng các seed. Các khóa:',
      ...VARY_KEYS_HELP_VI.map((l) => `                    ${l}`),
      '  --shard i/n     chỉ chạy phần i trong n phần (các lượt j có (j-1) mod n = i-1);',
      '                  gộp các phần bằng `drill merge`',
      '  --out F         ghi kết quả: F.json (mọi lượt chạy + số liệu tổng hợp; tệp mà merge đọc)',
      '                  hoặc F.csv (mỗi lượt chạy một hàng, cho bảng tính); cho --out hai lần để có cả hai',
      '  --html F        ghi một trang HTML độc lập: biểu đồ tần suất, xác suất đạt mục tiêu,',
      '                  đường biến thiên theo tham số',
      '  --lang vi|en    ngôn ngữ của bảng và của trang (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không',
      '                  thì en); các tệp kết quả như nhau ở cả hai ngôn ngữ',
      '  --quiet         chỉ in các vấn đề (lỗi, và cảnh báo về các tệp): không in bảng, không in thời gian',
      '',
      'Bảng kết quả ra đầu ra chuẩn (stdout); thanh tiến độ (chỉ trên terminal), các tệp đã ghi, thời gian',
      'và bộ nhớ ra stderr.',
    ].join('\n'),
  },
  options: {
    runs: { type: 'string', short: 'n' }, seed: { type: 'string' }, workers: { type: 'string', short: 'w' },
    decisions: { type: 'string' }, vary: { type: 'string', multiple: true }, shard: { type: 'string' },
    out: { type: 'string', short: 'o', multiple: true }, html: { type: 'string' }, lang: { type: 'string', short: 'l' }, quiet: { type: 'boolean', short: 'q' },
  },
  async run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, 1, ['the scenario file']);
    if (help) return printUsage(this, argv);
    if (values.runs === undefined) throw new UsageError('--runs is required: how many runs, e.g. --runs 1000');
    const runs = intOption(values.runs, 'runs', 1)!;
    if (runs > MAX_RUNS) throw new OptionError(`--runs ${runs} is more than ${MAX_RUNS.toLocaleString('en')}; split the batch with --shard`);
    const workers = intOption(values.workers, 'workers', 1) ?? availableParallelism();
    if (workers > MAX_WORKERS) throw new OptionError(`--workers ${workers} is more than ${MAX_WORKERS}`);
    let shard: Shard | null = null;
    if (values.shard !== undefined) {
      const s = parseShard(String(values.shard));
      if (typeof s === 'string') throw new OptionError(`--shard ${s}`);
      shard = s;
    }
    const lang = langOption(values.lang);
    const outs = outputs(values.out as string[] | undefined, values.html as string | undefined, [['scenario', positionals[0]], ['decisions file', values.decisions as string | undefined]]);
    const varies = (values.vary as string[] | undefined) ?? [];
    if (varies.length > 1) throw new OptionError('one --vary at a time: a sweep varies one parameter (run one batch per parameter)');
    const vary = varies.length ? parseVarySpec(varies[0], lang) : null;
    // every message but one names --vary; the one that does not ('foo' is not a sweep) read as about nothing in particular
    // (said in the command's language: main prints the pointer to --help in it too)
    if (typeof vary === 'string') throw Object.assign(new OptionError(vary.startsWith('--vary') ? vary : `--vary: ${vary}`), { lang });

    // start the workers now: they load the engine while this thread reads the scenario
    const shardCount = shard ? shard.count : 1;
    const pool = new BatchPool(Math.max(1, Math.min(workers, Math.ceil((runs * (vary ? vary.labels.length : 1)) / shardCount))));
    try {
      return await playBatch(positionals[0], values, { runs, shard, vary, outs, pool, lang });
    } finally {
      await pool.close();
    }
  },
};

interface Plan { runs: number; shard: Shard | null; vary: VarySpec | null; outs: Outputs; pool: BatchPool; lang: Lang }

/** Read the scenario (and sweep, decisions), play the jobs on the pool, write and print the results. */
async function playBatch(file: string, values: Record<string, unknown>, { runs, shard, vary, outs, pool, lang }: Plan): Promise<number> {
  // Ctrl+C while the scenario is read and the jobs made (which waits for that work), or during the runs: the bar
  // would stay half drawn, and whether anything was written left to guess. Nothing is written before the last run
  // is in, so say so. The writing after it is synchronous, with this handler still on: a Ctrl+C then waits for the
  // files to be whole.
  const seen: Progress = { done: 0, total: 0, bar: null };
  const interrupted = () => {
    seen.bar?.finish();
    process.stderr.write(lang === 'vi'
      ? `drill batch: đã dừng (Ctrl+C) sau ${seen.done} trên ${seen.total || runs} lượt chạy; không ghi tệp nào\n`
      : `drill batch: stopped (Ctrl+C) after ${seen.done} of ${seen.total || runs} runs; nothing was written\n`);
    process.exit(130);
  };
  process.on('SIGINT', interrupted);
  try {
    return await playWith(file, values, { runs, shard, vary, outs, pool, lang }, seen);
  } finally {
    process.off('SIGINT', interrupted);
  }
}

/** How far a batch is, for what Ctrl+C says. */
interface Progress { done: number; total: number; bar: ProgressBar | null }

async function playWith(file: string, values: Record<string, unknown>, { runs, shard, vary, outs, pool, lang }: Plan, seen: Progress): Promise<number> {
  const base = loadScenario(file, lang);
  const seed = intOption(values.seed, 'seed') ?? defaultSeed(base);
  let scenarios: Scenario[] = [base];
  if (vary) {
    const v = varyScenario(base, vary, lang);
    if (!v.ok) throw Object.assign(new OptionError(v.messages.join('\n')), { lang });
    scenarios = v.scenarios;
    for (const w of v.warnings) process.stderr.write(`drill batch: ${lang === 'vi' ? 'cảnh báo' : 'warning'}: ${w}\n`);
  }
  const dec = values.decisions !== undefined ? loadDecisionsFor(String(values.decisions), base, scenarios, vary, lang) : undefined;

  const header = batchHeader({
    engine: ENGINE_VERSION, scenario: base, scenarioHash: sha256Hex(canonicalScenarioText(base)), seed, runs,
    decisions: dec ? decisionsHeader(dec) : null,
    vary: vary ? { key: vary.key, values: vary.labels } : null,
  });
  const jobs = batchJobs(seed, runs, scenarios.length, shard, nodeSha256Hex);
  // its results still merge (they hold no run), but a table of nothing looks like a result
  if (jobs.length === 0 && shard) {
    process.stderr.write(lang === 'vi'
      ? `drill batch: cảnh báo: phần ${shard.index}/${shard.count} không có lượt chạy nào (${runs} lượt chia cho ${shard.count} phần); kết quả của nó vẫn gộp được với các phần khác\n`
      : `drill batch: warning: shard ${shard.index}/${shard.count} holds no runs (${runs} run${runs === 1 ? '' : 's'} over ${shard.count} shards); its results still merge with the others\n`);
  }
  const bar = values.quiet ? null : new ProgressBar(jobs.length, process.stderr, lang);
  Object.assign(seen, { total: jobs.length, bar });
  let played;
  try {
    played = await pool.run({ scenarios, labels: vary ? vary.labels : [null], decisions: dec?.decisions ?? [], players: dec?.players ?? [] }, jobs, (n) => { seen.done = n; bar?.update(n); });
  } catch (e) {
    bar?.finish();
    if (e instanceof BatchRunError && e.kind === 'stale') throw new StaleGeneratedStepperError(e.message);
    if (e instanceof BatchRunError && e.job) {
      const which = `run ${e.job.k}${vary ? ` of ${vary.key}=${vary.labels[e.job.v]}` : ''} (seed ${e.job.seed})`;
      if (e.kind === 'bound') {
        process.stderr.write(lang === 'vi'
          ? `drill batch: lượt chạy ${e.job.k}${vary ? ` của ${vary.key}=${vary.labels[e.job.v]}` : ''} (seed ${e.job.seed}) chạm một giới hạn: ${sayCliProblem(e.message, lang)}\n  (hãy nâng giới hạn đó trong mục \`limits:\` của kịch bản nếu lượt chạy này thật sự cần nhiều hơn; \`drill run ${shellArg(file)} --seed ${e.job.seed}\` chạy lại riêng lượt đó)\n`
          : `drill batch: ${which} hit a bound: ${e.message}\n  (raise it in the scenario's \`limits:\` if this run really needs more; \`drill run ${shellArg(file)} --seed ${e.job.seed}\` replays it alone)\n`);
        throw new ReportedError(e.message);
      }
      throw new Error(`${which}: ${e.message}${process.env.DRILL_DEBUG && e.workerStack ? `\n${e.workerStack}` : ''}`);
    }
    throw e;
  }
  bar?.finish();
  const results = buildResults(header, shard, played.records);
  writeOutputs(results, outs, values.html as string | undefined, lang, { scenario: file, decisions: values.decisions as string | undefined });
  // a trainee's decision the engine refused is a problem of the file (quiet or not): drill run names it, a batch counts it
  if (dec) refusedWarning(played.records, file, String(values.decisions), vary?.key, lang);
  if (!values.quiet) {
    process.stdout.write(formatBatchSummary(results, lang));
    for (const line of writtenLines(outs, values.html as string | undefined, lang)) process.stderr.write(line + '\n');
    process.stderr.write(timing(played.stats, lang) + '\n');
  }
  return 0;
}

/** How many runs refused some of the decisions file's decisions, and the first of them to replay alone, where drill run names each. */
function refusedWarning(records: RunRecord[], scenario: string, decisions: string, varyKey: string | undefined, lang: Lang): void {
  const refused = records.filter((r) => (r.metrics.decisions_refused ?? 0) > 0);
  if (refused.length === 0) return;
  const first = refused.reduce((a, b) => (b.j < a.j ? b : a));
  const all = refused.reduce((n, r) => n + (r.metrics.decisions_refused ?? 0), 0);
  const replay = `drill run ${shellArg(scenario)} --seed ${first.seed} --decisions ${shellArg(decisions)}${varyKey !== undefined && first.value !== null ? ` --vary ${shellArg(`${varyKey}=${first.value}`)}` : ''}`;
  process.stderr.write(lang === 'vi'
    ? `drill batch: cảnh báo: ${decisions}: có quyết định bị từ chối trong ${refused.length} trên ${records.length} lượt chạy (tổng cộng ${all}); chạy lại riêng một lượt để xem quyết định nào và vì sao: ${replay}\n`
    : `drill batch: warning: ${decisions}: decisions were refused in ${refused.length} of ${records.length} runs (${all} in all); replay one alone to see which and why: ${replay}\n`);
}

export interface Outputs { json: string[]; csv: string[] }

/**
 * Output files by kind; their folders are checked now, so that a long batch does not end in a file it cannot
 * write, and none may be one of the `inputs` (what each is, and its path), which it would replace.
 */
export function outputs(list: string[] | undefined, html: string | undefined, inputs: [string, string | undefined][]): Outputs {
  const o: Outputs = { json: [], csv: [] };
  for (const f of list ?? []) { notStdout('--out', f); checkWritable(f); checkNotInput('--out', f, inputs); }
  // one file named twice would be written twice over, and said to be written twice
  const seen = new Map<string, string>();
  for (const [option, f] of [...(list ?? []).map((x) => ['--out', x]), ...(html !== undefined ? [['--html', html]] : [])]) {
    const before = seen.get(resolve(f));
    if (before !== undefined) throw new OptionError(`${option} ${f}: the same file as ${before}: give each output a file of its own`);
    seen.set(resolve(f), `${option} ${f}`);
  }
  if (html !== undefined) {
    notStdout('--html', html);
    checkWritable(html);
    checkNotInput('--html', html, inputs);
    // the page under another name (results.json, report.txt) would be taken for what the name says
    if (!/\.html?$/i.test(html)) throw new OptionError(`--html ${html}: the file name must end in .html (or .htm): it is a web page`);
  }
  for (const f of list ?? []) {
    const ext = extname(f).toLowerCase();
    if (ext === '.json') o.json.push(f);
    else if (ext === '.csv') o.csv.push(f);
    // the page has its own option: --out page.html would otherwise be told only what --out takes
    else if (ext === '.html' || ext === '.htm') throw new OptionError(`--out ${f}: the page is written by --html ${f}; --out writes results, .json (all results, what \`drill merge\` reads) or .csv (one row per run)`);
    else throw new OptionError(`--out ${f}: the file name must end in .json (all results, what \`drill merge\` reads) or .csv (one row per run)`);
  }
  return o;
}

/** The results files (the same in every language) and the page, in `lang`. */
export function writeOutputs(r: BatchResults, o: Outputs, html: string | undefined, lang: Lang, files?: PageFiles): void {
  for (const f of o.json) writeAtomic(f, serializeResults(r));
  for (const f of o.csv) writeAtomic(f, resultsCsv(r));
  if (html !== undefined) writeAtomic(html, batchHtml(r, lang, files));
}

/**
 * What was written, as `drill run` says it ('written to'), on stderr: standard output is the table, which
 * `drill report results.json` prints again byte for byte, so nothing else goes there.
 */
export function writtenLines(o: Outputs, html: string | undefined, lang: Lang): string[] {
  const lines: string[] = [];
  const results = [...o.json, ...o.csv];
  if (results.length) lines.push(writtenLine({ en: 'results', vi: 'kết quả' }, results, lang));
  if (html !== undefined) lines.push(writtenLine({ en: 'page', vi: 'trang HTML' }, [html], lang));
  return lines;
}

/** What a results file's header records of the decisions file replayed: how many, who played, and their hash. */
export function decisionsHeader(dec: DecisionsInput): NonNullable<BatchHeader['decisions']> {
  const session = dec.session ? { session: { seed: dec.session.seed, ...outcomeOf(dec.session.summary) } } : {};
  return { count: dec.decisions.length, players: dec.players, hash: sha256Hex(JSON.stringify({ players: dec.players, decisions: dec.decisions.map(decisionRecord) })), ...session };
}

/** A decisions file checked against every scenario of the sweep (a value may remove a unit the file dispatches). */
export function loadDecisionsFor(file: string, base: Scenario, scenarios: Scenario[], vary: VarySpec | null, lang: Lang): DecisionsInput {
  const text = readText(file);
  let first: DecisionsInput | undefined;
  let bad = false;
  const replay = { ...(vary ? { sweep: vary } : {}), variedText: variedText(base) };
  scenarios.forEach((s, i) => {
    // a run log played on another text of the scenario is told apart from the scenario as given, not as swept
    const r = parseDecisionsOrLog(text, file, s, [], undefined, base, replay);
    if (!r.ok) {
      bad = true;
      const issues = vary ? inSweepTerms(r.issues, vary.key, vary.labels[i], vary.values[i]) : r.issues;
      // a problem in the sweep's terms names the value already
      for (const issue of issues) process.stderr.write(formatIssueIn(issue, lang) + (vary && !saidInSweepTerms(issue) ? ` (${lang === 'vi' ? 'với' : 'with'} --vary ${vary.key}=${vary.labels[i]})` : '') + '\n');
      return;
    }
    if (i === 0) for (const w of r.warnings) process.stderr.write(formatIssueIn(w, lang) + '\n');
    first ??= r.value;
  });
  if (bad || !first) throw new ReportedError(`${file} is not a valid decisions file`);
  return first;
}

const MiB = (b: number) => (b / 2 ** 20).toFixed(1);

export function timing(s: PoolStats, lang: Lang = 'en'): string {
  const rate = s.seconds > 0 ? s.runs / s.seconds : 0;
  // a worker that got no run (the others took them all) has no peak to print: '0.0 MiB' read as a measurement
  const peaks = s.peak_heap_bytes.filter((b) => b > 0);
  const idle = s.peak_heap_bytes.length - peaks.length;
  // no run at all (a shard with none): no worker has a peak, and none sat idle while others worked
  if (peaks.length === 0) {
    return lang === 'vi'
      ? `0 lượt chạy (${fmtSeconds(s.seconds, 'vi')}); RSS cao nhất của tiến trình ${decimal(MiB(s.max_rss_bytes), 'vi')} MiB`
      : `0 runs (${fmtSeconds(s.seconds)}); process peak RSS ${MiB(s.max_rss_bytes)} MiB`;
  }
  if (lang === 'vi') {
    const d = (t: string) => decimal(t, 'vi');
    return `${s.runs} lượt chạy trong ${fmtSeconds(s.seconds, 'vi')} trên ${s.workers} luồng (${d(rate.toFixed(rate < 10 ? 1 : 0))} lượt/giây); bộ nhớ heap cao nhất mỗi luồng: ${peaks.map((b) => d(MiB(b))).join(' / ')} MiB${idle ? ` (${idle} luồng không chạy lượt nào)` : ''}; RSS cao nhất của tiến trình ${d(MiB(s.max_rss_bytes))} MiB`;
  }
  return `${s.runs} run${s.runs === 1 ? '' : 's'} in ${fmtSeconds(s.seconds)} on ${s.workers} worker${s.workers === 1 ? '' : 's'} (${rate.toFixed(rate < 10 ? 1 : 0)} runs/s); peak heap per worker: ${peaks.map(MiB).join(', ')} MiB${idle ? ` (${idle} idle: the others took every run)` : ''}; process peak RSS ${MiB(s.max_rss_bytes)} MiB`;
}
