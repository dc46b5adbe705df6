/**
 * Decisions files: what trainees (and controllers) decided, when, as which
 * role. `drill run --decisions F` replays one; `drill play` writes the same
 * shape into the run log. Loaded with the same care as scenarios: every
 * problem with file, line, column and a hint.
 */
import { stringify } from 'yaml';
import type { Summary } from '../review/metrics.js';
import { z } from 'zod';
import { within } from '../scenario/areas.js';
import { checkScenario } from '../scenario/check.js';
import { formatClock, parseDuration } from '../scenario/duration.js';
import { didYouMeanSay, formatPath, idFromText, issue, nearest, type PathSegment } from '../scenario/issues.js';
import { ID_RE } from '../scenario/vocabulary.js';
import { inScenarioForm, joined, say, type Param, type Say } from '../scenario/say.js';
import { loadYaml, withClockReadings, writtenInJson, type RawIssue, type SourceText } from '../scenario/parse.js';
import { Command, COMMAND_KEYS, Id, Inject, Offset, Scenario as ScenarioShape, type Scenario } from '../scenario/schema.js';

export type Author = 'trainee' | 'controller' | 'doctrine' | 'default';

export const ControllerCommand = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('hold_inject'), inject: Id }),
  z.strictObject({ do: z.literal('release_inject'), inject: Id }),
  z.strictObject({ do: z.literal('add_inject'), inject: Inject }),
  z.strictObject({ do: z.literal('breakdown'), unit: Id }),
  z.strictObject({ do: z.literal('repair'), unit: Id }),
]);
export const AnswerCommand = z.strictObject({ do: z.literal('answer'), inject: Id, option: Id });

export type ControllerCommand = z.output<typeof ControllerCommand>;
export type AnswerCommand = z.output<typeof AnswerCommand>;
export type AnyCommand = Command | ControllerCommand | AnswerCommand;

export interface Decision {
  at: number;
  role: string;
  author: Author;
  cmd: AnyCommand;
}

const head = { at: Offset, role: Id, author: z.enum(['trainee', 'controller']).optional() };
const entries = [
  ...Command.options.map((o) => o.extend(head)),
  ...ControllerCommand.options.map((o) => o.extend(head)),
  AnswerCommand.extend(head),
] as const;
const Entry = z.discriminatedUnion('do', entries as unknown as [typeof entries[0], ...typeof entries[number][]]);

export const DecisionsFile = z.strictObject({
  drillsim_decisions: z.literal(1).describe('format version'),
  scenario: Id.optional().describe('id of the scenario these decisions are for'),
  players: z.array(Id).optional().describe('roles played by people; doctrine plays the others (default: the roles that decide below)'),
  played_until: Offset.optional().describe("where the play session these decisions come from stopped, before the scenario's end: its players decided up to then, and nobody decides for them after it"),
  decisions: z.array(Entry).default([]),
});

export interface DecisionsInput {
  decisions: Decision[];
  players: string[];
  scenario?: string;
  /** a session saved before the end: when its players stopped deciding (DecisionsFile.played_until) */
  played_until?: number;
  /** from a file: the line of each decision in it, in the same order (to say which one was refused) */
  lines?: number[];
  /**
   * from a run log played to its end on this text of the scenario: the seed and the outcome of the run the
   * decisions were taken in, which a batch of them over other seeds places among its runs ("was it luck?")
   */
  session?: { seed: number; summary: Summary };
}

export function toDecision(e: z.output<typeof Entry>): Decision {
  const { at, role, author, ...cmd } = e as any;
  return { at, role, author: author ?? (role === 'controller' ? 'controller' : 'trainee'), cmd };
}

/**
 * Read a decisions file; with the scenario, ids are checked too. An inject
 * the file adds itself (`add_inject`) may be answered, held or released by
 * its decisions after the one that adds it; `addedBefore` names injects added
 * before any of the file's decisions (drill fork: by the run's decisions it keeps).
 * `forkedAway` (drill fork): the injects the run added at or after the fork,
 * which the fork drops with the rest of the run's later decisions, by id, with
 * the time the run added each: naming one is explained, not just "unknown".
 */
export interface ForkedAway { at: number; adds: ReadonlyMap<string, number> }

