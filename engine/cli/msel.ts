/**
 * `drill msel export|import`: a scenario's MSEL to a spreadsheet (CSV for
 * spreadsheet programs, Markdown for reading) and a planner's spreadsheet
 * back into the scenario. Import replaces the scenario's injects, writes the
 * file whole or not at all, and on any problem changes nothing and lists
 * every bad row and column.
 */
import { readFileSync } from 'node:fs';
import { formatIssueIn, nearest, type ScenarioIssue } from '../scenario/issues.js';
import { sayIn } from '../scenario/say.js';
import type { Lang } from '../scenario/text.js';
import { columnOfPath, importMsel, mselToCsv, replaceInjectsInText, sortMselIssues } from '../scenario/msel.js';
import { mselToMarkdown } from '../scenario/msel-markdown.js';
import { sheetWords } from '../scenario/msel-recheck.js';
import type { Scenario } from '../scenario/schema.js';
import { parseScenario } from '../scenario/parse.js';
import { OptionError, parse, UsageError, type Options } from './args.js';
import { InputError, notStdout, readText, writeAtomic } from './io.js';
import { defaultLang, langOption, readLang } from './lang.js';
import { formatMselIssueIn, MSEL_LINES, type SaidMselIssue } from './msel-words.js';
import { ReportedError } from './load.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { shellArg } from './shell.js';

const USAGE = [
  'drill msel export <scenario> [--format csv|md] [--lang vi|en] [--out F]',
  '       drill msel import <file.csv> --into <scenario> [--dry-run] [--lang vi|en]',
  '',
  'export   the MSEL as a spreadsheet: one row per inject, columns',
  '         number, id, time, type, method, from (vi), from (en), to, subject (vi), subject (en),',
  '         message (vi), message (en), expected action, objectives, decision options,',
  '         decision deadline, decision default, controller.',
  '         CSV is UTF-8 with a byte-order mark (Vietnamese opens right in Excel and LibreOffice);',
  '         md is a table for reading (both languages, or --lang vi|en).',
  '  --format csv|md   (default: as --out\'s name ends, .csv or .md; else csv)',
  '  --lang vi|en      md in one language only (default: both); the CSV holds both, and --lang is',
  '                    then the language of the problems and of what is printed',
  '  --out F           write here, F.csv or F.md (written whole or not at all; default: standard output)',
  '',
  'import   REPLACES the scenario\'s injects with the rows of the sheet (the sheet is the MSEL;',
  '         rows left out are removed). Nothing is written unless every row is right; each',
  '         problem is printed as "file: row N, column C: ..." (rows as the spreadsheet numbers',
  '         them: the header is row 1). Comma, semicolon or tab separated.',
  '  --into S          the scenario file to write the injects into (required)',
  '  --dry-run         check the sheet and report, but do not write',
  '  --lang vi|en      language of the problems and of what is printed (default: vi when LANG',
  '                    starts with vi, else en)',
  '',
  'the time column:',
  '  T+02:30                        2 h 30 min after the start (02:30 and 2h30m read too)',
  '  when hazard=ID alarm=bd2       delivered when a condition holds; names: hazard, area, above,',
  '                                 alarm, risk_at_least, incident_kind, severity_at_least, road_cut',
  '  if not done 1h after #3        a contingency: delivered 1 h after inject number 3 (or an id)',
  '                                 if its expected action has not been taken',
  'expected action:  evacuate zone=ta-ca-riverside within=1h30m',
  'decision options: one per line, the default named in "decision default":',
  '  evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=muong-xen-lowland',
  '  wait: Chờ đến sáng | Wait for daylight',
  'See docs/msel.md.',
].join('\n');

