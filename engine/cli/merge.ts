/**
 * `drill merge`: join the shards of a batch (`drill batch --shard i/n`, run
 * anywhere, by any job runner) into the whole batch. The merged file is
 * byte for byte what the unsharded batch writes; parts of different
 * batches, overlapping shards or a missing shard are refused with a
 * message that names them.
 */
import { resolve } from 'node:path';
import { mergeResults, type BatchResults } from '../batch/results.js';
import { readResults } from '../batch/read-results.js';
import { OptionError, parse } from './args.js';
import { outputs, writeOutputs, writtenLines } from './batch.js';
import { formatBatchSummary } from './batch-summary.js';
import { InputError, readText } from './io.js';
import { langOption } from './lang.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';

export const mergeCommand: Subcommand = {
  name: 'merge',
  summary: 'join the shards of a batch (drill batch --shard i/n) into the whole batch',
  usage: [
    'drill merge <results.json...> [--out merged.json] [--out merged.csv] [--html report.html]',
    '                              [--lang vi|en] [--quiet]',
    '',
    '  <results.json>  results of `drill batch --shard i/n --out F.json`, every shard once, in any order',
    '  --out F         write the merged results: F.json or F.csv (give --out twice for both)',
    '  --html F        write a self-contained HTML page of the merged results',
    '  --lang vi|en    language of the table and the page (default: vi when LANG starts with vi, else en)',
    '  --quiet         print nothing but problems (errors, and the files\' warnings)',
  ].join('\n'),
  vi: {
    summary: 'gộp các phần (shard) của một loạt chạy (drill batch --shard i/n) thành cả loạt',
    usage: [
      'drill merge <results.json...> [--out merged.json] [--out merged.csv] [--html report.html]',
      '                              [--lang vi|en] [--quiet]',
      '',
      '  <results.json>  kết quả của `drill batch --shard i/n --out F.json`, mỗi phần một lần, thứ tự tùy ý',
      '  --out F         ghi kết quả đã gộp: F.json hoặc F.csv (cho --out hai lần để có cả hai)',
      '  --html F        ghi một trang HTML độc lập cho kết quả đã gộp',
      '  --lang vi|en    ngôn ngữ của bảng và của trang',
      '                  (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
      '  --quiet         chỉ in các vấn đề (lỗi, và cảnh báo về các tệp)',
    ].join('\n'),
  },
  options: { out: { type: 'string', short: 'o', multiple: true }, html: { type: 'string' }, lang: { type: 'string', short: 'l' }, quiet: { type: 'boolean', short: 'q' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, Infinity, ['the results files to merge, one per shard']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    const outs = outputs(values.out as string[] | undefined, values.html as string | undefined, positionals.map((f) => ['results file', f] as [string, string]));
    // the same file by two names (a.json, ./a.json) is given twice too: its runs would count twice
    const twice = positionals.find((f, i) => positionals.findIndex((g) => resolve(g) === resolve(f)) !== i);
    if (twice !== undefined) throw new OptionError(`'${twice}' is given twice: give each shard's results once`);
    const files: { name: string; results: BatchResults }[] = positionals.map((f) => {
      const r = readResults(readText(f), lang);
      if (!r.ok) throw new InputError(f, r.message, r.hint, undefined, r.at);
      return { name: f, results: r.results };
    });
    const m = mergeResults(files, lang);
    if (!m.ok) {
      process.stderr.write(`drill merge: ${m.message}${m.hint ? `\n  (${m.hint})` : ''}\n`);
      return 1;
    }
    writeOutputs(m.results, outs, values.html as string | undefined, lang);
    if (!values.quiet) {
      process.stdout.write(formatBatchSummary(m.results, lang));
      for (const line of writtenLines(outs, values.html as string | undefined, lang)) process.stderr.write(line + '\n');
    }
    return 0;
  },
};
