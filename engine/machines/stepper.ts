/**
 * A fast, pure stepper for xstate v5 machines.
 *
 * `compileMachine(machine)` reads the machine's StateNode graph once and returns
 * `initial(input)` / `step(snapshot, event)` functions that give the same state
 * value, context and action list as xstate's `initialTransition(machine, input)`
 * and `transition(machine, snapshot, event)`, without building xstate snapshots.
 * The xstate machine stays the single definition of behaviour.
 *
 * What it does:
 * - selects transitions (first enabled one per atomic state, guards against the
 *   context at selection time), runs exit / transition / entry actions in
 *   xstate's order, applies `assign` immediately, settles `always` transitions;
 * - returns custom actions as `{ type, params }`, delayed transitions as
 *   `xstate.raise` actions with `params.delay` and `xstate.cancel` actions, for
 *   the engine to execute and schedule on its own clock.
 *
 * Supported subset: a compound root of atomic / final states, or a parallel root
 * of compound regions of atomic states; transitions (on, after, always) only on
 * atomic states, to a sibling or targetless, `reenter` allowed, exact event
 * types; guards named (with params), inline, and / or / not; actions named,
 * `{ type, params }`, `assign`, delayed `raise`, `cancel`; delays as numbers or
 * named in setup({ delays }); context as an object or a function of input.
 *
 * What it does not do: it never executes custom actions, keeps no timers, and
 * supports no invoke / spawn / sendTo / log / emit / history / deeper nesting /
 * wildcard events / raise without a delay. `compileMachine` throws, naming the
 * state and the feature, for any machine outside the subset.
 */
import type { AnyStateMachine, EventObject, StateValue } from 'xstate';
import { StaleGeneratedStepperError } from '../core/errors.js';
import { describeMachine, type AdvanceHelpers } from './codegen.js';
import { BUILTIN_CHECKS, type BuiltinAction, type BuiltinGuard, type Implementations, type XNode, type XTransition } from './xstate-graph.js';

export interface MachineSnapshot {
  /** atomic state key for a compound root, `{ region: key }` for a parallel root */
  value: StateValue;
  context: any;
}

/**
 * Custom actions: `{ type: name, params }`.
 * Delayed raise: `{ type: 'xstate.raise', params: { event: { type }, id, delay } }`.
 * Cancel: `{ type: 'xstate.cancel', params: { sendId } }`.
 */
export interface StepAction {
  type: string;
  params: any;
}

export interface StepResult {
  snapshot: MachineSnapshot;
  actions: StepAction[];
  /** false when no transition was enabled: `snapshot` is then the input snapshot itself */
  changed: boolean;
}

export interface CompiledMachine {
  machine: AnyStateMachine;
  initial(input?: unknown): { snapshot: MachineSnapshot; actions: StepAction[] };
  step(snapshot: MachineSnapshot, event: EventObject): StepResult;
  /**
   * The engine's way to step: the same transition as `step`, written into the
   * snapshot itself (its value replaced, its context updated in place), with
   * the actions in a list that the next `advance` of any machine reuses, as
   * it reuses the machine's delayed-raise actions in it (read them before
   * stepping again). Returns null, touching nothing, when no
   * transition was enabled. No objects are made per step, which shows when a
   * batch steps millions of times; `step` is `advance` on a copy.
   */
  advance(snapshot: MachineSnapshot, event: EventObject): StepAction[] | null;
  /**
   * `initial` the engine's way: the initial value and a context of its own
   * written into `snapshot`, the actions in the list `advance` reuses (read
   * them before stepping again).
   */
  start(snapshot: MachineSnapshot, input?: unknown): StepAction[];
}

/** Bound on `always` microsteps in one step when the machine sets no `maxIterations` (xstate's default is unbounded). */
const DEFAULT_MAX_MICROSTEPS = 1000;

// ---------------------------------------------------------------------------
// Compiled form.

type Guard = (context: any, event: EventObject) => boolean;

/** Mutable state of one `initial` / `step` call. */
interface Run {
  context: any;
  actions: StepAction[];
  /** an assign ran in the current microstep (xstate then has a new snapshot object) */
  assigned: boolean;
  microsteps: number;
  /** `context` is this step's own copy: further assigns may write into it (copy on first write) */
  owned: boolean;
  /** which `advance` this is (0: an `initial`, whose actions are the caller's to keep) */
  serial: number;
}

type Action = (run: Run, event: EventObject) => void;

interface Transition {
  guard: Guard | null;
  /** null for a targetless transition */
  target: AtomicState | null;
  /** the transition exits its source and enters its target (a different target, or `reenter`) */
  leaves: boolean;
  /** the set of active state nodes changes (target other than the source) */
  switches: boolean;
  /** exit actions of the source when the transition leaves it */
  exit: Action[];
  actions: Action[];
  /** entry actions of the target when the transition leaves; for a final target also the exits run on completion */
  entry: Action[];
  /** exit, actions and entry: the whole microstep when only one region transitions */
  all: Action[];
}

