/**
 * The `drill` command: the only part of drillsim that touches files, the
 * terminal, the wall clock and the process. Each subcommand lives in its own
 * file; this one dispatches and keeps the exit codes honest:
 * 0 success, 1 the input or result is wrong, 2 usage error.
 */
import { pathToFileURL } from 'node:url';
import { OptionError, UsageError, type Options } from './args.js';
import { RunLogTooLargeError, SimBoundError, StaleGeneratedStepperError } from '../core/errors.js';
import { nearest } from '../scenario/issues.js';
import { InputError } from './io.js';
import { ReportedError } from './load.js';
import { argvLang, defaultLang } from './lang.js';
import { sayCliProblem } from '../play/cli-problems.js';
import { shellArg } from './shell.js';
import { printUsage, usageIn } from './usage.js';
import type { Lang } from '../scenario/text.js';

export interface Subcommand {
  name: string;
  summary: string;
  usage: string;
  /** the options it takes (what it parses): its usage's first lines name each of them (test/cli/usage.test.ts) */
  options: Options;
  /** the summary and the usage in Vietnamese, said when the command's language is vi: the same options and lines */
  vi: { summary: string; usage: string };
  run(argv: string[]): Promise<number> | number;
}

const COMMANDS: Record<string, () => Promise<Subcommand>> = {
  validate: async () => (await import('./validate.js')).validateCommand,
  schema: async () => (await import('./schema.js')).schemaCommand,
  run: async () => (await import('./run.js')).runCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  play: async () => (await import('./play.js')).playCommand,
  msel: async () => (await import('./msel.js')).mselCommand,
  report: async () => (await import('./report.js')).reportCommand,
  compare: async () => (await import('./compare.js')).compareCommand,
  fork: async () => (await import('./fork.js')).forkCommand,
  view: async () => (await import('./view.js')).viewCommand,
  batch: async () => (await import('./batch.js')).batchCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
};

export function registerCommand(name: string, load: () => Promise<Subcommand>): void {
  COMMANDS[name] = load;
}

async function loadAll(): Promise<Subcommand[]> {
  return Promise.all(Object.keys(COMMANDS).map((n) => COMMANDS[n]()));
}

const HELP = {
  en: {
    head: 'drill: drill and exercise simulation for civil defence',
    usage: 'usage: drill <command> [options]',
    commands: 'commands:',
    foot: "'drill <command> --help' shows a command's options.",
  },
  vi: {
    head: 'drill: mô phỏng diễn tập phòng thủ dân sự',
    usage: 'cú pháp: drill <lệnh> [tùy chọn]',
    commands: 'các lệnh:',
    foot: "'drill <lệnh> --help' liệt kê các tùy chọn của lệnh đó.",
  },
} satisfies Record<Lang, unknown>;

async function help(lang: Lang): Promise<string> {
  const cmds = await loadAll();
  const width = Math.max(...cmds.map((c) => c.name.length));
  const w = HELP[lang];
  return [
    w.head,
    '',
    w.usage,
    '',
    w.commands,
    ...cmds.map((c) => `  ${c.name.padEnd(width)}  ${lang === 'vi' ? c.vi.summary : c.summary}`),
    '',
    w.foot,
  ].join('\n');
}

