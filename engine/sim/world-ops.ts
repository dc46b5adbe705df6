/**
 * The world around the incidents and units: its initial state, hazards
 * setting risk levels, seeded rules cutting roads and spawning incidents,
 * isolation and local stock, and the MSEL's injects being delivered.
 */
import { sampleCount, sampleSeconds } from '../core/distributions.js';
import type { StepAction } from '../machines/stepper.js';
import type { Command, Inject } from '../scenario/schema.js';
import * as Evacuation from './evacuation.js';
import * as Incidents from './incidents.js';
import { HAZARD_TICK_S, MACHINES, PRIO, type Sim } from './sim.js';
import * as Units from './units.js';
import { hazardOf, type RoadStatus } from './routing.js';
import type { AreaW, World } from './world.js';

export function initialWorld(sim: Sim): World {
  const s = sim.model.scenario;
  const w: World = {
    t: 0, units: {}, incidents: [], areas: {}, roads: {}, road_version: 0, zones: {}, shelters: {}, injects: {},
    added_injects: [], rules: {}, generators: {}, needy: [], incident_seq: 0, decision_next: 0, dirty: false,
    counts: { reported: 0, resolved: 0, decisions: 0 },
  };
  for (const a of s.areas) {
    const area: AreaW = {
      risk: 0, level: MACHINES.level.initial().snapshot,
      people: { unaffected: a.population, at_risk: 0, moving: 0, sheltered: 0, rescued: 0, lost: 0 },
      isolated: false, isolated_t: -1, stock_pd: a.stock_person_days ?? -1, stock_out: false, stock_timer: -1,
      short: false, short_t: -1, support_t: -1, support_by: null, sea_ban: false, timers: {},
    };
    w.areas[a.id] = area;
  }
  for (const u of s.units) {
    const base = sim.model.basePlace.get(u.id)!;
    w.units[u.id] = {
      m: MACHINES.unit.initial({ endurance_s: u.endurance, rest_s: u.rest }).snapshot,
      node: base.node, x: base.x, y: base.y, incident: null, leg: null, timers: {}, since: 0, trips: 0,
    };
  }
  for (const e of s.travel.edges) w.roads[e.id] = { status: 'open', factor: 1 };
  for (const z of s.evacuation.zones) {
    w.zones[z.id] = { m: MACHINES.zone.initial({ warning_s: z.warning, step_s: s.evacuation.step }).snapshot, remaining: z.population, moving: 0, moving_to: {}, on_road: [], sheltered: 0, caught: 0, timers: {} };
  }
  for (const sh of s.evacuation.shelters) {
    const bySpace = sh.area_m2 !== undefined ? Math.floor(sh.area_m2 / s.evacuation.m2_per_person) : Infinity;
    w.shelters[sh.id] = { m: MACHINES.shelter.initial().snapshot, occupancy: 0, incoming: 0, capacity: Math.min(sh.capacity_people, bySpace) };
  }
  for (const inj of s.injects) w.injects[inj.id] = newInject(inj, false);
  for (const r of s.rules) w.rules[r.id] = { fired: 0 };
  for (const g of s.generators) w.generators[g.id] = { count: 0 };
  return w;
}

function newInject(inj: Inject, added: boolean) {
  return {
    m: MACHINES.inject.initial({ deadline_s: inj.decision?.deadline }).snapshot,
    delivered_t: -1, done_t: -1, timers: {}, added,
  };
}

export function scheduleInitial(sim: Sim): void {
  const s = sim.model.scenario;
  const until = sim.opts.until;
  for (const inc of s.incidents) if (inc.at <= until) sim.schedule(inc.at, PRIO.arrival, { k: 'incident', id: inc.id });
  for (const g of s.generators) Incidents.scheduleArrival(sim, g.id);
  for (const r of s.rules) if (r.from <= until) sim.schedule(r.from, PRIO.world, { k: 'rule', id: r.id });
  if (s.hazards.length > 0 || s.injects.some((i) => i.when)) sim.schedule(0, PRIO.world, { k: 'tick' });
  for (const inj of s.injects) if (inj.at !== undefined && inj.at <= until) sim.schedule(inj.at, PRIO.inject, { k: 'inject', id: inj.id });
  for (const z of s.evacuation.zones) if (z.hazard_arrives !== undefined && z.hazard_arrives <= until) sim.schedule(z.hazard_arrives, PRIO.world, { k: 'strike', zone: z.id });
  if (sim.model.travel.network) isolation(sim);
}

// ------------------------------------------------------------ hazards and rules

