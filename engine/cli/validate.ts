import { formatIssue } from '../scenario/issues.js';
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
      for (const w of result.warnings) process.stdout.write(formatIssue(w) + '\n');
      if (!values.quiet) {
        const s = result.scenario;
        const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
        const counts = [
          n(s.areas.length, 'area', 'areas'), n(s.units.length, 'unit', 'units'), n(s.incidents.length + s.generators.length, 'incident source', 'incident sources'),
          n(s.injects.length, 'inject', 'injects'), n(s.objectives.length, 'objective', 'objectives'),
        ].join(', ');
        const w = result.warnings.length ? `, ${result.warnings.length} warning${result.warnings.length > 1 ? 's' : ''}` : '';
        process.stdout.write(`${file}: ok: ${s.id} "${textIn(s.title, 'en')}" (${counts}${w})\n`);
      }
    }
    if (positionals.length > 1 && failed > 0) process.stderr.write(`${failed} of ${positionals.length} files have errors\n`);
    return failed > 0 ? 1 : 0;
  },
};
