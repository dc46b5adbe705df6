/**
 * File access for the CLI: reading inputs with one clear line when they are
 * missing or unreadable, and writing outputs atomically (temporary file, then
 * rename) so that a failed run never leaves a half-written file behind.
 */
import { accessSync, closeSync, constants, fchmodSync, fsyncSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { constants as bufferConstants } from 'node:buffer';
import { OptionError } from './args.js';
import { nearest } from '../scenario/issues.js';
import type { Lang } from '../scenario/text.js';

export class InputError extends Error {
  /**
   * `vi`: the message already said in Vietnamese, when its particulars (a scenario issue) are not English the table of engine/play/cli-problems.ts can match.
   * `at`: the line of the file the problem is on and what is there (`events[6]`), when it is one line's
   */
  constructor(readonly file: string, message: string, readonly hint?: string, readonly vi?: string, readonly at?: { line: number; path: string }) {
    super(message);
  }
  /** file: error[code] ...: about the whole file, so with no line and column (as a scenario's whole-file problems); file:line: error[code] path: ... when on one line */
  line(code = 'file'): string {
    const where = this.at ? `${this.file}:${this.at.line}: error[${code}] ${this.at.path}` : `${this.file}: error[${code}] (file)`;
    return `${where}: ${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

/** `scenario`: the file is a scenario, so a folder given for it is answered with a YAML file in it, if it holds one. */
export function readText(file: string, scenario = false): string {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new InputError(file, 'is a directory, not a file', fileInside(file, scenario));
    bytes = readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw missingFile(file);
    if (code === 'EACCES') throw new InputError(file, 'permission denied', 'check the file permissions');
    throw new InputError(file, `cannot read: ${(e as Error).message}`);
  }
  if (isUtf16(bytes)) throw new InputError(file, 'this file is UTF-16 text, not UTF-8', UTF16_HINT);
  if (bytes.includes(0)) throw new InputError(file, 'this is a binary file, not a text file', 'give a YAML or JSON file');
  let text: string;
  try {
    text = bytes.toString('utf8');
  } catch (e) {
    // longer than any string (V8's longest, about 512 MB): no command can read it, and Node's own words were an internal error
    if ((e as NodeJS.ErrnoException).code !== 'ERR_STRING_TOO_LONG') throw e;
    const mb = Math.round(bytes.length / 1e6), max = Math.round(bufferConstants.MAX_STRING_LENGTH / 1e6);
    throw new InputError(file, `the file is ${mb} MB, more than drill can read (at most ${max} MB)`, undefined, `tệp dài ${mb} MB, quá mức drill đọc được (tối đa ${max} MB)`);
  }
  if (text.includes('\uFFFD') && !bytes.toString('latin1').includes('\uFFFD')) {
    // a file of UTF-8 text cut in the middle of a character (a copy that stopped) is UTF-8 up to there: read it so,
    // and its reader says it is cut short, rather than 'not UTF-8'; without a letter beyond ASCII before the cut it
    // is likelier another encoding's last letter ('café' in Latin-1)
    const whole = bytes.subarray(0, bytes.length - partialCharAtEnd(bytes)).toString('utf8');
    if (whole.length === text.length || whole.includes('\uFFFD') || !/[^\x00-\x7f]/.test(whole)) throw new InputError(file, 'this file is not UTF-8 text', 'save it as UTF-8');
    text = whole;
  }
  return text;
}

/** How many bytes at the end of `bytes` begin a UTF-8 character that the file ends before (0 to 3). */
export function partialCharAtEnd(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k];
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: look further back for the character's first byte
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

export const UTF16_HINT = "save it as UTF-8 (in Windows Notepad: Save as, Encoding 'UTF-8')";

/**
 * Text saved as UTF-16 (Windows Notepad's "Unicode"): its byte-order mark, or, without one, a zero byte beside
 * almost every character of the first kilobyte (ASCII in UTF-16). Said as such, not as a binary file.
 */
export function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return false;
  let evenZero = 0, oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  return Math.max(evenZero, oddZero) >= 0.9 * (n / 2) && Math.min(evenZero, oddZero) === 0;
}

/** What to give for a folder given where a file goes: a file of it by name, a scenario or log (YAML, JSON) first. */
function fileInside(dir: string, scenario: boolean): string {
  let names: string[] = [];
  try { names = readdirSync(dir).sort(); } catch { /* unreadable: no example */ }
  const example = (scenario ? names.find((n) => /\.ya?ml$/i.test(n)) : undefined) ?? names.find((n) => /\.(ya?ml|json)$/i.test(n)) ?? names.find((n) => !n.startsWith('.'));
  return example === undefined ? 'give the path of a file inside it' : `give the path of a file inside it, such as '${join(dir, example)}'`;
}

/**
 * A file that is not there, with the name in its folder it was most likely meant to be (`scenarios/minmal.yaml`:
 * did you mean 'scenarios/minimal.yaml'?), written the way the path was given.
 */
export function missingFile(file: string): InputError {
  let names: string[] = [];
  try { names = readdirSync(dirname(file)); } catch { /* no folder either: nothing to suggest */ }
  // a name near by its letters but not by its stem is no suggestion ('nope.json' is 3 letters from 'fork.json', all in the stem)
  const stem = (n: string) => n.replace(/\.[^.]*$/, '');
  const found = nearest(basename(file), names);
  const near = found !== undefined && nearest(stem(basename(file)), [stem(found)]) !== undefined ? found : undefined;
  return new InputError(file, 'no such file', near === undefined ? 'check the path' : `did you mean '${dirname(file) === '.' && !file.startsWith('./') ? near : join(dirname(file), near)}'?`);
}

/**
 * Could `file` be written? Its folder exists and can be written in, and it is not a folder itself. Commands
 * check their outputs before the work (a simulation, a batch), so that a mistyped --out fails at once.
 */
export function checkWritable(file: string): void {
  const dir = dirname(file);
  let isDir = false;
  try { isDir = statSync(dir).isDirectory(); } catch { /* reported below */ }
  if (!isDir) throw new InputError(file, `cannot write: the folder '${dir}' does not exist`, 'create the folder first, or write the file somewhere else');
  let target: ReturnType<typeof statSync> | undefined;
  try { target = statSync(file); } catch { /* a new file */ }
  if (target?.isDirectory()) throw new InputError(file, 'cannot write: this is a folder', 'give the name of a file, not of a folder');
  try { accessSync(dir, constants.W_OK); } catch (e) { throw folderRefuses(file, dir, e as NodeJS.ErrnoException); }
  // root passes access() everywhere, and some folders take no new file whatever their permissions (/proc, a
  // read-only mount): a file is made there and removed, as writeAtomic makes its temporary file, so that the
  // work is not done for a file that then cannot be written (and not said to be in a folder that does not exist)
  const probe = join(dir, `.${basename(file)}.${process.pid}.probe`);
  try {
    closeSync(openSync(probe, 'wx'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw folderRefuses(file, dir, e as NodeJS.ErrnoException);
    return;
  }
  try { unlinkSync(probe); } catch { /* made a moment ago: gone already is as good */ }
}

/** A folder that exists but in which `file` cannot be made, in words: why, as the system says it. */
function folderRefuses(file: string, dir: string, e: NodeJS.ErrnoException): InputError {
  switch (e.code) {
    case 'EACCES': case 'EPERM': return new InputError(file, `cannot write: no permission to write in '${dir}'`, 'write the file somewhere else');
    case 'EROFS': return new InputError(file, `cannot write: the folder '${dir}' is on a read-only file system`, 'write the file somewhere else');
    case 'ENOSPC': return new InputError(file, 'cannot write: the disk is full', 'free some space, or write the file somewhere else');
    // /proc, /sys: folders of the system's own, in which no file can be made
    case 'ENOENT': return new InputError(file, `cannot write: the folder '${dir}' takes no new files`, 'write the file somewhere else');
    default: return new InputError(file, `cannot write in '${dir}' (${e.code ?? e.message})`, 'write the file somewhere else');
  }
}

/**
 * `--out -`, the shell's usual name for standard output, is to node a file named '-' (written, then hard to
 * remove): said so instead. `printsWithout`: the command prints to standard output when --out is left out.
 */
export function notStdout(option: string, file: string, printsWithout = false): void {
  if (file !== '-') return;
  throw new OptionError(printsWithout
    ? `${option} -: leave out ${option} to write to standard output`
    : `${option} -: give a file name ('-' would be a file named '-'; this file is not written to standard output)`);
}

/**
 * A run log is written only to a name ending in .json, a decisions file only to one ending in .yaml (or .yml): a
 * slip (the scenario's name after --out, the two outputs of drill play swapped) would replace a file of another kind.
 */
export function checkOutKind(option: string, file: string, kind: 'run log' | 'decisions file'): void {
  const ok = kind === 'run log' ? /\.json$/i.test(file) : /\.ya?ml$/i.test(file);
  if (ok) return;
  throw new OptionError(kind === 'run log'
    ? `${option} ${file}: the file name must end in .json: a run log is JSON`
    : `${option} ${file}: the file name must end in .yaml (or .yml): a decisions file is YAML`);
}

/** Do two paths name one file (./a and a, a link and its target)? By inode when both exist, else by absolute path. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a), y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/**
 * An output that is one of the command's inputs would be replaced by what the command writes (`drill run
 * s.yaml --out s.yaml` put the run log in place of the scenario): refused before any work. `inputs`: what
 * each is, in words, and its path.
 */
export function checkNotInput(option: string, out: string, inputs: [what: string, file: string | undefined][]): void {
  for (const [what, file] of inputs) {
    if (file !== undefined && sameFile(out, file)) throw new OptionError(`${option} ${out}: this is the ${what} the command reads; writing there would replace it (give another file name)`);
  }
}

/**
 * The line that says what a command wrote, once the files are whole: 'results written to a.json and a.csv', in
 * the words of `drill run` ('written to'). `what`: the thing written, in each language. Commands whose standard
 * output is data (a report, a batch's table) say it on stderr, as `drill msel export` does.
 */
export function writtenLine(what: Record<Lang, string>, files: string[], lang: Lang): string {
  const and = lang === 'vi' ? 'và' : 'and';
  const list = files.length < 2 ? files.join('') : `${files.slice(0, -1).join(', ')} ${and} ${files[files.length - 1]}`;
  return lang === 'vi' ? `đã ghi ${what.vi} vào ${list}` : `${what.en} written to ${list}`;
}

/** What went wrong writing `file`, in words, without the temporary file's name. */
function writeFailure(file: string, e: NodeJS.ErrnoException): InputError {
  switch (e.code) {
    case 'ENOENT': {
      // ENOENT for a folder that is there: one that takes no new files (/proc)
      let there = false;
      try { there = statSync(dirname(file)).isDirectory(); } catch { /* not there */ }
      return there ? folderRefuses(file, dirname(file), e) : new InputError(file, `cannot write: the folder '${dirname(file)}' does not exist`, 'create the folder first, or write the file somewhere else');
    }
    case 'EROFS': return folderRefuses(file, dirname(file), e);
    case 'EISDIR': return new InputError(file, 'cannot write: this is a folder', 'give the name of a file, not of a folder');
    case 'EACCES': case 'EPERM': return new InputError(file, 'cannot write: permission denied', 'write the file somewhere else');
    case 'ENOSPC': return new InputError(file, 'cannot write: the disk is full', 'free some space, or write the file somewhere else');
    default: return new InputError(file, `cannot write (${e.code ?? e.message})`, 'check that the folder exists and is writable');
  }
}

/**
 * Write the whole text or nothing: temp file in the same folder, fsync, rename. A file that exists is
 * replaced where it really is (through a symbolic link: `msel import --into` a linked scenario made the link a
 * file of its own and left the scenario unchanged) and keeps its permissions.
 */
export function writeAtomic(given: string, text: string | string[]): void {
  let file = given;
  let mode: number | undefined;
  try {
    file = realpathSync(given);
    mode = statSync(file).mode & 0o777;
  } catch { /* a new file */ }
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const release = holdSignals();
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'w', mode);
    if (mode !== undefined) fchmodSync(fd, mode);
    for (const chunk of Array.isArray(text) ? text : [text]) writeSync(fd, chunk);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    try { unlinkSync(tmp); } catch { /* nothing to remove */ }
    throw writeFailure(given, e as NodeJS.ErrnoException);
  } finally {
    release();
  }
}

/**
 * Ctrl+C (or a kill) while a file is being written would end the process there and then (Node's own handler),
 * leaving the temporary file half written beside the output. While a listener of ours is on, a signal waits for
 * the event loop, which runs after the (synchronous) write: the listener then sends it again with no listener
 * left, and the process ends as it would have, the file whole. Released a moment later, so that a signal that
 * came during the write still finds the listener.
 */
let holding = 0;
function holdSignals(): () => void {
  if (holding++ === 0) process.on('SIGINT', resend).on('SIGTERM', resend);
  // A signal that came during the write is dispatched in the event loop's second turn after it (measured: one
  // setImmediate is too soon, two are not). Counted in turns of the loop, not in time: a timer alone, on a loaded
  // machine, could fire in the first turn and take the listener off before the signal is dispatched (seen in CI).
  const release = () => {
    if (holding > 0 && --holding === 0) process.off('SIGINT', resend).off('SIGTERM', resend);
  };
  return () => setTimeout(() => setImmediate(() => setImmediate(release)), 20);
}
function resend(signal: NodeJS.Signals): void {
  holding = 0;
  process.off('SIGINT', resend).off('SIGTERM', resend);
  process.kill(process.pid, signal);
}