interface AtomicState {
  id: string;
  key: string;
  /** place in its region */
  index: number;
  final: boolean;
  on: Map<string, Transition[]>;
  always: Transition[] | null;
}

interface Region {
  key: string;
  byKey: Map<string, AtomicState>;
  initial: AtomicState;
}

// ---------------------------------------------------------------------------

export interface CompileOptions {
  /**
   * The machine's context factory (a function of the input) builds a new object at every call: `start` then
   * takes that object as the snapshot's context, with no copy of it. Leave it unset when a factory may return an
   * object it keeps (a copy is made, as xstate makes one). A context written in the config is copied either way.
   */
  freshContext?: boolean;
  /**
   * The machine's `advance` and `start` as generated code (codegen.ts, engine/machines/generated/): used in place
   * of the walk over the graph, after checking that it was generated from this machine as it is now.
   */
  generated?: GeneratedStepper;
}

/** A module of engine/machines/generated/. */
export interface GeneratedStepper {
  HASH: string;
  makeStepper(h: AdvanceHelpers): Pick<CompiledMachine, 'advance' | 'start'>;
}

/**
 * The generated steps of `machine`; when the code is not from the machine's current form, steps that refuse,
 * naming the machine: thrown at the first step rather than here, when the engine's modules load, so that the
 * command reports it as it reports any other error.
 */
function generatedSteps(machine: AnyStateMachine, g: GeneratedStepper, h: Omit<AdvanceHelpers, 'refs'>): Pick<CompiledMachine, 'advance' | 'start'> {
  const code = describeMachine(machine, machine.id);
  if (code.hash !== g.HASH) {
    const stale = (): never => {
      throw new StaleGeneratedStepperError(machine.id);
    };
    return { advance: stale, start: stale };
  }
  return g.makeStepper({ ...h, refs: code.refs });
}

export function compileMachine(machine: AnyStateMachine, options: CompileOptions = {}): CompiledMachine {
  const root = machine.root as unknown as XNode;
  const impl = machine.implementations as unknown as Implementations;
  const configured = (machine.options as { maxIterations?: number } | undefined)?.maxIterations;
  const maxMicrosteps = configured !== undefined && Number.isFinite(configured) ? configured : DEFAULT_MAX_MICROSTEPS;

  if (root.type !== 'compound' && root.type !== 'parallel') {
    throw new Error(`drillsim stepper: root state '${root.id}' is ${root.type}; only a compound or parallel root is supported`);
  }
  checkNode(root, 0);
  const regionNodes = root.type === 'parallel' ? childrenOf(root) : [root];
  if (root.type === 'parallel') rejectUnorderedAlwaysActions(regionNodes);

  const c = createCompiler(root, impl);
  const regions = regionNodes.map((node) => compileRegion(node, c));
  const initialEntry = compileInitialEntry(regionNodes, c);
  const contextConfig = (machine.config as { context?: unknown }).context;
  const fresh = options.freshContext === true;

  /**
   * The initial microstep for the init event `{ type: 'xstate.init', input }`: context, then the entry actions
   * of the root and the initial states (`reuse`: in the Run `advance` reuses). Returns the Run (no tuple with
   * the event: the caller made it).
   */
  const contextFor = (input: unknown, reuse: boolean) =>
    // a fresh shallow copy either way (xstate applies a context factory with assign() onto {}, and a
    // context written in the config must not be shared by the snapshots `advance` writes into), unless
    // the factory is known to build a new object: `start` (reuse) then takes it as it is
    typeof contextConfig === 'function'
      ? reuse && fresh
        ? contextConfig(factoryArgs(input))
        : { ...contextConfig(factoryArgs(input)) }
      : { ...(contextConfig || {}) };
  const begin = (event: InitEvent, reuse = false): Run => {
    const run = reuse ? reuseRun(contextFor(event.input, true)) : newRun(contextFor(event.input, false), true);
    runActions(initialEntry, run, event);
    return run;
  };
  const gen = options.generated;
  const generated = gen ? (value: AdvanceHelpers['value']) => generatedSteps(machine, gen, { context: (input) => contextFor(input, true), value, maxMicrosteps }) : undefined;

  return root.type === 'compound'
    ? compoundStepper(machine, regions[0]!, begin, maxMicrosteps, generated)
    : parallelStepper(machine, regions, begin, maxMicrosteps, generated);
}

/** The generated steps, given the parallel values they write (see generatedSteps). */
type Generated = (value: AdvanceHelpers['value']) => Pick<CompiledMachine, 'advance' | 'start'>;

