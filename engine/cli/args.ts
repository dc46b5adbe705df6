/**
 * Argument parsing shared by the subcommands (node:util parseArgs), turning
 * every mistake into a UsageError that main prints with the command's help
 * and exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

export function parse(argv: string[], options: Options, minPositionals = 0, maxPositionals = Infinity) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { help: { type: 'boolean', short: 'h' }, ...options }, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify a positional argument.*$/, ''));
  }
  const { values, positionals } = parsed;
  if (!values.help) {
    if (positionals.length < minPositionals) throw new UsageError(`missing argument${minPositionals - positionals.length > 1 ? 's' : ''}`);
    if (positionals.length > maxPositionals) throw new UsageError(`unexpected argument '${positionals[maxPositionals]}'`);
  }
  return { values: values as Record<string, string | boolean | string[] | undefined>, positionals, help: Boolean(values.help) };
}

export function intOption(value: unknown, name: string, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number${min > 0 ? ` of at least ${min}` : ''}, not '${String(value)}'`);
  return n;
}
