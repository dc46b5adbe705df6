/**
 * The simulation loop, SimPy-style: a queue of (time, priority, seq) events,
 * popped in order; each event steps a machine or a rule of the world, and
 * every change is written to the log as it happens.
 *
 * The Sim owns one run's world and mutates it in place for speed; from
 * outside, `runScenario` (run.ts) is a pure function of scenario, seed and
 * decisions. No wall clock, no I/O, no ambient randomness here.
 */
import { cloneData } from '../core/clone.js';
import { KeyframeRestoreError, SimBoundError } from '../core/errors.js';
import { formatClock } from '../scenario/duration.js';
import { EventQueue, MAX_QUEUE_TIME } from '../core/queue.js';
import { RngStreams, type Rng } from '../core/rng.js';
import { compileMachine, type CompiledMachine, type MachineSnapshot, type StepAction } from '../machines/stepper.js';
import * as generatedIncident from '../machines/generated/incident.js';
import * as generatedUnit from '../machines/generated/unit.js';
import { incidentMachine } from '../machines/incident.js';
import { injectMachine } from '../machines/inject.js';
import { levelMachine } from '../machines/level.js';
import { NEVER_S } from '../machines/never.js';
import { shelterMachine } from '../machines/shelter.js';
import { unitMachine } from '../machines/unit.js';
import { zoneMachine } from '../machines/zone.js';
import { CHECKED_WHEN_READ } from '../review/added-injects.js';
import { Metrics, OBSERVED, type LogEvent } from '../review/metrics.js';
import type { Inject } from '../scenario/schema.js';
import type { Decision } from './decisions.js';
import { Doctrine } from './doctrine.js';
import * as Incidents from './incidents.js';
import * as Evacuation from './evacuation.js';
import * as Units from './units.js';
import * as World from './world-ops.js';
import { removeAt } from './lists.js';
import { LogWriter } from './log.js';
import type { Model } from './model.js';
import type { IncidentW, UnitW, World as WorldState } from './world.js';
import { executeDecision } from './commands.js';

/**
 * The engine's machines: each context factory builds a new object literal at every call (freshContext). Units and
 * incidents, stepped millions of times in a batch, step by generated code (machines/codegen.ts).
 */
export const MACHINES = {
  unit: compileMachine(unitMachine, { freshContext: true, generated: generatedUnit }),
  incident: compileMachine(incidentMachine, { freshContext: true, generated: generatedIncident }),
  level: compileMachine(levelMachine),
  inject: compileMachine(injectMachine, { freshContext: true }),
  zone: compileMachine(zoneMachine, { freshContext: true }),
  shelter: compileMachine(shelterMachine),
} satisfies Record<string, CompiledMachine>;

export type MachineKind = 'unit' | 'incident' | 'inject' | 'zone';

/** What a machine steps in: its snapshot and pending timers (a unit, an incident, an inject, a zone). */
type Entity = { m: MachineSnapshot; timers: Record<string, number> };

/** Queue payloads: plain JSON, so that a keyframe holds the queue as data. */
export type Payload =
  /** a machine's delayed event; `ev` is given only when it differs from the send id (an `after` timer's id is its event type) */
  | { k: 'timer'; m: MachineKind; id: string; send: string; ev?: string }
  | { k: 'incident'; id: string }
  | { k: 'arrival'; gen: string }
  | { k: 'spawn'; id: string; kind: string; area: string; node: string | null; severity: number | null; people: number | null; parent: string | null; x: number | null; y: number | null }
  | { k: 'rule'; id: string }
  | { k: 'tick' }
  | { k: 'inject'; id: string }
  | { k: 'contingency'; id: string }
  | { k: 'react'; inject: string }
  | { k: 'strike'; zone: string }
  /** a group of a zone's people reaches its shelter (ZoneW.on_road) */
  | { k: 'evac'; zone: string; shelter: string; n: number }
  | { k: 'wake'; area: string }
  | { k: 'stock'; area: string }
  | { k: 'end' };

function cancelledLater(actions: StepAction[], from: number, send: string): boolean {
  for (let j = from + 1; j < actions.length; j++) {
    const b = actions[j];
    if (b.type === 'xstate.cancel' && b.params.sendId === send) return true;
    if (b.type === 'xstate.raise' && b.params.id === send) return false;
  }
  return false;
}