export function hazardTick(sim: Sim): void {
  // ticks come every HAZARD_TICK_S from 0, so an area whose level has not changed since the last tick still has it
  const changes = sim.model.hazards.riskChanges(sim.now, HAZARD_TICK_S);
  for (let i = 0; i < changes.length; i++) {
    const { id, risk } = changes[i];
    const w = sim.world.areas[id];
    if (risk !== w.risk) {
      w.risk = risk;
      sim.emit({ t: sim.now, type: 'area.risk', id, risk });
      sim.world.dirty = true;
    }
  }
  checkConditions(sim);
  const next = sim.now + HAZARD_TICK_S;
  if (next <= sim.opts.until) sim.schedule(next, PRIO.world, { k: 'tick' });
}

function hazardValue(sim: Sim, hazardId: string, area: string | undefined): number {
  const h = sim.model.hazard.get(hazardId)!;
  return sim.model.hazards.value(h, area ?? h.areas[0], sim.now);
}

export function checkRule(sim: Sim, id: string): void {
  const r = sim.model.rule.get(id)!;
  const state = sim.world.rules[id];
  if (r.until !== undefined && sim.now > r.until) return;
  let holds = true;
  if (r.hazard !== undefined) {
    const h = sim.model.hazard.get(r.hazard)!;
    const area = r.area ?? h.areas[0];
    const v = sim.model.hazards.value(h, area, sim.now);
    const c = r.when;
    if (c.above !== undefined && !(v > c.above)) holds = false;
    if (c.below !== undefined && !(v < c.below)) holds = false;
    if (c.alarm !== undefined && !sim.model.hazards.alarmReached(h, v, c.alarm)) holds = false;
    // a rule is what the hazard does: the level of its value now, not the level its forecast announces
    if (c.risk_at_least !== undefined && sim.model.hazards.level(h, v) < c.risk_at_least) holds = false;
  }
  if (holds && r.while_incident !== undefined) holds = openIncidentOf(sim, r.while_incident, r.area);
  if (holds && sim.ruleStream(id).next() < r.probability) {
    state.fired++;
    applyEffect(sim, r.id, r.effect, state.fired);
    if (r.once) return;
  }
  const next = sim.now + r.every;
  if (next <= sim.opts.until && (r.until === undefined || next <= r.until)) sim.schedule(next, PRIO.world, { k: 'rule', id });
}

/** Is an incident of this kind open (in this area, if given)? The world holds the open incidents only. */
function openIncidentOf(sim: Sim, kind: string, area: string | undefined): boolean {
  for (const inc of sim.world.incidents) if (inc.kind === kind && (area === undefined || inc.area === area)) return true;
  return false;
}

function applyEffect(sim: Sim, ruleId: string, e: import('../scenario/schema.js').Effect, n: number): void {
  if ('cut_road' in e) setRoad(sim, e.cut_road, 'cut', 0, `rule:${ruleId}`);
  else if ('degrade_road' in e) setRoad(sim, e.degrade_road, 'degraded', e.factor, `rule:${ruleId}`);
  else if ('reopen_road' in e) setRoad(sim, e.reopen_road, 'open', 1, `rule:${ruleId}`);
  else if ('strike_zone' in e) sim.send('zone', e.strike_zone, { type: 'STRUCK' });
  else if ('spawn' in e) {
    const sp = e.spawn;
    const rng = sim.ruleStream(ruleId);
    Incidents.spawn(sim, {
      k: 'spawn', id: `${ruleId}-${n}`, kind: sp.kind, area: sp.area, node: sp.node ?? null, severity: sp.severity ?? null,
      people: sp.people ? sampleCount(sp.people, rng) : null, parent: null, x: null, y: null,
    });
  }
}

/**
 * A road's status changed by the hazard (a rule: `by` is 'rule:<id>') or by a role's order (`order`: close_road
 * and open_road, checked by commands.ts to close an open or slowed road, or lift an order's closure). Under an
 * order's closure a rule changes what the hazard has made of the road (`under`), and the road stays closed;
 * the hazard cutting it is still told (the messages about the cut follow).
 */