const USAGE_VI = [
  'drill msel export <kịch-bản> [--format csv|md] [--lang vi|en] [--out F]',
  '         drill msel import <bảng.csv> --into <kịch-bản> [--dry-run] [--lang vi|en]',
  '',
  'export   xuất MSEL (hệ thống tình huống) ra bảng tính: mỗi tình huống một hàng, các cột',
  '         number, id, time, type, method, from (vi), from (en), to, subject (vi), subject (en),',
  '         message (vi), message (en), expected action, objectives, decision options,',
  '         decision deadline, decision default, controller.',
  '         CSV là UTF-8 có dấu BOM (tiếng Việt mở ra đúng trong Excel và LibreOffice);',
  '         md là bảng để đọc (cả hai ngôn ngữ, hoặc theo --lang vi|en).',
  '  --format csv|md   (mặc định: theo đuôi tên tệp của --out, .csv hoặc .md; nếu không thì csv)',
  '  --lang vi|en      bảng md chỉ bằng một ngôn ngữ (mặc định: cả hai); CSV luôn có cả hai, khi đó',
  '                    --lang là ngôn ngữ của các lỗi và của những gì in ra',
  '  --out F           ghi vào đây, F.csv hoặc F.md (ghi trọn vẹn hoặc không ghi gì;',
  '                    mặc định: đầu ra chuẩn)',
  '',
  'import   THAY các tình huống của kịch bản bằng các hàng của bảng (bảng chính là MSEL; hàng',
  '         nào bị bỏ thì tình huống đó bị xóa). Không ghi gì trừ khi mọi hàng đều đúng; mỗi',
  '         lỗi được in dạng "tệp: hàng N, cột C: ..." (số hàng như trong chương trình bảng tính:',
  '         hàng tiêu đề là hàng 1). Phân cách bằng dấu phẩy, dấu chấm phẩy hoặc tab.',
  '  --into S          tệp kịch bản sẽ nhận các tình huống (bắt buộc)',
  '  --dry-run         kiểm tra bảng và báo kết quả, nhưng không ghi',
  '  --lang vi|en      ngôn ngữ của các lỗi và của những gì in ra (mặc định: vi nếu LANG',
  '                    bắt đầu bằng vi, nếu không thì en)',
  '',
  'cột time (thời điểm):',
  '  T+02:30                        2 giờ 30 phút sau khi bắt đầu (02:30 và 2h30m cũng đọc được)',
  '  when hazard=ID alarm=bd2       phát khi một điều kiện thỏa mãn; các tên: hazard, area, above,',
  '                                 alarm, risk_at_least, incident_kind, severity_at_least, road_cut',
  '  if not done 1h after #3        tình huống dự phòng: phát 1 giờ sau tình huống số 3 (hoặc theo mã)',
  '                                 nếu hành động mong đợi của tình huống đó chưa được thực hiện',
  'cột expected action (hành động mong đợi):  evacuate zone=ta-ca-riverside within=1h30m',
  'cột decision options: mỗi dòng một phương án, phương án mặc định ghi ở cột "decision default":',
  '  evacuate-now: Sơ tán ngay | Evacuate now -> evacuate zone=muong-xen-lowland',
  '  wait: Chờ đến sáng | Wait for daylight',
  'Xem docs/msel.md.',
].join('\n');

const EXPORT_OPTIONS: Options = { format: { type: 'string', short: 'f' }, lang: { type: 'string' }, out: { type: 'string', short: 'o' } };
const IMPORT_OPTIONS: Options = { into: { type: 'string' }, 'dry-run': { type: 'boolean' }, lang: { type: 'string', short: 'l' } };

export const mselCommand: Subcommand = {
  name: 'msel',
  summary: 'export a scenario\'s MSEL as a spreadsheet (CSV, Markdown), or import one into a scenario',
  usage: USAGE,
  vi: {
    summary: 'xuất MSEL (hệ thống tình huống) ra bảng tính CSV, Markdown, hoặc nhập bảng vào kịch bản',
    usage: USAGE_VI,
  },
  options: { ...EXPORT_OPTIONS, ...IMPORT_OPTIONS },
  run(argv) {
    const [action, ...rest] = argv;
    if (action === '--help' || action === '-h') return printUsage(this, rest);
    // `drill msel --lang vi`: an option where the action goes is the action left out, not an unknown action '--lang'
    if (action === undefined || action.startsWith('-')) throw new UsageError("missing the action: 'drill msel export' or 'drill msel import'");
    if (action === 'export') return otherActions(() => exportMsel(rest), 'export', IMPORT_OPTIONS);
    if (action === 'import') return otherActions(() => importCommand(rest), 'import', EXPORT_OPTIONS);
    // a scenario given with no action (drill msel s.yaml) wants its export; a typo (exprot), the action meant
    if (/\.(ya?ml|json)$/i.test(action)) throw new UsageError(`missing the action before ${action}: drill msel export ${shellArg(action)} writes its MSEL (import reads a sheet: drill msel import <sheet.csv> --into ${shellArg(action)})`);
    const near = nearest(action, ['export', 'import']);
    throw new UsageError(`unknown action '${action}'${near ? ` (did you mean '${near}'?)` : ''}: use 'drill msel export' or 'drill msel import'`);
  },
};