/**
 * What runActions returns when a step had no custom actions (most steps):
 * shared, never written. Callers walk it by index: a for-of over a frozen
 * array allocates an iterator result per step.
 */
const NO_ACTIONS: StepAction[] = Object.freeze([]) as unknown as StepAction[];

/** Timer events carry only their type, and machines only read events: one frozen object per type. */
const TIMER_EVENTS = new Map<string, { type: string }>();
function timerEvent(type: string): { type: string } {
  let e = TIMER_EVENTS.get(type);
  if (e === undefined) TIMER_EVENTS.set(type, (e = Object.freeze({ type })));
  return e;
}

export const PRIO = { world: 0, arrival: 1, timer: 2, decision: 3, inject: 4, wake: 5, end: 9 } as const;

/** How often hazards are re-read (risk levels, inject conditions). */
export const HAZARD_TICK_S = 600;

export interface SimOptions {
  seed: number;
  decisions: Decision[];
  /** roles played by people: doctrine leaves their decisions to them */
  players: string[];
  /** players who took a role over from doctrine part-way: role -> time (doctrine plays it before) */
  joined?: Record<string, number>;
  /** the parameter the scenario was changed in (`drill run --vary`): recorded in run.start, nothing else */
  varied?: Varied;
  until: number;
  /** 'full' writes the log and hash chain; 'metrics' keeps only the metrics (batches) */
  mode: 'full' | 'metrics';
  keyframeEvery: number;
  /** keep per-incident metric records (reviews want them; big batches do not) */
  keepIncidents?: boolean;
  /** called after every event (tests check invariants here) */
  observe?: (sim: Sim) => void;
  /**
   * called when a decision is refused, just before the refusal is logged: the
   * world is the one it was checked against, so the reason can be put in
   * words (`drill run --decisions` lists its refusals). Must not change anything.
   */
  onRefused?: (sim: Sim, d: Decision, code: string) => void;
}

/** One scenario parameter changed for a run, as `--vary` names it: `{ key: 'doctrine.request_support_after', value: '15m' }`. */
export interface Varied {
  key: string;
  value: string;
}

export interface Keyframe {
  t: number;
  events: number;
  chain: string;
  world: WorldState;
  queue: unknown;
  rng: unknown;
}

export class Sim {
  world: WorldState;
  queue: EventQueue<Payload>;
  rng: RngStreams;
  readonly metrics: Metrics;
  readonly log: LogWriter | null;
  readonly doctrine: Doctrine;
  readonly players: Set<string>;
  private instantEvents = 0;
  /** doctrine passes at the current instant (bounded by limits.max_cascade as its events are) */
  private instantPasses = 0;
  private totalEvents = 0;
  private nextKeyframe: number;
  readonly keyframes: Keyframe[] = [];

  constructor(readonly model: Model, readonly opts: SimOptions, resume?: Keyframe) {
    const limits = model.scenario.limits;
    this.players = new Set(opts.players);
    this.metrics = new Metrics(model.scenario, opts.keepIncidents ?? true, CHECKED_WHEN_READ);
    this.log = opts.mode === 'full' ? new LogWriter() : null;
    this.recordUnits = this.log !== null || OBSERVED.has('unit.state');
    this.doctrine = new Doctrine(this);
    if (resume) {
      this.world = cloneData(resume.world);
      // a keyframe of an older engine lacks what the work's progress is counted in: say so rather than count NaN
      for (const inc of this.world.incidents) {
        if (typeof inc.saved !== 'number' || typeof inc.work_s !== 'number') throw new KeyframeRestoreError(resume.t, { incident: inc.id }, formatClock(resume.t));
      }
      // nor (before 0.6.0) the places a shelter holds for people on their way, which its room is counted less
      for (const [id, sh] of Object.entries(this.world.shelters)) {
        if (typeof sh.incoming !== 'number') throw new KeyframeRestoreError(resume.t, { shelter: id }, formatClock(resume.t));
      }
      // nor (before 0.7.0) the groups of a zone's people on the road, whose arrivals its queue does not hold
      // nor (before 0.8.0) their arrivals' queue events and their ways, which a road cut ahead of them changes
      for (const [id, z] of Object.entries(this.world.zones)) {
        if (!Array.isArray(z.on_road)) throw new KeyframeRestoreError(resume.t, { zone: id }, formatClock(resume.t));
        if (z.on_road.some((g) => typeof g.seq !== 'number')) throw new KeyframeRestoreError(resume.t, { zone: id, ways: true }, formatClock(resume.t));
      }
      this.queue = EventQueue.restore(resume.queue as any, { maxSize: limits.max_queue });
      this.rng = RngStreams.restore(String(opts.seed), resume.rng as any);
      this.nextKeyframe = resume.t + opts.keyframeEvery;
      this.log?.resumeFrom(resume.chain, resume.events);
      for (const inc of this.world.incidents) this.incidentIndex.set(inc.id, inc);
    } else {
      this.world = World.initialWorld(this);
      this.queue = new EventQueue<Payload>({ maxSize: limits.max_queue });
      this.rng = new RngStreams(String(opts.seed), model.streams);
      this.nextKeyframe = 0;
    }
  }