interface InitEvent extends EventObject { type: 'xstate.init'; input: unknown }
type Begin = (event: InitEvent, reuse?: boolean) => Run;

/**
 * A context factory gets `{ input, spawn, self }`; factories are pure and synchronous, so one argument object
 * serves every call (as for guards and actions).
 */
const FACTORY_ARGS: { input: unknown; spawn: typeof noSpawn; self: undefined } = { input: undefined, spawn: noSpawn, self: undefined };
function factoryArgs(input: unknown): typeof FACTORY_ARGS {
  FACTORY_ARGS.input = input;
  return FACTORY_ARGS;
}

function compoundStepper(machine: AnyStateMachine, region: Region, begin: Begin, maxMicrosteps: number, generated?: Generated): CompiledMachine {
  const walk = (snapshot: MachineSnapshot, event: EventObject): StepAction[] | null => {
    const state = stateOf(region, snapshot.value as string);
    if (state.final) return null;
    const t = select(state.on.get(event.type), snapshot.context, event);
    // xstate looks for `always` transitions after every event, even one that selected no transition
    if (t === null && state.always === null) return null;
    const run = reuseRun(snapshot.context);
    let next = state;
    if (t !== null) {
      runActions(t.all, run, event);
      run.microsteps++;
      next = t.target ?? state;
    }
    next = settleCompound(next, run, event, maxMicrosteps);
    if (run.microsteps === 0) return null;
    snapshot.value = next.key;
    return run.actions;
  };
  const start = (snapshot: MachineSnapshot, input?: unknown): StepAction[] => {
    const event: InitEvent = { type: 'xstate.init', input };
    const run = begin(event, true);
    snapshot.value = settleCompound(region.initial, run, event, maxMicrosteps).key;
    snapshot.context = run.context;
    return run.actions;
  };
  const steps = generated ? generated(noParallelValue) : { advance: walk, start };
  const advance = steps.advance;
  return {
    machine,
    initial(input) {
      const event: InitEvent = { type: 'xstate.init', input };
      const run = begin(event);
      const state = settleCompound(region.initial, run, event, maxMicrosteps);
      return { snapshot: { value: state.key, context: run.context }, actions: run.actions };
    },
    start: steps.start,
    step(snapshot, event) {
      return stepByAdvance(advance, snapshot, event);
    },
    advance,
  };
}

/** `step` as `advance` on a copy of the snapshot (context copied once, as xstate makes a new one). */
function stepByAdvance(advance: CompiledMachine['advance'], snapshot: MachineSnapshot, event: EventObject): StepResult {
  const copy: MachineSnapshot = { value: snapshot.value, context: { ...snapshot.context } };
  const actions = advance(copy, event);
  if (actions === null) return unchanged(snapshot);
  // the caller keeps these: raises (reused by `advance`) are copied
  const own = actions.map((a) => (a.type === 'xstate.raise' ? { type: a.type, params: { ...a.params } } : a));
  return { snapshot: copy, actions: own, changed: true };
}

function parallelStepper(machine: AnyStateMachine, regions: Region[], begin: Begin, maxMicrosteps: number, generated?: Generated): CompiledMachine {
  const anyAlways = regions.some((r) => [...r.byKey.values()].some((s) => s.always !== null));
  const n = regions.length;
  // scratch for one step (steps never nest: nothing here calls back into the engine)
  const states = new Array<AtomicState>(n);
  const chosen = new Array<Transition | null>(n);
  const { valueOf, valueAt } = parallelValues(regions);
  const walk = (snapshot: MachineSnapshot, event: EventObject): StepAction[] | null => {
    const value = snapshot.value as Record<string, string>;
    // a value this stepper made knows its states; any other (a copy, a keyframe's) is read by key
    const known = (value as { [ACTIVE]?: AtomicState[] })[ACTIVE];
    let enabled = false;
    let always = false;
    for (let r = 0; r < n; r++) {
      const region = regions[r]!;
      const state = known !== undefined ? known[r]! : stateOf(region, value[region.key]!);
      states[r] = state;
      // every region selects against the context before any action runs
      const t = select(state.on.get(event.type), snapshot.context, event);
      chosen[r] = t;
      if (t !== null) enabled = true;
      if (state.always !== null) always = true;
    }
    if (!enabled && !always) return null;
    const run = reuseRun(snapshot.context);
    if (enabled) microstepParallel(states, chosen, run, event);
    // the states just entered may have `always` transitions even if the old ones had none
    if (anyAlways) settleParallel(states, run, event, maxMicrosteps, chosen);
    if (run.microsteps === 0) return null;
    snapshot.value = valueOf(states);
    return run.actions;
  };
  const start = (snapshot: MachineSnapshot, input?: unknown): StepAction[] => {
    const event: InitEvent = { type: 'xstate.init', input };
    const run = begin(event, true);
    for (let r = 0; r < n; r++) states[r] = regions[r]!.initial;
    if (anyAlways) settleParallel(states, run, event, maxMicrosteps, chosen);
    snapshot.value = valueOf(states);
    snapshot.context = run.context;
    return run.actions;
  };
  const steps = generated ? generated(valueAt) : { advance: walk, start };
  const advance = steps.advance;
  return {
    machine,
    initial(input) {
      const event: InitEvent = { type: 'xstate.init', input };
      const run = begin(event);
      const states = regions.map((r) => r.initial);
      if (anyAlways) settleParallel(states, run, event, maxMicrosteps);
      return { snapshot: { value: valueOf(states), context: run.context }, actions: run.actions };
    },
    start: steps.start,
    step(snapshot, event) {
      return stepByAdvance(advance, snapshot, event);
    },
    advance,
  };
}

