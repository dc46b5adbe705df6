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

/**
 * `missing`: what each positional argument is, in words ('the scenario file'), for the message when it is left out;
 * without it the message is 'missing argument'.
 */
export function parse(argv: string[], options: Options, minPositionals = 0, maxPositionals = Infinity, missing: string[] = []) {
  let parsed;
  try {
    parsed = parseArgs({ args: negativeValues(argv, options), options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true, tokens: true });
  } catch (e) {
    throw new UsageError(optionMistake((e as Error).message, Object.keys(options)));
  }
  const { values, positionals, tokens } = parsed;
  if (!values.help) {
    givenOnce(tokens, options);
    givenEmpty(tokens, positionals, missing);
    if (positionals.length < minPositionals) {
      const what = missing[Math.min(positionals.length, missing.length - 1)];
      throw new UsageError(what ? `missing ${what}` : `missing argument${minPositionals - positionals.length > 1 ? 's' : ''}`);
    }
    if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument '${positionals[maxPositionals]}'`);
  }
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals, help: Boolean(values.help) };
}

/**
 * `--seed -1`, `--until -1h`: node:util reads a value starting with '-' as a forgotten value followed by an
 * option, and the message would be '--seed needs a value'. A negative number is a value, wrong or not: it is
 * passed as `--seed=-1`, so that the option's own check says what is wrong with it.
 */
function negativeValues(argv: string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') { out.push(...argv.slice(i)); break; }
    const long = /^--([\w-]+)$/.exec(a)?.[1];
    const name = long ?? (/^-(\w)$/.test(a) ? Object.keys(options).find((k) => options[k].short === a[1]) : undefined);
    if (name !== undefined && options[name]?.type === 'string' && /^-\d/.test(argv[i + 1] ?? '')) {
      out.push(`--${name}=${argv[++i]}`);
    } else out.push(a);
  }
  return out;
}

/** An option that takes one value, given twice with different values: which one was meant is a guess (the last, silently), so ask. */
function givenOnce(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>, options: Options): void {
  const seen = new Map<string, string>();
  for (const t of tokens) {
    if (t.kind !== 'option' || t.value === undefined || options[t.name]?.multiple) continue;
    const before = seen.get(t.name);
    if (before !== undefined && before !== t.value) throw new OptionError(`--${t.name} is given twice ('${before}', then '${t.value}'): give it once`);
    seen.set(t.name, t.value);
  }
}

/**
 * An empty value (`--decisions "$DEC"` with DEC unset, `--out=`) was taken for an option left out: the run went
 * on by doctrine, or wrote no file, or (drill play --out '') failed at the end of the session. An empty argument
 * read as a file named '' (": no such file"). Both are said to be missing.
 */
function givenEmpty(tokens: NonNullable<ReturnType<typeof parseArgs>['tokens']>, positionals: string[], missing: string[]): void {
  for (const t of tokens) {
    if (t.kind === 'option' && t.value !== undefined && t.value.trim() === '') throw new OptionError(`--${t.name} needs a value`);
  }
  const i = positionals.findIndex((p) => p.trim() === '');
  if (i >= 0) throw new UsageError(`missing ${missing[Math.min(i, missing.length - 1)] ?? 'argument'}: an empty argument ('') was given`);
}

/** node:util's parseArgs messages, in the words of the rest of the CLI, with the option meant when it is close. */
function optionMistake(message: string, known: string[]): string {
  const unknown = /^Unknown option '(-{1,2})([^']*)'/.exec(message);
  if (unknown) {
    // a reader of Vietnamese tries --lang vi on every command: say which ones have it
    if (unknown[1] === '--' && /^lang(=|$)/.test(unknown[2])) return `unknown option '--lang': this command writes English only (--lang vi is taken by drill validate, run, verify, compare, fork, play, report, batch, merge, view and msel)`;
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
  // Number('') and Number(' ') are 0: `--seed=` would run seed 0 as if it had been asked for
  if (String(value).trim() === '') throw new OptionError(`--${name} needs a value`);
  const n = Number(value);
  // Number() also reads 0x10, 0b11, 1e3 and 5.0 (as 16, 3, 1000, 5): a seed logged as 16 that was typed 0x10 reads as
  // another run's. Decimal digits only, and the number it would have been read as, when it is one, said as the fix.
  if (!/^\s*[+-]?\d+\s*$/.test(String(value)) && Number.isSafeInteger(n) && n >= min) {
    throw new OptionError(`--${name} must be a whole number written in decimal digits, not '${String(value)}' (if ${n} is meant, write --${name} ${n})`);
  }
  // -1 is a whole number: what is wrong with it is that it is below 0
  if (Number.isInteger(n) && n < min && min === 0) throw new OptionError(`--${name} must be 0 or more, not '${String(value)}'`);
  if (!Number.isInteger(n) || n < min) throw new OptionError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${String(value)}'`);
  // beyond 2^53 the number read is not the one written (99999999999999999999 runs, and is logged, as 100000000000000000000)
  if (!Number.isSafeInteger(n)) throw new OptionError(`--${name} must be at most ${Number.MAX_SAFE_INTEGER}, not '${String(value)}'`);
  return n;
}
