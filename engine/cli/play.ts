/**
 * `drill play`: the tabletop session in a terminal. All the session logic is
 * in engine/play (pure); this file reads lines (readline with Tab completion
 * on a terminal, plain lines from a pipe), prints replies, and writes the
 * run log when asked (atomically). From a pipe it echoes each command after
 * its prompt, so the output reads as a transcript, and exits 1 if any line
 * was refused or not understood.
 */
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SimBoundError } from '../core/errors.js';
import { nearest } from '../scenario/issues.js';
import type { Lang } from '../scenario/text.js';
import { serializeRunLog } from '../sim/run.js';
import { sayCliProblem } from '../play/cli-problems.js';
import { m, mn, type MsgKey } from '../play/messages.js';
import { PlaySession, sayLimit } from '../play/session.js';
import { CONTROLLER } from '../sim/commands.js';
import { intOption, OptionError, parse, UsageError, type Options } from './args.js';
import { checkNotInput, checkOutKind, checkWritable, InputError, notStdout, sameFile, writeAtomic } from './io.js';
import { defaultLang, readLang } from './lang.js';
import { loadRunLog, loadScenario } from './load.js';
import type { Subcommand } from './main.js';
import { shellArg } from './shell.js';
import { clock } from './time.js';

/** `brief`: a wrong value (the message says it all), printed with a pointer to --help rather than the whole usage, as main does for OptionError. */
class PlayUsage extends Error {
  constructor(readonly key: MsgKey, readonly params: Record<string, string | number> = {}, readonly brief = false) {
    super(key);
  }
}

const PLAY_OPTIONS: Options = {
  seed: { type: 'string' },
  role: { type: 'string', multiple: true, short: 'r' },
  controller: { type: 'boolean' },
  lang: { type: 'string' },
  out: { type: 'string', short: 'o' },
  'decisions-out': { type: 'string' },
  resume: { type: 'string' },
};

export const playCommand: Subcommand = {
  name: 'play',
  summary: 'tabletop session: trainees take the decisions as situations arrive, a controller runs it',
  usage: m('en', 'cli.usage'),
  vi: {
    summary: 'diễn tập trên bản đồ: học viên ra quyết định khi tình huống đến, ban đạo diễn điều hành',
    usage: m('vi', 'cli.usage'),
  },
  options: PLAY_OPTIONS,
  async run(argv) {
    // the language first, so that even usage mistakes are said in it
    const langArg = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
    const langValue = langArg < 0 ? undefined : argv[langArg].includes('=') ? argv[langArg].split('=')[1] : argv[langArg + 1];
    let lang: Lang = defaultLang();
    if (langValue !== undefined) {
      const asked = readLang(langValue);
      if (asked === undefined) return usageError(defaultLang(), new PlayUsage('cli.bad-lang', { value: langValue }, true));
      lang = asked;
    }
    try {
      return await play(argv, lang);
    } catch (e) {
      if (e instanceof PlayUsage) return usageError(lang, e);
      if (e instanceof UsageError) return usageError(lang, new PlayUsage('cli.bad-option', { message: sayCliProblem(e.message, lang) }, e instanceof OptionError));
      // a file that cannot be read or written: main's one line, in the session's language
      if (e instanceof InputError) {
        process.stderr.write(new InputError(e.file, lang === 'vi' && e.vi !== undefined ? e.vi : sayCliProblem(e.message, lang), e.hint === undefined ? undefined : sayCliProblem(e.hint, lang), undefined, e.at).line() + '\n');
        return 1;
      }
      throw e;
    }
  },
};

function usageError(lang: Lang, e: PlayUsage): number {
  if (e.brief) process.stderr.write(`drill play: ${m(lang, e.key, e.params)}\n${m(lang, 'cli.see-help')}\n`);
  else process.stderr.write(`drill play: ${m(lang, e.key, e.params)}\n\n${m(lang, 'parse.usage')}: ${m(lang, 'cli.usage')}\n`);
  return 2;
}

