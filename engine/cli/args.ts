/**
 * Argument parsing shared by the subcommands (node:util parseArgs), turning
 * every mistake into a UsageError (exit code 2). A command line that is
 * malformed (an unknown option, a value or an argument missing, one too many)
 * is printed with the command's usage; a wrong value of an option (an
 * OptionError: a number, a time, a key, a file name) with its message and
 * where to find the options, since the usage would only bury the message.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../scenario/issues.js';

/** The command line is malformed: main prints the message and the command's usage. */
export class UsageError extends Error {}

/** An option's value is wrong: main prints the message and a pointer to `drill <command> --help`, not the whole usage. */
export class OptionError extends UsageError {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options, minPositionals = 0, maxPositionals = Infinity) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(optionMistake((e as Error).message, Object.keys(options)));
  }
  const { values, positionals } = parsed;
  if (!values.help) {
    if (positionals.length < minPositionals) throw new UsageError(`missing argument${minPositionals - positionals.length > 1 ? 's' : ''}`);
    if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument '${positionals[maxPositionals]}'`);
  }
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals, help: Boolean(values.help) };
}

/** node:util's parseArgs messages, in the words of the rest of the CLI, with the option meant when it is close. */
function optionMistake(message: string, known: string[]): string {
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (unknown) {
    // the usage printed below lists the options: only a close one is named here
    const guess = didYouMean(unknown[2].replace(/=.*$/, ''), [...known, 'help']);
    return `unknown option '${unknown[1]}${unknown[2]}'${guess?.startsWith('did you mean') ? ` (${guess.replace(/'([^']+)'/g, "'--$1'")})` : ''}`;
  }
  const missing = /^Option '(?:-\w, )?--([\w-]+)(?: <value>)?' argument (?:missing|is ambiguous)/.exec(message);
  if (missing) return `--${missing[1]} needs a value`;
  const flag = /^Option '(?:-\w, )?--([\w-]+)' does not take an argument/.exec(message);
  if (flag) return `--${flag[1]} is a switch: it takes no value`;
  return message.replace(/\. To specify a positional argument.*$/s, '');
}

export function intOption(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new OptionError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${String(value)}'`);
  return n;
}
