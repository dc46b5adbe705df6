/**
 * Metrics from the event stream. One reducer serves the live run (the engine
 * feeds it each event as it happens, even when no log is written) and the
 * review of a saved log (the same events read back): the figures cannot
 * disagree because there is only one place that computes them.
 *
 * Objectives are read at their deadline: when the stream passes `by`, the
 * criterion's metric is taken as it stood then, together with the evidence:
 * the events that decided the value (kept by reference, with their index in
 * the log), or a note of what never happened. Evidence stays out of the
 * summary so that the run log's shape does not depend on it.
 */
import type { Inject, MetricName, Objective, Scenario } from '../scenario/schema.js';
import { AddedInjects, type InjectSpecCheck } from './added-injects.js';
import { AnswerOrders } from './answer-orders.js';
import { absent, cite, sortEvidence, type Evidence, type Seen } from './evidence.js';

export interface LogEvent { t: number; type: string; [k: string]: unknown }

export type Rating = 'P' | 'S' | 'M' | 'U';

/**
 * Why an objective was not tested in a run: what it measures did not come
 * about, so there was nothing to rate (no incident of the kind to reach or
 * contain, nobody at risk, the inject never delivered...). Not a failure and
 * not a success: such an objective is neither met nor rated.
 */
export type NotTested =
  /** no incident matching `of` (kind, incident, area; any without `of`) was reported by the time it was read */
  | 'no_incident'
  /** the matching incidents had nobody at risk: a share of nobody */
  | 'nobody_at_risk'
  /** the inject was not delivered (its condition never came, or it was skipped) */
  | 'inject_not_delivered'
  /** nobody ever came to the shelter: no occupancy to compare with its capacity */
  | 'shelter_unused'
  /** the area was never cut off: no reading of its supplies */
  | 'never_cut_off'
  /** no level / request was made, and none was called for: the area's forces were never exceeded and no inject asked for it */
  | 'not_called_for';

export interface ObjectiveResult {
  id: string;
  metric: MetricName;
  of: string | null;
  /** null when it never happened (see `met`), or when not tested */
  value: number | null;
  /** false when not tested */
  met: boolean;
  /** null when not tested */
  rating: Rating | null;
  /** time the value was read */
  at: number;
  /** only when the objective was not tested in this run: why */
  not_tested?: NotTested;
}

export interface IncidentRec {
  kind: string;
  area: string;
  reported: number;
  first_on_scene: number;
  contained: number;
  resolved: number;
  people: number;
  rescued: number;
  lost: number;
  severity: number;
  severity_max: number;
  /** the events behind the figures, for evidence */
  seen: { reported: Seen; on_scene: Seen | null; contained: Seen | null; resolved: Seen | null; people: Seen | null };
}

interface ZoneRec { population: number; sheltered: number; order: Seen | null; ordered: Seen | null; progress: Seen | null; struck: Seen | null }
interface ShelterRec { capacity: number; occupancy: number; peak: number; peakSeen: Seen | null }


export interface Summary {
  t_end: number;
  incidents: { reported: number; contained: number; resolved: number };
  people: { at_risk: number; rescued: number; lost: number; still_at_risk: number; evacuated: number };
  response: {
    mean_first_on_scene_s: number | null;
    max_first_on_scene_s: number | null;
    n: number;
    /** mean seconds from report to the first dispatch, and standard errors (for the bench's agreement check) */
    mean_dispatch_s: number | null;
    se_dispatch_s: number | null;
    se_first_on_scene_s: number | null;
  };
  /**
   * `taken`: accepted commands; `refused`: refused ones; `no_change`: orders an answer to a decision point
   * gave (its option, or its default) that found the thing already so, logged as refused with code
   * `no-change`: the answer was taken, and its order had nothing left to do, so they are not among `refused`
   */
  decisions: { taken: number; refused: number; no_change: number };
  objectives: ObjectiveResult[];
}

/**
 * Where a run lost time, for a batch's "where are the bottlenecks": per area
 * (only areas with incidents, in the scenario's order) the incidents reported,
 * the mean wait from report to the first dispatch and to the first unit on
 * scene, and the incidents no unit had reached by the end; per unit (every
 * one, in the scenario's order) its share of the run busy (committed to an
 * incident or on the way back, as the report's unit table counts it) and
 * blocked by cut roads. Kept apart from the Summary, which every run log stores.
 */
