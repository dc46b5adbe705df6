import { formatIssueIn, issue, type ScenarioIssue } from '../scenario/issues.js';
import { say } from '../scenario/say.js';
import { parseScenario } from '../scenario/parse.js';
import type { Scenario } from '../scenario/schema.js';
import { textIn, type Lang } from '../scenario/text.js';
import { parseDecisionsOrLog } from '../sim/decisions-of-log.js';
import { sayCliProblem } from '../play/cli-problems.js';
import { parse, UsageError } from './args.js';
import { InputError, readText } from './io.js';
import { langOption } from './lang.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';
import { say as sayCli } from './messages.js';

export const validateCommand: Subcommand = {
  name: 'validate',
  summary: 'check scenario files; one line per problem (file:line:col)',
  usage: [
    'drill validate <file...> [--lang vi|en] [--quiet]',
    'drill validate <scenario> --decisions F [--lang vi|en] [--quiet]',
    '',
    '  Exit 0 when every file is valid (warnings allowed), 1 when any has an error.',
    '  --decisions F  check the decisions file F (or a run log\'s decisions) against the scenario, as drill run',
    '                 --decisions would, without running it',
    '  --lang vi|en   language of the problems and the summary line (default: vi when LANG starts with vi, else en)',
    '  --quiet        print only problems, not the summary line of valid files',
  ].join('\n'),
  vi: {
    summary: 'kiểm tra tệp kịch bản; mỗi lỗi một dòng (tệp:dòng:cột)',
    usage: [
      'drill validate <tệp...> [--lang vi|en] [--quiet]',
      'drill validate <kịch-bản> --decisions F [--lang vi|en] [--quiet]',
      '',
      '  Mã thoát 0 khi mọi tệp đều hợp lệ (được phép có cảnh báo), 1 khi có tệp bị lỗi.',
      '  --decisions F  kiểm tra tệp quyết định F (hoặc các quyết định của một nhật ký chạy) theo kịch bản,',
      '                 như drill run --decisions, mà không chạy',
      '  --lang vi|en   ngôn ngữ của các lỗi và của dòng tổng kết',
      '                 (mặc định: vi nếu LANG bắt đầu bằng vi, nếu không thì en)',
      '  --quiet        chỉ in các lỗi, không in dòng tổng kết của các tệp hợp lệ',
    ].join('\n'),
  },
  options: { lang: { type: 'string', short: 'l' }, quiet: { type: 'boolean', short: 'q' }, decisions: { type: 'string', short: 'd' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, Infinity, ['the scenario files to check']);
    if (help) return printUsage(this, argv);
    const lang = langOption(values.lang);
    // a decisions file is checked against the one scenario it is for
    const decisions = values.decisions === undefined ? undefined : String(values.decisions);
    if (decisions !== undefined && positionals.length !== 1) throw new UsageError('--decisions checks one decisions file against one scenario: give the scenario alone before it');
    let failed = 0;
    // a copy of a library scenario checked beside it with the id left unchanged: its run logs, batch
    // results and reports would carry the library's id, so say so (a warning: the file itself is fine)
    const idFiles = new Map<string, string>();
    for (const file of positionals) {
      const text = readOrSay(file, lang, true);
      if (text === undefined) {
        failed++;
        continue;
      }
      const result = parseScenario(text, file);
      if (!result.ok) {
        for (const issue of result.issues) process.stdout.write(formatIssueIn(issue, lang) + '\n');
        failed++;
        continue;
      }
      const warnings = [...result.warnings];
      const first = idFiles.get(result.scenario.id);
      if (first !== undefined && first !== file) warnings.push(sameId(file, text, result.scenario.id, first));
      else if (first === undefined) idFiles.set(result.scenario.id, file);
      for (const w of warnings) process.stdout.write(formatIssueIn(w, lang) + '\n');
      if (!values.quiet) {
        const s = result.scenario;
        const counts = [
          sayCli(lang, 'validate.areas', { n: s.areas.length }), sayCli(lang, 'validate.units', { n: s.units.length }),
          sayCli(lang, 'validate.sources', { n: incidentSources(s) }),
          sayCli(lang, 'validate.injects', { n: s.injects.length }), sayCli(lang, 'validate.objectives', { n: s.objectives.length }),
        ].join(', ');
        const w = warnings.length ? sayCli(lang, 'validate.warnings', { n: warnings.length }) : '';
        process.stdout.write(sayCli(lang, 'validate.ok', { file, id: s.id, title: textIn(s.title, lang), counts, warnings: w }) + '\n');
      }
      if (decisions !== undefined && !checkDecisions(decisions, result.scenario, lang, Boolean(values.quiet))) failed++;
    }
    if (positionals.length > 1 && failed > 0) process.stderr.write(sayCli(lang, 'validate.failed', { failed, n: positionals.length }) + '\n');
    return failed > 0 ? 1 : 0;
  },
};

/** A file's text, or undefined once why it cannot be read is printed (a problem line, as for the file's own problems). */
function readOrSay(file: string, lang: Lang, scenario = false): string | undefined {
  try {
    return readText(file, scenario);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    process.stdout.write(new InputError(e.file, sayCliProblem(e.message, lang), e.hint === undefined ? undefined : sayCliProblem(e.hint, lang), undefined, e.at).line() + '\n');
    return undefined;
  }
}

/** The decisions file's problems against the scenario, as `drill run --decisions` finds them (no run); returns whether it has no error. */
function checkDecisions(file: string, scenario: Scenario, lang: Lang, quiet: boolean): boolean {
  const text = readOrSay(file, lang);
  if (text === undefined) return false;
  const r = parseDecisionsOrLog(text, file, scenario);
  if (!r.ok) {
    for (const i of r.issues) process.stdout.write(formatIssueIn(i, lang) + '\n');
    return false;
  }
  for (const w of r.warnings) process.stdout.write(formatIssueIn(w, lang) + '\n');
  if (!quiet) {
    const people = r.value.decisions.length;
    process.stdout.write(sayCli(lang, 'validate.decisions-ok', {
      file, n: people, id: scenario.id, players: r.value.players.length ? r.value.players.join(', ') : sayCli(lang, 'validate.no-players'),
      warnings: r.warnings.length ? sayCli(lang, 'validate.warnings', { n: r.warnings.length }) : '',
    }) + '\n');
  }
  return true;
}

/** The warning for a scenario whose id another file given already has, at its top-level `id:` (YAML) or first "id" (JSON). */
function sameId(file: string, text: string, id: string, first: string): ScenarioIssue {
  const m = /^id:[ \t]*/m.exec(text) ?? /"id"\s*:\s*/.exec(text);
  const at = m ? m.index + m[0].length : 0;
  const before = text.slice(0, at).split('\n');
  return issue({ file, line: m ? before.length : 1, column: m ? before[before.length - 1].length + 1 : 1, path: 'id', code: 'same-id', severity: 'warning' },
    say('same-id.message', { id, file: first }), say('same-id.hint'));
}

/** What can bring incidents into a run: scripted incidents, generators, rules that spawn one, zones whose people can be caught. */
function incidentSources(s: Scenario): number {
  return s.incidents.length + s.generators.length + s.rules.filter((r) => 'spawn' in r.effect).length + s.evacuation.zones.filter((z) => z.if_caught !== undefined).length;
}
