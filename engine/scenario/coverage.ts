/**
 * Coverage: what a valid scenario can never bring about, found before anyone
 * plays it (warnings, as a linter gives). Every run would show it anyway, as an
 * incident that escalates to the end, an objective "not tested" in every run,
 * an inject never delivered or an expectation nobody can meet; a planner wants
 * to know before convening the exercise.
 *
 * Runs on the parsed scenario (its ids all resolve), so each check reads plainly.
 */
import type { RawIssue } from './check.js';
import { joined, say, type Say } from './say.js';
import type { Scenario } from './schema.js';
import { formatClock } from './duration.js';

/** Metrics whose `of` may name an incident kind: measured over the incidents of that kind. */
const OVER_A_KIND = new Set(['first_on_scene_s', 'contained_s', 'resolved_share', 'mean_response_s']);

export function coverage(s: Scenario): RawIssue[] {
  const out: RawIssue[] = [];
  const warn = (path: (string | number)[], code: string, message: Say, hint: Say) => out.push({ path, code, message, hint, severity: 'warning' });

  // a need beyond every unit together: the incident never has what it needs, so it escalates for as long as it is open
  const total = new Map<string, number>();
  for (const u of s.units) for (const [c, n] of Object.entries(u.capabilities)) total.set(c, (total.get(c) ?? 0) + (n ?? 0));
  s.incident_kinds.forEach((k, i) => {
    for (const [c, need] of Object.entries(k.need)) {
      const least = Array.isArray(need) ? Math.min(...need) : need ?? 0;
      const have = total.get(c) ?? 0;
      if (least <= 0 || have >= least) continue;
      const needs = say(Array.isArray(need) ? 'need.needs-1' : 'need.needs', { id: k.id, cap: c, least });
      const never = say(k.escalate_every !== undefined ? 'need.never-escalates' : 'need.never', { share: share(k.need, c, have) });
      warn(['incident_kinds', i, 'need', c], 'need-uncovered',
        have === 0 ? say('need.none', { cap: c, needs, never }) : say('need.all', { cap: c, have, needs, never }),
        have === 0 ? say('need.none-hint', { cap: c }) : say('need.all-hint', { cap: c }));
    }
  });

  // incident kinds that can come about: scripted, generated, spawned by a rule or a zone's hazard, or as a secondary of one that can
  const arise = new Set<string>([
    ...s.incidents.map((x) => x.kind),
    ...s.generators.flatMap((g) => Object.keys(g.kinds)),
    ...s.rules.flatMap((r) => ('spawn' in r.effect && r.probability > 0 ? [r.effect.spawn.kind] : [])),
    ...s.evacuation.zones.flatMap((z) => (z.if_caught ? [z.if_caught] : [])),
  ]);
  const kinds = new Map(s.incident_kinds.map((k) => [k.id, k]));
  for (const k of [...arise]) for (const id of secondaries(k, kinds)) arise.add(id);
  const never = (kind: string) => kinds.has(kind) && !arise.has(kind);
  const bring = (kind: string) => say('bring.hint', { kind });

  s.objectives.forEach((o, i) => {
    const c = o.criterion;
    if (c.of === undefined || !OVER_A_KIND.has(c.metric) || !never(c.of) || s.incidents.some((x) => x.id === c.of)) return;
    warn(['objectives', i, 'criterion', 'of'], 'never-tested', say('never-tested.message', { id: o.id, kind: c.of }), bring(c.of));
  });
  // a latency is measured to the decision an inject calls for: one that calls for none is never answered
  s.objectives.forEach((o, i) => {
    const inj = o.criterion.metric === 'decision_latency_s' ? s.injects.find((x) => x.id === o.criterion.of) : undefined;
    if (inj === undefined || inj.expected !== undefined || inj.decision !== undefined) return;
    warn(['objectives', i, 'criterion', 'of'], 'never-answered', say('never-answered.message', { id: o.id, inject: inj.id }), say('never-answered.hint', { inject: inj.id }));
  });
  s.injects.forEach((inj, i) => {
    const kind = inj.when?.incident_kind;
    if (kind !== undefined && never(kind)) warn(['injects', i, 'when', 'incident_kind'], 'never-delivered', say('never-delivered.message', { id: inj.id, kind }), bring(kind));
  });
  // only a rule's cut_road cuts a road (a role's close_road does not set road_cut off): a road no rule cuts is never cut
  const cutRoads = [...new Set(s.rules.flatMap((r) => ('cut_road' in r.effect && r.probability > 0 ? [r.effect.cut_road] : [])))];
  s.injects.forEach((inj, i) => {
    const road = inj.when?.road_cut;
    if (road === undefined || cutRoads.includes(road)) return;
    const slows = s.rules.find((r) => 'degrade_road' in r.effect && r.effect.degrade_road === road);
    const others = cutRoads.length > 0 ? say('never-cut.others', { roads: joined(cutRoads) }) : say('never-cut.add', { road });
    warn(['injects', i, 'when', 'road_cut'], 'never-delivered', say('never-cut.message', { id: inj.id, road }),
      slows ? say('never-cut.slowed', { rule: slows.id, others }) : others);
  });

  // an inject that comes with the first incident of a kind and expects a dispatch to one scripted incident of it: another
  // source of the kind (a generator, a rule, an earlier incident, a zone's people) can set it off before that incident is there
  s.injects.forEach((inj, i) => {
    const kind = inj.when?.incident_kind, e = inj.expected;
    if (kind === undefined || e?.do !== 'dispatch' || e.incident === undefined) return;
    const target = s.incidents.find((x) => x.id === e.incident);
    if (!target || target.kind !== kind) return;
    const area = inj.when?.area;
    const earlier = earlierSources(s, kind, target.at, target.id, area);
    if (!earlier) return;
    warn(['injects', i, 'when', 'incident_kind'], 'early-inject',
      say('early-inject.message', { id: inj.id, kind, incident: target.id, at: formatClock(target.at), source: earlier.source, from: formatClock(earlier.from) }),
      say('early-inject.hint', { incident: target.id, at: formatClock(target.at) }));
  });

  // an inject at a set time that orders (an option) or expects a dispatch to a scripted incident reported only after
  // every answer can come: the order is refused in every run ('no open incident'), the expectation is late in every run
  s.injects.forEach((inj, i) => {
    if (inj.at === undefined) return;
    const later = (incident: string | undefined, by: number) => {
      const x = incident === undefined ? undefined : s.incidents.find((y) => y.id === incident);
      return x !== undefined && x.at > by ? x : undefined;
    };
    const e = inj.expected;
    const within = e?.within;
    const late = e?.do === 'dispatch' && within !== undefined ? later(e.incident, inj.at + within) : undefined;
    if (late) {
      warn(['injects', i, 'expected', 'incident'], 'before-incident',
        say('before-incident.expected', { id: inj.id, incident: late.id, by: formatClock(inj.at + within!), at: formatClock(late.at) }),
        say('before-incident.hint', { at: formatClock(late.at), incident: late.id }));
    }
    const d = inj.decision;
    d?.options.forEach((o, j) => (o.commands ?? []).forEach((c, k) => {
      const x = c.do === 'dispatch' ? later((c as { incident?: string }).incident, inj.at! + d.deadline) : undefined;
      if (!x) return;
      warn(['injects', i, 'decision', 'options', j, 'commands', k, 'incident'], 'before-incident',
        say('before-incident.option', { id: inj.id, option: o.id, incident: x.id, by: formatClock(inj.at! + d.deadline), at: formatClock(x.at) }),
        say('before-incident.hint', { at: formatClock(x.at), incident: x.id }));
    }));
  });

  // an expected action its addressee may not take: the objective it serves is rated on a decision that cannot come
  const roles = new Map(s.roles.map((r) => [r.id, r]));
  s.injects.forEach((inj, i) => {
    const e = inj.expected, role = roles.get(inj.to);
    if (!e || !role) return;
    if (e.do === 'dispatch' && role.commands.length === 0) {
      warn(['injects', i, 'expected', 'do'], 'expected-impossible', say('expected-dispatch.message', { id: inj.id, to: inj.to }), say('expected-dispatch.hint', { to: inj.to }));
    }
    if (e.do === 'declare_level' && e.level !== undefined && e.level > 0 && !role.declares.includes(e.level)) {
      const may = role.declares.length ? say('expected-level.may', { list: joined(role.declares) }) : say('empty');
      warn(['injects', i, 'expected', 'level'], 'expected-impossible', say('expected-level.message', { id: inj.id, to: inj.to, level: e.level, may }), say('expected-level.hint', { level: e.level }));
    }
  });
  return out;
}