export interface Bottlenecks {
  areas: Record<string, AreaBottleneck>;
  units: Record<string, UnitBottleneck>;
}
export interface AreaBottleneck {
  incidents: number;
  /** mean seconds from report to the first dispatch, over the incidents dispatched (null: none was) */
  wait_s: number | null;
  /** mean seconds from report to the first unit on scene, over those reached (null: none was) */
  first_on_scene_s: number | null;
  /** incidents still open at the end that no unit had reached */
  unreached: number;
}
export interface UnitBottleneck { busy: number; blocked: number }

interface AreaAcc { incidents: number; waitSum: number; waitN: number; firstSum: number; firstN: number }
/** A unit's time: `busy` and `blocked` closed up to `since`, and whether its current state counts in each. */
interface UnitAcc { since: number; busy: number; blocked: number; isBusy: boolean; isBlocked: boolean }
/** The states in which a unit is committed to an incident or on its way back (unit-metrics.ts BUSY_STATES). */
const BUSY = new Set(['mobilising', 'en_route', 'blocked', 'on_scene', 'returning']);

export function compare(value: number, comparator: string, threshold: number): boolean {
  switch (comparator) {
    case '>=': return value >= threshold;
    case '<=': return value <= threshold;
    case '>': return value > threshold;
    case '<': return value < threshold;
    default: return value === threshold;
  }
}