export function parseDecisions(text: string, file: string, scenario?: Scenario, addedBefore: readonly string[] = [], forkedAway?: ForkedAway):
  | { ok: true; value: DecisionsInput; warnings: import('../scenario/issues.js').ScenarioIssue[] }
  | { ok: false; issues: import('../scenario/issues.js').ScenarioIssue[] } {
  const r = loadYaml(text, file, DecisionsFile, scenario ? (raw, source) => checkRefs(raw, scenario, addedBefore, source, forkedAway) : undefined, 'decisions file');
  if (!r.ok) return scenario ? { ok: false, issues: withClockReadings(r.issues, scenario.start, scenario.horizon) } : r;
  const decisions = r.value.decisions.map(toDecision);
  const players = r.value.players ?? [...new Set(decisions.filter((d) => d.role !== 'controller').map((d) => d.role))].sort();
  const lines = decisions.map((_, i) => r.place(['decisions', i]).line);
  const until = r.value.played_until;
  const warnings = [...r.warnings];
  // replayed over seeds by a batch, a session stopped part-way leaves its roles to nobody after the stop: said, as
  // for the session's run log (decisions-of-log.ts), or a planner reads 0 rescued as the trainee's outcome
  if (until !== undefined && players.length && (scenario === undefined || until < scenario.horizon)) {
    const at = r.place(['played_until']);
    warnings.push(issue({ file, line: at.line, column: at.column, path: 'played_until', code: 'session-stopped', severity: 'warning' },
      say('session.message-file', { t: formatClock(until), players: joined(players) }), say('session.hint-file')));
  }
  return { ok: true, value: { decisions, players, scenario: r.value.scenario, lines, ...(until !== undefined ? { played_until: until } : {}) }, warnings };
}

/** An inject the file adds itself (`add_inject`): where and when, so that later decisions may name it. */
interface AddedHere { index: number; at: number }

/**
 * The injects the file's own `add_inject` decisions add, by id, in the order
 * they are carried out (time, then file order): a decision may answer, hold or
 * release one once it has been added.
 */
function addedHere(decisions: unknown[]): Map<string, AddedHere[]> {
  const out = new Map<string, AddedHere[]>();
  decisions.forEach((d, index) => {
    if (typeof d !== 'object' || d === null) return;
    const e = d as Record<string, unknown>;
    const id = typeof e.inject === 'object' && e.inject !== null ? (e.inject as Record<string, unknown>).id : undefined;
    const at = e.do === 'add_inject' && typeof e.at === 'string' ? parseDuration(e.at) : undefined;
    if (typeof id !== 'string' || !at?.ok) return;
    const list = out.get(id) ?? [];
    list.push({ index, at: at.seconds });
    out.set(id, list.sort((a, b) => a.at - b.at || a.index - b.index));
  });
  return out;
}

