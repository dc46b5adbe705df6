/**
 * A tabletop session (`drill play`) as a pure object: typed lines in, text
 * out. It owns a Sim stopped at a time `t` (everything before `t` has
 * happened); orders typed now are decisions at `t`, carried out when the
 * clock moves on, exactly as if they had been in a decisions file. So the
 * session's run log is byte-identical to `drill run --decisions` with the
 * same decisions.
 *
 * A refused order never reaches the engine: it is tried first on a copy of
 * the world (a probe Sim restored from the live one, run just far enough to
 * carry it out), and only if the engine would accept it there is it added.
 * The probe is exact (same state, same pending orders, same random
 * streams), so "accepted at the prompt" and "accepted by the engine" are the
 * same thing, and a refusal leaves the world, and the log, untouched.
 *
 * Undo and resume re-simulate from the start with the recorded decisions:
 * determinism makes that equal to never having taken the undone one.
 * No I/O here: saving returns the file name and the CLI writes.
 */
import { sayIn } from '../scenario/say.js';
import { SimBoundError } from '../core/errors.js';
import { sha256Hex } from '../core/hash.js';
import { formatClock, writtenClock } from '../scenario/duration.js';
import { canonicalScenarioText, parseScenario } from '../scenario/parse.js';
import { Command, Inject, type Scenario } from '../scenario/schema.js';
import { textIn, type Lang } from '../scenario/text.js';
import { CONTROLLER } from '../sim/commands.js';
import { AnswerCommand, ControllerCommand, serializeDecisions, type AnyCommand, type Decision } from '../sim/decisions.js';
import * as Incidents from '../sim/incidents.js';
import { Model } from '../sim/model.js';
import { createSim, decisionFromRecord, runLogOf, sessionLogOf, type RunLog } from '../sim/run.js';
import { hazardOf } from '../sim/routing.js';
import { Sim } from '../sim/sim.js';
import { allInjects } from '../sim/world-ops.js';
import { areaName, renderBoard, renderSummary, messageLines, seatName, unitName } from './board.js';
import { commandLine, feed } from './describe.js';
import { complete, hoursClock, inHours, matchVerb, nearestVerb, parseLine, tokenize, usage, VERBS, viFormOf, type ArgKind, type Parsed, type ParseContext, type ParseResult, type Problem, type Step, type Verb, type VerbId } from './grammar.js';
import { m, mn, type MsgKey } from './messages.js';
import { explainRefusal, guessIds, zoneTooLate } from './refusals.js';
import { oneLine, say as sayText, wallClock } from './text.js';
import { areasInView, received, visibleAreas, visibleIncidents, waitingDecisions } from './view.js';

const clock = formatClock;

/** Arguments whose ids the session can list ("open incidents you can see: ..."). */
const CHOICE_KINDS = new Set<ArgKind>(['unit', 'incident', 'zone', 'shelter', 'area', 'road', 'inject', 'option', 'level', 'role']);
const MAX_CHOICES = 10;
/** The engine's refusal of an id it does not know, and the argument that named it. */
const UNKNOWN_KIND: Record<string, ArgKind> = {
  'unknown-unit': 'unit', 'unknown-incident': 'incident', 'unknown-zone': 'zone', 'unknown-shelter': 'shelter', 'unknown-area': 'area', 'unknown-road': 'road',
};

/** Lower case, without diacritics: how typed words are compared with names ("thanh vinh" names Thành Vinh: many keyboards have no Vietnamese input). */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

export interface SessionOptions {
  seed: number;
  /** roles played by people at this terminal; doctrine plays every other role */
  players: string[];
  /** the controller (directing staff) sits at this terminal too */
  controller: boolean;
  lang: Lang;
  /** end of the run (default: the scenario's horizon) */
  until?: number;
  /** roles taken over from doctrine part-way (a forked log resumed): role -> from when */
  joined?: Record<string, number>;
  /** the parameter the resumed run's scenario was played with changed (a log of `drill run --vary`, forked) */
  varied?: import('../sim/sim.js').Varied;
  /**
   * Where the session is played: `drill play` in a terminal (the default), or the play page (`drill view --play`),
   * which has no command line to start or resume with (--controller, --role, --out): there, advice that names one
   * says what to do on the page instead (the start form's tick boxes, New session, the download).
   */
  surface?: 'terminal' | 'page';
}

/** Messages with a page form (`<key>.page`): the terminal's words name its options, the page's its controls. */
const PAGE_FORMS = new Set<MsgKey>([
  'intro.title', 'help.role', 'help.save', 'help.quit', 'play.controller-only', 'play.controller-alone-no-orders', 'play.not-your-role', 'play.no-controller-seat',
]);

/**
 * Why a run log cannot be resumed: a message key and its parameters, in the language asked for; `paramsIn` gives
 * them in another (the play page says the reason again when its language is switched), where they depend on it.
 */
export interface ResumeFailure {
  ok: false;
  key: MsgKey;
  params?: Record<string, string | number>;
  paramsIn?: (lang: Lang) => Record<string, string | number>;
}

/** Where a run reached one of the scenario's `limits:` (`key`, e.g. max_events) and stopped. */
export interface LimitStop {
  key: string;
  limit: number;
  /** the simulated time the limit was reached at */
  t: number;
}

/** What each limit counts, said to the table. */
const LIMIT_WHAT: Record<string, MsgKey> = { max_events: 'limit.max_events', max_cascade: 'limit.max_cascade', max_queue: 'limit.max_queue' };

/** The `limits:` key behind each bound the engine stops at (engine/sim/sim.ts, engine/core/queue.ts). */
const LIMIT_KEYS: Record<string, 'max_events' | 'max_cascade' | 'max_queue'> = {
  'bound/events-per-run': 'max_events',
  'bound/cascade-depth': 'max_cascade',
  'bound/queue-size': 'max_queue',
};

/**
 * What a session says when the engine stopped at one of the scenario's limits, `t` seconds after T0: which limit,
 * when, and what to do. Also for a scenario whose limits stop it before the session starts (the play page, drill play).
 */
