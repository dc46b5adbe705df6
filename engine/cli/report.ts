import { LANGS } from '../review/messages.js';
import type { LogEvent } from '../review/metrics.js';
import { FORMATS, reportOf, type ReportFormat } from '../review/report.js';
import type { Lang } from '../scenario/text.js';
import { parse, UsageError } from './args.js';
import { checkWritable, writeAtomic } from './io.js';
import { loadReviewable } from './reviewable.js';
import type { Subcommand } from './main.js';

export const reportCommand: Subcommand = {
  name: 'report',
  summary: 'write the after-action report and improvement plan (AAR/IP) of a run log',
  usage: [
    'drill report <run.json> [--format md|html] [--lang vi|en] [--out F]',
    '',
    '  --format md|html  Markdown (default; html when --out ends in .html), or one',
    '                    self-contained HTML file with charts that prints to PDF',
    '  --lang vi|en      language of the report (default: en)',
    '  --out F           write the report here (written whole or not at all);',
    '                    default: standard output',
  ].join('\n'),
  run(argv) {
    const { values, positionals, help } = parse(argv, { format: { type: 'string', short: 'f' }, lang: { type: 'string', short: 'l' }, out: { type: 'string', short: 'o' } }, 1, 1);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const out = values.out === undefined ? undefined : String(values.out);
    if (out) checkWritable(out);
    const format = (values.format === undefined ? (out?.toLowerCase().endsWith('.html') || out?.toLowerCase().endsWith('.htm') ? 'html' : 'md') : String(values.format)) as ReportFormat;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be md or html, not '${format}'`);
    const lang = (values.lang === undefined ? 'en' : String(values.lang)) as Lang;
    if (!LANGS.includes(lang)) throw new UsageError(`--lang must be vi or en, not '${lang}'`);
    const file = positionals[0];
    const { log, scenario, events } = loadReviewable(file);
    const { text, aar } = reportOf(log, scenario, events as LogEvent[], format, lang);
    if (!aar.integrity.hash_ok) process.stderr.write(`${file}: warning: the hash chain does not match the events (the log was changed after it was written); the report says so at the top\n`);
    if (!aar.integrity.scenario_ok) process.stderr.write(`${file}: warning: the embedded scenario does not match its hash (it was edited after the run); the report says so at the top\n`);
    if (!aar.integrity.summary_agrees) process.stderr.write(`${file}: warning: the stored summary differs from the figures recomputed from the events; the report uses the recomputed figures\n`);
    if (out) writeAtomic(out, text);
    else process.stdout.write(text);
    return 0;
  },
};