/** `--help`, `-h`, and `--lang X` (its value) or `--lang=X`: what a request for help may hold besides the command. */
function helpWords(argv: readonly string[]): string[] {
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang') i++;
    else if (argv[i] !== '--help' && argv[i] !== '-h' && !argv[i].startsWith('--lang=')) rest.push(argv[i]);
  }
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write((await help(defaultLang())) + '\n');
    return 2;
  }
  // `drill --lang vi --help`: the help asked for, in the language asked for
  const helpOnly = name.startsWith('-') && (argv.includes('--help') || argv.includes('-h')) && helpWords(argv).length === 0;
  if (name === '--help' || name === '-h' || name === 'help' || helpOnly) {
    // `drill help run`: as `drill run --help` (the list of commands says where the options are, and this is how many ask)
    const topic = name === 'help' ? helpWords(rest)[0] : undefined;
    const lang = argvLang(argv);
    if (topic === undefined) {
      process.stdout.write((await help(lang)) + '\n');
      return 0;
    }
    if (!COMMANDS[topic]) return unknownCommand(topic, lang);
    return printUsage(await COMMANDS[topic](), rest);
  }
  if (name === '--version' || name === '-V') {
    const { ENGINE_VERSION } = await import('../version.js');
    process.stdout.write(`drillsim ${ENGINE_VERSION}\n`);
    return 0;
  }
  if (name.startsWith('-')) return optionFirst(argv);
  const load = COMMANDS[name];
  if (!load) return unknownCommand(name, argvLang(rest));
  const cmd = await load();
  // a command that writes English only takes no --lang, but `drill schema --help --lang vi` asks for its help in Vietnamese
  if (!('lang' in cmd.options) && (rest.includes('--help') || rest.includes('-h')) && helpWords(rest).length === 0) return printUsage(cmd, rest);
  try {
    return await cmd.run(rest);
  } catch (e) {
    // a command that writes in Vietnamese on --lang vi (or LANG=vi_VN) says a missing or unusable file in it too
    const lang = langOf(cmd, rest);
    // a wrong value: the message says what is wrong, and the whole usage would bury it
    if (e instanceof OptionError) {
      const said = sayCliProblem(e.message, lang);
      // the pointer in Vietnamese only with a message the table knows, or one the command said in Vietnamese itself
      // (`lang` on the error): a line is in one language, not two
      process.stderr.write(said !== e.message || (lang === 'vi' && (e as OptionError & { lang?: Lang }).lang === 'vi')
        ? `drill ${cmd.name}: ${said}\n(drill ${cmd.name} --help liệt kê các tùy chọn)\n`
        : `drill ${cmd.name}: ${e.message}\n(drill ${cmd.name} --help lists the options)\n`);
      return 2;
    }
    if (e instanceof UsageError) {
      // the usage in the command's language (a command that writes English only: its help's, the locale's), and
      // the message in it too when the table knows it
      const said = 'lang' in cmd.options ? lang : defaultLang();
      process.stderr.write(`drill ${cmd.name}: ${sayCliProblem(e.message, said)}\n\n${usageIn(cmd, said)}\n`);
      return 2;
    }
    if (e instanceof ReportedError) return 1;
    if (e instanceof SimBoundError) {
      process.stderr.write(lang === 'vi'
        ? `drill ${cmd.name}: mô phỏng chạm một giới hạn: ${sayCliProblem(e.message, lang)}\n  (hãy nâng giới hạn đó trong mục \`limits:\` của kịch bản nếu lượt chạy này thật sự cần nhiều hơn)\n`
        : `drill ${cmd.name}: the simulation hit a bound: ${e.message}\n  (raise it in the scenario's \`limits:\` if this run really needs more)\n`);
      return 1;
    }
    // a log no command could open again: said, with what takes the room, before anything is written
    if (e instanceof RunLogTooLargeError) {
      const mb = (chars: number) => String(Math.round(chars / 1e6));
      const keyframes = e.keyframes_chars > e.events_chars;
      process.stderr.write(lang === 'vi'
        ? `drill ${cmd.name}: nhật ký chạy sẽ dài ${mb(e.chars)} MB, quá ${mb(e.limit)} MB, mức dài nhất mà drill và trình xem còn đọc lại được: chưa ghi gì cả (các sự kiện chiếm ${mb(e.events_chars)} MB, ${e.keyframes} điểm lưu trạng thái (keyframe) chiếm ${mb(e.keyframes_chars)} MB)\n  (${keyframes ? 'hãy đặt `keyframe_every` của kịch bản dài hơn để có ít điểm lưu trạng thái hơn' : 'hãy chạy ngắn hơn (--until, hoặc `horizon` ngắn hơn) để có ít sự kiện hơn'})\n`
        : `drill ${cmd.name}: the run log would be ${mb(e.chars)} MB, more than the ${mb(e.limit)} MB that drill and the viewer can read back: nothing was written (its events take ${mb(e.events_chars)} MB, its ${e.keyframes} keyframes ${mb(e.keyframes_chars)} MB)\n  (${keyframes ? "set the scenario's `keyframe_every` longer, for fewer keyframes" : 'play a shorter run (--until, or a shorter `horizon`), for fewer events'})\n`);
      return 1;
    }
    // a developer's build, not the user's input nor a bug to report: the line to run (70, as for a broken program)
    if (e instanceof StaleGeneratedStepperError) {
      const { say } = await import('./messages.js');
      process.stderr.write(`drill ${cmd.name}: ${say(lang, 'stale-stepper', { machine: e.machine })}\n`);
      return 70;
    }
    if (e instanceof InputError) {
      process.stderr.write(new InputError(e.file, lang === 'vi' && e.vi !== undefined ? e.vi : sayCliProblem(e.message, lang), e.hint === undefined ? undefined : sayCliProblem(e.hint, lang), undefined, e.at).line() + '\n');
      return 1;
    }
    throw e;
  }
}