// ---------------------------------------------------------------------------
// Runtime.

function newRun(context: any, owned = false): Run {
  return { context, actions: [], assigned: false, microsteps: 0, owned, serial: 0 };
}

let advances = 0;

/** The one Run of `advance`: it writes into the snapshot's own context, and its action list is reused. */
const RUN: Run = newRun(undefined, true);
function reuseRun(context: any): Run {
  RUN.context = context;
  // emptied by popping: `length = 0` would drop the list's storage, and the next push allocate it again
  const actions = RUN.actions;
  while (actions.length !== 0) actions.pop();
  RUN.assigned = false;
  RUN.microsteps = 0;
  RUN.owned = true;
  RUN.serial = ++advances;
  return RUN;
}

/**
 * Functions of `{ context, event }` (assign, params, delays) are pure and
 * synchronous: one argument object is reused rather than allocated per call.
 */
const ACTION_ARGS: { context: any; event: EventObject } = { context: undefined, event: { type: '' } };
function actionArgs(context: any, event: EventObject): { context: any; event: EventObject } {
  ACTION_ARGS.context = context;
  ACTION_ARGS.event = event;
  return ACTION_ARGS;
}

/** Merge an assign's result into the step's context, copying the snapshot's context once per step. */
function writeContext(run: Run, partial: Record<string, unknown>): void {
  // Object.assign, as xstate: own keys only (symbols too), none inherited
  if (!run.owned) {
    run.context = Object.assign({}, run.context, partial);
    run.owned = true;
  } else {
    Object.assign(run.context, partial);
  }
  run.assigned = true;
}

function unchanged(snapshot: MachineSnapshot): StepResult {
  return { snapshot, actions: [], changed: false };
}

function stateOf(region: Region, key: string): AtomicState {
  const state = region.byKey.get(key);
  if (state === undefined) throw new Error(`drillsim stepper: unknown state '${key}' in '${region.key}'`);
  return state;
}

function select(candidates: Transition[] | null | undefined, context: any, event: EventObject): Transition | null {
  if (!candidates) return null;
  for (let i = 0; i < candidates.length; i++) {
    const t = candidates[i]!;
    if (t.guard === null || t.guard(context, event)) return t;
  }
  return null;
}

function runActions(actions: Action[], run: Run, event: EventObject): void {
  for (let i = 0; i < actions.length; i++) actions[i]!(run, event);
}

/**
 * Takes `always` transitions until none is enabled. Like xstate, it also stops
 * after a microstep that left the snapshot untouched (no assign, same state),
 * so a targetless `always` with only custom actions fires once per step.
 */
function settleCompound(state: AtomicState, run: Run, event: EventObject, maxMicrosteps: number): AtomicState {
  for (let i = 0; state.always !== null; ) {
    const t = select(state.always, run.context, event);
    if (t === null) break;
    if (++i >= maxMicrosteps) throw loopError(state.id, maxMicrosteps);
    run.assigned = false;
    runActions(t.all, run, event);
    run.microsteps++;
    if (t.target !== null) state = t.target;
    if (!run.assigned && !t.switches) break;
  }
  return state;
}

/** Same as settleCompound, all regions taking their `always` transition in one microstep. */
function settleParallel(states: AtomicState[], run: Run, event: EventObject, maxMicrosteps: number, chosen = new Array<Transition | null>(states.length)): void {
  for (let i = 0; ; ) {
    let enabled = false;
    for (let r = 0; r < states.length; r++) {
      const always = states[r]!.always;
      const t = always === null ? null : select(always, run.context, event);
      chosen[r] = t;
      if (t !== null) enabled = true;
    }
    if (!enabled) return;
    if (++i >= maxMicrosteps) throw loopError(states.map((s) => s.id).join(', '), maxMicrosteps);
    run.assigned = false;
    const switched = microstepParallel(states, chosen, run, event);
    if (!run.assigned && !switched) return;
  }
}