export function setRoad(sim: Sim, edge: string, status: 'open' | 'degraded' | 'cut', factor: number, by: string, order = false): void {
  const cur = sim.world.roads[edge] ?? { status: 'open', factor: 1 };
  let next: RoadStatus;
  if (order) {
    if (status === 'cut') next = { status, factor, closed_by: by, under: { status: cur.status, factor: cur.factor } };
    else {
      // lifting the closure leaves what the hazard made of the road (open or slowed: commands.ts refuses a cut one)
      ({ status, factor } = hazardOf(cur));
      next = { status, factor };
    }
  } else if (cur.closed_by !== undefined) {
    const under = hazardOf(cur);
    if (under.status === status && under.factor === factor) return;
    sim.world.roads[edge] = { status: 'cut', factor: 0, closed_by: cur.closed_by, under: { status, factor } };
    // closed it stays: routes and reach do not change, only what lifting the order will leave
    if (status === 'cut') sim.emit({ t: sim.now, type: 'road.status', id: edge, status, by });
    checkConditions(sim);
    sim.world.dirty = true;
    return;
  } else {
    if (cur.status === status && cur.factor === factor) return;
    next = { status, factor };
  }
  sim.world.roads[edge] = next;
  sim.world.road_version++;
  sim.emit({ t: sim.now, type: 'road.status', id: edge, status, ...(status === 'degraded' ? { factor } : {}), by });
  Units.roadsChanged(sim, edge, cur);
  Evacuation.roadsChanged(sim, edge, cur);
  isolation(sim);
  checkConditions(sim);
  sim.world.dirty = true;
}

// ------------------------------------------------------------ isolation and local stock

const DAY_S = 86_400;

export function isolation(sim: Sim): void {
  const rootNode = sim.model.areaPlace.get(sim.model.root)?.node;
  if (!rootNode) return;
  const reach = sim.model.travel.reachable(rootNode, sim.world.roads);
  for (const a of sim.model.scenario.areas) {
    const node = sim.model.areaPlace.get(a.id)!.node;
    if (node === null) continue;
    const isolated = !reach.has(node);
    const w = sim.world.areas[a.id];
    if (isolated === w.isolated) continue;
    w.isolated = isolated;
    sim.emit({ t: sim.now, type: 'area.isolated', id: a.id, isolated });
    if (w.stock_pd < 0 || a.population === 0) continue;
    if (isolated) {
      w.isolated_t = sim.now;
      if (!w.stock_out) {
        const days = w.stock_pd / a.population;
        w.stock_timer = sim.schedule(sim.now + Math.ceil(days * DAY_S), PRIO.world, { k: 'stock', area: a.id });
        sim.emit({ t: sim.now, type: 'area.stock', id: a.id, days: Math.round(days * 100) / 100 });
      }
    } else {
      if (!w.stock_out) {
        w.stock_pd = Math.max(0, w.stock_pd - (a.population * (sim.now - w.isolated_t)) / DAY_S);
        sim.queue.cancel(w.stock_timer);
        sim.emit({ t: sim.now, type: 'area.stock', id: a.id, days: Math.round((w.stock_pd / a.population) * 100) / 100 });
      }
      w.stock_timer = -1;
    }
  }
}

export function stockOut(sim: Sim, area: string): void {
  const w = sim.world.areas[area];
  if (!w.isolated || w.stock_out) return;
  w.stock_out = true;
  w.stock_pd = 0;
  w.stock_timer = -1;
  sim.emit({ t: sim.now, type: 'area.stock', id: area, days: 0 });
  sim.emit({ t: sim.now, type: 'area.stock_out', id: area });
  sim.world.dirty = true;
}

// ------------------------------------------------------------ injects

export function injectDue(sim: Sim, id: string): void {
  if (sim.world.injects[id]?.m.value === 'scheduled') sim.send('inject', id, { type: 'DELIVER' });
}

export function contingencyDue(sim: Sim, id: string): void {
  const spec = sim.injectSpec(id)!;
  const target = sim.world.injects[spec.contingency!.for];
  if (target && target.done_t < 0) injectDue(sim, id);
  else sim.emit({ t: sim.now, type: 'inject.skipped', id, because: 'expected action taken' });
}

export function onInjectStep(sim: Sim, id: string, before: string, actions: StepAction[]): void {
  const w = sim.world.injects[id];
  const custom = sim.runActions('inject', id, w.timers, actions);
  const state = w.m.value as string;
  const spec = sim.injectSpec(id)!;
  if (state !== before && (state === 'held' || (state === 'scheduled' && before === 'held'))) sim.emit({ t: sim.now, type: 'inject.state', id, state });
  for (let i = 0; i < custom.length; i++) {
    const a = custom[i];
    if (a.type === 'delivered') delivered(sim, id, spec);
    else if (a.type === 'apply_default') expired(sim, id, spec);
  }
}