export function rate(o: Objective, value: number): Rating {
  const c = o.criterion.comparator;
  if (Number.isNaN(value)) return 'U';
  if (compare(value, c, o.rating.P)) return 'P';
  if (compare(value, c, o.rating.S)) return 'S';
  if (compare(value, c, o.rating.M)) return 'M';
  return 'U';
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const round3 = (v: number) => Math.round(v * 1000) / 1000;
function se(sum: number, sq: number, n: number): number | null {
  if (n < 2) return null;
  const mean = sum / n;
  return round3(Math.sqrt(Math.max(0, sq / n - mean * mean) / (n - 1)));
}

/** An `incident.phase` event as the engine writes it (the same keys in the same order). */
function phaseEvent(t: number, id: string, phase: string): LogEvent {
  return { t, type: 'incident.phase', id, phase };
}

/** Event types the metrics read: the engine need not build the others when it writes no log. */
export const OBSERVED = new Set([
  'incident.reported', 'incident.phase', 'incident.people', 'zone.progress', 'shelter.occupancy', 'level', 'support.requested',
  'inject.delivered', 'inject.done', 'area.stock', 'decision', 'decision.refused',
  // to tell an answer's order that found the thing already so from a refusal (answer-orders.ts)
  'inject.answered', 'inject.expired',
  // for evidence: the severity an incident reached, the evacuation order and strike, capacity exceeded
  'incident.severity', 'zone.state', 'zone.struck', 'area.short',
]);

export class Metrics {
  readonly incidents = new Map<string, IncidentRec>();
  private readonly zones = new Map<string, ZoneRec>();
  private readonly shelters = new Map<string, ShelterRec>();
  private readonly levelT = new Map<string, number>();
  private readonly levelSeen = new Map<string, Seen>();
  private readonly supportT = new Map<string, number>();
  private readonly supportSeen = new Map<string, Seen>();
  private readonly shortSeen = new Map<string, Seen>();
  /** area -> first time an inject delivered asked for a level / for support there */
  private readonly askedLevel = new Map<string, number>();
  private readonly askedSupport = new Map<string, number>();
  /** the injects that ask for a level or for support, and where: the scenario's, and those exercise control added */
  private readonly asks = new Map<string, { level: boolean; area: string }>();
  /**
   * the specs of injects exercise control added, read from their `add_inject` decisions as the report
   * reads them (added-injects.ts), so that an added inject asks as a scenario inject does; made at the
   * first such decision (most runs have none)
   */
  private added: AddedInjects | null = null;
  private readonly injectDelivered = new Map<string, number>();
  private readonly injectDone = new Map<string, number>();
  private readonly injectSeen = new Map<string, { delivered: Seen | null; done: Seen | null }>();
  private readonly areaLost = new Map<string, number>();
  private readonly stockDays = new Map<string, number>();
  private readonly stockSeen = new Map<string, Seen>();
  private readonly pending: Objective[];
  private readonly results: ObjectiveResult[] = [];
  /** objective id -> the events that decided its value (filled when it is read) */
  readonly evidence = new Map<string, Evidence[]>();
  /** events observed so far: the next event's index in the log */
  private n = 0;
  /** the last decision and its index (two fields, not a Seen per decision: one is made only when a zone's order cites it) */
  private lastDecision: LogEvent | null = null;
  private lastDecisionIndex = -1;
  private taken = 0;
  private refused = 0;
  private noChange = 0;
  /**
   * which decisions an answer's option ordered: such an order that finds the thing already so is counted
   * in `no_change`, not `refused` (as the AAR leaves it out of its findings). Fed only the events it reads.
   */
  private readonly orders: AnswerOrders;

  /** `decision.refused` events so far, answers' orders that changed nothing included (the world does not count them: a refusal changes nothing) */
  get refusedCount(): number {
    return this.refused + this.noChange;
  }
  /** incidents not yet resolved: enough to time dispatch and arrival without keeping every record */
  private readonly open = new Map<string, { reported: number; dispatched: number; onScene: number; area: AreaAcc }>();
  private readonly areaAcc = new Map<string, AreaAcc>();
  private readonly unitAcc = new Map<string, UnitAcc>();
  private waitSum = 0;
  private waitSq = 0;
  private waitN = 0;
  private firstSq = 0;
  private firstSum = 0;
  private firstN = 0;
  private firstMax = 0;
  private reported = 0;
  private contained = 0;
  private resolved = 0;
  private people = 0;
  private rescued = 0;
  private lost = 0;
  private t = 0;
  /** keep per-incident records (for review); batches turn this off to stay flat in memory */
  /** `isSpec` checks the specs of added injects (added-injects.ts): isInjectSpec for a log read back */
  constructor(private readonly scenario: Scenario, private readonly keepIncidents: boolean, private readonly isSpec: InjectSpecCheck) {
    for (const i of scenario.injects) this.noteAsk(i);
    this.orders = new AnswerOrders(scenario.injects, isSpec);
    for (const z of scenario.evacuation.zones) this.zones.set(z.id, { population: z.population, sheltered: 0, order: null, ordered: null, progress: null, struck: null });
    for (const s of scenario.evacuation.shelters) this.shelters.set(s.id, { capacity: 0, occupancy: 0, peak: 0, peakSeen: null });
    for (const u of scenario.units) this.unitAcc.set(u.id, { since: 0, busy: 0, blocked: 0, isBusy: false, isBlocked: false });
    this.pending = scenario.objectives.filter((o) => o.criterion.by !== undefined).sort((a, b) => a.criterion.by! - b.criterion.by! || (a.id < b.id ? -1 : 1));
  }

  /** The next event's index; objectives due before t are settled first. */
  private next(t: number): number {
    const index = this.n++;
    if (t > this.t) {
      while (this.pending.length && this.pending[0].criterion.by! < t) this.settle(this.pending.shift()!);
      this.t = t;
    }
    return index;
  }

  observe(e: LogEvent): void {
    // evidence records are made only where one is kept: batches observe millions of events
    const index = this.next(e.t);
    switch (e.type) {
      case 'incident.reported': {
        this.reported++;
        const people = e.people as number;
        this.people += people;
        const areaId = e.area as string;
        let area = this.areaAcc.get(areaId);
        if (area === undefined) this.areaAcc.set(areaId, (area = { incidents: 0, waitSum: 0, waitN: 0, firstSum: 0, firstN: 0 }));
        area.incidents++;
        this.open.set(e.id as string, { reported: e.t, dispatched: -1, onScene: -1, area });
        if (this.keepIncidents || people > 0 || this.scenario.objectives.length > 0) {
          const severity = e.severity as number;
          this.incidents.set(e.id as string, {
            kind: e.kind as string, area: e.area as string, reported: e.t, first_on_scene: Infinity, contained: Infinity, resolved: Infinity, people, rescued: 0, lost: 0,
            severity, severity_max: severity, seen: { reported: { index, e }, on_scene: null, contained: null, resolved: null, people: null },
          });
        }
        break;
      }
      case 'incident.severity': {
        const r = this.incidents.get(e.id as string);
        if (r) {
          r.severity = e.severity as number;
          if (r.severity > r.severity_max) r.severity_max = r.severity;
        }
        break;
      }
      case 'incident.phase':
        this.phaseAt(index, e.t, e.id as string, e.phase as string, e);
        break;
      case 'incident.people': {
        const r = this.incidents.get(e.id as string);
        this.rescued += e.rescued as number;
        this.lost += e.lost as number;
        if (r) {
          r.rescued += e.rescued as number;
          r.lost += e.lost as number;
          r.seen.people = { index, e };
          this.areaLost.set(r.area, (this.areaLost.get(r.area) ?? 0) + (e.lost as number));
        }
        break;
      }
      case 'zone.progress': {
        const z = this.zones.get(e.id as string);
        if (z) { z.sheltered = e.sheltered as number; z.progress = { index, e }; }
        break;
      }
      case 'zone.state': {
        const z = this.zones.get(e.id as string);
        if (z && e.state === 'ordered' && !z.ordered) {
          z.ordered = { index, e };
          // the order is the decision just before, at the same instant, by the same role
          const d = this.lastDecision;
          if (d && d.t === e.t && d.do === 'evacuate' && d.zone === e.id) z.order = { index: this.lastDecisionIndex, e: d };
        }
        break;
      }
      case 'zone.struck': {
        const z = this.zones.get(e.id as string);
        if (z && !z.struck) z.struck = { index, e };
        break;
      }
      case 'shelter.occupancy': {
        const s = this.shelters.get(e.id as string);
        if (s) {
          s.occupancy = e.occupancy as number;
          s.capacity = e.capacity as number;
          if (s.occupancy > s.peak) { s.peak = s.occupancy; s.peakSeen = { index, e }; }
        }
        break;
      }
      case 'level':
        if ((e.level as number) >= 1 && !this.levelT.has(e.area as string)) {
          this.levelT.set(e.area as string, e.t);
          this.levelSeen.set(e.area as string, { index, e });
        }
        break;
      case 'support.requested':
        if (!this.supportT.has(e.area as string)) {
          this.supportT.set(e.area as string, e.t);
          this.supportSeen.set(e.area as string, { index, e });
        }
        break;
      case 'area.short':
        if (e.short === true && !this.shortSeen.has(e.id as string)) this.shortSeen.set(e.id as string, { index, e });
        break;
      case 'inject.added':
        this.orders.observe(e, index);
        if (this.added !== null) this.learnAdded(e);
        break;
      case 'inject.answered':
      case 'inject.expired':
        this.orders.observe(e, index);
        break;
      case 'inject.delivered': {
        this.injectDelivered.set(e.id as string, e.t);
        this.injectSeen.set(e.id as string, { delivered: { index, e }, done: null });
        this.asked(e.id as string, e.t);
        break;
      }
      case 'inject.done':
        if (!this.injectDone.has(e.id as string)) {
          this.injectDone.set(e.id as string, e.t);
          const s = this.injectSeen.get(e.id as string);
          if (s) s.done = { index, e }; else this.injectSeen.set(e.id as string, { delivered: null, done: { index, e } });
        }
        break;
      case 'area.stock':
        this.stockDays.set(e.id as string, e.days as number);
        this.stockSeen.set(e.id as string, { index, e });
        break;
      case 'decision': {
        this.orders.observe(e, index);
        this.taken++;
        this.lastDecision = e;
        this.lastDecisionIndex = index;
        if (e.do === 'add_inject') (this.added ??= new AddedInjects(this.isSpec)).observe(e);
        if (e.do === 'dispatch') {
          const o = this.open.get(e.incident as string);
          if (o && o.dispatched < 0) {
            o.dispatched = e.t;
            const dt = e.t - o.reported;
            this.waitSum += dt;
            this.waitSq += dt * dt;
            this.waitN++;
            o.area.waitSum += dt;
            o.area.waitN++;
          }
        }
        break;
      }
      case 'unit.state':
        this.unitState(e.id as string, e.state as string, e.t);
        break;
      case 'decision.refused':
        // an answer's order that found the thing already so: the answer was taken, nothing was refused
        // (AnswerOrders is fed only decisions and answers; it checks the instant on each)
        if (this.orders.observe(e, index) !== null && e.code === 'no-change') this.noChange++;
        else this.refused++;
        break;
    }
  }

  /**
   * An incident entered a phase at t: an `incident.phase` event, told directly by the engine when it writes no
   * log (Sim.emitPhase). It counts as an event all the same; the event itself is built only where a kept
   * record cites it, as the literal the engine would have written.
   */
  phase(t: number, id: string, phase: string): void {
    this.phaseAt(this.next(t), t, id, phase, null);
  }

  private phaseAt(index: number, t: number, id: string, phase: string, e: LogEvent | null): void {
    // each phase looks up only the records it changes (an incident passes four phases)
    if (phase === 'responding') {
      const r = this.incidents.get(id);
      const o = this.open.get(id);
      if (r && r.first_on_scene === Infinity) {
        r.first_on_scene = t;
        r.seen.on_scene = { index, e: e ?? phaseEvent(t, id, phase) };
      }
      if (o && o.onScene < 0) {
        o.onScene = t;
        const dt = t - o.reported;
        this.firstSum += dt;
        this.firstSq += dt * dt;
        this.firstN++;
        if (dt > this.firstMax) this.firstMax = dt;
        o.area.firstSum += dt;
        o.area.firstN++;
      }
    } else if (phase === 'contained') {
      this.contained++;
      const r = this.incidents.get(id);
      if (r) { r.contained = t; r.seen.contained = { index, e: e ?? phaseEvent(t, id, phase) }; }
    } else if (phase === 'resolved') {
      this.resolved++;
      this.open.delete(id);
      const r = this.incidents.get(id);
      if (r) { r.resolved = t; r.seen.resolved = { index, e: e ?? phaseEvent(t, id, phase) }; }
      if (!this.keepIncidents && r && r.people === 0 && this.scenario.objectives.length === 0) this.incidents.delete(id);
    }
  }

  /** A `unit.state` event written to the log without an event object (LogWriter.unitState): observe's work for it. */
  unitStateEvent(t: number, id: string, state: string): void {
    this.next(t);
    this.unitState(id, state, t);
  }

  /** An event the metrics do not read, written to the log without an event object: it is counted all the same. */
  unread(t: number): void {
    this.next(t);
  }

  /**
   * A unit changed state at t. The engine calls this itself when it writes no log (it builds no
   * `unit.state` event then: see Sim.recordUnits); a log read back gives it through observe.
   */
  unitState(id: string, state: string, t: number): void {
    const u = this.unitAcc.get(id);
    if (u === undefined) return;
    if (u.isBusy) u.busy += t - u.since;
    if (u.isBlocked) u.blocked += t - u.since;
    u.since = t;
    u.isBusy = BUSY.has(state);
    u.isBlocked = state === 'blocked';
  }

  /** Where the run lost time, closed at t_end (see Bottlenecks). */
  bottlenecks(tEnd: number): Bottlenecks {
    const unreached = new Map<AreaAcc, number>();
    for (const o of this.open.values()) if (o.onScene < 0) unreached.set(o.area, (unreached.get(o.area) ?? 0) + 1);
    const areas: Record<string, AreaBottleneck> = {};
    for (const a of this.scenario.areas) {
      const x = this.areaAcc.get(a.id);
      if (x === undefined) continue;
      areas[a.id] = {
        incidents: x.incidents,
        wait_s: x.waitN ? round3(x.waitSum / x.waitN) : null,
        first_on_scene_s: x.firstN ? round3(x.firstSum / x.firstN) : null,
        unreached: unreached.get(x) ?? 0,
      };
    }
    const units: Record<string, UnitBottleneck> = {};
    for (const [id, u] of this.unitAcc) {
      const open = Math.max(0, tEnd - u.since);
      const busy = u.busy + (u.isBusy ? open : 0), blocked = u.blocked + (u.isBlocked ? open : 0);
      units[id] = { busy: tEnd > 0 ? round3(busy / tEnd) : 0, blocked: tEnd > 0 ? round3(blocked / tEnd) : 0 };
    }
    return { areas, units };
  }

  /** Does this inject ask for a level or for support somewhere? Note it, to time the asking when it is delivered. */
  private noteAsk(i: Inject): void {
    const x = i.expected as { do?: string; area?: string } | undefined;
    if ((x?.do === 'declare_level' || x?.do === 'request_support') && typeof x.area === 'string') this.asks.set(i.id, { level: x.do === 'declare_level', area: x.area });
  }

  /**
   * An inject exercise control added (its `inject.added`, after the accepted `add_inject` decision): its
   * spec, when the decision gave a valid one, says what it asks, like a scenario inject's. An id the
   * scenario has is the scenario's inject (the engine refuses to add it again; only an edited log has one).
   */
  private learnAdded(e: LogEvent): void {
    this.added!.observe(e);
    const id = e.id as string;
    const spec = this.added!.get(id)?.spec;
    if (spec !== undefined && !this.scenario.injects.some((i) => i.id === id)) this.noteAsk(spec);
  }

  /**
   * An inject delivered at t: note when a level or support was first asked for in its area. A method of its
   * own, not a closure in observe: a closure there over the event would make V8 allocate a context at every event.
   */
  private asked(inject: string, t: number): void {
    const a = this.asks.get(inject);
    if (!a) return;
    const m = a.level ? this.askedLevel : this.askedSupport;
    if (!m.has(a.area)) m.set(a.area, t);
  }

  private settle(o: Objective): void {
    const at = o.criterion.by!;
    const value = this.value(o.criterion.metric, o.criterion.of, at);
    this.results.push(this.result(o, value, at));
    this.evidence.set(o.id, this.evidenceFor(o.criterion.metric, o.criterion.of, at));
  }

  /**
   * The events that decided a metric's value read at `at` (the same state
   * `value` reads), or notes of what had not happened by then. Long lists
   * are cut to the events that weigh most (the worst, the largest).
   */
  evidenceFor(metric: MetricName, of: string | undefined, at: number): Evidence[] {
    const out: Evidence[] = [];
    const incidentsOf = () => [...this.incidents.entries()].filter(([id, r]) => of === undefined || id === of || r.kind === of || r.area === of);
    const MAX = 8;
    switch (metric) {
      case 'evacuated_share': {
        for (const [id, z] of this.zones) {
          if (of !== undefined && id !== of) continue;
          if (z.order) out.push(cite(z.order));
          else if (z.ordered) out.push(cite(z.ordered));
          else out.push(absent(at, 'zone_not_ordered', id));
          if (z.progress) out.push(cite(z.progress));
          if (z.struck && z.struck.e.t <= at) out.push(cite(z.struck));
        }
        break;
      }
      case 'first_on_scene_s':
      case 'contained_s': {
        const list = incidentsOf();
        if (list.length === 0) { out.push(absent(at, 'no_incident', of)); break; }
        // the incident with the worst time decides; ties: the first reported
        let worst: [string, IncidentRec] | undefined;
        let worstV = -1;
        for (const [id, r] of list) {
          const t = metric === 'first_on_scene_s' ? r.first_on_scene : r.contained;
          const v = t <= at ? t - r.reported : Infinity;
          if (v > worstV) { worstV = v; worst = [id, r]; }
        }
        const [id, r] = worst!;
        out.push(cite(r.seen.reported));
        const s = metric === 'first_on_scene_s' ? r.seen.on_scene : r.seen.contained;
        if (s && s.e.t <= at) out.push(cite(s));
        else out.push(absent(at, metric === 'first_on_scene_s' ? 'no_unit_on_scene' : 'not_contained', id));
        break;
      }
      case 'mean_response_s': {
        const list = incidentsOf().filter(([, r]) => r.first_on_scene <= at).sort(([a, x], [b, y]) => (y.first_on_scene - y.reported) - (x.first_on_scene - x.reported) || (a < b ? -1 : 1));
        if (list.length === 0) { out.push(absent(at, 'no_unit_on_scene', of)); break; }
        for (const [, r] of list.slice(0, MAX / 2)) { out.push(cite(r.seen.reported)); out.push(cite(r.seen.on_scene!)); }
        break;
      }
      case 'people_lost':
      case 'rescued_share': {
        const list = (metric === 'people_lost' ? [...this.incidents.entries()].filter(([, r]) => of === undefined || r.area === of) : incidentsOf())
          .filter(([, r]) => r.seen.people !== null && (metric === 'rescued_share' || r.lost > 0))
          .sort(([a, x], [b, y]) => (metric === 'people_lost' ? y.lost - x.lost : y.people - x.people) || (a < b ? -1 : 1));
        if (list.length === 0) { out.push(absent(at, metric === 'people_lost' ? 'nobody_lost' : 'nobody_at_risk', of)); break; }
        for (const [, r] of list.slice(0, MAX)) out.push(cite(r.seen.people!));
        break;
      }
      case 'level_declared_s':
      case 'support_requested_s': {
        const seenMap = metric === 'level_declared_s' ? this.levelSeen : this.supportSeen;
        const areas = of === undefined ? [...seenMap.keys()] : [of];
        let first: Seen | undefined;
        for (const a of areas) { const s = seenMap.get(a); if (s && (!first || s.e.t < first.e.t)) first = s; }
        const area = first ? (first.e.area as string) : of;
        const short = area !== undefined ? this.shortSeen.get(area) : undefined;
        if (short && short.e.t <= at) out.push(cite(short));
        if (first && first.e.t <= at) out.push(cite(first));
        else out.push(absent(at, metric === 'level_declared_s' ? 'no_level' : 'no_support', of));
        break;
      }
      case 'decision_latency_s': {
        const ids = of === undefined ? [...this.injectDelivered.keys()] : [of];
        if (of !== undefined && !this.injectDelivered.has(of)) { out.push(absent(at, 'inject_not_delivered', of)); break; }
        let worst: string | undefined;
        let worstV = -1;
        for (const id of ids) {
          const d = this.injectDelivered.get(id)!;
          const done = this.injectDone.get(id);
          const v = done !== undefined && done <= at ? done - d : Infinity;
          if (v > worstV) { worstV = v; worst = id; }
        }
        if (worst === undefined) { out.push(absent(at, 'inject_not_delivered', of)); break; }
        const s = this.injectSeen.get(worst)!;
        if (s.delivered) out.push(cite(s.delivered));
        if (s.done && s.done.e.t <= at) out.push(cite(s.done));
        else out.push(absent(at, 'expected_action_not_taken', worst));
        break;
      }
      case 'shelter_peak_share': {
        let best: ShelterRec | undefined;
        let bestV = -1;
        for (const [id, s] of this.shelters) {
          if ((of !== undefined && id !== of) || s.capacity <= 0) continue;
          const v = s.peak / s.capacity;
          if (v > bestV) { bestV = v; best = s; }
        }
        if (best?.peakSeen) out.push(cite(best.peakSeen));
        else out.push(absent(at, 'shelter_unused', of));
        break;
      }
      case 'resolved_share': {
        const open = incidentsOf().filter(([, r]) => !(r.resolved <= at));
        if (open.length === 0) { out.push(absent(at, 'all_resolved', of)); break; }
        for (const [, r] of open.slice(0, MAX)) out.push(cite(r.seen.reported));
        break;
      }
      case 'stock_days_min': {
        let min: Seen | undefined;
        for (const [id, s] of this.stockSeen) if ((of === undefined || id === of) && (!min || (s.e.days as number) < (min.e.days as number))) min = s;
        if (min) out.push(cite(min));
        else out.push(absent(at, 'no_stock_reading', of));
        break;
      }
    }
    return sortEvidence(out);
  }

  private result(o: Objective, value: number, at: number): ObjectiveResult {
    // object literals, not a spread of a common base: with the spread, a batch worker's heap peaked at 73 MiB
    // instead of 33 and grew with the number of runs (bench/batch.mjs)
    const c = o.criterion;
    const why = this.notTested(c.metric, c.of, at);
    if (why !== null) return { id: o.id, metric: c.metric, of: c.of ?? null, value: null, met: false, rating: null, at, not_tested: why };
    return { id: o.id, metric: c.metric, of: c.of ?? null, value: finite(value), met: compare(value, c.comparator, c.threshold), rating: rate(o, value), at };
  }

  /**
   * Whether what a metric measures came about by `at`, and if not, why:
   * an objective about containing a chlorine leak is not tested in a run
   * with no leak. Only the absence of the thing measured counts: an incident
   * that happened and was never reached or contained is a failure ("never"),
   * a zone never ordered out is 0 % (its people were there, and the hazard
   * is scripted), nobody lost is a count of 0.
   */
  notTested(metric: MetricName, of: string | undefined, at: number): NotTested | null {
    // incident records are made at the report: those here were reported by `at`
    const incidentsOf = () => [...this.incidents.entries()].filter(([id, r]) => (of === undefined || id === of || r.kind === of || r.area === of) && r.reported <= at).map(([, r]) => r);
    const inScope = (area: string) => of === undefined || area === of;
    const firstIn = (m: Map<string, number>) => { let t = Infinity; for (const [a, v] of m) if (inScope(a) && v < t) t = v; return t; };
    switch (metric) {
      case 'first_on_scene_s':
      case 'contained_s':
      case 'mean_response_s':
      case 'resolved_share':
        return incidentsOf().length === 0 ? 'no_incident' : null;
      case 'rescued_share': {
        const list = incidentsOf();
        if (list.length === 0) return 'no_incident';
        return list.every((r) => r.people === 0) ? 'nobody_at_risk' : null;
      }
      case 'decision_latency_s': {
        if (of !== undefined) return (this.injectDelivered.get(of) ?? Infinity) <= at ? null : 'inject_not_delivered';
        return this.injectDelivered.size === 0 ? 'inject_not_delivered' : null;
      }
      case 'shelter_peak_share': {
        for (const [id, s] of this.shelters) if ((of === undefined || id === of) && s.capacity > 0) return null;
        return 'shelter_unused';
      }
      case 'stock_days_min': {
        for (const id of this.stockDays.keys()) if (of === undefined || id === of) return null;
        return 'never_cut_off';
      }
      case 'level_declared_s':
      case 'support_requested_s': {
        const done = metric === 'level_declared_s' ? this.levelT : this.supportT;
        const asked = metric === 'level_declared_s' ? this.askedLevel : this.askedSupport;
        if (firstIn(done) <= at || firstIn(asked) <= at) return null;
        for (const [a, s] of this.shortSeen) if (inScope(a) && s.e.t <= at) return null;
        return 'not_called_for';
      }
      case 'evacuated_share':
      case 'people_lost':
        return null;
    }
  }

  /** The value of a metric as the stream stands, read at time `at`. */
  value(metric: MetricName, of: string | undefined, at: number): number {
    const incidentsOf = () => [...this.incidents.entries()].filter(([id, r]) => of === undefined || id === of || r.kind === of || r.area === of).map(([, r]) => r);
    switch (metric) {
      case 'evacuated_share': {
        let pop = 0, sh = 0;
        for (const [id, z] of this.zones) if (of === undefined || id === of) { pop += z.population; sh += z.sheltered; }
        return pop === 0 ? 0 : sh / pop;
      }
      case 'first_on_scene_s':
      case 'contained_s': {
        const list = incidentsOf();
        if (list.length === 0) return of !== undefined && !this.scenario.incident_kinds.some((k) => k.id === of) ? Infinity : 0;
        let worst = 0;
        for (const r of list) {
          const t = metric === 'first_on_scene_s' ? r.first_on_scene : r.contained;
          worst = Math.max(worst, t <= at ? t - r.reported : Infinity);
        }
        return worst;
      }
      case 'mean_response_s': {
        let s = 0, n = 0;
        for (const r of incidentsOf()) if (r.first_on_scene <= at) { s += r.first_on_scene - r.reported; n++; }
        if (of === undefined && !this.keepIncidents) return this.firstN ? this.firstSum / this.firstN : Infinity;
        return n ? s / n : Infinity;
      }
      case 'people_lost':
        return of === undefined ? this.lost : this.areaLost.get(of) ?? 0;
      case 'rescued_share': {
        let people = 0, rescued = 0;
        for (const r of incidentsOf()) { people += r.people; rescued += r.rescued; }
        return people === 0 ? 1 : rescued / people;
      }
      case 'level_declared_s': {
        const t = of === undefined ? Math.min(Infinity, ...this.levelT.values()) : this.levelT.get(of) ?? Infinity;
        return t <= at ? t : Infinity;
      }
      case 'support_requested_s': {
        const t = of === undefined ? Math.min(Infinity, ...this.supportT.values()) : this.supportT.get(of) ?? Infinity;
        return t <= at ? t : Infinity;
      }
      case 'decision_latency_s': {
        const ids = of === undefined ? [...this.injectDelivered.keys()] : [of];
        let worst = 0;
        for (const id of ids) {
          const d = this.injectDelivered.get(id);
          if (d === undefined) return Infinity;
          const done = this.injectDone.get(id);
          worst = Math.max(worst, done !== undefined && done <= at ? done - d : Infinity);
        }
        return worst;
      }
      case 'shelter_peak_share': {
        let best = 0;
        for (const [id, s] of this.shelters) if ((of === undefined || id === of) && s.capacity > 0) best = Math.max(best, s.peak / s.capacity);
        return best;
      }
      case 'resolved_share': {
        const list = incidentsOf();
        if (list.length === 0) return 1;
        return list.filter((r) => r.resolved <= at).length / list.length;
      }
      case 'stock_days_min': {
        let min = Infinity;
        for (const [id, d] of this.stockDays) if (of === undefined || id === of) min = Math.min(min, d);
        return min;
      }
    }
  }

  /** Close the stream at t_end: objectives without a deadline (or with one not yet passed) are read now. */
  finish(tEnd: number): Summary {
    while (this.pending.length && this.pending[0].criterion.by! <= tEnd) this.settle(this.pending.shift()!);
    const settled = new Map(this.results.map((r) => [r.id, r]));
    const objectives = this.scenario.objectives.map((o) => {
      const r = settled.get(o.id);
      if (r) return r;
      this.evidence.set(o.id, this.evidenceFor(o.criterion.metric, o.criterion.of, tEnd));
      return this.result(o, this.value(o.criterion.metric, o.criterion.of, tEnd), tEnd);
    });
    let evacuated = 0;
    for (const z of this.zones.values()) evacuated += z.sheltered;
    return {
      t_end: tEnd,
      incidents: { reported: this.reported, contained: this.contained, resolved: this.resolved },
      people: { at_risk: this.people, rescued: this.rescued, lost: this.lost, still_at_risk: this.people - this.rescued - this.lost, evacuated },
      response: {
        mean_first_on_scene_s: this.firstN ? round3(this.firstSum / this.firstN) : null,
        max_first_on_scene_s: this.firstN ? this.firstMax : null,
        n: this.firstN,
        mean_dispatch_s: this.waitN ? round3(this.waitSum / this.waitN) : null,
        se_dispatch_s: se(this.waitSum, this.waitSq, this.waitN),
        se_first_on_scene_s: se(this.firstSum, this.firstSq, this.firstN),
      },
      decisions: { taken: this.taken, refused: this.refused, no_change: this.noChange },
      objectives,
    };
  }
}