/**
 * One microstep over the regions' chosen transitions: exits in reverse document
 * order (later regions first), then transition actions and entries in document
 * order. Updates `states` in place; returns whether any region switched state.
 */
function microstepParallel(states: AtomicState[], chosen: (Transition | null)[], run: Run, event: EventObject): boolean {
  const n = states.length;
  let switched = false;
  for (let r = n - 1; r >= 0; r--) {
    const t = chosen[r];
    if (t && t.leaves) runActions(t.exit, run, event);
  }
  for (let r = 0; r < n; r++) {
    const t = chosen[r];
    if (t) runActions(t.actions, run, event);
  }
  for (let r = 0; r < n; r++) {
    const t = chosen[r];
    if (!t) continue;
    if (t.leaves) runActions(t.entry, run, event);
    if (t.target !== null) states[r] = t.target;
    if (t.switches) switched = true;
  }
  run.microsteps++;
  return switched;
}

/** The states a parallel value stands for: a hidden key, which neither JSON nor structuredClone copies. */
const ACTIVE = Symbol('active states');

/**
 * The `{ region: state }` values of a parallel machine. There are few
 * combinations, so each is built once and shared (frozen): snapshots only
 * ever read their value. Found by the states' places in their regions, no
 * key strings; each carries its states under ACTIVE for the next step.
 */
function parallelValues(regions: Region[]): {
  valueOf: (states: AtomicState[]) => Record<string, string>;
  /** the same value by the states' places in their regions (what generated code knows) */
  valueAt: (indices: number[]) => Record<string, string>;
} {
  const strides: number[] = [];
  let size = 1;
  for (const r of regions) {
    strides.push(size);
    size *= r.byKey.size;
  }
  const inOrder = regions.map((r) => [...r.byKey.values()]);
  const table = new Array<Record<string, string> | undefined>(size).fill(undefined);
  const make = (i: number, states: AtomicState[]) => {
    const v: Record<string, string> = {};
    for (let r = 0; r < regions.length; r++) v[regions[r]!.key] = states[r]!.key;
    Object.defineProperty(v, ACTIVE, { value: states.slice(), enumerable: false });
    return (table[i] = Object.freeze(v));
  };
  return {
    valueOf: (states) => {
      let i = 0;
      for (let r = 0; r < states.length; r++) i += states[r]!.index * strides[r]!;
      return table[i] ?? make(i, states);
    },
    valueAt: (indices) => {
      let i = 0;
      for (let r = 0; r < indices.length; r++) i += indices[r]! * strides[r]!;
      return table[i] ?? make(i, indices.map((k, r) => inOrder[r]![k]!));
    },
  };
}

function noParallelValue(): never {
  throw new Error('drillsim stepper: a compound machine has no parallel value');
}

function loopError(where: string, max: number): Error {
  return new Error(`drillsim stepper: ${max} 'always' microsteps in one step from '${where}' (eventless loop?)`);
}

function noSpawn(): never {
  throw new Error('drillsim stepper: spawn is not supported');
}

// ---------------------------------------------------------------------------
// Compile-time checks.

function childrenOf(node: XNode): XNode[] {
  return Object.values(node.states);
}

const unsupported = (node: XNode, what: string) =>
  new Error(`drillsim stepper: state '${node.id}' uses ${what}, which the compiled stepper does not support`);

/** Checks everything about a node that does not depend on its actions and guards. */
function checkNode(node: XNode, depth: number): void {
  if (node.type === 'history') throw unsupported(node, 'a history state');
  if (node.invoke.length > 0) throw unsupported(node, 'invoke');
  if (node.initial?.actions?.length) throw unsupported(node, 'actions on its initial transition');
  const atomic = node.type === 'atomic' || node.type === 'final';
  if (!atomic && (node.transitions.size > 0 || node.always)) {
    throw unsupported(node, `transitions on a ${node.type} state (only atomic states may have on / after / always / onDone)`);
  }
  if (node.type === 'final' && (node.transitions.size > 0 || node.always)) {
    throw unsupported(node, 'transitions out of a final state');
  }
  if (node.type === 'final' && node.parent?.parent) throw unsupported(node, 'a final state inside a parallel region');
  const parallelRoot = depth === 0 && node.type === 'parallel';
  for (const child of childrenOf(node)) {
    const childAtomic = child.type === 'atomic' || child.type === 'final' || child.type === 'history';
    if (parallelRoot && child.type !== 'compound') {
      throw unsupported(child, `type '${child.type}' directly under a parallel root (regions must be compound states of atomic states)`);
    }
    if (!parallelRoot && !childAtomic) {
      throw unsupported(child, `a ${child.type} state at depth ${depth + 1} (too deep: only atomic or final states may sit here)`);
    }
    checkNode(child, depth + 1);
  }
  if (atomic) {
    for (const [eventType, transitions] of node.transitions) {
      if (eventType === '*' || eventType.endsWith('.*')) throw unsupported(node, `the wildcard event descriptor '${eventType}'`);
      for (const t of transitions) checkTarget(node, t, eventType);
    }
    for (const t of node.always ?? []) checkTarget(node, t, 'always');
  }
}

