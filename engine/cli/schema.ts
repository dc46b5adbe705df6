import { scenarioJsonSchema } from '../scenario/schema.js';
import { parse } from './args.js';
import type { Subcommand } from './main.js';
import { printUsage } from './usage.js';

export const schemaCommand: Subcommand = {
  name: 'schema',
  summary: 'print the scenario JSON Schema (for editors and yaml-language-server)',
  usage: [
    'drill schema',
    '',
    '  Prints the scenario JSON Schema (in English) on standard output. Save it to a file,',
    '  then point your editor at that file from the first line of a scenario:',
    '    drill schema > scenario.schema.json',
    '    # yaml-language-server: $schema=./scenario.schema.json',
  ].join('\n'),
  vi: {
    summary: 'in ra JSON Schema của kịch bản (cho trình soạn thảo và yaml-language-server)',
    usage: [
      'drill schema',
      '',
      '  In JSON Schema của kịch bản (bằng tiếng Anh) ra đầu ra chuẩn. Lưu lược đồ in ra vào một tệp,',
      '  rồi trỏ trình soạn thảo tới tệp đó từ dòng đầu tiên của kịch bản:',
      '    drill schema > scenario.schema.json',
      '    # yaml-language-server: $schema=./scenario.schema.json',
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
