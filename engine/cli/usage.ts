/**
 * A command's usage as `--help` and a malformed command line print it, in English or in Vietnamese: the
 * language of the command line (its --lang, else the locale's), as the command's own output.
 */
import type { Lang } from '../scenario/text.js';
import { argvLang } from './lang.js';
import type { Subcommand } from './main.js';

/** "usage: ..." or "cú pháp: ..." (drill play's word for it). */
export function usageIn(cmd: Subcommand, lang: Lang): string {
  return lang === 'vi' ? `cú pháp: ${cmd.vi.usage}` : `usage: ${cmd.usage}`;
}

/**
 * The language of a command's help: its --lang, else the locale's. `drill schema` writes English only and takes
 * no --lang, but its help is said in Vietnamese to a Vietnamese reader too (main lets `--help --lang vi` through).
 */
function helpLang(cmd: Subcommand, argv: readonly string[]): Lang {
  return argvLang(argv, cmd.options.lang?.short);
}

/** `drill <command> --help`: its usage on stdout, exit 0. */
export function printUsage(cmd: Subcommand, argv: readonly string[]): number {
  process.stdout.write(usageIn(cmd, helpLang(cmd, argv)) + '\n');
  return 0;
}
