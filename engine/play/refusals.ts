/**
 * Why a command was refused, in the seat's language. The engine's check
 * (engine/sim/commands.ts) decides and gives a code; this says the same
 * thing in Vietnamese or English with the particulars (the unit's state, who
 * commands it, the nearest id), read from the world the check was made
 * against. A code this file does not know falls back to its general wording.
 */
import { formatClock } from '../scenario/duration.js';
import { nearest } from '../scenario/issues.js';
import type { Lang } from '../scenario/text.js';
import { check, CONTROLLER_COMMANDS } from '../sim/commands.js';
import type { AnyCommand, Decision } from '../sim/decisions.js';
import * as Incidents from '../sim/incidents.js';
import { hazardOf, type RoadStatus } from '../sim/routing.js';
import type { Sim } from '../sim/sim.js';
import { areaName, seatName } from './board.js';
import { codeKey } from './describe.js';
import { m, mn, type MsgKey } from './messages.js';
import { say as sayText } from './text.js';

/** The states in which a unit is on a job and can be recalled (engine/sim/commands.ts). */
const ATTACHED = new Set(['mobilising', 'en_route', 'blocked', 'on_scene']);

type AuthorityKey = 'ref.not-yours' | 'ref.no-support-there' | 'ref.level-not-yours-may' | 'ref.level-not-yours' | 'ref.level-end-not-yours' | 'ref.area-not-yours' | 'ref.road-not-yours' | 'ref.answer-not-yours' | 'ref.not-delivered' | 'ref.no-coast-not-yours';

/** What the seat's advice may try first: the same order after a recall of its unit (why it would still be refused, or undefined when it would pass). */
export interface Advice {
  afterRecall?: () => string | undefined;
}

/**
 * `voice`: 'seat' speaks to the person at the prompt ("you may not ..."); 'record' names the role, for a list a
 * reviewer reads afterwards (`drill run`'s refused decisions: "Mường Xén commune chair may not ...").
 */