/**
 * An option of the other action ('--into' on export): the usage printed lists it, and 'unknown option' would
 * contradict it; say whose it is.
 */
function otherActions(run: () => number, action: 'export' | 'import', others: Options): number {
  try {
    return run();
  } catch (e) {
    const option = e instanceof UsageError ? /^unknown option '--([\w-]+)(?:=[^']*)?'/.exec(e.message)?.[1] : undefined;
    if (option !== undefined && option in others) {
      throw new OptionError(`--${option} is an option of drill msel ${action === 'export' ? 'import' : 'export'}, not of drill msel ${action}`);
    }
    throw e;
  }
}

/** `lang`: of the scenario's problems (export: its --lang, else the locale's; import writes English). */
function loadScenarioText(file: string, lang: Lang = 'en') {
  const text = readText(file);
  const r = parseScenario(text, file);
  if (!r.ok) {
    for (const i of r.issues) process.stderr.write(formatIssueIn(i, lang) + '\n');
    throw new ReportedError(`${file} is not a valid scenario`);
  }
  return { text, scenario: r.scenario };
}

function exportMsel(argv: string[]): number {
  const { values, positionals, help } = parse(argv, EXPORT_OPTIONS, 1, 1, ['the scenario file']);
  if (help) return printUsage(mselCommand, argv);
  const out = values.out === undefined ? undefined : String(values.out);
  // the file's name says what it holds: --out msel.md wrote CSV under a Markdown name, --out s.yaml replaced the scenario
  if (out !== undefined) notStdout('--out', out, true);
  const named = out === undefined ? undefined : formatOfFile(out);
  if (named === null) {
    const ext = /\.[^./\\]+$/.exec(out!)?.[0];
    throw new OptionError(`--out ${out}: drill msel export writes CSV (.csv) or Markdown (.md, .markdown), not ${ext ? `'${ext}'` : 'a file without an extension'}`);
  }
  // CSV, MD: read as --lang reads VI (lang.ts)
  const format = (values.format === undefined ? undefined : String(values.format).trim().toLowerCase()) ?? named ?? 'csv';
  if (format !== 'csv' && format !== 'md') throw new OptionError(`--format must be csv or md, not '${String(values.format)}'`);
  if (named !== undefined && named !== format) throw new OptionError(`--out ${out}: --format ${format} writes ${format === 'csv' ? 'CSV, which goes in a file ending in .csv' : 'Markdown, which goes in a file ending in .md or .markdown'}`);
  // no --lang here means both languages, not the locale's: so not langOption, but the same reading of a value
  const lang = values.lang === undefined ? undefined : readLang(String(values.lang));
  if (values.lang !== undefined && lang === undefined) throw new OptionError(`--lang must be vi or en, not '${String(values.lang)}'`);
  // the CSV holds both languages whatever --lang says: there it is the language of the problems and of what is printed
  const said = lang ?? defaultLang();
  const { scenario } = loadScenarioText(positionals[0], said);
  const text = format === 'csv'
    ? mselToCsv(scenario.injects)
    : mselToMarkdown(scenario, lang ?? 'both');
  if (out) {
    writeAtomic(out, text);
    process.stderr.write(MSEL_LINES[said].exported(positionals[0], scenario.injects.length, out) + '\n');
  } else {
    process.stdout.write(text);
  }
  return 0;
}

/** The format a sheet's file name asks for: csv, md, or null when it names neither. */
function formatOfFile(file: string): 'csv' | 'md' | null {
  const f = file.toLowerCase();
  return f.endsWith('.csv') ? 'csv' : f.endsWith('.md') || f.endsWith('.markdown') ? 'md' : null;
}

/** A UTF-16 text with its byte-order mark (which says which end first), as text; undefined without one. */
function unicodeText(file: string): string | undefined {
  const bytes = readFileSync(file);
  const le = bytes[0] === 0xff && bytes[1] === 0xfe, be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return undefined;
  const text = new TextDecoder(le ? 'utf-16le' : 'utf-16be').decode(bytes);
  return text.includes('\uFFFD') ? undefined : text;
}