function checkTarget(node: XNode, t: XTransition, eventType: string): void {
  if (!t.target) return;
  if (t.target.length !== 1) throw unsupported(node, `a transition on '${eventType}' with ${t.target.length} targets`);
  const target = t.target[0]!;
  if (target.parent !== node.parent) {
    throw unsupported(node, `a transition on '${eventType}' to '${target.id}', which is not a sibling`);
  }
}

/**
 * In a parallel root xstate orders simultaneous `always` transitions by the
 * order in which the atomic states were last entered (a detail of its internal
 * node list), not by document order. We cannot see that order in a
 * `{ value, context }` snapshot, so we only allow it where it cannot matter:
 * at most one region may have `always` transitions with actions.
 */
function rejectUnorderedAlwaysActions(regions: XNode[]): void {
  const withActions = regions.filter((region) =>
    childrenOf(region).some((s) => s.always?.some((t) => t.actions.length > 0)),
  );
  if (withActions.length > 1) {
    throw unsupported(
      withActions[1]!,
      `'always' transitions with actions in more than one parallel region (also in '${withActions[0]!.id}'; their action order in xstate depends on history)`,
    );
  }
}

// ---------------------------------------------------------------------------
// Compilation of states and transitions.

/** What compiling one machine needs: its implementations, root, and every state's compiled entry / exit. */
interface Compiler {
  impl: Implementations;
  root: XNode;
  entry: Map<XNode, Action[]>;
  exit: Map<XNode, Action[]>;
}

/** Compiles every state's entry and exit up front, so unsupported actions are caught even where never run. */
function createCompiler(root: XNode, impl: Implementations): Compiler {
  const c: Compiler = { impl, root, entry: new Map(), exit: new Map() };
  const visit = (node: XNode) => {
    c.entry.set(node, compileActions(node.entry, `entry of state '${node.id}'`, impl));
    c.exit.set(node, compileActions(node.exit, `exit of state '${node.id}'`, impl));
    childrenOf(node).forEach(visit);
  };
  visit(root);
  return c;
}

function compileRegion(node: XNode, c: Compiler): Region {
  const byKey = new Map<string, AtomicState>();
  const nodes = childrenOf(node);
  for (const child of nodes) {
    byKey.set(child.key, { id: child.id, key: child.key, index: byKey.size, final: child.type === 'final', on: new Map(), always: null });
  }
  // transitions reference their target's AtomicState, so fill them in after all exist
  for (const child of nodes) {
    const state = byKey.get(child.key)!;
    for (const [eventType, transitions] of child.transitions) {
      state.on.set(eventType, transitions.map((t) => compileTransition(child, t, eventType, byKey, c)));
    }
    if (child.always) state.always = child.always.map((t) => compileTransition(child, t, 'always', byKey, c));
  }
  return { key: node.key, byKey, initial: byKey.get(node.initial.target[0]!.key)! };
}

function compileTransition(
  source: XNode,
  t: XTransition,
  eventType: string,
  byKey: Map<string, AtomicState>,
  c: Compiler,
): Transition {
  const where = `the '${eventType}' transition of state '${source.id}'`;
  const targetNode = t.target?.[0];
  const target = targetNode ? byKey.get(targetNode.key)! : null;
  // a non-reentering transition to its own source neither exits nor enters it
  const leaves = targetNode !== undefined && (targetNode !== source || t.reenter);
  const exit = leaves ? c.exit.get(source)! : [];
  const actions = compileActions(t.actions, where, c.impl);
  const entry = leaves ? enterAtomic(targetNode!, c) : [];
  return {
    guard: t.guard === undefined ? null : compileGuard(t.guard, where, c.impl),
    target,
    leaves,
    switches: targetNode !== undefined && targetNode !== source,
    exit,
    actions,
    entry,
    all: [...exit, ...actions, ...entry],
  };
}

/** Entry actions of an atomic state; reaching a final state also exits it and the root, as xstate does on completion. */
function enterAtomic(node: XNode, c: Compiler): Action[] {
  if (node.type !== 'final') return c.entry.get(node)!;
  return [...c.entry.get(node)!, ...c.exit.get(node)!, ...c.exit.get(c.root)!];
}