async function play(argv: string[], lang: Lang): Promise<number> {
  const { values, positionals, help } = parse(argv, PLAY_OPTIONS, 0, 1);
  if (help) {
    process.stdout.write(`${m(lang, 'parse.usage')}: ${m(lang, 'cli.usage')}\n`);
    return 0;
  }
  const roles = (values.role as string[] | undefined) ?? [];
  let controller = Boolean(values.controller) || roles.includes(CONTROLLER);
  const players = [...new Set(roles.filter((r) => r !== CONTROLLER))];
  let session: PlaySession;
  // how the session's decisions are replayed: `drill run <scenario>`, or for a resumed session (whose scenario is
  // inside the log, its file unknown here) `drill fork <log> --at T+00:00`, which re-simulates the log's own scenario and seed
  let replayCommand: (decisions: string, args: string[]) => string;
  // what the session read, which nothing it writes may replace (the log resumed is the exception: saving over it is how a session goes on)
  let scenarioFile: string | undefined;
  if (values.resume !== undefined) {
    const file = String(values.resume);
    if (positionals.length) throw new PlayUsage('cli.both');
    const { log } = resumable(file);
    // --role on resume only says which of the run's roles sits first at this terminal: the roles and the seed are the run's
    // (the seed given again as it is changes nothing, so is not refused)
    const stranger = players.find((p) => !log.players.includes(p));
    if (stranger !== undefined) {
      throw new PlayUsage(log.players.length ? 'cli.resume-role' : 'cli.resume-role-none', { role: stranger, roles: log.players.join(', ') }, true);
    }
    const seed = intOption(values.seed, 'seed');
    if (seed !== undefined && seed !== log.seed) throw new PlayUsage('cli.resume-seed', { given: seed, seed: log.seed }, true);
    // a run nobody played has no seat but the controller's, which is not part of the run: asked for, as drill play asks for a role
    if (!log.players.length && !controller) throw new PlayUsage('cli.resume-nobody', {}, true);
    const r = PlaySession.resume(log, { lang, controller });
    if (!r.ok) {
      process.stderr.write(m(lang, 'cli.resume-failed', { file, reason: m(lang, r.key, r.params) }) + '\n');
      return 1;
    }
    session = r.session;
    if (players.length) session.seat = players[0];
    replayCommand = (decisions) => ['drill fork', shellArg(file), '--at', clock(0), '--decisions', shellArg(decisions)].join(' ');
  } else {
    if (positionals.length === 0) throw new PlayUsage('cli.no-scenario');
    const scenario = loadScenario(positionals[0], lang);
    scenarioFile = positionals[0];
    replayCommand = (decisions, args) => ['drill run', shellArg(scenarioFile!), ...args, '--decisions', shellArg(decisions)].join(' ');
    const known = PlaySession.roleIds(scenario);
    for (const r of players) {
      if (!known.includes(r)) {
        const guess = nearest(r, known);
        throw new PlayUsage('cli.unknown-role', { role: r, guess: guess ? m(lang, 'ref.guess', { id: guess }) : '', roles: known.join(', ') }, true);
      }
    }
    if (players.length === 0 && !controller) throw new PlayUsage('cli.no-role', { roles: known.join(', ') });
    const seed = intOption(values.seed, 'seed') ?? scenario.seed ?? 1;
    try {
      session = new PlaySession(scenario, { seed, players: players.slice().sort(), controller, lang });
    } catch (e) {
      // limits so low that the run stops while it is set up, at T0: said as at a limit in the session
      if (!(e instanceof SimBoundError)) throw e;
      process.stderr.write(`drill play: ${sayLimit(e, 0, lang).text}\n`);
      return 1;
    }
    if (players.length) session.seat = players[0];
  }
  controller = session.opts.controller;
  const out = values.out !== undefined ? String(values.out) : undefined;
  // before the session, not at its end: a trainee's hour of decisions must not meet a missing folder at `quit`
  const read: [string, string | undefined][] = [['scenario', scenarioFile]];
  if (out !== undefined) { notStdout('--out', out); checkWritable(out); checkNotInput('--out', out, read); checkOutKind('--out', out, 'run log'); }
  const decisionsOut = values['decisions-out'] !== undefined ? String(values['decisions-out']) : undefined;
  if (decisionsOut !== undefined) {
    notStdout('--decisions-out', decisionsOut);
    checkWritable(decisionsOut);
    checkNotInput('--decisions-out', decisionsOut, [...read, ['run log', values.resume as string | undefined]]);
    // both written at quit, one over the other
    if (out !== undefined && sameFile(out, decisionsOut)) throw new OptionError('--out and --decisions-out name the same file: give each its own');
    checkOutKind('--decisions-out', decisionsOut, 'decisions file');
  }
  const interactive = Boolean(process.stdin.isTTY);
  let refusedLines = 0;
  let savedRevision = session.revision;
  let warnedUnsaved = false;

  /** files this session has written (and the log it resumed): saving over them again is how a session goes on */
  const ours: string[] = values.resume !== undefined ? [String(values.resume)] : [];
  const save = (file: string, typed = false): void => {
    try {
      // `save` at the table with the scenario's name: the scenario would be gone, the session not saved anywhere else
      if (scenarioFile !== undefined && sameFile(file, scenarioFile)) throw new InputError(file, 'cannot write: this is the scenario of the session', 'save it under another name');
      // a run log under another kind's name (save ta-ca.yaml): replacing a scenario or decisions file there, or a file no tool reads back as a log
      if (!/\.json$/i.test(file)) throw new InputError(file, 'cannot write: the file name must end in .json (a run log is JSON)', `save it as ${shellArg(file.replace(/\.[^./\\]*$/, '') + '.json')}`);
      // another run log there (a finished run, another trainee's session), or any other file (a JSON scenario, batch
      // results), typed at the table: not replaced unasked
      if (typed && existsSync(file) && !ours.some((f) => sameFile(f, file))) {
        const what = isRunLog(file) ? 'another run log is there already' : 'a file that is not a run log is there already';
        throw new InputError(file, `cannot write: ${what}`, 'save under another name, or remove that file first');
      }
      const log = session.log();
      writeAtomic(file, serializeRunLog(log));
      ours.push(file);
      savedRevision = session.revision;
      process.stdout.write((session.finished
        ? m(lang, 'cli.written', { file, events: log.events.length, hash: log.hash.slice(0, 16) })
        : m(lang, 'cli.saved', { file, arg: shellArg(file), t: clock(session.t) })) + '\n');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      refusedLines++;
      const reason = sayCliProblem(e.message, lang) + (e.hint ? ` (${sayCliProblem(e.hint, lang)})` : '');
      process.stdout.write(m(lang, 'cli.not-saved', { reason }) + '\n');
    }
  };

  /** Handle one line; returns true when the session should end. */
  const step = (line: string): boolean => {
    const reply = session.handle(line);
    if (reply.refused) refusedLines++;
    if (reply.text) process.stdout.write(reply.text);
    // a limit of the scenario: the session cannot go on (the reply said which limit, when, and what to do)
    if (reply.limit) return true;
    if (reply.save !== undefined) save(reply.save, true);
    if (reply.quit) {
      if (interactive && out === undefined && decisionsOut === undefined && session.revision !== savedRevision && !warnedUnsaved) {
        warnedUnsaved = true;
        process.stdout.write(m(lang, 'cli.unsaved') + '\n');
        return false;
      }
      return true;
    }
    warnedUnsaved = false;
    return false;
  };

  /** The decisions people took, as a decisions file, and how `drill run` replays it. */
  const saveDecisions = (file: string): void => {
    try {
      const { text, count } = session.decisionsFile();
      writeAtomic(file, text);
      const params = { file, count: mn(lang, 'cli.decisions-count', count) };
      const replay = session.replayOptions();
      if (replay.joined) process.stdout.write(m(lang, 'cli.decisions-written-joined', { ...params, roles: Object.keys(session.opts.joined ?? {}).join(', ') }) + '\n');
      // the file names the players, and doctrine does not play a player's role: after the stop nobody decides for them
      else if (!session.finished && session.opts.players.length) process.stdout.write(m(lang, 'cli.decisions-written-partial', { ...params, t: clock(session.t), roles: session.opts.players.join(', ') }) + '\n');
      else if (!session.finished) process.stdout.write(m(lang, 'cli.decisions-written-partial-controller', { ...params, t: clock(session.t) }) + '\n');
      else process.stdout.write(m(lang, 'cli.decisions-written', { ...params, command: replayCommand(file, replay.args) }) + '\n');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      refusedLines++;
      const reason = sayCliProblem(e.message, lang) + (e.hint ? ` (${sayCliProblem(e.hint, lang)})` : '');
      process.stdout.write(m(lang, 'cli.not-saved', { reason }) + '\n');
    }
  };

  const finish = (): number => {
    if (session.stoppedAtLimit) {
      // as `drill run` at a bound: no run log, and the file --out names is left as it was. The decisions are whole,
      // and replay (drill run --decisions) once the limit is raised, so --decisions-out is still written.
      if (out !== undefined) process.stdout.write(m(lang, 'cli.limit-not-written', { file: out }) + '\n');
      if (decisionsOut !== undefined) saveDecisions(decisionsOut);
      return 1;
    }
    if (out !== undefined) save(out);
    if (decisionsOut !== undefined) saveDecisions(decisionsOut);
    // the end of a script (or Ctrl-D) with neither --out nor --decisions-out, and no save: the session is gone; say so rather than nothing
    if (out === undefined && decisionsOut === undefined && session.revision !== savedRevision) process.stdout.write(m(lang, 'cli.not-kept') + '\n');
    process.stdout.write(m(lang, 'cli.bye', { t: clock(session.t) }) + '\n');
    if (!interactive && refusedLines > 0) {
      process.stdout.write(mn(lang, 'cli.refused-lines', refusedLines) + '\n');
      return 1;
    }
    return 0;
  };

  process.stdout.write(session.intro());

  if (!interactive) {
    const rl = createInterface({ input: process.stdin, terminal: false, crlfDelay: Infinity });
    let first = true;
    for await (const raw of rl) {
      // a script saved by Notepad starts with a byte-order mark: read past it, and do not echo it into the transcript
      const line = first ? raw.replace(/^\uFEFF/, '') : raw;
      first = false;
      process.stdout.write(`${session.prompt()}${line}\n`);
      if (step(line)) break;
    }
    rl.close();
    return finish();
  }

  const rl = createInterface({
    input: process.stdin,
    output: process.stdout,
    terminal: true,
    historySize: 200,
    completer: (line: string) => session.complete(line),
  });
  return await new Promise<number>((resolve) => {
    let interrupts = 0;
    rl.setPrompt(session.prompt());
    rl.prompt();
    rl.on('line', (line) => {
      interrupts = 0;
      if (step(line)) {
        rl.close();
        return;
      }
      rl.setPrompt(session.prompt());
      rl.prompt();
    });
    rl.on('SIGINT', () => {
      if (++interrupts >= 2) { rl.close(); return; }
      process.stdout.write(`\n${m(lang, 'cli.ctrl-c')}\n`);
      rl.setPrompt(session.prompt());
      rl.prompt();
    });
    rl.on('close', () => resolve(finish()));
  });
}

/** The run log to resume; a scenario given to --resume is most likely one to play afresh, and the hint says how. */
function resumable(file: string): ReturnType<typeof loadRunLog> {
  try {
    return loadRunLog(file);
  } catch (e) {
    if (e instanceof InputError && e.message.startsWith('this is a scenario')) throw new InputError(file, e.message, `to play it from the start: drill play ${shellArg(file)}`);
    throw e;
  }
}

/** Does the file start as a run log does (its first line names the run log format)? Read no further than that. */
function isRunLog(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, 64, 0);
    return head.toString('utf8', 0, n).replace(/^\uFEFF/, '').startsWith('{"format":"drillsim/run@');
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
