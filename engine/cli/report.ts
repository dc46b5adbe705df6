import type { LogEvent } from '../review/metrics.js';
import { FORMATS, reportOf, type ReportFormat } from '../review/report.js';
import type { Lang } from '../scenario/text.js';
import { OptionError, parse } from './args.js';
import { batchHtml } from '../batch/html.js';
import { editedSince, isBatchResults, isResultsCsv } from '../batch/results.js';
import { readResults, totalsDiffer } from '../batch/read-results.js';
import { formatBatchSummary } from './batch-summary.js';
import { checkWritable, InputError, notStdout, readText, writeAtomic, writtenLine } from './io.js';
import { langOption } from './lang.js';
import { loadReviewable } from './reviewable.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';

const EXTENSIONS: Record<ReportFormat, string[]> = { md: ['.md', '.markdown'], html: ['.html', '.htm'] };

const SUPPORTED = `Markdown (${EXTENSIONS.md.join(', ')}) or HTML (${EXTENSIONS.html.join(', ')})`;

/** Why a report file's name will not do, and what to write instead. */
function unsupported(file: string): string {
  const ext = /\.[^./\\]+$/.exec(file)?.[0];
  if (ext === undefined) return `the file name needs an extension: drill report writes ${SUPPORTED}`;
  const pdf = ext.toLowerCase() === '.pdf' ? `; for a PDF, write ${file.slice(0, -ext.length)}.html and print it to PDF from a browser` : '';
  return `drill report writes ${SUPPORTED}, not '${ext}'${pdf}`;
}

/** The format a report file's name asks for, or null when it names neither. */
function formatOfFile(file: string): ReportFormat | null {
  const f = file.toLowerCase();
  for (const format of FORMATS) if (EXTENSIONS[format].some((ext) => f.endsWith(ext))) return format;
  return null;
}

/** A batch's report: its table on standard output, or its self-contained page, in `lang`. */
function reportBatch(file: string, text: string, out: string | undefined, format: string | undefined, lang: Lang): number {
  // the CSV export is refused for what it is before any word on the report's format
  if (isResultsCsv(text)) { const r = readResults(text, lang); if (!r.ok) throw new InputError(file, r.message, r.hint); }
  if (format === 'md' || (out !== undefined && formatOfFile(out) === 'md')) throw new OptionError(`${file} holds batch results: their report is an HTML page (--out F.html), or the table printed without --out`);
  const r = readResults(text, lang);
  if (!r.ok) throw new InputError(file, r.message, r.hint, undefined, r.at);
  // a run's line cut out, copied or changed to another run: the stored aggregates would stand beside runs that do
  // not give them (11 runs listed under the totals of 12), so it is refused as drill merge refuses it, in its words
  const edited = editedSince({ name: file, results: r.results }, lang);
  if (edited) {
    process.stderr.write(`drill report: ${edited.message}\n  (${edited.hint})\n`);
    return 1;
  }
  // a number changed to another number: the file is shown as it holds it (drill verify is the check), but not
  // without a word that the runs drawn no longer add up to the totals shown
  const totals = totalsDiffer(file, text, r.results, lang);
  if (totals) process.stderr.write(`${file}${totals.line === null ? '' : `:${totals.line}`}: ${lang === 'vi' ? 'cảnh báo' : 'warning'}: ${totals.message} (${totals.hint})\n`);
  if (out !== undefined) {
    writeAtomic(out, batchHtml(r.results, lang));
    sayWritten(file, out, lang);
  } else if (format === 'html') process.stdout.write(batchHtml(r.results, lang));
  else process.stdout.write(formatBatchSummary(r.results, lang));
  return 0;
}

/** `run.json: report written to r.md`, on stderr: standard output is the report's when there is no --out, so nothing else goes there. */
function sayWritten(file: string, out: string, lang: Lang): void {
  process.stderr.write(`${file}: ${writtenLine(REPORT, [out], lang)}\n`);
}

const REPORT = { en: 'report', vi: 'báo cáo' };

/** A run log that is not as it was written, said in the report's language (the report's own warning, in engine/review/messages.ts, says it at the top). */
const INTEGRITY: Record<Lang, Record<'hash' | 'scenario' | 'summary' | 'head' | 'session', string>> = {
  en: {
    hash: 'warning: the hash chain does not match the events (the log was changed after it was written); the report says so at the top',
    scenario: 'warning: the embedded scenario does not match its hash (it was edited after the run); the report says so at the top',
    summary: 'warning: the stored summary differs from the figures recomputed from the events; the report uses the recomputed figures',
    head: "warning: the seed, end, players or --vary at the head of the log differ from those its first event records (the head was edited after the run); the report says so at the top",
    session: 'warning: the time the play session was saved at (session.t) does not agree with its events, keyframes and stored summary (it was edited after the session was saved); the report says so at the top',
  },
  vi: {
    hash: 'cảnh báo: chuỗi băm của nhật ký không khớp với các sự kiện (nhật ký đã bị thay đổi sau khi ghi); báo cáo ghi rõ điều này ở đầu',
    scenario: 'cảnh báo: kịch bản lưu trong nhật ký không khớp với mã băm của nó (kịch bản đã bị sửa sau lượt chạy); báo cáo ghi rõ điều này ở đầu',
    summary: 'cảnh báo: phần tóm tắt lưu trong nhật ký khác với số liệu tính lại từ các sự kiện; báo cáo dùng số liệu tính lại',
    head: 'cảnh báo: seed, thời điểm kết thúc, người chơi hoặc --vary ở đầu nhật ký khác với những gì sự kiện đầu tiên ghi lại (phần đầu đã bị sửa sau lượt chạy); báo cáo ghi rõ điều này ở đầu',
    session: 'cảnh báo: thời điểm lưu phiên diễn tập (session.t) không khớp với các sự kiện, các điểm lưu trạng thái và phần tổng hợp đã lưu (đã bị sửa sau khi lưu phiên); báo cáo ghi rõ điều này ở đầu',
  },
};