function checkRefs(raw: unknown, s: Scenario, addedBefore: readonly string[], source?: SourceText, forkedAway?: ForkedAway): RawIssue[] {
  const out: RawIssue[] = [];
  if (typeof raw !== 'object' || raw === null) return out;
  const r = raw as Record<string, unknown>;
  const roles = new Set(['controller', ...s.roles.map((x) => x.id)]);
  const ids: Record<string, string[]> = {
    unit: s.units.map((u) => u.id), zone: s.evacuation.zones.map((z) => z.id), shelter: s.evacuation.shelters.map((x) => x.id),
    area: s.areas.map((a) => a.id), edge: s.travel.edges.map((e) => e.id), inject: [...s.injects.map((i) => i.id), ...addedBefore],
  };
  const bad = (path: PathSegment[], what: string, v: string, known: Iterable<string>) =>
    out.push({ path, code: 'unknown-id', message: say('ref.unknown', { label: say(`label.${what}` as 'label.area'), value: v }), hint: didYouMeanSay(v, known), severity: 'error' });
  if (typeof r.scenario === 'string' && r.scenario !== s.id) {
    // that line alone: checked against another scenario, every role, unit and zone would be unknown (and 'did you mean' would point into the wrong scenario)
    out.push({ path: ['scenario'], code: 'wrong-scenario', message: say('wrong-scenario.message', { for: r.scenario, id: s.id }), hint: say('wrong-scenario.hint', { id: s.id }), severity: 'error' });
    return out;
  }
  if (Array.isArray(r.players)) r.players.forEach((p, i) => { if (typeof p === 'string' && !roles.has(p)) bad(['players', i], 'role', p, roles); });
  // a person's decision for a role doctrine plays: both would act for it, and the log would credit the person
  const players = Array.isArray(r.players) ? new Set(r.players.filter((p): p is string => typeof p === 'string')) : undefined;
  // the roles a misspelt player names ('mx-comander' for mx-commander): players[i] says so already, with the role meant,
  // and each of that role's decisions being 'not in players' is the same mistake said again, once per line
  const meantPlayers = new Set([...players ?? []].filter((p) => !roles.has(p)).map((p) => nearest(p, roles)));
  const horizon = s.horizon;
  // injects this file adds: answered, held or released once added, like the scenario's own
  const added = Array.isArray(r.decisions) ? addedHere(r.decisions) : new Map<string, AddedHere[]>();
  const checkAdded = (path: PathSegment[], id: string, at: unknown, index: number, adds: AddedHere[]) => {
    const when = typeof at === 'string' ? parseDuration(at) : undefined;
    // a time that does not read is the shape check's to report
    if (!when?.ok) return;
    // decisions are carried out in time order, those at the same time in the order of the file
    if (adds.some((a) => a.at < when.seconds || (a.at === when.seconds && a.index < index))) return;
    const first = adds[0];
    const line = source?.line?.(['decisions', first.index]);
    const where = line !== undefined ? say('where.line', { line }) : say('where.index', { i: first.index });
    out.push({
      path, code: 'inject-added-later', severity: 'error',
      message: first.at === when.seconds
        ? say('added-later.same-time', { id, at: formatClock(first.at), where })
        : say('added-later.later', { id, t: formatClock(when.seconds), at: formatClock(first.at), where }),
      hint: first.at === when.seconds ? say('added-later.same-time-hint') : say('added-later.later-hint', { at: formatClock(first.at) }),
    });
  };
  // the incidents a run can have: the scripted ones, `<generator or rule>-<n>`, `<zone>-caught`, and their secondaries `<id>.s<n>`
  const scripted = s.incidents.map((x) => x.id);
  const sources = [...s.generators.map((g) => g.id), ...s.rules.map((r) => r.id)];
  const caught = s.evacuation.zones.filter((z) => z.if_caught !== undefined).map((z) => `${z.id}-caught`);
  const canExist = (id: string): boolean => {
    const base = id.replace(/(\.s\d+)+$/, '');
    const numbered = /^(.+)-\d+$/.exec(base);
    return scripted.includes(base) || caught.includes(base) || (numbered !== null && sources.includes(numbered[1]));
  };
  // a sea ban where there is no sea: the engine refuses it whenever it is given, and says so in the log (a warning:
  // the file is a record of what was decided, and the run shows the refusal)
  const coastal = s.areas.filter((a) => a.coast === true).map((a) => a.id);
  const parent = new Map(s.areas.map((a) => [a.id, a.parent]));
  const parentOf = (a: string) => parent.get(a);
  const seaBanInland = (c: Record<string, unknown>, path: PathSegment[], what: Say = say('decision-coast.orders'), role?: unknown) => {
    if (c.do !== 'sea_ban' || typeof c.area !== 'string' || !ids.area.includes(c.area) || coastal.includes(c.area)) return;
    const roleArea = s.roles.find((x) => x.id === role)?.area;
    const yours = roleArea === undefined ? coastal : coastal.filter((a) => within(a, roleArea, parentOf));
    const instead = yours.length ? say('coast.name-coastal', { list: joined(yours) })
      : coastal.length ? say('decision-coast.none-yours', { list: joined(coastal), role: String(role) })
      : say('decision-coast.none');
    out.push({
      path: [...path, 'area'], code: 'no-coast', severity: 'warning',
      message: say('decision-coast.message', { what, area: c.area }),
      hint: say('decision-coast.hint', { instead, area: c.area, coast: inScenarioForm(say('decision-coast.mark'), writtenInJson(s)) }),
    });
  };
  /**
   * A command written as a key (`{ at: T+00:40, role: tc-chair, evacuate: ta-ca-riverside }`, as one says it): the
   * shape check says only that `do:` is missing. One error at the key, with the order to write, as drill validate
   * says it of a scenario's order (check.ts commandAsKey).
   */
  const commandAsKey = (e: Record<string, unknown>, i: number) => {
    if (e.do !== undefined) return;
    const cmds = Object.keys(e).filter((k): k is keyof typeof COMMAND_KEYS => Object.hasOwn(COMMAND_KEYS, k));
    if (cmds.length !== 1) return;
    const cmd = cmds[0], v = e[cmd];
    if (typeof v !== 'string' && typeof v !== 'number') return;
    const [key, ...others] = COMMAND_KEYS[cmd];
    const value = String(v), known = ids[key] ?? [];
    const meant = known.includes(value) ? value : nearest(value, known);
    const text = (id: string) => [`do: ${cmd}`, `${key}: ${id}`, ...others.filter((k) => e[k] === undefined).map((k) => `${k}: <${k === 'message' ? 'text' : k}>`)].join(', ');
    const label = say(`label.${key}` as 'label.area');
    out.push({
      path: ['decisions', i, cmd], code: 'command-key', severity: 'error', atKey: true, replaces: true, covers: [['decisions', i, 'do']],
      message: say('command-key.message', { written: `${cmd}: ${value}`, label, key }),
      hint: meant === value ? say('command-key.write', { text: text(value) })
        : meant !== undefined ? say('command-key.guess', { text: text(meant), label, near: meant })
        : known.length > 0 ? say('command-key.choose', { text: text('<id>'), label, list: joined(known) })
        : say('command-key.write', { text: text('<id>') }),
    });
  };
  // ids the file's own add_inject decisions took so far
  const addedEarlier = new Set<string>();
  if (Array.isArray(r.decisions)) {
    r.decisions.forEach((d, i) => {
      if (typeof d !== 'object' || d === null) return;
      const e = d as Record<string, unknown>;
      if (typeof e.role === 'string' && !roles.has(e.role)) bad(['decisions', i, 'role'], 'role', e.role, roles);
      else if (players && typeof e.role === 'string' && e.role !== 'controller' && e.author !== 'controller' && !players.has(e.role) && !meantPlayers.has(e.role)) {
        out.push({
          path: ['decisions', i, 'role'], code: 'not-a-player', severity: 'error',
          message: say('not-a-player.message', { role: e.role, players: joined([...players]) }),
          hint: say('not-a-player.hint', { role: e.role }),
        });
      }
      commandAsKey(e, i);
      for (const k of Object.keys(ids)) {
        const v = e[k];
        if (typeof v !== 'string' || ids[k].includes(v)) continue;
        const adds = k === 'inject' ? added.get(v) : undefined;
        const dropped = k === 'inject' ? forkedAway?.adds.get(v) : undefined;
        if (adds) checkAdded(['decisions', i, k], v, e.at, i, adds);
        else if (dropped !== undefined) {
          out.push({
            path: ['decisions', i, k], code: 'inject-added-after-fork', severity: 'error',
            message: say('after-fork.message', { id: v, at: formatClock(dropped), fork: formatClock(forkedAway!.at) }),
            hint: say('after-fork.hint', { at: formatClock(dropped) }),
          });
        } else bad(['decisions', i, k], k === 'edge' ? 'road' : k, v, k === 'inject' ? [...ids.inject, ...added.keys()] : ids[k]);
      }
      seaBanInland(e, ['decisions', i], undefined, e.role);
      // an inject added during the run: sent to a role of the scenario, with an id of its own (the run refuses either)
      const adds = e.do === 'add_inject' ? asObj(e.inject) : undefined;
      if (adds && typeof adds.to === 'string' && !s.roles.some((x) => x.id === adds.to)) bad(['decisions', i, 'inject', 'to'], 'role', adds.to, s.roles.map((x) => x.id));
      if (adds && typeof adds.id === 'string') {
        if (ids.inject.includes(adds.id) || addedEarlier.has(adds.id)) {
          out.push({ path: ['decisions', i, 'inject', 'id'], code: 'duplicate-id', severity: 'error', message: say('added-inject.taken', { id: adds.id }), hint: say('added-inject.taken-hint') });
        }
        addedEarlier.add(adds.id);
      }
      // knowable before the run, refused in it: an incident no source of the scenario can make, a level the role may not declare
      // (an id with a lookalike in it, 'collapse‑1' with a non-breaking hyphen: the shape check said to write 'collapse-1', once)
      const meantIncident = typeof e.incident === 'string' && !ID_RE.test(e.incident) ? idFromText(e.incident) : undefined;
      if (typeof e.incident === 'string' && !canExist(e.incident) && !(meantIncident !== undefined && canExist(meantIncident))) {
        out.push({
          path: ['decisions', i, 'incident'], code: 'no-such-incident', severity: 'warning',
          message: say('decision-incident.message', { id: e.incident }),
          hint: didYouMeanSay(e.incident, scripted) ?? (sources.length ? say('decision-incident.hint', { list: joined(sources.map((g) => `${g}-1`)) }) : say('decision-incident.hint-none', { incidents: inScenarioForm(say('decision-incident.incidents'), writtenInJson(s)) })),
        });
      }
      // a scripted incident is reported at its own time: an order for it before then finds no incident, and is refused
      const scriptedAt = typeof e.incident === 'string' ? s.incidents.find((x) => x.id === e.incident)?.at : undefined;
      const orderedAt = typeof e.at === 'string' ? parseDuration(e.at) : undefined;
      if (scriptedAt !== undefined && orderedAt?.ok && orderedAt.seconds < scriptedAt) {
        out.push({
          path: ['decisions', i, 'at'], code: 'before-incident', severity: 'warning',
          message: say('decision-before-incident.message', { id: String(e.incident), t: formatClock(scriptedAt), at: String(e.at) }),
          hint: say('decision-before-incident.hint', { t: formatClock(scriptedAt) }),
        });
      }
      const role = typeof e.role === 'string' ? s.roles.find((x) => x.id === e.role) : undefined;
      // a level past the three there are is the shape check's error: not a question of authority as well
      if (role && e.do === 'declare_level' && typeof e.level === 'number' && e.level > 0 && e.level <= 3 && !role.declares.includes(e.level)) {
        out.push({
          path: ['decisions', i, 'level'], code: 'no-authority', severity: 'warning',
          message: say('decision-level.message', { role: role.id, level: e.level }),
          hint: say(role.declares.length ? 'decision-level.hint' : 'decision-level.hint-none', { list: joined(role.declares.map(String)), declares: inScenarioForm(say('decision-level.declares'), writtenInJson(s)) }),
        });
      }
      // an inject the controller adds may expect, or offer, a sea ban too
      const spec = e.do === 'add_inject' ? asObj(e.inject) : undefined;
      if (spec) {
        const expected = asObj(spec.expected);
        if (expected) seaBanInland(expected, ['decisions', i, 'inject', 'expected'], say('coast.inject-expects', { id: String(spec.id) }));
        const options = asObj(spec.decision)?.options;
        if (Array.isArray(options)) options.forEach((o, j) => {
          const cmds = asObj(o)?.commands;
          if (Array.isArray(cmds)) cmds.forEach((c, k) => {
            const cmd = asObj(c);
            if (cmd) seaBanInland(cmd, ['decisions', i, 'inject', 'decision', 'options', j, 'commands', k], say('coast.option-orders', { option: String(asObj(o)!.id), id: String(spec.id) }));
          });
        });
      }
      if (typeof e.at === 'string') {
        // in whatever form it is written (T+1d02:00 and 26h are after an 18h horizon too); no run reaches it, so it
        // would never be played: refused, not run without it as if the file were what the planner meant
        const at = parseDuration(e.at);
        if (at.ok && at.seconds > horizon) {
          out.push({
            path: ['decisions', i, 'at'], code: 'outside-horizon', severity: 'error',
            message: say('decision-horizon.message', { at: e.at, end: formatClock(horizon) }), hint: say('decision-horizon.hint', { end: formatClock(horizon) }),
          });
        }
      }
    });
  }
  // the injects it adds, as drill validate checks the scenario's
  if (Array.isArray(r.decisions)) out.push(...addedInjectIssues(r.decisions, s, addedBefore));
  return out;
}