/** The kind of spreadsheet workbook a file is, by its first bytes (xlsx and ods are zip files, xls an OLE file); undefined for any other. */
function workbook(file: string): string | undefined {
  const head = readFileSync(file).subarray(0, 4).toString('hex');
  return head === '504b0304' ? (/\.ods$/i.test(file) ? 'ods' : 'xlsx') : head === 'd0cf11e0' ? 'xls' : undefined;
}

function readSheet(file: string): string {
  let text: string;
  try {
    text = readText(file);
  } catch (e) {
    // Excel's "Unicode Text" is UTF-16 with its byte-order mark (and tabs): as readable as a CSV UTF-8, so read
    const utf16 = e instanceof InputError && /UTF-16/.test(e.message) ? unicodeText(file) : undefined;
    if (utf16 !== undefined) text = utf16;
    else if (e instanceof InputError && /UTF-16/.test(e.message)) {
      throw new InputError(file, e.message, 'save the sheet as "CSV UTF-8 (comma delimited)" (Excel) or "Text CSV" with UTF-8 (LibreOffice)');
    } else if (e instanceof InputError && /binary/.test(e.message) && workbook(file)) {
      // the workbook itself (msel.xlsx), given where the sheet saved from it goes: say which, and how to save the sheet
      throw new InputError(file, `this is a spreadsheet workbook (${workbook(file)}), not a CSV sheet`, 'save it as a sheet: in Excel, File > Save As > "CSV UTF-8 (Comma delimited)"; in LibreOffice, File > Save As > "Text CSV" with UTF-8');
    } else if (e instanceof InputError && /binary|UTF-8/.test(e.message)) {
      throw new InputError(file, `${e.message.replace(/, not a text file$/, '')}: not a CSV text in UTF-8`, 'save the sheet as "CSV UTF-8 (comma delimited)" (Excel) or "Text CSV" with UTF-8 (LibreOffice)');
    } else throw e;
  }
  // drillsim's other files read as a sheet with a bad quote, or a row of unknown columns: say what they are.
  // A scenario first of all: `drill msel import s.yaml --into msel.csv` has the two the wrong way round.
  const start = text.slice(0, 4096);
  if (/^\s*drillsim:\s*1\s*$/m.test(start)) {
    throw new InputError(file, 'this is a scenario, not an MSEL sheet', 'the sheet comes first, the scenario after --into: drill msel import <sheet.csv> --into <scenario>');
  }
  const other = /^\s*drillsim_decisions:/m.test(start) ? 'a decisions file'
    : /^\s*\{\s*"format"\s*:\s*"drillsim\/run@/.test(start) ? 'a run log'
      : /^\s*\{\s*"format"\s*:\s*"drillsim\/batch@/.test(start) ? 'batch results' : undefined;
  if (other) throw new InputError(file, `this is ${other}, not an MSEL sheet`, 'the sheet is a CSV file, as drill msel export writes it');
  // the Markdown export (to read and print) read as CSV gave a dozen 'unknown column' and 'no column' lines
  if (/^\uFEFF?\s*# MSEL\b/.test(start) || formatOfFile(file) === 'md') {
    throw new InputError(file, 'this is the MSEL in Markdown (to read and print), not the sheet', 'import reads the CSV sheet: drill msel export <scenario> --out msel.csv writes one to edit');
  }
  return text;
}

/** The problems and, among them by row, the warnings (a number two rows give may be why another row's '#N' misses). */
function printIssues(file: string, issues: SaidMselIssue[], warnings: SaidMselIssue[], lang: Lang): void {
  for (const i of sortMselIssues([...issues, ...warnings])) process.stderr.write(formatMselIssueIn(file, i, lang) + '\n');
  const rows = new Set(issues.filter((i) => i.row > 0).map((i) => i.row));
  process.stderr.write(MSEL_LINES[lang].problems(issues.length, rows.size) + '\n');
}

/**
 * The re-check's warnings about an inject, at the sheet's row and column (the scenario's lines are drill's
 * writing, not the planner's), in the scenario's own words. Two injects with one number are said by the sheet
 * already, naming both rows.
 */
function rowWarnings(warnings: readonly ScenarioIssue[], rows: readonly number[], lang: Lang, scenario: Scenario): SaidMselIssue[] {
  return warnings.flatMap((w): SaidMselIssue[] => {
    const m = /^injects\[(\d+)\]\.?(.*)$/.exec(w.path);
    if (!m || w.code === 'duplicate-seq') return [];
    // in the sheet's terms (a column, `zone=...`), not the scenario file's keys
    const words = sheetWords(w.words, scenario);
    const hint = sayIn(words.hint, lang);
    return [{ row: rows[Number(m[1])] ?? 0, column: columnOfPath(m[2].split(/[.[\]]+/).filter(Boolean)), message: sayIn(words.message, lang), hint: hint || undefined, severity: 'warning', said: true }];
  });
}

/**
 * Where a line of `next` (the scenario with its injects replaced) is in `old`: the lines before and after the
 * replaced part are the same text, only moved; a line inside it has no place in `old` and keeps its number.
 */
function lineInOld(old: string, next: string): (line: number) => number {
  const a = old.split('\n'), b = next.split('\n');
  let suffix = 0;
  while (suffix < a.length && suffix < b.length && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return (line) => (line > b.length - suffix ? line - (b.length - a.length) : line);
}

function importCommand(argv: string[]): number {
  const { values, positionals, help } = parse(argv, IMPORT_OPTIONS, 1, 1, ['the sheet (CSV) to import']);
  if (help) return printUsage(mselCommand, argv);
  const lang = langOption(values.lang);
  if (values.into === undefined) {
    // in Vietnamese the line to type, not the whole usage: main adds the pointer to --help
    if (lang === 'vi') throw Object.assign(new OptionError(MSEL_LINES.vi.intoRequired), { lang });
    throw new UsageError(MSEL_LINES.en.intoRequired);
  }
  const sheetFile = positionals[0];
  const target = String(values.into);
  // the sheet first: given the wrong way round (a scenario, then --into the sheet), that is what to say
  const sheet = readSheet(sheetFile);
  const { text, scenario } = loadScenarioText(target, lang);
  const r = importMsel(sheet, scenario);
  if (!r.ok) {
    printIssues(sheetFile, r.issues, r.warnings, lang);
    return 1;
  }
  const format = /\.json$/i.test(target) ? 'json' : 'yaml';
  const next = replaceInjectsInText(text, r.written, format);
  // the whole scenario must still load (cross-checks the sheet cannot see alone)
  const check = parseScenario(next, target);
  if (!check.ok) {
    // nothing is written: a line of the scenario is said as it is on disk, not as the import would have written it
    const onDisk = lineInOld(text, next);
    // the scenario's own words for them, in the language asked for
    const issues: SaidMselIssue[] = check.issues.filter((i) => i.severity === 'error').map((i) => {
      const m = /^injects\[(\d+)\]\.?(.*)$/.exec(i.path);
      // an inject's problem in the sheet's terms (a column, `zone=...`); the rest of the scenario's in its own
      const words = m ? sheetWords(i.words, scenario) : i.words;
      const message = sayIn(words.message, lang), hint = sayIn(words.hint, lang);
      // at the column of the inject's key, as the re-check's warnings are (expected.area: 'expected action')
      return m ? { row: r.rows[Number(m[1])] ?? 0, column: columnOfPath(m[2].split(/[.[\]]+/).filter(Boolean)), message: `${message}${hint ? ` (${hint})` : ''}`, said: true } : { row: 0, column: null, message: `${lang === 'vi' ? 'kịch bản sẽ không đọc được' : 'the scenario would not load'}: ${formatIssueIn({ ...i, line: onDisk(i.line) }, lang)}`, said: true };
    });
    printIssues(sheetFile, issues, r.warnings, lang);
    return 1;
  }
  // the whole scenario's warnings, as drill validate gives them: an inject's at its row, the rest at the scenario's line
  for (const w of sortMselIssues([...r.warnings, ...rowWarnings(check.warnings, r.rows, lang, scenario)])) process.stderr.write(formatMselIssueIn(sheetFile, w, lang) + '\n');
  // a dry run writes nothing: its lines are those of the file as it is, not as the import would write it
  const onDisk = values['dry-run'] ? lineInOld(text, next) : (line: number) => line;
  for (const w of check.warnings) if (!w.path.startsWith('injects')) process.stderr.write(formatIssueIn({ ...w, line: onDisk(w.line) }, lang) + '\n');
  const before = scenario.injects.length;
  if (values['dry-run']) {
    process.stdout.write(MSEL_LINES[lang].dryRun(sheetFile, r.injects.length, before, target) + '\n');
    return 0;
  }
  if (next !== text) writeAtomic(target, next);
  process.stdout.write(MSEL_LINES[lang].replaced(target, before, r.injects.length, sheetFile, next === text) + '\n');
  return 0;
}