export const reportCommand: Subcommand = {
  name: 'report',
  summary: 'write the after-action report and improvement plan (AAR/IP) of a run log',
  usage: [
    'drill report <run.json> [--format md|html] [--lang vi|en] [--out F]',
    'drill report <results.json> [--lang vi|en] [--out F.html]',
    '',
    '  <run.json>        a run log (drill run --out): its after-action report',
    '  <results.json>    batch results (drill batch/merge --out): the table, or with',
    '                    --out F.html the page of histograms, objective',
    '                    probabilities and sweep curves (as drill batch --html)',
    '  --format md|html  Markdown (default; html when --out ends in .html), or one',
    '                    self-contained HTML file with charts that prints to PDF',
    '  --lang vi|en      language of the report (default: vi when LANG starts with vi,',
    '                    else en)',
    '  --out F           write the report here (written whole or not at all): F.md',
    '                    (or .markdown) or F.html (or .htm); default: standard output',
  ].join('\n'),
  vi: {
    summary: 'lập báo cáo sau diễn tập và kế hoạch khắc phục (AAR/IP) của một nhật ký chạy',
    usage: [
      'drill report <run.json> [--format md|html] [--lang vi|en] [--out F]',
      'drill report <results.json> [--lang vi|en] [--out F.html]',
      '',
      '  <run.json>        một nhật ký chạy (drill run --out): báo cáo sau diễn tập của lượt chạy đó',
      '  <results.json>    kết quả chạy loạt (drill batch/merge --out): bảng kết quả, hoặc với',
      '                    --out F.html là trang biểu đồ tần suất, xác suất đạt mục tiêu và',
      '                    đường biến thiên theo tham số (như drill batch --html)',
      '  --format md|html  Markdown (mặc định; html khi tên --out kết thúc bằng .html), hoặc một',
      '                    tệp HTML độc lập có biểu đồ, in ra PDF được',
      '  --lang vi|en      ngôn ngữ của báo cáo (mặc định: vi nếu LANG bắt đầu bằng vi,',
      '                    nếu không thì en)',
      '  --out F           ghi báo cáo vào đây (ghi trọn vẹn hoặc không ghi gì): F.md',
      '                    (hoặc .markdown) hoặc F.html (hoặc .htm); mặc định: đầu ra chuẩn',
    ].join('\n'),
  },
  options: { format: { type: 'string', short: 'f' }, lang: { type: 'string', short: 'l' }, out: { type: 'string', short: 'o' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, 1, ['the run log (or batch results) to report on']);
    if (help) return printUsage(this, argv);
    const out = values.out === undefined ? undefined : String(values.out);
    if (out) {
      notStdout('--out', out, true);
      // first: a folder (--out runs) is said to be one, not to lack an extension
      checkWritable(out);
      // the file's name says what it holds: a report in a .pdf (or a .txt) would be Markdown under a false name
      if (formatOfFile(out) === null) throw new OptionError(`--out ${out}: ${unsupported(out)}`);
    }
    // HTML, Md: read as --lang reads VI (lang.ts)
    const given = values.format === undefined ? undefined : String(values.format).trim().toLowerCase();
    if (given !== undefined && !FORMATS.includes(given as ReportFormat)) throw new OptionError(`--format must be md or html, not '${String(values.format)}'${given === 'pdf' ? ' (for a PDF, write html and print it to PDF from a browser)' : ''}`);
    const format = (given ?? (out !== undefined ? formatOfFile(out) : 'md')) as ReportFormat;
    if (out !== undefined && formatOfFile(out) !== format) throw new OptionError(`--out ${out}: --format ${format} writes ${format === 'md' ? 'Markdown' : 'HTML'}, which goes in a file ending in ${EXTENSIONS[format].join(' or ')}`);
    // as every command that writes for people: --lang, else the locale's language (LANG=vi_VN gives Vietnamese)
    const lang = langOption(values.lang);
    const file = positionals[0];
    // read once: a pipe (`drill report <(gunzip -c results.json.gz)`) cannot be read a second time
    const input = readText(file);
    if (isBatchResults(input)) return reportBatch(file, input, out, given, lang);
    const { log, scenario, events } = loadReviewable(file, input);
    const { text, aar } = reportOf(log, scenario, events as LogEvent[], format, lang);
    if (!aar.integrity.hash_ok) process.stderr.write(`${file}: ${INTEGRITY[lang].hash}\n`);
    if (!aar.integrity.scenario_ok) process.stderr.write(`${file}: ${INTEGRITY[lang].scenario}\n`);
    if (!aar.integrity.summary_agrees) process.stderr.write(`${file}: ${INTEGRITY[lang].summary}\n`);
    if (!aar.integrity.head_ok) process.stderr.write(`${file}: ${INTEGRITY[lang].head}\n`);
    if (!aar.integrity.session_ok) process.stderr.write(`${file}: ${INTEGRITY[lang].session}\n`);
    if (out) {
      writeAtomic(out, text);
      sayWritten(file, out, lang);
    } else process.stdout.write(text);
    return 0;
  },
};