/**
 * The injects the file adds, checked as drill validate checks the scenario's own (check.ts): each put after the
 * scenario's injects, its problems said at its place in the file (`decisions[i].inject...`). Left to checkRefs:
 * the role it goes to and its id (said there as the run refuses them), a sea ban (a warning there: the run shows
 * the refusal). Left out: an inject with no time (an added one is delivered as it is added).
 */
function addedInjectIssues(decisions: unknown[], s: Scenario, addedBefore: readonly string[]): RawIssue[] {
  const adds = decisions.flatMap((d, i) => {
    const e = asObj(d);
    const spec = e?.do === 'add_inject' ? asObj(e.inject) : undefined;
    return spec ? [{ i, spec }] : [];
  });
  if (adds.length === 0) return [];
  const written = z.encode(ScenarioShape, s) as Record<string, unknown>;
  const n = Array.isArray(written.injects) ? written.injects.length : 0;
  const raw = { ...written, injects: [...(written.injects as unknown[] ?? []), ...adds.map((a) => a.spec)] };
  const out: RawIssue[] = [];
  for (const ri of checkScenario(raw)) {
    const [head, k, ...rest] = ri.path;
    if (head !== 'injects' || typeof k !== 'number' || k < n) continue;
    const here = (p: PathSegment[]): PathSegment[] => (p[0] === 'injects' && p[1] === k ? ['decisions', adds[k - n].i, 'inject', ...p.slice(2)] : p);
    if ((rest[0] === 'to' && ri.code === 'unknown-id') || (rest.length === 1 && rest[0] === 'id' && ri.code === 'duplicate-id') || ri.code === 'no-coast') continue;
    if (ri.message.key === 'trigger.none') continue;
    // a contingency for an inject the run added before a fork (drill fork): there, though not in the scenario
    if (rest[0] === 'contingency' && rest[1] === 'for' && ri.code === 'unknown-id' && addedBefore.includes(String(ri.message.params?.value))) continue;
    // a number another added inject has: the message would name it by a place the scenario does not have
    if (ri.code === 'duplicate-seq' && Number(ri.message.params?.first) >= n) continue;
    const prefix = formatPath(['injects', k]), place = formatPath(['decisions', adds[k - n].i, 'inject']);
    const words = (w: Say | undefined) => (w === undefined ? undefined : repath(ADDED_WORDS[w.key] ? say(ADDED_WORDS[w.key]!, w.params as Record<string, Param>) : w, prefix, place));
    out.push({ ...ri, path: here(ri.path), covers: ri.covers?.map(here), message: words(ri.message)!, hint: words(ri.hint) });
  }
  return out;
}