function delivered(sim: Sim, id: string, spec: Inject): void {
  const w = sim.world.injects[id];
  w.delivered_t = sim.now;
  sim.emit({ t: sim.now, type: 'inject.delivered', id, seq: spec.seq, to: spec.to, ...(spec.decision ? { deadline_s: spec.decision.deadline } : {}) });
  // contingencies chasing this inject's expected action
  for (const c of allInjects(sim)) {
    if (c.contingency?.for === id) sim.schedule(sim.now + c.contingency.after, PRIO.inject, { k: 'contingency', id: c.id });
  }
  // an action taken before the inject arrived counts: the plan was already being followed
  const done = spec.expected !== undefined && inEffect(sim, spec.expected);
  if (done) markDone(sim, id, spec.to);
  // a role nobody plays answers as the written plan says, after its staff time
  if (sim.byDoctrine(spec.to)) {
    const reaction = sim.model.scenario.doctrine.reaction;
    if (reaction.kind !== 'fixed' || reaction.value > 0) {
      const delay = sampleSeconds(reaction, sim.rng.get(`inject/${id}/reaction`));
      if (delay > 0) {
        sim.schedule(sim.now + delay, PRIO.inject, { k: 'react', inject: id });
        return;
      }
    }
    react(sim, id);
  }
}

/** Doctrine plays an inject's receiving role: it answers the decision point, or carries out the expected action. */
export function react(sim: Sim, id: string): void {
  const spec = sim.injectSpec(id)!;
  const w = sim.world.injects[id];
  // a trainee took the role over during doctrine's staff time (a fork): it is theirs to answer now
  if (!sim.byDoctrine(spec.to)) return;
  if (spec.decision) {
    // a deadline that passed first has applied the default already
    if (w.m.value !== 'delivered') return;
    const option = sim.model.scenario.doctrine.answer_decisions === 'first' ? spec.decision.options[0].id : spec.decision.default;
    sim.decide({ at: sim.now, role: spec.to, author: 'doctrine', cmd: { do: 'answer', inject: id, option } });
  } else if (w.done_t < 0 && spec.expected && isConcrete(spec.expected)) {
    const { within: _w, ...cmd } = spec.expected;
    sim.decide({ at: sim.now, role: spec.to, author: 'doctrine', cmd: cmd as Command });
  }
}

/** Is what an inject expects already the case (ordered, asked, declared before it arrived)? */
function inEffect(sim: Sim, e: NonNullable<Inject['expected']>): boolean {
  const w = sim.world;
  switch (e.do) {
    case 'evacuate': return e.zone !== undefined && w.zones[e.zone]?.m.value !== 'idle';
    case 'open_shelter': return e.shelter !== undefined && w.shelters[e.shelter]?.m.value !== 'closed';
    case 'declare_level': return e.area !== undefined && e.level !== undefined && (w.areas[e.area]?.level.context.level ?? 0) >= e.level;
    case 'request_support': return e.area !== undefined && (w.areas[e.area]?.support_t ?? -1) >= 0;
    case 'sea_ban': return e.area !== undefined && w.areas[e.area]?.sea_ban === true;
    case 'close_road': return e.edge !== undefined && w.roads[e.edge]?.status === 'cut';
    case 'dispatch': {
      const inc = e.incident !== undefined ? sim.incident(e.incident) : undefined;
      return inc !== undefined && (e.unit === undefined ? inc.assigned.length > 0 : inc.assigned.includes(e.unit));
    }
    default: return false;
  }
}

/** An expected action that names everything a command needs can be carried out as written. */
function isConcrete(e: NonNullable<Inject['expected']>): boolean {
  switch (e.do) {
    case 'dispatch': return e.unit !== undefined && e.incident !== undefined;
    case 'recall': return e.unit !== undefined;
    case 'evacuate': return e.zone !== undefined;
    case 'open_shelter': return e.shelter !== undefined;
    case 'declare_level': return e.area !== undefined && e.level !== undefined;
    case 'request_support': case 'sea_ban': return e.area !== undefined;
    case 'close_road': case 'open_road': return e.edge !== undefined;
    case 'public_info': return e.area !== undefined && e.message !== undefined;
    default: return false;
  }
}

function expired(sim: Sim, id: string, spec: Inject): void {
  const option = spec.decision!.options.find((o) => o.id === spec.decision!.default)!;
  sim.emit({ t: sim.now, type: 'inject.expired', id, option: option.id });
  sim.world.injects[id].done_t = sim.now;
  for (const cmd of option.commands) sim.decide({ at: sim.now, role: spec.to, author: 'default', cmd }, true);
}

export function allInjects(sim: Sim): Inject[] {
  const added = sim.world.added_injects as Inject[];
  return added.length ? [...sim.model.scenario.injects, ...added] : sim.model.scenario.injects;
}