export function explainRefusal(sim: Sim, d: Decision, code: string, lang: Lang, voice: 'seat' | 'record' = 'seat', advice: Advice = {}): string {
  const c = d.cmd as AnyCommand & Record<string, any>;
  const { model, world } = sim;
  const say = (key: MsgKey, p: Record<string, string | number> = {}) => m(lang, key, p);
  /** a reason about the role's own authority, in the voice asked for */
  const own = (key: AuthorityKey, p: Record<string, string | number> = {}) =>
    voice === 'seat' ? say(key, p) : say(`${key}.role`, { ...p, role: seatName(sim, d.role, lang) });
  const guess = (word: string, ids: Iterable<string>) => {
    const near = guessIds(word, [...ids]);
    return near.length === 1 ? say('ref.guess', { id: near[0] }) : near.length ? say('ref.guess-some', { ids: near.join(', ') }) : '';
  };
  const unitState = (id: string) => say(`unit.${world.units[id].m.value as string}` as MsgKey);
  const role = model.role.get(d.role);

  if (CONTROLLER_COMMANDS.has(c.do) && code === 'no-authority') return say('ref.controller-only');
  switch (code) {
    case 'unknown-role': {
      // an added inject's recipient, or the deciding role itself
      const who = c.do === 'add_inject' && typeof c.inject?.to === 'string' ? c.inject.to as string : d.role;
      return say('ref.unknown-role', { id: who, guess: guess(who, model.role.keys()) });
    }
    case 'unknown-unit': return say('ref.unknown-unit', { id: c.unit, guess: guess(c.unit, model.unit.keys()) });
    case 'unknown-incident': {
      // an incident the script reports later is said with when in the record (drill run --decisions, fork, the
      // viewer: read by planners and reviewers), never at the seat: at the table it would tell the trainees the MSEL's plans
      const later = voice === 'record' ? scriptedLater(sim, c.incident) : undefined;
      return later !== undefined ? unknownIncidentLater(c.incident, later, lang) : say('ref.unknown-incident', { id: c.incident, guess: guess(c.incident, world.incidents.map((i) => i.id)) });
    }
    case 'unknown-zone': return say('ref.unknown-zone', { id: c.zone, guess: zoneGuess() });
    case 'unknown-shelter': return say('ref.unknown-shelter', { id: c.shelter, guess: guess(c.shelter, model.scenario.evacuation.shelters.map((s) => s.id)) });
    case 'unknown-area': return say('ref.unknown-area', { id: c.area, guess: guess(c.area, model.area.keys()) });
    case 'unknown-road': return say('ref.unknown-road', { id: c.edge, guess: guess(c.edge, model.scenario.travel.edges.map((e) => e.id)) });
    case 'unknown-inject': return say('ref.unknown-inject', { id: c.inject, guess: guess(c.inject, Object.keys(world.injects)) });
    case 'incident-closed': return say('ref.incident-closed', { id: c.incident, phase: say(`phase.${(sim.incident(c.incident)!.m.value as any).lifecycle}` as MsgKey) });
    case 'unit-busy': {
      const u = world.units[c.unit];
      const busy = say('ref.unit-busy', { id: c.unit, state: unitState(c.unit) }) + (u.incident ? ` ${say('unit.for', { incident: u.incident })}` : '');
      // what to do instead: nothing, when it is sent there already; else a unit on a job can be recalled, then sent
      if (voice !== 'seat' || !u.incident || !ATTACHED.has(world.units[c.unit].m.value as string)) return busy;
      if (u.incident === c.incident) return busy + say('ref.busy-there');
      // recalled, it may still not go (four on-the-spot, no open road, ...): advise the recall only when the order would then pass
      const still = advice.afterRecall?.();
      return busy + (still === undefined ? say('ref.busy-recall', { id: c.unit }) : say('ref.busy-recall-no', { why: still }));
    }
    case 'no-capability': {
      const inc = sim.incident(c.incident)!;
      const need = Object.keys(Incidents.needOf(sim, inc)).map((k) => say(`cap.${k}` as MsgKey)).join(', ');
      return say('ref.no-capability', { unit: c.unit, incident: c.incident, need });
    }
    case 'no-request': {
      const inc = sim.incident(c.incident)!;
      const home = model.unit.get(c.unit)!.home;
      return say('ref.no-request', { unit: c.unit, home: areaName(sim, home, lang), area: areaName(sim, inc.area, lang) });
    }
    case 'no-route': return noRoute();
    case 'not-deployed': return say('ref.not-deployed', { unit: c.unit, state: unitState(c.unit) });
    case 'no-decision': return say('ref.no-decision', { id: c.inject });
    case 'not-waiting': {
      const state = world.injects[c.inject].m.value as string;
      // not delivered yet: say that, not "no longer waiting (scheduled)", which also told a trainee the MSEL's plans
      if (state === 'scheduled' || state === 'held') return own('ref.not-delivered', { id: c.inject });
      return say('ref.not-waiting', { id: c.inject, state: say(`inject.${state}` as MsgKey) });
    }
    case 'unknown-option': {
      const spec = sim.injectSpec(c.inject);
      return say('ref.unknown-option', { option: c.option, id: c.inject, options: spec?.decision?.options.map((o) => o.id).join(', ') ?? '' });
    }
    case 'duplicate-id': return say('ref.duplicate-id', { id: c.inject?.id ?? '' });
    case 'no-authority': return noAuthority();
    case 'no-change': return noChange();
    case 'no-coast': return noCoast();
    case 'empty-message': return say('ref.empty-message', { area: c.area });
    case 'hazard-road': {
      const r = world.roads[c.edge];
      if (r.closed_by !== undefined) return say('ref.road-cut-under-order', { id: c.edge, by: seatName(sim, r.closed_by, lang) });
      return say(r.status === 'cut' ? 'ref.road-hazard-cut' : 'ref.road-hazard-slowed', { id: c.edge });
    }
  }
  return m(lang, codeKey(code));

  /** no open road: the cut roads on the way, when the network tells them; at the seat, what to do instead */
  function noRoute(): string {
    const inc = sim.incident(c.incident)!;
    const cut = cutOnTheWay(sim, c.unit, inc);
    const roads = cut.map((id) => {
      const e = model.travel.edgeById(id)!, r = world.roads[id];
      const name = e.name !== undefined ? sayText(e.name, lang) : `${e.from} - ${e.to}`;
      return `${id} (${name}${r.closed_by !== undefined ? `, ${say('road.closed-by', { by: seatName(sim, r.closed_by, lang) })}` : ''})`;
    });
    const why = say(roads.length ? 'ref.no-route-cut' : 'ref.no-route', { unit: c.unit, incident: c.incident, roads: roads.join(', ') });
    if (voice !== 'seat') return why;
    // a closure of the seat's own that the hazard has not cut since: lifting it opens the way
    const mine = cut.filter((id) => world.roads[id].closed_by === d.role && hazardOf(world.roads[id]).status !== 'cut');
    const lift = mine.map((id) => say('ref.no-route-lift', { id })).join('');
    // another of the seat's units the engine would send there now (checked as this order was: no promise it cannot keep)
    const others = [...model.commander].filter(([u, boss]) => boss === d.role && u !== c.unit && check(sim, { ...d, cmd: { ...c, unit: u } as AnyCommand }).ok).map(([u]) => u);
    if (others.length) return why + lift + say('ref.no-route-others', { units: others.join(', ') });
    // none: the next tier's forces come once the area asks (four on-the-spot), if the seat speaks for it and has not asked
    const area = world.areas[inc.area];
    if (role && model.contains(role.area, inc.area) && area.support_t < 0) {
      return why + lift + say('ref.no-route-support', { command: inc.area === role.area ? 'request support' : `request support for ${inc.area}` });
    }
    return why + lift + say(area.support_t >= 0 ? 'ref.no-route-asked' : 'ref.no-route-none', { area: areaName(sim, inc.area, lang) });
  }

  function noAuthority(): string {
    switch (c.do) {
      case 'dispatch': {
        const boss = model.commander.get(c.unit);
        if (boss !== d.role) return own('ref.not-yours', { unit: c.unit, boss: boss ? `${seatName(sim, boss, lang)} (${boss})` : '?' });
        const area = sim.incident(c.incident)?.area ?? '';
        return own('ref.no-support-there', { area: areaName(sim, area, lang), supports: (role?.supports ?? []).map((a) => areaName(sim, a, lang)).join(', ') });
      }
      case 'recall': {
        const boss = model.commander.get(c.unit);
        return own('ref.not-yours', { unit: c.unit, boss: boss ? `${seatName(sim, boss, lang)} (${boss})` : '?' });
      }
      case 'declare_level': {
        const current = world.areas[c.area].level.context.level as number;
        const may = role?.declares ?? [];
        if (c.level > 0 && !may.includes(c.level)) return own(may.length ? 'ref.level-not-yours-may' : 'ref.level-not-yours', { level: c.level, may: may.join(', ') });
        if (c.level === 0 && !may.includes(current)) return own('ref.level-end-not-yours', { level: current });
        return own('ref.area-not-yours', { area: areaName(sim, c.area, lang) });
      }
      case 'close_road':
      case 'open_road': return own('ref.road-not-yours', { id: c.edge });
      case 'answer': return own('ref.answer-not-yours', { id: c.inject, to: sim.injectSpec(c.inject)?.to ?? '?' });
      case 'evacuate': return own('ref.area-not-yours', { area: areaName(sim, model.scenario.evacuation.zones.find((z) => z.id === c.zone)?.area ?? '', lang) });
      case 'open_shelter': return own('ref.area-not-yours', { area: areaName(sim, model.scenario.evacuation.shelters.find((s) => s.id === c.shelter)?.area ?? '', lang) });
      default: return own('ref.area-not-yours', { area: areaName(sim, c.area ?? '', lang) });
    }
  }

  /** a sea ban where there is no sea: which coastal areas the role may ban the sea in instead; for the record, what the planner can fix */
  function noCoast(): string {
    const area = areaName(sim, c.area, lang);
    const coastal = model.scenario.areas.filter((a) => a.coast === true).map((a) => a.id);
    const yours = role ? coastal.filter((a) => model.contains(role.area, a)) : [];
    const why = yours.length > 0 ? say('ref.no-coast', { area, coastal: yours.map((a) => `${areaName(sim, a, lang)} (${a})`).join(', ') })
      : coastal.length > 0 ? own('ref.no-coast-not-yours', { area })
      : say('ref.no-coast-none', { area });
    return voice === 'record' ? `${why}; ${say('ref.no-coast-mark')}` : why;
  }

  /**
   * The zone meant by a misspelt id: one whose order would be refused as too late says so (a helper typed the
   * suggestion and was refused again); of several, those that can still be ordered.
   */
  function zoneGuess(): string {
    const near = guessIds(c.zone, model.scenario.evacuation.zones.map((z) => z.id));
    const open = near.filter((id) => zoneTooLate(sim, id, lang) === undefined);
    if (near.length === 1 && open.length === 0) return say('ref.guess-too-late', { id: near[0], why: zoneTooLate(sim, near[0], lang)! });
    return guess(c.zone, open.length ? open : near);
  }

  function noChange(): string {
    switch (c.do) {
      // on its way to that very incident already (engine 0.8.2: no-change, where it was a busy unit)
      case 'dispatch': return say('ref.unit-busy', { id: c.unit, state: unitState(c.unit) }) + ` ${say('unit.for', { incident: c.incident })}` + say('ref.busy-there');
      case 'evacuate': return zoneTooLate(sim, c.zone, lang) ?? say('ref.zone-already', { id: c.zone, state: say(`zone.${world.zones[c.zone].m.value as string}` as MsgKey) });
      case 'open_shelter': return say('ref.shelter-already', { id: c.shelter, state: say(`shelter.${world.shelters[c.shelter].m.value as string}` as MsgKey) });
      case 'declare_level': return say('ref.level-already', { area: areaName(sim, c.area, lang), level: c.level });
      case 'request_support': return say('ref.support-already', { area: areaName(sim, c.area, lang) });
      case 'close_road': {
        const by = world.roads[c.edge].closed_by;
        return by !== undefined ? say('ref.road-closed-by', { id: c.edge, by: seatName(sim, by, lang) }) : say('ref.road-already-cut', { id: c.edge });
      }
      case 'open_road': return say('ref.road-already-open', { id: c.edge });
      case 'sea_ban': return say('ref.sea-ban-already', { area: areaName(sim, c.area, lang) });
      case 'hold_inject': return say('ref.hold-not-scheduled', { id: c.inject, state: say(`inject.${world.injects[c.inject].m.value as string}` as MsgKey) });
      case 'release_inject': return say('ref.release-not-held', { id: c.inject });
      case 'repair': return say('ref.repair-not-broken', { unit: c.unit });
      case 'breakdown': return say('ref.breakdown-already', { unit: c.unit, state: unitState(c.unit) });
    }
    return say('code.no-change');
  }
}