/**
 * The words of a condition's problem for an added inject: a part of its condition that is not read leaves it
 * delivered when the rest holds, as it is added when nothing else is asked, so the delivery the scenario's words
 * give (at the start, at T+00:00) is not said of it.
 */
const ADDED_WORDS: Partial<Record<Say['key'], Say['key']>> = {
  'when-no-hazard.message': 'added.when-no-hazard.message',
  'when-risk-where.message': 'added.when-risk-where.message',
  'inject-no-alarms.message': 'added.inject-no-alarms.message',
  'when-empty.message': 'added.when-empty.message',
  'when-empty.hint': 'added.when-empty.hint',
  'when-hazard-only.message': 'added.when-hazard-only.message',
};

/** A path the words quote (`injects[18].decision.options[0]`) as the decisions file has it. */
function repath(w: Say, from: string, to: string): Say {
  if (!w.params) return w;
  const param = (p: Param): Param => (typeof p === 'string' ? (p === from || p.startsWith(`${from}.`) ? to + p.slice(from.length) : p)
    : typeof p === 'number' ? p : 'join' in p ? { ...p, join: p.join.map(param) } : repath(p, from, to));
  return { ...w, params: Object.fromEntries(Object.entries(w.params).map(([k, v]) => [k, param(v)])) };
}

const asObj = (v: unknown): Record<string, unknown> | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Record<string, unknown> : undefined);

/** Write decisions back as a decisions file (what `drill play` saves, what `drill fork` reads). */
export function serializeDecisions(d: DecisionsInput): string {
  const file = {
    drillsim_decisions: 1 as const,
    ...(d.scenario ? { scenario: d.scenario } : {}),
    players: d.players,
    ...(d.played_until !== undefined ? { played_until: d.played_until } : {}),
    decisions: d.decisions
      .filter((x) => x.author === 'trainee' || x.author === 'controller')
      .map((x) => ({ at: x.at, role: x.role, ...(x.author === 'controller' && x.role !== 'controller' ? { author: x.author } : {}), ...x.cmd })),
  };
  const encoded = z.encode(DecisionsFile, file as any);
  // each decision reads as people write it: when, who, then what (the schema's own order puts `do` first)
  encoded.decisions = (encoded.decisions ?? []).map(({ at, role, author, ...cmd }: Record<string, any>) => ({ at, role, ...(author !== undefined ? { author } : {}), ...cmd })) as typeof encoded.decisions;
  return stringify(encoded, { lineWidth: 0 });
}