export function sayLimit(e: SimBoundError, t: number, lang: Lang): { stop: LimitStop; text: string } {
  const stop: LimitStop = { key: LIMIT_KEYS[e.code] ?? e.code.replace(/^bound\//, ''), limit: e.limit, t };
  const what = stop.key in LIMIT_WHAT ? m(lang, LIMIT_WHAT[stop.key]) : e.message;
  return { stop, text: m(lang, 'play.limit', { t: clock(t), key: stop.key, limit: stop.limit, what }) };
}

export interface Reply {
  text: string;
  /** the run reached a limit of the scenario: the session cannot go on, and has no run log */
  limit?: LimitStop;
  /** the person asked to leave */
  quit?: boolean;
  /** write the run log (`log()`) to this file */
  save?: string;
  /** the line was refused or could not be read; nothing changed */
  refused?: boolean;
}

type Ev = Record<string, any> & { t: number; type: string };

export class PlaySession {
  readonly model: Model;
  sim!: Sim;
  /** the stop: everything before it has happened */
  t = 0;
  seat: string;
  paused = false;
  /** bumped by every change of state (orders, time, undo, pause): tells the CLI what is unsaved */
  revision = 0;
  private newSince = 0;
  private readonly incidentArea = new Map<string, string>();
  private finalLog: RunLog | undefined;
  /**
   * Set when a line ran the simulation into one of the scenario's `limits:`. The engine stopped part-way through an
   * instant, so its world is no stop of the session: nothing may go on from it, and there is no run log to write,
   * as `drill run` writes none at a bound.
   */
  stoppedAtLimit: LimitStop | undefined;

  constructor(readonly scenario: Scenario, readonly opts: SessionOptions, decisions: Decision[] = [], t = 0) {
    this.model = new Model(scenario);
    this.seat = opts.players[0] ?? CONTROLLER;
    this.rebuild(decisions, t);
  }

  get lang(): Lang {
    return this.opts.lang;
  }

  /** Roles in the scenario that a person may play. */
  static roleIds(scenario: Scenario): string[] {
    return scenario.roles.map((r) => r.id);
  }

  /**
   * Continue a session from its run log (the save file). `of`: the scenario the session must be of (the play page's,
   * which plays one scenario): a log of another, or of another version of it, is not resumed there. `surface`: as in
   * SessionOptions.
   */
  static resume(log: RunLog, opts: { lang: Lang; controller: boolean; of?: Scenario; surface?: SessionOptions['surface'] }): { ok: true; session: PlaySession } | ResumeFailure {
    const parsed = parseScenario(log.scenario.text, '<embedded scenario>', { embedded: true });
    if (!parsed.ok) {
      const issue = parsed.issues[0];
      const paramsIn = (lang: Lang) => ({ message: issue ? sayIn(issue.words.message, lang) : '' });
      return { ok: false, key: 'resume.bad-scenario', params: paramsIn(opts.lang), paramsIn };
    }
    if (sha256Hex(log.scenario.text) !== log.scenario.hash) return { ok: false, key: 'resume.edited' };
    if (opts.of !== undefined) {
      const here = opts.of, there = parsed.scenario;
      const title = (s: Scenario, lang: Lang) => oneLine(textIn(s.title, lang));
      const paramsIn = (lang: Lang) => ({ id: there.id, title: title(there, lang), here: here.id, here_title: title(here, lang) });
      if (there.id !== here.id) return { ok: false, key: 'resume.other-scenario', params: paramsIn(opts.lang), paramsIn };
      // the same id, other contents: the scenario file was changed since the save (the log goes on only with its own)
      if (sha256Hex(canonicalScenarioText(opts.of)) !== log.scenario.hash) return { ok: false, key: 'resume.other-version', params: { id: opts.of.id } };
    }
    const decisions = log.decisions.map(decisionFromRecord);
    if (decisions.some((d) => d.author !== 'trainee' && d.author !== 'controller')) return { ok: false, key: 'resume.bad-decisions' };
    const t = log.session ? log.session.t : log.until;
    if (!Number.isInteger(t) || t < 0 || t > log.until) return { ok: false, key: 'resume.bad-time' };
    const session = new PlaySession(parsed.scenario, { seed: log.seed, players: log.players, joined: log.joined, ...(log.varied ? { varied: log.varied } : {}), controller: opts.controller, lang: opts.lang, until: log.until, ...(opts.surface ? { surface: opts.surface } : {}) }, decisions, t);
    // the log as this session writes it at t: a part-way save ends with the count of the people still at risk then
    // (which a save of an engine before 0.7.0 lacks: it goes on all the same, from the same world)
    const lines = log.events.length === session.sim.log!.count ? session.sim.log!.lines : session.log().events;
    const n = Math.max(lines.length, log.events.length);
    for (let i = 0; i < n; i++) {
      if (lines[i] !== log.events[i]) return { ok: false, key: 'resume.diverged', params: { index: i } };
    }
    return { ok: true, session };
  }

  /** Everything taken so far by people at this terminal, in order (including orders not yet carried out). */
  get decisions(): readonly Decision[] {
    return this.sim.opts.decisions;
  }

  /** Orders given at this stop, carried out when the clock moves on. */
  get pending(): Decision[] {
    return this.sim.opts.decisions.slice(this.sim.world.decision_next);
  }

  get finished(): boolean {
    return this.sim.finished;
  }

  /** SHA-256 of the world state: what a refused command must leave unchanged. */
  worldHash(): string {
    return sha256Hex(JSON.stringify(this.sim.world));
  }

  /**
   * The decisions people took here (the trainees' and the controller's, orders not yet carried out included), as a
   * decisions file: `drill run --decisions` on it, with `replayOptions()`, gives this session's run log. Doctrine's
   * decisions and the defaults at deadlines are not in it: the engine takes them again, the same way.
   */
  decisionsFile(): { text: string; count: number } {
    const people = this.decisions.filter((d) => d.author === 'trainee' || d.author === 'controller');
    // stopped before the end: the file says so, for a replay (a batch) to warn that nobody decides after it
    const until = this.finished ? {} : { played_until: this.t };
    return { text: serializeDecisions({ scenario: this.scenario.id, players: [...this.opts.players], ...until, decisions: [...people] }), count: people.length };
  }

  /**
   * What `drill run` needs besides the decisions file to give this session's run log: the seed and the end when
   * they are not the scenario's own. `joined`: roles the session took over from doctrine part-way (a resumed fork),
   * which a decisions file cannot say.
   */
  replayOptions(): { args: string[]; joined: boolean } {
    const args: string[] = [];
    if (this.opts.seed !== (this.scenario.seed ?? 1)) args.push('--seed', String(this.opts.seed));
    if (this.sim.opts.until !== this.scenario.horizon) args.push('--until', clock(this.sim.opts.until));
    return { args, joined: this.opts.joined !== undefined && Object.keys(this.opts.joined).length > 0 };
  }

  /** The run log as it stands: the finished run's, or a session log stopped at `t` (see docs/run-log.md). */
  log(): RunLog {
    if (this.stoppedAtLimit) throw new Error(`no run log: the run stopped at the scenario's limit limits.${this.stoppedAtLimit.key}`);
    if (this.sim.finished) return (this.finalLog ??= runLogOf(this.sim));
    return sessionLogOf(this.sim, this.t);
  }

  /** Re-simulate from T0 with these decisions, to stop at `t`. */
  private rebuild(decisions: Decision[], t: number): void {
    this.sim = createSim(this.scenario, { seed: this.opts.seed, players: this.opts.players, joined: this.opts.joined, varied: this.opts.varied, until: this.opts.until, decisions: decisions.slice(), model: this.model });
    this.finalLog = undefined;
    if (t >= this.sim.opts.until) this.sim.run();
    else if (t > 0) this.sim.run(t);
    this.t = this.sim.finished ? this.sim.opts.until : t;
    this.newSince = this.t;
    this.incidentArea.clear();
    for (const line of this.sim.log!.lines) this.noteLine(JSON.parse(line));
  }

  private noteLine(e: Ev): void {
    if (e.type === 'incident.reported') this.incidentArea.set(e.id, e.area);
  }

  // ------------------------------------------------------------------ text

  private say(key: MsgKey, params?: Record<string, string | number>): string {
    return m(this.lang, this.opts.surface === 'page' && PAGE_FORMS.has(key) ? (`${key}.page` as MsgKey) : key, params);
  }

  /** What the session prints first: who plays what, and the board. */
  intro(): string {
    const s = this.scenario;
    const others = s.roles.map((r) => r.id).filter((r) => !this.opts.players.includes(r));
    const lines = [
      this.say('intro.title', { title: oneLine(typeof s.title === 'string' ? s.title : (this.lang === 'vi' ? s.title.vi ?? s.title.en : s.title.en ?? s.title.vi) ?? ''), seed: this.opts.seed }),
      // the controller alone: say so, not "You play: nobody" and then "the controller sits here too"
      this.opts.players.length || !this.opts.controller
        ? this.say('intro.players', { roles: this.opts.players.length ? this.opts.players.join(', ') : this.say('intro.nobody') })
        : this.say('intro.controller-only'),
      this.say('intro.doctrine', { roles: others.length ? others.join(', ') : this.say('intro.nobody') }),
    ];
    if (this.opts.controller && this.opts.players.length) lines.push(this.say('intro.controller'));
    lines.push(this.say('intro.help'), '');
    return lines.join('\n') + this.boardText();
  }

  prompt(): string {
    return `${clock(this.t)} ${this.seat}${this.paused ? ` [${this.say('prompt.paused')}]` : ''}> `;
  }

  boardText(): string {
    const board = renderBoard({ sim: this.sim, seat: this.seat, t: this.t, lang: this.lang, pending: this.pending, newSince: this.newSince, paused: this.paused });
    const extra: string[] = [];
    for (const r of this.opts.players) {
      if (r === this.seat) continue;
      const fresh = received(this.sim, r).filter((x) => x.t >= this.newSince).length;
      const waiting = waitingDecisions(this.sim, r).length;
      if (fresh || waiting) extra.push(this.say('board.other-role', { role: r, fresh: mn(this.lang, 'board.fresh', fresh), waiting: mn(this.lang, 'board.waiting', waiting) }));
      // a deadline of that seat passed since the last stop: its feed is not this seat's, and the stop names only its
      // first reason, so without this the person playing it would not hear that its default was applied
      for (const x of received(this.sim, r)) {
        const d = x.inject.decision;
        if (!d || x.state !== 'expired' || x.t + d.deadline < this.newSince) continue;
        const o = d.options.find((y) => y.id === d.default);
        extra.push(this.say('board.other-expired', { role: r, id: x.inject.id, t: clock(x.t + d.deadline), option: o ? `${o.id} (${sayText(o.label, this.lang)})` : d.default }));
      }
    }
    return board + (extra.length ? '\n' + extra.join('\n') : '') + '\n';
  }

  // ------------------------------------------------------------------ lines

  /** Handle one typed line. */
  handle(line: string): Reply {
    if (this.stoppedAtLimit) return this.afterLimit(line);
    const at = this.t;
    try {
      return this.line(line);
    } catch (e) {
      // any line that moves the engine (advance, an order's probe, undo) may meet a limit
      if (!(e instanceof SimBoundError)) throw e;
      // the session stays at the last stop the table saw (an advance may have passed quiet minutes before the limit)
      this.t = at;
      const { stop, text } = sayLimit(e, this.sim.world.t, this.lang);
      this.stoppedAtLimit = stop;
      this.revision++;
      return { text: text + '\n', limit: stop };
    }
  }

  private get parseContext(): ParseContext {
    return {
      isArea: (id) => this.model.area.has(id), isId: (id) => this.model.unit.has(id) || this.model.role.has(id),
      end: this.sim.opts.until, now: this.t, start: this.scenario.start,
    };
  }

  /** After a limit: only quit (and an empty line) is left. */
  private afterLimit(line: string): Reply {
    const r = parseLine(line, this.parseContext);
    if (r.ok && r.value === null) return { text: '' };
    if (r.ok && r.value.verb.id === 'quit') return { text: '', quit: true };
    return this.refuse(this.say('play.limit-over', { key: this.stoppedAtLimit!.key, t: clock(this.stoppedAtLimit!.t) }));
  }

  private line(line: string): Reply {
    const r = parseLine(line, this.parseContext);
    if (r.ok && r.value === null) return { text: '' };
    // `answer Evacuate now`: the option as the board words it; read as inject 'Evacuate' and option 'now' (or, longer,
    // as words too many), it was refused without the id to type
    const label = this.optionByLabel(line);
    if (label && this.mayUse(label.verb) === undefined) return this.refuse(this.say('play.answer-label', label.params));
    // `inject` typed by a trainee: the usage line would teach a command they are then refused; say who may use it first
    const whoMay = !r.ok && r.verb ? this.mayUse(r.verb) : undefined;
    if (whoMay) return this.refuse(whoMay);
    if (!r.ok) {
      const how = r.verb ? `\n  ${this.say('parse.usage')}: ${usage(r.verb, (k) => this.say(`arg.${k}` as MsgKey), this.viTyped(r.verb, tokenize(line).map((t) => t.text)))}` : `\n  ${this.say('parse.try-help')}`;
      return { text: `${this.say('parse.cannot-read', { what: this.sayProblem(r.problem) })}${how}\n${this.parseHint(line, r)}`, refused: true };
    }
    const p = r.value;
    const who = this.mayUse(p.verb);
    if (who) return this.refuse(who);
    // `tiếp tục` alone is advance (a trainee's word for moving on); typed by the controller while paused, resume
    // (`tiếp tục diễn tập`) is most likely meant, and advance would run the clock with the trainees still frozen
    if (p.verb.id === 'advance' && this.paused && this.seat === CONTROLLER && fold(line).trim().split(/\s+/).join(' ') === 'tiep tuc') {
      return this.refuse(this.say('play.resume-or-advance'));
    }
    switch (p.verb.id) {
      case 'help': return { text: this.help(p.args.topic) };
      case 'board': return { text: this.boardText() };
      case 'messages': return { text: this.messages() };
      case 'role': return this.switchRole(p.args.role!);
      case 'quit': return { text: '', quit: true };
      case 'save': return { text: '', save: p.args.file };
      case 'undo': return this.undo();
      case 'advance': return this.advance(p.step!, p.toEnd);
      // the controller may move the clock while paused; so may `advance` typed at the controller's seat
      case 'jump': return this.advance({ kind: 'at', t: p.at! });
      case 'pause':
        if (this.paused) return this.refuse(this.say('play.already-paused'));
        this.paused = true;
        this.revision++;
        return { text: this.say('play.paused-now') + '\n' };
      case 'resume':
        if (!this.paused) return this.refuse(this.say('play.not-paused'));
        this.paused = false;
        this.revision++;
        return { text: this.say('play.resumed') + '\n' };
      default: return this.order(p);
    }
  }

  /**
   * What could not be read, said; a time typed in a form that does not read (`advance 23:00`) with its readings: the
   * lines to type for those that lie ahead within the exercise, or, when none does, why each does not.
   */
  private sayProblem(p: Problem): string {
    const params: Record<string, string | number> = { ...p.params, arg: p.params?.arg !== undefined ? this.say(`arg.${p.params.arg}` as MsgKey) : '' };
    if (p.readings) {
      const start = this.scenario.start;
      const none = p.key === 'parse.time-readings-none' || p.key === 'parse.time-readings-none-time';
      const said = p.readings.map((r) => {
        const x = { write: r.write, t: clock(r.t), what: r.what ?? '', clock: wallClock(start, r.t) };
        if (!none) return this.say(`reading.${r.kind}` as MsgKey, x);
        // a time past the end as the slip was typed (T+25:00, not T+1d01:00)
        // a step or a jump to the time it is (advance 21:15 at 21:15) goes nowhere: said so, not as a time passed or the next day's
        if (r.t === this.t && (r.kind === 'at' || r.kind === 'clock')) return this.say(`reading.${r.kind}-now`, x);
        if (r.kind === 'at' && r.t < this.t) return this.say('reading.at-passed', x);
        return this.say(`reading.${r.kind}-after` as MsgKey, { ...x, t: hoursClock(r.t) });
      });
      params.choices = said.length <= 2 ? said.reduce((a, b) => this.say('reading.or', { a, b })) : this.say('reading.or', { a: said.slice(0, -1).join(', '), b: said[said.length - 1] });
      params.readings = said.join('; ');
      params.endclock = wallClock(start, this.sim.opts.until);
    }
    return this.say(p.key, params);
  }

  /**
   * After a line that misses an id, or has words after it: what fits there now (the ids Tab offers), or, when the
   * words after `evacuate` (a verb of one id) are the words of one zone's name, that zone's id.
   */
  private parseHint(line: string, r: Extract<ParseResult, { ok: false }>): string {
    const verb = r.verb;
    if (!verb) return '';
    if (r.problem.key === 'parse.missing') return this.choices(r.problem.params!.arg as ArgKind, verb.id);
    if (r.problem.key !== 'parse.unexpected') return '';
    const ids = verb.args.filter((a) => CHOICE_KINDS.has(a.kind));
    if (ids.length !== 1 || verb.args.length !== 1) return '';
    const kind = ids[0].kind;
    const toks = tokenize(line).map((t) => t.text);
    const words = toks.slice(matchVerb(toks)!.used).map(fold);
    const hits = this.named(kind).filter(({ id, name }) => {
      const known = new Set([...fold(name).split(/[^\p{L}\p{N}]+/u), ...id.split('-')]);
      return words.every((w) => known.has(w));
    });
    if (hits.length === 1) {
      const line = `${verb.words.join(' ')} ${hits[0].id} (${hits[0].name})`;
      // a zone the hazard has reached: the order pointed to would be refused in turn, so say so with it
      const late = kind === 'zone' ? zoneTooLate(this.sim, hits[0].id, this.lang, this.t) : undefined;
      return `  ${late ? this.say('parse.did-you-mean-too-late', { line, why: late }) : this.say('parse.did-you-mean', { line })}\n`;
    }
    return this.choices(kind, verb.id);
  }

  /** A line `answer <words>` whose words are the label of exactly one option waiting for this seat (in either language). */
  private optionByLabel(line: string): { verb: Verb; params: Record<string, string> } | undefined {
    const toks = tokenize(line).map((t) => t.text);
    const m = matchVerb(toks);
    if (m?.verb.id !== 'answer' || toks.length <= m.used) return undefined;
    const typed = fold(toks.slice(m.used).join(' ')).trim();
    const options = waitingDecisions(this.sim, this.seat).flatMap((w) => w.inject.decision!.options.map((o) => ({ inject: w.inject.id, o })));
    // an id is an answer as typed, even where a label reads the same
    if (options.some(({ o }) => o.id === typed)) return undefined;
    const labels = (l: unknown) => (typeof l === 'string' ? [l] : Object.values(l as Record<string, string>));
    const hits = options.filter(({ o }) => labels(o.label).some((l) => fold(oneLine(l)).replace(/\s+/g, ' ') === typed.replace(/\s+/g, ' ')));
    if (hits.length !== 1) return undefined;
    const { inject, o } = hits[0];
    // the inject named only when another decision waits too, where the option alone might not say which
    const line_ = new Set(options.map((x) => x.inject)).size > 1 ? `answer ${inject} ${o.id}` : `answer ${o.id}`;
    return { verb: m.verb, params: { label: toks.slice(m.used).join(' '), id: inject, option: o.id, line: line_ } };
  }

  /** Everything of a kind the seat might name, with its name in the session's language: what a name typed for an id is matched against. */
  private named(kind: ArgKind): { id: string; name: string }[] {
    const sc = this.scenario, lang = this.lang;
    const role = this.model.role.get(this.seat);
    // seen, and where the seat may order (as candidates): a name that fits a neighbour's zone would lead to a refusal
    const seen = visibleAreas(this.sim, this.seat);
    const mine = (area: string) => seen.has(area) && (this.seat === CONTROLLER || (role !== undefined && this.model.contains(role.area, area)));
    switch (kind) {
      case 'zone': return sc.evacuation.zones.filter((z) => mine(z.area)).map((z) => ({ id: z.id, name: z.name !== undefined ? sayText(z.name, lang) : z.id }));
      case 'shelter': return sc.evacuation.shelters.filter((x) => mine(x.area)).map((x) => ({ id: x.id, name: x.name !== undefined ? sayText(x.name, lang) : x.id }));
      case 'road': return sc.travel.edges.map((e) => ({ id: e.id, name: e.name !== undefined ? sayText(e.name, lang) : e.id }));
      case 'unit': return sc.units.map((u) => ({ id: u.id, name: unitName(this.sim, u.id, lang) }));
      case 'area': return sc.areas.map((a) => ({ id: a.id, name: areaName(this.sim, a.id, lang) }));
      default: return [];
    }
  }

  /** "open incidents you can see: ta-ca-houses": the ids that fit an argument now (those Tab offers), or that there are none. */
  private choices(kind: ArgKind, verb: VerbId): string {
    if (!CHOICE_KINDS.has(kind)) return '';
    const ids = this.candidates(kind, verb, {});
    const shown = ids.length > MAX_CHOICES ? [...ids.slice(0, MAX_CHOICES), this.say('choices.more', { n: ids.length - MAX_CHOICES })] : ids;
    // no options because nothing waits: say that nothing waits
    const label = kind === 'unit' ? (verb === 'recall' ? 'choices.unit-recall' : this.seat === CONTROLLER ? 'choices.unit-all' : 'choices.unit')
      : kind === 'option' && ids.length === 0 ? 'choices.inject'
      : kind === 'road' && verb === 'open_road' ? 'choices.road-closed'
      : kind === 'area' && verb === 'sea_ban' ? 'choices.area-coast'
      : `choices.${kind}`;
    return `  ${this.say(label as MsgKey)}: ${shown.length ? shown.join(', ') : this.say('choices.none')}\n`;
  }

  private refuse(why: string, note = ''): Reply {
    return { text: `${this.say('play.refused', { why })}\n${note}`, refused: true };
  }

  /**
   * A refusal that holds only because of an order already given at this stop ("shelter already open" after
   * `evacuate`, "not waiting for an answer" after an answer) contradicts the board, which shows the world before
   * those orders: name the order(s) it comes from. Only the seat's own orders are named (a trainee does not see the
   * controller's pending moves); '' when the refusal does not come from them.
   */
  private becauseOfPending(d: Decision): string {
    const pending = this.pending;
    const visible = pending.filter((x) => this.seat === CONTROLLER || x.role === this.seat);
    if (visible.length === 0) return '';
    const causes = visible.filter((x) => this.probe(d, pending.filter((y) => y !== x)).ok);
    if (causes.length === 0) return '';
    return this.say('play.because-pending', { t: clock(this.t), lines: causes.map((x) => commandLine(x.cmd)).join('; ') }) + '\n';
  }

  /** Why the person at this seat may not use this verb now (undefined: they may). */
  private mayUse(verb: Verb): string | undefined {
    if (verb.who === 'controller' && this.seat !== CONTROLLER) return this.opts.controller ? this.say('play.controller-only-switch') : this.say('play.controller-only');
    if (verb.who === 'trainee' && this.seat === CONTROLLER) {
      return this.opts.players.length ? this.say('play.controller-no-orders', { roles: this.opts.players.join(', ') }) : this.say('play.controller-alone-no-orders');
    }
    return undefined;
  }

  private help(topic?: string): string {
    const name = (k: ArgKind) => this.say(`arg.${k}` as MsgKey);
    const allowed = VERBS.filter((v) => this.allowed(v));
    if (topic) {
      // the command as it is typed (`open shelter`, `open_shelter`, `sơ tán`, `so tan`), else the commands that
      // one word starts (`help open`: open shelter and open road; `help mở` the same)
      const words = topic.normalize('NFC').toLowerCase().split(/\s+/);
      const typed = matchVerb(words);
      const matching = typed ? [typed.verb]
        : words.length === 1 ? VERBS.filter((v) => v.id === words[0] || [v.words, ...v.aliases, ...v.vi].some((f) => f[0] === words[0])) : [];
      if (matching.length === 0) {
        const guess = nearestVerb(words);
        return (guess ? this.say('help.unknown-guess', { topic, guess }) : this.say('help.unknown', { topic })) + '\n';
      }
      // and what its ids can be now, for someone who does not know Tab (or reads from a pipe)
      const now = (v: Verb) => this.allowed(v) ? [...new Set(v.args.map((a) => this.choices(a.kind, v.id)))].join('') : '';
      // `help tiếp` in the words asked about; `help mở` (open shelter, open road) in the forms that word starts
      const form = (v: Verb) => this.viTyped(v, typed ? words : v.vi.find((f) => f[0] === words[0]) ?? []);
      return matching.map((v) => `${usage(v, name, form(v))}\n  ${this.say(`help.${v.id}` as MsgKey)}\n${now(v)}`).join('');
    }
    const rows = allowed.map((v) => [usage(v, name), this.say(`help.${v.id}` as MsgKey)] as const);
    const width = Math.min(44, Math.max(...rows.map(([u]) => u.length)) + 2);
    const lines = [this.say(this.seat === CONTROLLER ? 'help.title-controller' : 'help.title', { seat: this.seat })];
    for (const [u, d] of rows) lines.push(u.length + 2 > width ? `  ${u}\n  ${' '.repeat(width)}${d}` : `  ${u.padEnd(width)}${d}`);
    lines.push(this.say(this.seat === CONTROLLER ? 'help.footer-controller' : 'help.footer'));
    return lines.join('\n') + '\n';
  }

  /**
   * The Vietnamese form a command was typed in, in a Vietnamese session: its syntax is then said in those words.
   * An English command keeps the English syntax; so does an English session, whose argument names are English.
   */
  private viTyped(verb: Verb, words: string[]): string[] | undefined {
    return this.lang === 'vi' ? viFormOf(verb, words) : undefined;
  }

  private allowed(verb: Verb): boolean {
    return this.mayUse(verb) === undefined;
  }

  private messages(): string {
    const list = received(this.sim, this.seat);
    if (list.length === 0) return this.say('board.none-yet') + '\n';
    return list.flatMap((r) => messageLines(this.sim, r, this.lang, true, this.seat === CONTROLLER, r.t >= this.newSince)).join('\n') + '\n';
  }

  private switchRole(role: string): Reply {
    const seats = [...this.opts.players, ...(this.opts.controller ? [CONTROLLER] : [])];
    // the controller's seat is there only when the session was started with --controller (a resumed one too): say how to get it
    if (role === CONTROLLER && !this.opts.controller) return this.refuse(this.say('play.no-controller-seat', { roles: seats.join(', ') }));
    if (!seats.includes(role)) return this.refuse(this.say('play.not-your-role', { role, roles: seats.join(', ') }));
    this.seat = role;
    return { text: this.say('play.now-role', { role, name: seatName(this.sim, role, this.lang) }) + '\n' + this.boardText() };
  }

  // ------------------------------------------------------------------ orders

  private order(p: Parsed): Reply {
    if (this.sim.finished) return this.refuse(this.ended());
    if (this.paused && this.seat !== CONTROLLER) return this.refuse(this.say('play.paused'));
    const built = this.command(p);
    if ('why' in built) return this.refuse(built.why);
    const d: Decision = { at: this.t, role: this.seat, author: this.seat === CONTROLLER ? 'controller' : 'trainee', cmd: built.cmd };
    const verdict = this.probe(d, this.pending, true);
    if (!verdict.ok) return this.refuse(verdict.why, this.becauseOfPending(d) + this.unknownHint(p, verdict.code));
    this.sim.addDecision(d);
    this.revision++;
    const text = this.say('play.accepted', { t: clock(this.t), line: commandLine(d.cmd) }) + '\n';
    // the engine took it because the incident is reported at this very time, before orders (PRIO): the board does not show it yet
    if (d.cmd.do === 'dispatch' && !this.sim.incident(d.cmd.incident)) return { text: text + this.say('play.not-on-board', { id: d.cmd.incident, t: clock(this.t) }) + '\n' };
    return { text };
  }

  /** An id the engine does not know, with no near spelling to suggest: the ids that fit there now. */
  private unknownHint(p: Parsed, code: string): string {
    const kind = UNKNOWN_KIND[code];
    const typed = kind === undefined ? undefined : p.args[kind];
    if (kind === undefined || typed === undefined) return '';
    const w = this.sim.world, sc = this.scenario;
    const all: Partial<Record<ArgKind, string[]>> = {
      unit: [...this.model.unit.keys()], incident: w.incidents.map((i) => i.id), zone: sc.evacuation.zones.map((z) => z.id),
      shelter: sc.evacuation.shelters.map((x) => x.id), area: [...this.model.area.keys()], road: sc.travel.edges.map((e) => e.id),
    };
    // the refusal already says "did you mean" (refusals.ts asks the same guessIds over the same ids)
    if (guessIds(typed, all[kind] ?? []).length) return '';
    return this.choices(kind, p.verb.id);
  }

  /** The engine command for a parsed line, with the session's defaults filled in; or why there is none. */
  private command(p: Parsed): { cmd: AnyCommand } | { why: string } {
    const a = p.args;
    const role = this.model.role.get(this.seat);
    const area = a.area ?? role?.area ?? '';
    let cmd: AnyCommand;
    switch (p.verb.id as VerbId) {
      case 'dispatch': cmd = { do: 'dispatch', unit: a.unit!, incident: a.incident! }; break;
      case 'recall': cmd = { do: 'recall', unit: a.unit! }; break;
      case 'evacuate': cmd = { do: 'evacuate', zone: a.zone! }; break;
      case 'open_shelter': cmd = { do: 'open_shelter', shelter: a.shelter! }; break;
      case 'declare_level': cmd = { do: 'declare_level', area, level: Number(a.level) }; break;
      case 'request_support': cmd = { do: 'request_support', area }; break;
      case 'close_road': cmd = { do: 'close_road', edge: a.road! }; break;
      case 'open_road': cmd = { do: 'open_road', edge: a.road! }; break;
      case 'sea_ban': cmd = { do: 'sea_ban', area }; break;
      case 'public_info': cmd = { do: 'public_info', area, message: oneLine(a.text!) }; break;
      case 'answer': {
        let inject = a.inject;
        // `answer night-evacuation`: the decision point named, its option forgotten (read as an option of nothing)
        const named = inject === undefined ? this.sim.injectSpec(a.option!) : undefined;
        if (named?.decision) return { why: this.say('play.answer-no-option', { id: named.id, options: named.decision.options.map((o) => o.id).join(', ') }) };
        if (inject === undefined) {
          const waiting = waitingDecisions(this.sim, this.seat).filter((w) => w.inject.decision!.options.some((o) => o.id === a.option));
          const all = waitingDecisions(this.sim, this.seat);
          if (all.length === 0) return { why: this.say('play.nothing-waiting') };
          if (waiting.length === 1) inject = waiting[0].inject.id;
          else if (waiting.length === 0 && all.length === 1) inject = all[0].inject.id;
          else return { why: this.say('play.which-decision', { ids: all.map((w) => w.inject.id).join(', ') }) };
        }
        const w = this.sim.world.injects[inject];
        const spec = this.sim.injectSpec(inject);
        // the deadline timer fires before orders at the same instant: at the deadline it is too late
        if (w && spec?.decision && w.m.value === 'delivered' && this.t >= w.delivered_t + spec.decision.deadline) {
          return { why: this.say('play.too-late', { id: inject, t: clock(w.delivered_t + spec.decision.deadline), option: spec.decision.default }) };
        }
        cmd = { do: 'answer', inject, option: a.option! };
        break;
      }
      case 'hold': cmd = { do: 'hold_inject', inject: a.inject! }; break;
      case 'release': cmd = { do: 'release_inject', inject: a.inject! }; break;
      case 'breakdown': cmd = { do: 'breakdown', unit: a.unit! }; break;
      case 'repair': cmd = { do: 'repair', unit: a.unit! }; break;
      case 'inject': return this.adHocInject(a.role!, p.at, a.text!, a.time);
      default: return { why: this.say('parse.unknown-verb', { word: p.verb.words.join(' ') }) };
    }
    // anything accepted must be writable to a decisions file as it is
    const schema = cmd.do === 'answer' ? AnswerCommand : ControllerCommand.options.some((o) => o.shape.do.value === cmd.do) ? ControllerCommand : Command;
    const ids = ['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'inject', 'option'] as const;
    const c = cmd as Record<string, unknown>;
    // ids are checked by the engine (with a "did you mean"); only their spelling is checked here
    const shape = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, (ids as readonly string[]).includes(k) && typeof v === 'string' && !/^[a-z0-9][a-z0-9._-]*$/.test(v) ? 'x' : v]));
    const r = schema.safeParse(shape);
    if (!r.success) return { why: this.say('play.malformed', { detail: r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }) };
    return { cmd };
  }

  /** The controller's ad-hoc inject: "inject <role> [at T+hh:mm] <subject> | <message>". */
  /** `written`: the time as typed, which a refusal quotes. */
  private adHocInject(to: string, at: number | undefined, text: string, written?: string): { cmd: AnyCommand } | { why: string } {
    if (!this.model.role.has(to) || this.model.role.get(to)!.synthetic) {
      // a misspelt role gets its nearest id, as every other id does
      const near = guessIds(to, this.scenario.roles.map((r) => r.id));
      const guess = near.length === 1 ? this.say('ref.guess', { id: near[0] }) : '';
      return { why: this.say('ref.unknown-role', { id: to, guess }) + ` (${this.say('play.roles', { roles: this.scenario.roles.map((r) => r.id).join(', ') })})` };
    }
    const typed = (t: number) => (written === undefined ? clock(t) : writtenClock(written, t));
    if (at !== undefined && at < this.t) return { why: this.say('play.past', { t: typed(at) }) };
    // the engine would take it and never deliver it: the run stops at its end
    if (at !== undefined && at > this.sim.opts.until) return { why: this.say('play.after-end', { t: typed(at), end: clock(this.sim.opts.until) }) };
    const bar = text.indexOf('|');
    const subject = oneLine(bar >= 0 ? text.slice(0, bar) : text);
    const message = oneLine(bar >= 0 ? text.slice(bar + 1) : text);
    if (!subject || !message) return { why: this.say('play.inject-empty') };
    // injects added by orders at this stop are not in the world yet: count them too, or a second `inject` at the
    // same stop would get the first one's id (and be refused as a duplicate) and its number
    const waiting = this.pending.flatMap((d) => (d.cmd.do === 'add_inject' ? [d.cmd.inject] : []));
    const taken = (id: string) => this.sim.world.injects[id] !== undefined || waiting.some((i) => i.id === id);
    let n = 1;
    while (taken(`adhoc-${n}`)) n++;
    const seq = Math.max(0, ...allInjects(this.sim).map((i) => i.seq), ...waiting.map((i) => i.seq)) + 1;
    const parsed = Inject.safeParse({
      id: `adhoc-${n}`, seq, ...(at !== undefined ? { at: clock(at) } : {}),
      from: { vi: 'Ban đạo diễn', en: 'Exercise control' }, to, method: 'in-person', type: 'information', subject, message,
    });
    if (!parsed.success) return { why: this.say('play.malformed', { detail: parsed.error.issues.map((i) => i.message).join('; ') }) };
    return { cmd: { do: 'add_inject', inject: parsed.data } };
  }

  /**
   * Would the engine accept this decision? Try it on a copy: a probe Sim
   * restored from the live one, with the same pending orders before it (or
   * those given), run until it has been carried out. Nothing of the probe is kept.
   */
  private probe(d: Decision, pending: Decision[] = this.pending, advise = false): { ok: true } | { ok: false; why: string; code: string } {
    const live = this.sim;
    const decisions = [...live.opts.decisions.slice(0, live.world.decision_next), ...pending, d];
    const index = decisions.length - 1;
    let mark = 0;
    let verdict: { ok: true } | { ok: false; why: string; code: string } | undefined;
    const STOP = new Error('probe done');
    const probe = new Sim(live.model, {
      ...live.opts,
      decisions,
      mode: 'full',
      keyframeEvery: 0,
      observe: (s) => {
        const lines = s.log!.lines;
        if (verdict === undefined && s.world.decision_next > index) {
          const e = JSON.parse(lines[mark]) as Ev;
          // a refused decision changed nothing: this world is the one it was checked against
          // a busy unit: would the order pass once it is recalled? (a probe of its own, advising nothing further)
          const recall: Decision = { at: d.at, role: d.role, author: d.author, cmd: { do: 'recall', unit: (d.cmd as { unit?: string }).unit ?? '' } };
          const afterRecall = () => {
            const then = this.probe(d, [...pending, recall]);
            return then.ok ? undefined : then.why;
          };
          verdict = e.type === 'decision.refused' ? { ok: false, why: explainRefusal(s, d, e.code, this.lang, 'seat', advise ? { afterRecall } : {}), code: e.code } : { ok: true };
          throw STOP;
        }
        mark = lines.length;
      },
    }, { t: live.world.t, events: 0, chain: '', world: live.world, queue: live.queue.snapshot(), rng: live.rng.snapshot() });
    try {
      probe.run(d.at + 1);
    } catch (e) {
      if (e !== STOP) throw e;
    }
    return verdict ?? { ok: false, why: this.say('play.ended'), code: 'ended' };
  }

  // ------------------------------------------------------------------ time

  /** `typed`: the advance's words as typed (`tiếp đến`), which a refusal past the end suggests its lines in; `advance` when not given (a jump) */
  private advance(step: Step, typed: Parsed['toEnd'] = { toend: 'advance until end', lead: 'advance', verb: 'advance' }): Reply {
    if (this.sim.finished) return this.refuse(this.ended());
    if (this.paused && this.seat !== CONTROLLER) return this.refuse(this.say('play.paused'));
    // a time past the end (a slip for T+09:00, T+19:00 of an 18-hour drill) would end the exercise for good
    const until = this.sim.opts.until;
    if (step.kind === 'at' && step.t > until) return this.refuse(this.say('play.advance-after-end', { t: hoursClock(step.t), end: clock(until), alt: `${typed.lead} ${clock(until)}`, toend: typed.toend }));
    // and so would a length that goes past it (30h typed for 30m)
    if (step.kind === 'by' && this.t + step.s > until) {
      return this.refuse(this.say('play.advance-by-after-end', { by: inHours(step.s), t: hoursClock(this.t + step.s), end: clock(until), alt: `${typed.verb} ${inHours(until - this.t)}`, toend: typed.toend }));
    }
    const before = this.t;
    const from = this.sim.log!.lines.length;
    let stoppedFor = '';
    if (step.kind === 'at' && step.t <= this.t) return this.refuse(this.say('play.backwards', { t: clock(step.t), now: clock(this.t) }));
    if (step.kind === 'end') this.runTo(Infinity);
    else if (step.kind === 'by') this.runTo(this.t + step.s);
    else if (step.kind === 'at') this.runTo(step.t);
    else stoppedFor = this.runToNextStop();
    this.revision++;
    const lines = this.sim.log!.lines.slice(from).map((l) => JSON.parse(l) as Ev);
    for (const e of lines) this.noteLine(e);
    const out: string[] = [];
    const happened = feed(this.sim, lines, this.seat, this.incidentArea, this.lang);
    out.push(this.say('board.since', { from: clock(before), to: clock(this.t) }));
    if (happened.length > 40) out.push(...happened.slice(0, 40), `  ${this.say('board.more', { n: happened.length - 40 })}`);
    else out.push(...(happened.length ? happened : [`  ${this.say('board.quiet')}`]));
    if (stoppedFor) out.push(stoppedFor);
    out.push('');
    const text = out.join('\n') + '\n' + this.boardText();
    this.newSince = this.t;
    if (this.sim.finished) {
      const log = this.log();
      return { text: text + '\n' + renderSummary(this.sim, log.summary, this.lang, log.events) + '\n' + this.say('play.end-hint') + '\n' };
    }
    return { text };
  }

  private runTo(t: number): void {
    const until = this.sim.opts.until;
    if (t >= until) {
      this.sim.run();
      this.t = until;
      return;
    }
    this.sim.run(t);
    this.t = t;
  }

  /**
   * `advance` on its own: move a minute at a time through the moments when
   * something happens, and stop after the minute in which a message reaches
   * a role played here, a decision point's deadline passes, or an incident
   * is reported in a played role's area (or, with the controller here, any
   * inject). Stops are on whole minutes, so decisions read T+hh:mm.
   */
  private runToNextStop(): string {
    const sim = this.sim;
    const until = sim.opts.until;
    const watchers = [...this.opts.players, ...(this.opts.controller ? [CONTROLLER] : [])];
    const played = new Set(this.opts.players);
    // asked again after each step: an area comes into view when it asks for support, maybe in this advance
    const inView = (area: string, t: number, who: readonly string[]) => who.some((r) => (areasInView(sim, r).get(area) ?? Infinity) <= t);
    for (;;) {
      if (sim.finished) return '';
      const pending = sim.opts.decisions.length > sim.world.decision_next;
      const q = sim.queue.peekTime();
      const next = Math.min(q ?? Infinity, pending ? this.t : Infinity);
      if (next >= until) {
        this.runTo(Infinity);
        return '';
      }
      const stop = Math.floor(next / 60) * 60 + 60;
      const from = sim.log!.lines.length;
      this.runTo(stop);
      for (const line of sim.log!.lines.slice(from)) {
        const e = JSON.parse(line) as Ev;
        if (e.type === 'inject.delivered' && (played.has(e.to) || this.opts.controller)) return this.say('stop.message', { seq: e.seq, to: e.to });
        if (e.type === 'inject.expired') {
          // whose: with several roles at the table, the deadline that passed may be another seat's
          const to = sim.injectSpec(e.id)?.to ?? '';
          if (played.has(to) || this.opts.controller) return this.say('stop.expired', { id: e.id, to });
        }
        if (e.type === 'incident.reported' && inView(e.area, e.t, watchers)) return this.say('stop.incident', { id: e.id });
        // a neighbour's call for help a played role may answer: a trainee who advances on would not hear it otherwise
        if (e.type === 'support.requested' && !played.has(e.by) && inView(e.area, e.t, this.opts.players)) return this.say('stop.support', { area: areaName(sim, e.area, this.lang) });
      }
    }
  }

  /** The exercise has ended: undo goes back only where there is a decision to take back. */
  private ended(): string {
    return this.say(this.sim.opts.decisions.length ? 'play.ended' : 'play.ended-no-undo');
  }

  // ------------------------------------------------------------------ undo

  private undo(): Reply {
    const decisions = this.sim.opts.decisions.slice();
    const last = decisions.pop();
    if (!last) return this.refuse(this.say('play.nothing-to-undo'));
    // at a shared table, a trainee takes back only their own decision; the controller may take back any
    if (this.seat !== CONTROLLER && last.role !== this.seat) {
      return this.refuse(this.say(last.role === CONTROLLER ? 'play.undo-controller' : 'play.undo-not-yours', { line: commandLine(last.cmd), role: last.role }));
    }
    this.rebuild(decisions, last.at);
    this.revision++;
    return { text: this.say('play.undone', { line: commandLine(last.cmd), role: last.role, t: clock(last.at) }) + '\n' + this.boardText() };
  }

  // ------------------------------------------------------------------ completion

  /** readline's completer: candidates for the last word of the line, and that word. */
  complete(line: string): [string[], string] {
    return complete(line, {
      allowed: (v) => this.allowed(v),
      candidates: (kind, verb, args) => this.candidates(kind, verb, args),
    });
  }

  private candidates(kind: ArgKind, verb: VerbId, args: Partial<Record<ArgKind, string>>): string[] {
    const sim = this.sim, w = sim.world, model = this.model;
    const seat = this.seat;
    const role = model.role.get(seat);
    const own = (u: string) => seat === CONTROLLER || model.commander.get(u) === seat;
    const mine = (area: string) => seat === CONTROLLER || (role !== undefined && model.contains(role.area, area));
    const seen = visibleAreas(sim, seat);
    switch (kind) {
      case 'unit': {
        const units = Object.keys(w.units);
        if (verb === 'dispatch') return [...units.filter((u) => own(u) && w.units[u].m.value === 'available'), ...units.filter((u) => own(u) && w.units[u].m.value !== 'available')];
        if (verb === 'recall') return units.filter((u) => own(u) && w.units[u].incident !== null);
        // the engine refuses a breakdown of a broken unit and a repair of a working one: offer only the others
        if (verb === 'breakdown') return units.filter((u) => w.units[u].m.value !== 'out_of_service');
        if (verb === 'repair') return units.filter((u) => w.units[u].m.value === 'out_of_service');
        return units;
      }
      case 'incident': return visibleIncidents(sim, seat).filter((i) => Incidents.isOpen(i)).map((i) => i.id);
      // only where the seat may order: a neighbour's zone on the board (it asked for support) is refused as no authority
      case 'zone': return this.scenario.evacuation.zones.filter((z) => seen.has(z.area) && mine(z.area) && w.zones[z.id].m.value === 'idle').map((z) => z.id);
      case 'shelter': return this.scenario.evacuation.shelters.filter((x) => seen.has(x.area) && mine(x.area) && w.shelters[x.id].m.value === 'closed').map((x) => x.id);
      // a sea ban where there is no sea is refused (no-coast): offer only the coastal areas
      case 'area': return this.scenario.areas.map((a) => a.id).filter((a) => mine(a) && (verb !== 'sea_ban' || model.hasCoast(a)));
      // only a road closed by an order can be reopened by one (and not one the hazard has cut since)
      case 'road': return this.scenario.travel.edges.map((e) => e.id).filter((e) => (verb === 'close_road' ? w.roads[e].status !== 'cut' : w.roads[e].closed_by !== undefined && hazardOf(w.roads[e]).status !== 'cut'));
      case 'level': return ['0', ...(role?.declares ?? []).map(String)];
      case 'inject': {
        if (verb === 'answer') return waitingDecisions(sim, seat).map((x) => x.inject.id);
        const state = verb === 'hold' ? 'scheduled' : 'held';
        return allInjects(sim).filter((i) => w.injects[i.id].m.value === state).map((i) => i.id);
      }
      case 'option': {
        const list = waitingDecisions(sim, seat).filter((x) => args.inject === undefined || x.inject.id === args.inject);
        return list.flatMap((x) => x.inject.decision!.options.map((o) => o.id));
      }
      case 'role': return verb === 'inject' ? this.scenario.roles.map((r) => r.id) : [...this.opts.players, ...(this.opts.controller ? [CONTROLLER] : [])];
      case 'topic': return [...new Set(VERBS.filter((v) => this.allowed(v)).map((v) => v.words[0]))];
      default: return [];
    }
  }

}
