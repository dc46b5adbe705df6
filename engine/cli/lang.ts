/**
 * The language a command writes in: `--lang vi|en`, else the user's locale (LC_ALL, LC_MESSAGES, LANG: `vi...`
 * gives Vietnamese), else English. Here, in the CLI, because it reads the environment.
 */
import type { Lang } from '../scenario/text.js';
import { OptionError } from './args.js';

export function defaultLang(): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return env.trim().toLowerCase().startsWith('vi') ? 'vi' : 'en';
}

/**
 * A `--lang` value as people type it: `VI`, `En`, ` vi ` (a quoted value from a script) all name a language;
 * undefined when it names neither, for the caller to refuse in its own words.
 */
export function readLang(value: string): Lang | undefined {
  const v = value.trim().toLowerCase();
  return v === 'vi' || v === 'en' ? v : undefined;
}

/** The value of `--lang`, checked; the locale's language when it is not given. */
export function langOption(value: unknown): Lang {
  if (value === undefined) return defaultLang();
  const v = String(value);
  const lang = readLang(v);
  if (lang === undefined) throw new OptionError(`--lang must be vi or en, not '${v}'`);
  return lang;
}

/**
 * The language a command line asks for, read before it is parsed (so that `--help` and a malformed line are
 * answered in it): its `--lang` (or `-<short>`) when that names a language, else the locale's.
 */
export function argvLang(argv: readonly string[], short?: string): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    const value = a === '--lang' || (short !== undefined && a === `-${short}`) ? argv[i + 1] : a.startsWith('--lang=') ? a.slice('--lang='.length) : undefined;
    if (value !== undefined) return readLang(value) ?? defaultLang();
  }
  return defaultLang();
}
