import { scenarioJsonSchema } from '../scenario/schema.js';
import { parse } from './args.js';
import type { Subcommand } from './main.js';

export const schemaCommand: Subcommand = {
  name: 'schema',
  summary: 'print the scenario JSON Schema (for editors and yaml-language-server)',
  usage: 'drill schema\n\n  Save it and point your editor at it from the first line of a scenario:\n  # yaml-language-server: $schema=./scenario.schema.json',
  options: {},
  run(argv) {
    const { help } = parse(argv, this.options, 0, 0);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