/**
 * When a scripted incident is still to be reported, as seen from the sim's time: an order for it now finds no
 * incident, and the reason says when there will be one. Undefined for any other id (a generator's incident is
 * known only once the run has made it: `drill run` says its time after the run, engine/cli/refusals.ts).
 */
export function scriptedLater(sim: Sim, incident: string): number | undefined {
  const at = sim.model.scenario.incidents.find((x) => x.id === incident)?.at;
  return at !== undefined && at > sim.now ? at : undefined;
}

/**
 * The roads cut on the way from a unit to an incident: those on the fastest way it would take were no road cut (the
 * routing's own, on a copy of the statuses: the world and its runs are untouched). None without a road network, or
 * when no way would open even so (no road the unit can travel).
 */
function cutOnTheWay(sim: Sim, unit: string, to: { node: string | null }): string[] {
  const { travel } = sim.model;
  const from = sim.world.units[unit].node;
  if (!travel.network || from === null || to.node === null) return [];
  const uncut: Record<string, RoadStatus> = {};
  for (const id in sim.world.roads) {
    const r = sim.world.roads[id];
    uncut[id] = r.status === 'cut' ? { status: 'open', factor: 1 } : r;
  }
  // a version no world has: the routing reads these statuses afresh
  const way = travel.route(sim.model.profile.get(unit)!, from, to.node, uncut, -1);
  return way ? way.edges.filter((id) => sim.world.roads[id].status === 'cut') : [];
}