/**
 * The first source (and its earliest time) that can bring about an incident of `kind` before `before`, other than
 * `except`: directly, or through an incident of another kind that can set one off as its secondary.
 */
function earlierSources(s: Scenario, kind: string, before: number, except: string, area: string | undefined): { source: Say; from: number } | undefined {
  const found = directSources(s, kind, before, except, area);
  const kinds = new Map(s.incident_kinds.map((k) => [k.id, k]));
  for (const k of s.incident_kinds) {
    if (k.id === kind || !secondaries(k.id, kinds).includes(kind)) continue;
    // a secondary comes in its parent's area, so the parent's sources are looked for in the inject's area
    for (const x of directSources(s, k.id, before, except, area)) found.push({ source: say('early-inject.through', { source: x.source, parent: k.id, kind }), from: x.from });
  }
  return found.sort((a, b) => a.from - b.from)[0];
}

/** The sources that can start an incident of `kind` themselves before `before`, other than `except`. */
function directSources(s: Scenario, kind: string, before: number, except: string, area: string | undefined): { source: Say; from: number }[] {
  const found: { source: Say; from: number }[] = [];
  const inArea = (a: string) => area === undefined || a === area;
  for (const x of s.incidents) if (x.id !== except && x.kind === kind && x.at < before && inArea(x.area)) found.push({ source: say('early-inject.incident', { id: x.id }), from: x.at });
  for (const g of s.generators) if ((g.kinds[kind] ?? 0) > 0 && g.from < before && g.rate_per_hour > 0 && g.areas.some(inArea)) found.push({ source: say('early-inject.generator', { id: g.id }), from: g.from });
  for (const r of s.rules) if ('spawn' in r.effect && r.effect.spawn.kind === kind && r.probability > 0 && r.from < before && inArea(r.effect.spawn.area)) found.push({ source: say('early-inject.rule', { id: r.id }), from: r.from });
  for (const z of s.evacuation.zones) {
    const from = z.hazard_arrives ?? 0;
    if (z.if_caught === kind && inArea(z.area) && (from < before || s.rules.some((r) => 'strike_zone' in r.effect && r.effect.strike_zone === z.id && r.from < before))) {
      found.push({ source: say('early-inject.zone', { id: z.id }), from: Math.min(from, ...s.rules.filter((r) => 'strike_zone' in r.effect && r.effect.strike_zone === z.id).map((r) => r.from)) });
    }
  }
  return found;
}

/**
 * Kinds that an incident of `kind` may set off, directly or through others. A secondary comes when its parent's
 * severity rises to its `at_severity`, and severity rises only every `escalate_every`: a kind without one sets off none.
 */
function secondaries(kind: string, kinds: Map<string, Scenario['incident_kinds'][number]>): string[] {
  const seen = new Set<string>();
  const todo = [kind];
  while (todo.length) {
    const k = kinds.get(todo.pop()!);
    for (const s of k?.escalate_every === undefined ? [] : k.secondary) {
      if (s.probability > 0 && !seen.has(s.kind)) { seen.add(s.kind); todo.push(s.kind); }
    }
  }
  return [...seen];
}

/** The best work rate with every unit on scene, as the engine reckons it (each needed capability its share, at most full). */
function share(need: Scenario['incident_kinds'][number]['need'], short: string, have: number): string {
  let sum = 0, n = 0;
  for (const [c, v] of Object.entries(need)) {
    const want = Array.isArray(v) ? Math.min(...v) : v ?? 0;
    if (want <= 0) continue;
    n++;
    sum += c === short ? Math.min(1, have / want) : 1;
  }
  return n === 0 ? '0' : `${Math.round((sum / n) * 100)} %`;
}