/** The initial microstep enters the root, then every region and initial state in document order. */
function compileInitialEntry(regions: XNode[], c: Compiler): Action[] {
  const { root } = c;
  const entered = root.type === 'parallel' ? regions.flatMap((r) => [r, r.initial.target[0]!]) : [root.initial.target[0]!];
  return [
    ...c.entry.get(root)!,
    ...entered.flatMap((node) => (node.type === 'compound' ? c.entry.get(node)! : enterAtomic(node, c))),
  ];
}

// ---------------------------------------------------------------------------
// Guards.

function compileGuard(guard: unknown, where: string, impl: Implementations): Guard {
  if (typeof guard === 'function') {
    if ('check' in guard) return compileBuiltinGuard(guard as BuiltinGuard, where, impl);
    const fn = guard as (args: unknown, params: unknown) => boolean;
    return (context, event) => fn(guardArgs(context, event), undefined);
  }
  const name = typeof guard === 'string' ? guard : (guard as { type?: unknown } | null)?.type;
  if (typeof name !== 'string') throw new Error(`drillsim stepper: unsupported guard in ${where}`);
  const resolved = impl.guards[name];
  if (resolved === undefined) throw new Error(`drillsim stepper: guard '${name}' in ${where} is not implemented in setup({ guards })`);
  if (typeof resolved !== 'function') return compileGuard(resolved, where, impl);
  if ('check' in resolved) return compileBuiltinGuard(resolved as BuiltinGuard, where, impl);
  const fn = resolved as (args: unknown, params: unknown) => boolean;
  const params = typeof guard === 'object' && guard !== null && 'params' in guard ? (guard as { params: unknown }).params : undefined;
  if (typeof params === 'function') return (context, event) => fn(guardArgs(context, event), params({ context, event }));
  return (context, event) => fn(guardArgs(context, event), params);
}

/**
 * Guards get `{ context, event }`. They are pure and synchronous, so one
 * argument object is reused for every call instead of allocating one per
 * guard per step (guards run on every event, so this shows in the bench).
 */
const GUARD_ARGS: { context: any; event: EventObject } = { context: undefined, event: { type: '' } };
function guardArgs(context: any, event: EventObject): { context: any; event: EventObject } {
  GUARD_ARGS.context = context;
  GUARD_ARGS.event = event;
  return GUARD_ARGS;
}

/** `and` / `or` / `not` of other guards; `stateIn` needs the whole state and is rejected. */
function compileBuiltinGuard(guard: BuiltinGuard, where: string, impl: Implementations): Guard {
  const parts = (guard.guards ?? []).map((g) => compileGuard(g, where, impl));
  if (guard.check === BUILTIN_CHECKS.not) {
    const inner = parts[0]!;
    return (context, event) => !inner(context, event);
  }
  if (guard.check === BUILTIN_CHECKS.and) return (context, event) => parts.every((g) => g(context, event));
  if (guard.check === BUILTIN_CHECKS.or) return (context, event) => parts.some((g) => g(context, event));
  throw new Error(`drillsim stepper: a built-in guard in ${where} (stateIn?) is not supported; only and / or / not are`);
}

// ---------------------------------------------------------------------------
// Actions.

type Resolver = (context: any, event: EventObject) => unknown;

function compileActions(actions: unknown[], where: string, impl: Implementations): Action[] {
  return actions.map((a) => compileAction(a, where, impl));
}

function compileAction(action: unknown, where: string, impl: Implementations): Action {
  if (typeof action === 'function') {
    if (isBuiltin(action)) return compileBuiltinAction(action, () => undefined, where, impl);
    throw new Error(
      `drillsim stepper: an inline action function in ${where} cannot be returned to the engine; name it in setup({ actions })`,
    );
  }
  const name = typeof action === 'string' ? action : (action as { type?: unknown } | null)?.type;
  if (typeof name !== 'string') throw new Error(`drillsim stepper: unsupported action in ${where}`);
  const params = paramsResolver(action);
  const resolved = impl.actions[name];
  if (isBuiltin(resolved)) return compileBuiltinAction(resolved, params, where, impl);
  // a custom action: returned to the engine, never executed here (with constant params, one shared, frozen object)
  if (!hasDynamicParams(action)) {
    const fixed: StepAction = Object.freeze({ type: name, params: params(undefined, { type: '' }) });
    return (run) => {
      run.actions.push(fixed);
    };
  }
  return (run, event) => {
    run.actions.push({ type: name, params: params(run.context, event) });
  };
}

function isBuiltin(action: unknown): action is BuiltinAction {
  return typeof action === 'function' && 'resolve' in action && typeof (action as { type?: unknown }).type === 'string';
}