  get now(): number {
    return this.world.t;
  }

  /** A unit's own random stream for a purpose (`unit/<id>/<purpose>`), cached: the paths are built once. */
  stream(unitId: string, purpose: 'mobilise' | 'travel'): Rng {
    const key = purpose === 'travel' ? this.travelStreams : this.mobiliseStreams;
    let r = key.get(unitId);
    if (r === undefined) key.set(unitId, (r = this.rng.get(`unit/${unitId}/${purpose}`)));
    return r;
  }

  /** A generator's stream (`gen/<id>`), cached like the units' streams. */
  genStream(genId: string): Rng {
    let r = this.genStreams.get(genId);
    if (r === undefined) this.genStreams.set(genId, (r = this.rng.get(`gen/${genId}`)));
    return r;
  }

  /** A rule's stream (`rule/<id>`), cached like the units' streams. */
  ruleStream(ruleId: string): Rng {
    let r = this.ruleStreams.get(ruleId);
    if (r === undefined) this.ruleStreams.set(ruleId, (r = this.rng.get(`rule/${ruleId}`)));
    return r;
  }

  private readonly ruleStreams = new Map<string, Rng>();
  private readonly genStreams = new Map<string, Rng>();
  private readonly travelStreams = new Map<string, Rng>();
  private readonly mobiliseStreams = new Map<string, Rng>();

  /** Open incidents by id: an index over world.incidents, rebuilt on restore (a Map: ids churn too much for an object). */
  private readonly incidentIndex = new Map<string, IncidentW>();

  incident(id: string): IncidentW | undefined {
    return this.incidentIndex.get(id);
  }

  addIncident(inc: IncidentW): void {
    this.world.incidents.push(inc);
    this.incidentIndex.set(inc.id, inc);
  }

