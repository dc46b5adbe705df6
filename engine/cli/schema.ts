import { scenarioJsonSchema } from '../scenario/schema.js';
import { parse } from './args.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';

export const schemaCommand: Subcommand = {
  name: 'schema',
  summary: 'print the scenario JSON Schema (for editors and yaml-language-server)',
  usage: 'drill schema\n\n  Save it and point your editor at it from the first line of a scenario:\n  # yaml-language-server: $schema=./scenario.schema.json',
  vi: {
    summary: 'in ra JSON Schema của kịch bản (cho trình soạn thảo và yaml-language-server)',
    usage: [
      'drill schema',
      '',
      '  Lưu lược đồ in ra vào một tệp, rồi trỏ trình soạn thảo tới tệp đó từ dòng đầu tiên của kịch bản:',
      '  # yaml-language-server: $schema=./scenario.schema.json',
    ].join('\n'),
  },
  options: {},
  run(argv) {
    const { help } = parse(argv, this.options, 0, 0);
    if (help) return printUsage(this, argv);
    process.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
    return 0;
  },
};