/** No open incident of that id yet, with the time it is reported at: "there is no open incident 'collapse-1' yet (reported at T+00:20)". */
export function unknownIncidentLater(incident: string, t: number, lang: Lang): string {
  return m(lang, 'ref.unknown-incident-later', { id: incident, t: formatClock(t) });
}

/**
 * Why an evacuation order for a zone at `t` comes too late: the hazard reaches it at that time (before the orders),
 * or has reached it with people still there; undefined when it does not. `t`: the stop, where the world may be
 * short of it (a session's world is as of its last event).
 */
export function zoneTooLate(sim: Sim, zone: string, lang: Lang, t = sim.world.t): string | undefined {
  const { model, world } = sim;
  // struck at this very time, before orders: the board (just before it) still showed "no order yet"
  const spec = model.scenario.evacuation.zones.find((z) => z.id === zone);
  if (spec?.hazard_arrives === t && world.zones[zone].sheltered === 0) return m(lang, 'ref.zone-struck', { id: zone, t: formatClock(t) });
  // struck earlier with people still there: the engine closed the zone ("done"), but nobody would call that an order carried out
  const z = world.zones[zone];
  if (z.m.context.struck && z.caught > 0) {
    const at = struckAt(sim, zone) ?? (spec?.hazard_arrives !== undefined && spec.hazard_arrives <= world.t ? spec.hazard_arrives : undefined);
    return at !== undefined ? mn(lang, 'ref.zone-caught', z.caught, { id: zone, t: formatClock(at) }) : mn(lang, 'ref.zone-caught-untimed', z.caught, { id: zone });
  }
  return undefined;
}

/**
 * When the hazard reached a zone, from the run's log (a rule may strike a zone
 * before its `hazard_arrives`); undefined without a log, or when the event is
 * before what the log holds (a run resumed from a keyframe).
 */
function struckAt(sim: Sim, zone: string): number | undefined {
  const lines = sim.log?.lines ?? [];
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!lines[i].includes('"type":"zone.struck"')) continue;
    const e = JSON.parse(lines[i]) as { t: number; id: string };
    if (e.id === zone) return e.t;
  }
  return undefined;
}

/**
 * The ids someone probably meant by `word`: the nearest by spelling, else those
 * it is the start of (`pa-co` for `pa-co-hillside`), else those it is part of;
 * none when that leaves more than three.
 */
export function guessIds(word: string, ids: readonly string[]): string[] {
  const near = nearest(word, ids);
  if (near) return [near];
  if (word.length < 2) return [];
  for (const fits of [(id: string) => id.startsWith(word), (id: string) => id.includes(word)]) {
    const hits = ids.filter(fits).sort();
    if (hits.length) return hits.length <= 3 ? hits : [];
  }
  return [];
}