/**
 * The language a command that takes --lang writes in (validate, run, verify, compare, fork, play, report, batch,
 * merge, view, msel): its --lang when that
 * names one, else the locale's; English for the commands that write only English.
 */
function langOf(cmd: Subcommand, argv: string[]): Lang {
  if (!('lang' in cmd.options)) return 'en';
  return argvLang(argv, cmd.options.lang.short);
}

/**
 * `drill --lang vi report run.json`, as git and npm take options before the command: here each command has its
 * own options, after it. Said with the line to type when the command is there, else with the list of commands.
 */
async function optionFirst(argv: string[]): Promise<number> {
  const at = argv.findIndex((a) => Object.hasOwn(COMMANDS, a));
  const lang = argvLang(argv);
  if (at < 0) {
    process.stderr.write(`${lang === 'vi'
      ? `drill: '${argv[0]}' là một tùy chọn, không phải một lệnh: lệnh đứng trước, rồi mới đến các tùy chọn của nó`
      : `drill: '${argv[0]}' is an option, not a command: the command comes first, then its options`}\n\n${await help(lang)}\n`);
    return 2;
  }
  const fixed = [argv[at], ...argv.slice(at + 1), ...argv.slice(0, at)].map(shellArg).join(' ');
  process.stderr.write(lang === 'vi' ? `drill: các tùy chọn đứng sau lệnh: drill ${fixed}\n` : `drill: options go after the command: drill ${fixed}\n`);
  return 2;
}

/**
 * Words of the exercise that name a command by what it does, not by its name: an evaluator asks for the AAR, not a
 * 'report', and was told only that 'aar' is not a command. Read lower-case.
 */
const MEANT: Record<string, string> = {
  aar: 'report', 'aar-ip': 'report', aarip: 'report', ip: 'report',
  replay: 'view', viewer: 'view', serve: 'view',
  lint: 'validate', check: 'validate',
  simulate: 'run', sim: 'run',
  tabletop: 'play', ttx: 'play',
  diff: 'compare', whatif: 'fork', 'what-if': 'fork',
  'monte-carlo': 'batch', montecarlo: 'batch',
};

async function unknownCommand(name: string, lang: Lang): Promise<number> {
  // the list of commands follows; the one meant, when it is a typo of one or another word for it, is named first
  const near = MEANT[name.toLowerCase()] ?? nearest(name, Object.keys(COMMANDS));
  process.stderr.write(`${lang === 'vi'
    ? `drill: không có lệnh '${name}'${near ? ` (có phải '${near}'?)` : ''}`
    : `drill: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}`}\n\n${await help(lang)}\n`);
  return 2;
}

// Run as a script (`node dist/engine/cli/main.js ...`), this module would only define main() and
// exit 0 having done nothing, which a script or CI job takes for success: say where the command is.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stderr.write('drill: dist/engine/cli/main.js is the command\'s library, not the command: run `npx drill ...` or `node bin/drill.mjs ...`\n');
  process.exitCode = 2;
}
