import { formatIssue, type ScenarioIssue } from '../scenario/issues.js';
import { parseScenario } from '../scenario/parse.js';
import { textIn } from '../scenario/text.js';
import { parse } from './args.js';
import { InputError, readText } from './io.js';
import type { Subcommand } from './main.js';

export const validateCommand: Subcommand = {
  name: 'validate',
  summary: 'check scenario files; one line per problem (file:line:col)',
  usage: 'drill validate <file...> [--quiet]\n\n  Exit 0 when every file is valid (warnings allowed), 1 when any has an error.\n  --quiet   print only problems, not the summary line of valid files',
  options: { quiet: { type: 'boolean', short: 'q' } },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, Infinity, ['the scenario files to check']);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    let failed = 0;
    // a copy of a library scenario checked beside it with the id left unchanged: its run logs, batch
    // results and reports would carry the library's id, so say so (a warning: the file itself is fine)
    const idFiles = new Map<string, string>();
    for (const file of positionals) {
      let text: string;
      try {
        text = readText(file);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        process.stdout.write(e.line() + '\n');
        failed++;
        continue;
      }
      const result = parseScenario(text, file);
      if (!result.ok) {
        for (const issue of result.issues) process.stdout.write(formatIssue(issue) + '\n');
        failed++;
        continue;
      }
      const warnings = [...result.warnings];
      const first = idFiles.get(result.scenario.id);
      if (first !== undefined && first !== file) warnings.push(sameId(file, text, result.scenario.id, first));
      else if (first === undefined) idFiles.set(result.scenario.id, file);
      for (const w of warnings) process.stdout.write(formatIssue(w) + '\n');
      if (!values.quiet) {
        const s = result.scenario;
        const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
        const counts = [
          n(s.areas.length, 'area', 'areas'), n(s.units.length, 'unit', 'units'), n(s.incidents.length + s.generators.length, 'incident source', 'incident sources'),
          n(s.injects.length, 'inject', 'injects'), n(s.objectives.length, 'objective', 'objectives'),
        ].join(', ');
        const w = warnings.length ? `, ${warnings.length} warning${warnings.length > 1 ? 's' : ''}` : '';
        process.stdout.write(`${file}: ok: ${s.id} "${textIn(s.title, 'en')}" (${counts}${w})\n`);
      }
    }
    if (positionals.length > 1 && failed > 0) process.stderr.write(`${failed} of ${positionals.length} files have errors\n`);
    return failed > 0 ? 1 : 0;
  },
};

/** The warning for a scenario whose id another file given already has, at its top-level `id:` (YAML) or first "id" (JSON). */
function sameId(file: string, text: string, id: string, first: string): ScenarioIssue {
  const m = /^id:[ \t]*/m.exec(text) ?? /"id"\s*:\s*/.exec(text);
  const at = m ? m.index + m[0].length : 0;
  const before = text.slice(0, at).split('\n');
  return {
    file, line: m ? before.length : 1, column: m ? before[before.length - 1].length + 1 : 1, path: 'id', code: 'same-id', severity: 'warning',
    message: `'${id}' is also the id of ${first}`,
    hint: 'give a copy its own id: run logs, batch results and reports name a scenario by its id',
  };
}