function hasDynamicParams(action: unknown): boolean {
  return typeof action === 'object' && action !== null && 'params' in action && typeof (action as { params: unknown }).params === 'function';
}

function paramsResolver(action: unknown): Resolver {
  if (typeof action !== 'object' || action === null || !('params' in action)) return () => undefined;
  const params = (action as { params: unknown }).params;
  if (typeof params === 'function') return (context, event) => params(actionArgs(context, event));
  return () => params;
}

function compileBuiltinAction(action: BuiltinAction, params: Resolver, where: string, impl: Implementations): Action {
  switch (action.type) {
    case 'xstate.assign':
      return compileAssign(action.assignment, params);
    case 'xstate.raise':
      return compileRaise(action, params, where, impl);
    case 'xstate.cancel':
      return compileCancel(action.sendId, params);
    default:
      throw new Error(`drillsim stepper: the built-in action '${action.type}' in ${where} is not supported`);
  }
}

function compileAssign(assignment: unknown, params: Resolver): Action {
  if (typeof assignment === 'function') {
    return (run, event) => {
      const p = params(run.context, event);
      writeContext(run, assignment(actionArgs(run.context, event), p));
    };
  }
  const entries = Object.entries(assignment as Record<string, unknown>);
  if (entries.every(([, value]) => typeof value !== 'function')) {
    // all values constant (`assign({ open: false })`): one partial, made once; writeContext only reads it
    const constant = Object.freeze(Object.fromEntries(entries));
    return (run) => writeContext(run, constant);
  }
  return (run, event) => {
    const p = params(run.context, event);
    const partial: Record<string, unknown> = {};
    for (const [key, value] of entries) partial[key] = typeof value === 'function' ? value(actionArgs(run.context, event), p) : value;
    writeContext(run, partial);
  };
}

function compileRaise(action: BuiltinAction, params: Resolver, where: string, impl: Implementations): Action {
  const { event: raised, id, delay } = action;
  if (delay === undefined) throw new Error(`drillsim stepper: raise without a delay in ${where} is not supported`);
  if (typeof raised !== 'object' && typeof raised !== 'function') {
    throw new Error(`drillsim stepper: raise in ${where} must raise an event object`);
  }
  const delayFn = resolveDelay(delay, where, impl);
  // in `advance`, this raise's action object is reused from step to step, like the list that holds it
  // (a fresh one if it fires again in the same step: a list must not hold one object twice)
  let reused: { type: 'xstate.raise'; params: { event: unknown; id: unknown; delay: number } } | null = null;
  let reusedIn = 0;
  return (run, event) => {
    const p = params(run.context, event);
    const resolvedEvent = typeof raised === 'function' ? raised(actionArgs(run.context, event), p) : raised;
    const resolvedDelay = delayFn(actionArgs(run.context, event), p);
    if (typeof resolvedDelay !== 'number') {
      throw new Error(`drillsim stepper: the delay of raise '${id}' in ${where} resolved to ${String(resolvedDelay)}, not a number`);
    }
    if (run.serial === 0 || run.serial === reusedIn) {
      run.actions.push({ type: 'xstate.raise', params: { event: resolvedEvent, id, delay: resolvedDelay } });
    } else if (reused === null) {
      reusedIn = run.serial;
      run.actions.push((reused = { type: 'xstate.raise', params: { event: resolvedEvent, id, delay: resolvedDelay } }));
    } else {
      reusedIn = run.serial;
      reused.params.event = resolvedEvent;
      reused.params.delay = resolvedDelay;
      run.actions.push(reused);
    }
  };
}

function resolveDelay(delay: unknown, where: string, impl: Implementations): (args: unknown, params: unknown) => unknown {
  if (typeof delay === 'function') return delay as (args: unknown, params: unknown) => unknown;
  if (typeof delay === 'number') return () => delay;
  if (typeof delay === 'string') {
    const named = impl.delays[delay];
    if (named === undefined) throw new Error(`drillsim stepper: delay '${delay}' in ${where} is not defined in setup({ delays })`);
    if (typeof named === 'function') return named as (args: unknown, params: unknown) => unknown;
    return () => named;
  }
  throw new Error(`drillsim stepper: unsupported delay in ${where}`);
}

function compileCancel(sendId: unknown, params: Resolver): Action {
  if (typeof sendId !== 'function') {
    // the usual case (an `after` timer's id): one shared, frozen action
    const fixed: StepAction = Object.freeze({ type: 'xstate.cancel', params: Object.freeze({ sendId }) });
    return (run) => {
      run.actions.push(fixed);
    };
  }
  return (run, event) => {
    const resolved =
      typeof sendId === 'function' ? sendId({ context: run.context, event }, params(run.context, event)) : sendId;
    run.actions.push({ type: 'xstate.cancel', params: { sendId: resolved } });
  };
}