/** Are there injects at all (the scenario's or added ones)? Without any, noteAction has nothing to look at. */
export function anyInjects(sim: Sim): boolean {
  return sim.model.scenario.injects.length > 0 || (sim.world.added_injects as Inject[]).length > 0;
}

/** A decision was carried out: does it answer an inject's expected action? */
export function noteAction(sim: Sim, role: string, cmd: Record<string, unknown>): void {
  for (const spec of allInjects(sim)) {
    const w = sim.world.injects[spec.id];
    if (!spec.expected || w.delivered_t < 0 || w.done_t >= 0) continue;
    const e = spec.expected as Record<string, unknown>;
    let match = e.do === cmd.do;
    for (const k of ['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'level']) {
      if (match && e[k] !== undefined && e[k] !== cmd[k]) match = false;
    }
    if (!match) continue;
    markDone(sim, spec.id, role);
  }
}

export function markDone(sim: Sim, id: string, role: string): void {
  const w = sim.world.injects[id];
  if (w.done_t >= 0) return;
  w.done_t = sim.now;
  sim.emit({ t: sim.now, type: 'inject.done', id, by: role, latency_s: sim.now - w.delivered_t });
}

export function addInject(sim: Sim, spec: Inject): void {
  (sim.world.added_injects as Inject[]).push(spec);
  sim.world.injects[spec.id] = newInject(spec, true);
  sim.emit({ t: sim.now, type: 'inject.added', id: spec.id, seq: spec.seq, to: spec.to, at: spec.at ?? sim.now });
  // timed as the scenario's own injects are: at its time, when its condition holds (checkConditions looks at the
  // added ones too), or `after` the inject it chases was delivered (delivered() schedules it, or here if that was
  // already so); with none of these, as it is added
  if (spec.at !== undefined) {
    if (spec.at <= sim.now) injectDue(sim, spec.id);
    else sim.schedule(spec.at, PRIO.inject, { k: 'inject', id: spec.id });
  } else if (spec.when) {
    checkCondition(sim, spec);
  } else if (spec.contingency) {
    const target = sim.world.injects[spec.contingency.for];
    if (target !== undefined && target.delivered_t >= 0) sim.schedule(Math.max(sim.now, target.delivered_t + spec.contingency.after), PRIO.inject, { k: 'contingency', id: spec.id });
  } else {
    injectDue(sim, spec.id);
  }
}

/** Deliver injects whose condition now holds. */
export function checkConditions(sim: Sim): void {
  // the scenario's conditional injects (listed once), then those added in play, as they were at the start
  const added = sim.world.added_injects as Inject[];
  const n = added.length;
  for (const spec of sim.model.conditional) checkCondition(sim, spec);
  for (let i = 0; i < n; i++) if (added[i].when) checkCondition(sim, added[i]);
}

function checkCondition(sim: Sim, spec: Inject): void {
  if (sim.world.injects[spec.id].m.value !== 'scheduled') return;
  if (conditionHolds(sim, spec.when!)) injectDue(sim, spec.id);
}

function conditionHolds(sim: Sim, c: NonNullable<Inject['when']>): boolean {
  if (c.hazard !== undefined) {
    const h = sim.model.hazard.get(c.hazard)!;
    const v = hazardValue(sim, c.hazard, c.area);
    if (c.above !== undefined && !(v > c.above)) return false;
    if (c.alarm !== undefined && !sim.model.hazards.alarmReached(h, v, c.alarm)) return false;
    // an inject tells players what the bulletin says: the level announced, ahead of the hazard when it has a forecast
    if (c.risk_at_least !== undefined && sim.model.hazards.levelAt(h, c.area ?? h.areas[0], sim.now) < c.risk_at_least) return false;
  } else if (c.risk_at_least !== undefined && c.area !== undefined) {
    if (sim.world.areas[c.area].risk < c.risk_at_least) return false;
  }
  if (c.incident_kind !== undefined || c.severity_at_least !== undefined) {
    // a loop, not some(): its closure was made at every check
    const list = sim.world.incidents;
    let found = false;
    for (let k = 0; k < list.length && !found; k++) {
      const i = list[k];
      found = (c.incident_kind === undefined || i.kind === c.incident_kind) &&
        (c.severity_at_least === undefined || i.severity >= c.severity_at_least) &&
        (c.area === undefined || i.area === c.area);
    }
    if (!found) return false;
  }
  // cut by the hazard: a road a role closed by order does not set off the messages about a slide or a flood
  if (c.road_cut !== undefined && (sim.world.roads[c.road_cut] === undefined || hazardOf(sim.world.roads[c.road_cut]).status !== 'cut')) return false;
  return true;
}