  removeIncident(inc: IncidentW): void {
    // the list is in order of appearance, which is the order of `seq`: found by bisection
    const list = this.world.incidents;
    let lo = 0, hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].seq < inc.seq) lo = mid + 1;
      else hi = mid;
    }
    const i = lo < list.length && list[lo] === inc ? lo : list.indexOf(inc);
    if (i >= 0) removeAt(list, i);
    this.incidentIndex.delete(inc.id);
  }

  /** Is this role's decision left to doctrine? */
  byDoctrine(role: string): boolean {
    if (!this.players.has(role)) return true;
    const from = this.opts.joined?.[role];
    return from !== undefined && this.now < from;
  }

  // ------------------------------------------------------------ log

  /** Are unit movements recorded? (not when no log is written: the metrics do not read them) */
  readonly recordUnits: boolean;

  /** Record an incident's `incident.phase` event: with no log, the metrics are told directly (no event built). */
  emitPhase(id: string, phase: string): void {
    this.metrics.phase(this.world.t, id, phase);
    if (this.log) this.log.phase(this.world.t, id, phase);
  }

  /**
   * Record a unit's `unit.state` event (`{ t, type, id, state, incident, travel_s }`, the last two left out when
   * undefined), when units are recorded (recordUnits): written without an event object.
   */
  emitUnitState(id: string, state: string, incident: string | undefined, travel_s: number | undefined): void {
    this.metrics.unitStateEvent(this.world.t, id, state);
    if (this.log) this.log.unitState(this.world.t, id, state, incident, travel_s);
  }

  /** `emit` for an `incident.reported` event, written to the log by its shape (LogWriter.reported) */
  emitReported(e: LogEvent & Parameters<LogWriter['reported']>[0]): void {
    this.metrics.observe(e);
    if (this.log) this.log.reported(e);
  }

  /** `emit` for doctrine's `decision` to dispatch, written to the log by its shape (LogWriter.doctrineDispatch) */
  emitDoctrineDispatch(e: LogEvent & Parameters<LogWriter['doctrineDispatch']>[0]): void {
    this.metrics.observe(e);
    if (this.log) this.log.doctrineDispatch(e);
  }

  /** Record a straight leg's `unit.route` event (`{ t, type, id, from: [fx, fy], to: [tx, ty], travel_s, km }`) without an event object. */
  emitStraightRoute(id: string, fx: number, fy: number, tx: number, ty: number, travel_s: number, km: number): void {
    this.metrics.unread(this.world.t);
    if (this.log) this.log.straightRoute(this.world.t, id, fx, fy, tx, ty, travel_s, km);
  }

  /** Record an event (callers build it as a literal: `{ t: sim.now, type, ... }`, the cheapest shape). */
  emit(e: LogEvent): void {
    this.metrics.observe(e);
    if (this.log) this.log.event(e);
  }

  // ------------------------------------------------------------ machines

  /** Start a machine: its initial snapshot, with the entry timers scheduled. */
  startMachine(kind: MachineKind | 'level' | 'shelter', id: string, input: unknown, timers: Record<string, number> | null): MachineSnapshot {
    const snapshot: MachineSnapshot = { value: undefined as unknown as string, context: undefined };
    const actions = MACHINES[kind].start(snapshot, input);
    if (timers) this.runActions(kind as MachineKind, id, timers, actions);
    return snapshot;
  }

  /** Send an event to a machine now; returns false when it had no transition for it. */
  send(kind: MachineKind, id: string, event: { type: string; [k: string]: unknown }): boolean {
    const ent = this.entity(kind, id);
    return ent !== undefined && this.sendTo(kind, id, ent, event);
  }

  /** `send` to the entity `id` names, when the caller holds it already (not looked up again). */
  sendTo(kind: MachineKind, id: string, ent: Entity, event: { type: string; [k: string]: unknown }): boolean {
    const before = ent.m.value;
    // in place: the world owns its snapshots (keyframes hold copies); the actions are read before the next step
    const actions = MACHINES[kind].advance(ent.m, event);
    if (actions === null) return false;
    switch (kind) {
      case 'unit': Units.onStep(this, id, ent as UnitW, before as string, actions); break;
      case 'incident': Incidents.onStep(this, ent as IncidentW, before as Record<string, string>, actions); break;
      case 'inject': World.onInjectStep(this, id, before as string, actions); break;
      case 'zone': Evacuation.onZoneStep(this, id, before as string, actions); break;
    }
    return true;
  }

  sendLevel(area: string, event: { type: 'DECLARE'; level: number; by: string }): boolean {
    const a = this.world.areas[area];
    const r = MACHINES.level.step(a.level, event);
    if (!r.changed) return false;
    a.level = r.snapshot;
    return true;
  }

  sendShelter(id: string, type: 'OPEN' | 'FULL' | 'SPACE' | 'CLOSE'): boolean {
    const s = this.world.shelters[id];
    const r = MACHINES.shelter.step(s.m, { type });
    if (!r.changed) return false;
    s.m = r.snapshot;
    // open again after full (SPACE: people bound for it turned elsewhere) says so, or it reads as opening
    this.emit({ t: this.world.t, type: 'shelter.state', id, state: s.m.value, ...(type === 'SPACE' ? { was: 'full' } : {}) });
    return true;
  }

  private entity(kind: MachineKind, id: string): Entity | undefined {
    switch (kind) {
      case 'unit': return this.world.units[id];
      case 'incident': return this.incident(id);
      case 'inject': return this.world.injects[id];
      case 'zone': return this.world.zones[id];
    }
  }

  /** Carry out timer actions (raise/cancel); returns the custom ones for the caller to interpret. */
  runActions(kind: MachineKind, id: string, timers: Record<string, number>, actions: StepAction[]): StepAction[] {
    let custom: StepAction[] | undefined;
    for (let i = 0; i < actions.length; i++) {
      const a = actions[i];
      if (a.type === 'xstate.raise') {
        const delay = a.params.delay as number;
        if (!(delay < NEVER_S)) continue;
        const send = a.params.id as string;
        // raised and cancelled in the same step (a phase passed at once): never reaches the queue
        if (cancelledLater(actions, i, send)) continue;
        const old = timers[send];
        if (old !== undefined && old >= 0) this.queue.cancel(old);
        const ev = a.params.event.type as string;
        const payload: Payload = ev === send ? { k: 'timer', m: kind, id, send } : { k: 'timer', m: kind, id, send, ev };
        timers[send] = this.queue.push(this.world.t + Math.max(0, Math.ceil(delay)), PRIO.timer, payload);
      } else if (a.type === 'xstate.cancel') {
        const seq = timers[a.params.sendId];
        if (seq !== undefined && seq >= 0) {
          this.queue.cancel(seq);
          timers[a.params.sendId] = -1;
        }
      } else if (custom === undefined) {
        custom = [a]; // a literal holds just what it needs; a first push would allocate room for 16
      } else if (custom.length === 1) {
        custom = [custom[0], a]; // likewise the second (contained and resolved in one step)
      } else {
        custom.push(a);
      }
    }
    return custom ?? NO_ACTIONS;
  }

  cancelAll(timers: Record<string, number>): void {
    for (const k in timers) {
      if (timers[k] >= 0) this.queue.cancel(timers[k]);
      timers[k] = -1;
    }
  }

  schedule(t: number, prio: number, p: Payload): number {
    // a time past what the queue counts (a contingency 4294967296h after its inject, a trip at a speed of 1e-300
    // km/h) is past any horizon too (366d at most): kept at the queue's last second, it never comes, as validate
    // says of it, where the queue would have thrown. Times the queue takes are pushed as they are.
    return this.queue.push(t > MAX_QUEUE_TIME ? MAX_QUEUE_TIME : t, prio, p);
  }

  // ------------------------------------------------------------ the loop

  /** Schedule what the scenario puts on the clock. Decisions stay in their own list (see run). */
  start(): void {
    this.emit({ t: this.world.t, type: 'run.start', seed: this.opts.seed, scenario: this.model.scenario.id, players: [...this.players].sort(), ...(this.opts.joined ? { joined: this.opts.joined } : {}), ...(this.opts.varied ? { varied: this.opts.varied } : {}), until: this.opts.until });
    World.scheduleInitial(this);
    this.schedule(this.opts.until, PRIO.end, { k: 'end' });
  }

  /** A decision taken now, during play: it joins the list as if it had been in the file. */
  addDecision(d: Decision): void {
    const last = this.opts.decisions[this.opts.decisions.length - 1];
    if (last && last.at > d.at) throw new Error('decisions must be added in time order');
    this.opts.decisions.push(d);
  }

  /** Has the run reached its end? */
  get finished(): boolean {
    return this.ended;
  }

  private ended = false;

  /**
   * Run until the end, or until everything before `stopAt` is done (play
   * mode: the caller may then add decisions at `stopAt` and call run again).
   *
   * Decisions are not in the queue: they are merged from their sorted list
   * at priority PRIO.decision, so that the queue's sequence numbers (and so
   * the keyframes) are the same whether decisions came from a file up front
   * or were typed one by one during play.
   */
  run(stopAt = Infinity): void {
    if (this.ended) return;
    const limits = this.model.scenario.limits;
    const every = this.opts.keyframeEvery;
    const decisions = this.opts.decisions;
    for (;;) {
      const dec = decisions[this.world.decision_next];
      const decT = dec ? Math.max(dec.at, this.world.t) : Infinity;
      const qT = this.queue.peekTime() ?? Infinity;
      const nextT = Math.min(qT, decT);
      if (nextT > this.world.t || nextT === Infinity) {
        // the instant is over: let doctrine act on what happened, then keyframe, then move on
        if (this.world.dirty) {
          // a pass whose decisions leave the world changed again runs again: bounded like the events of an instant
          if (++this.instantPasses > limits.max_cascade) {
            throw new SimBoundError('bound/cascade-depth', `more than ${limits.max_cascade} doctrine passes at one instant (${this.world.t} s after T0): doctrine probably loops`, limits.max_cascade);
          }
          this.doctrine.pass();
          continue;
        }
        if (nextT >= stopAt) return;
        if (this.log && every > 0 && this.nextKeyframe <= nextT && this.nextKeyframe <= this.opts.until) {
          this.takeKeyframe(this.nextKeyframe);
          this.nextKeyframe += every;
          continue;
        }
        if (nextT === Infinity) break;
        this.world.t = nextT;
        this.instantEvents = 0;
        this.instantPasses = 0;
      }
      if (++this.instantEvents > limits.max_cascade) {
        throw new SimBoundError('bound/cascade-depth', `more than ${limits.max_cascade} events at one instant (${this.world.t} s after T0): the scenario probably loops`, limits.max_cascade);
      }
      if (++this.totalEvents > limits.max_events) {
        throw new SimBoundError('bound/events-per-run', `more than ${limits.max_events} events in one run (limits.max_events counts what the engine handles: timers, arrivals, decisions; a run log's lines are more)`, limits.max_events);
      }
      if (decT === this.world.t && (qT > decT || this.queue.peekPriority()! > PRIO.decision)) {
        this.world.decision_next++;
        executeDecision(this, { ...dec, at: this.world.t });
        this.opts.observe?.(this);
        continue;
      }
      const p = this.queue.popPayload()!;
      if (p.k === 'end') break;
      this.handle(p);
      this.opts.observe?.(this);
    }
    this.ended = true;
    this.world.t = this.opts.until;
    Incidents.tallyAtEnd(this);
    this.emit({ t: this.world.t, type: 'run.end', counts: { ...this.world.counts, refused: this.metrics.refusedCount } });
    this.model.streams.note(this.rng);
  }

  private handle(p: Payload): void {
    switch (p.k) {
      case 'timer': {
        const ent = this.entity(p.m, p.id);
        if (!ent) return;
        ent.timers[p.send] = -1;
        this.sendTo(p.m, p.id, ent, timerEvent(p.ev ?? p.send));
        return;
      }
      case 'incident': return Incidents.startScripted(this, p.id);
      case 'arrival': return Incidents.arrival(this, p.gen);
      case 'spawn': return Incidents.spawn(this, p);
      case 'rule': return World.checkRule(this, p.id);
      case 'tick': return World.hazardTick(this);
      case 'inject': return World.injectDue(this, p.id);
      case 'contingency': return World.contingencyDue(this, p.id);
      case 'react': return World.react(this, p.inject);
      case 'strike': return Evacuation.strike(this, p.zone);
      case 'evac': return Evacuation.arrive(this, p.zone, p.shelter, p.n);
      case 'wake':
        delete this.world.areas[p.area].timers.wake;
        this.world.dirty = true;
        return;
      case 'stock': return World.stockOut(this, p.area);
      case 'end': return;
    }
  }

  /**
   * The lines a run stopped at `t` writes for the people still at risk then (Incidents.tallyAtEnd: `drill run
   * --until` ends with them), worked out on a copy of this run: a play session saved part-way reads its figures as
   * such a run would, and goes on from its own world, its random streams not drawn from.
   */
  tallyLinesAt(t: number): string[] {
    const copy = new Sim(this.model, { ...this.opts, mode: 'full', observe: undefined, onRefused: undefined }, {
      t, events: 0, chain: '', world: this.world, queue: this.queue.snapshot(), rng: this.rng.snapshot(),
    });
    copy.world.t = Math.max(copy.world.t, t);
    Incidents.tallyAtEnd(copy);
    return copy.log!.lines;
  }

  takeKeyframe(t: number): void {
    this.world.t = Math.max(this.world.t, t);
    const chain = this.log ? this.log.cut() : '';
    this.keyframes.push({
      t,
      events: this.log ? this.log.count : 0,
      chain,
      world: cloneData(this.world),
      queue: this.queue.snapshot(),
      rng: this.rng.snapshot(),
    });
  }

  /** Carry out a command now, as a role (used by doctrine, injects' defaults and decisions); `order`: see executeDecision. */
  decide(d: Decision, order = false): boolean {
    return executeDecision(this, d, order);
  }

  injectSpec(id: string): Inject | undefined {
    return this.model.inject.get(id) ?? (this.world.added_injects as Inject[]).find((i) => i.id === id);
  }
}
