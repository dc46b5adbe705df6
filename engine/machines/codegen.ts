/**
 * A machine's `advance` and `start` written out as code, at build time.
 *
 * The compiled stepper (stepper.ts) walks closures over the machine's graph at
 * every step: each call site in it sees every guard and action of every
 * machine, so V8 can inline none of them. `describeMachine(machine)` writes
 * the same step and start as straight-line code (a case per state, an `if`
 * per event type, each guard and action in place), which `npm run
 * gen:steppers` saves under engine/machines/generated/ (`generatedModule`);
 * the engine's hot machines step with it.
 * Code is generated at build time, never at run time: the viewer's page runs
 * the engine too, and generating code there would need `eval`.
 *
 * The generated code holds no machine's functions: it reads them from `refs`,
 * which `describeMachine` collects from the live machine in the same walk that
 * writes the code. So the code and the machine are checked against each other
 * when the engine starts (the code's hash is recomputed): a machine edited
 * without regenerating is refused by name, not stepped wrongly.
 *
 * Same subset and semantics as the compiled stepper; the property tests hold
 * both to xstate's own `transition`.
 */
import type { AnyStateMachine } from 'xstate';
import { BUILTIN_CHECKS, type BuiltinAction, type BuiltinGuard, type Implementations, type XNode, type XTransition } from './xstate-graph.js';

/** The code of a machine's advance and start, and the live objects it reads (`refs[i]`), in the order the code names them. */
export interface MachineCode {
  /** the body of `makeStepper(h)`: returns `{ advance, start }` */
  body: string;
  refs: unknown[];
  /** FNV-1a of `body`, written into the generated file */
  hash: string;
}

/** Helpers the generated code gets from the compiled stepper. */
export interface AdvanceHelpers {
  refs: readonly unknown[];
  /** a new context for the input, as the compiled stepper's `start` makes it (copied or not, see freshContext) */
  context: (input: unknown) => unknown;
  /** a parallel machine's shared value for its regions' state indices */
  value: (indices: number[]) => unknown;
  maxMicrosteps: number;
}

export function describeMachine(machine: AnyStateMachine, name: string): MachineCode {
  const root = machine.root as unknown as XNode;
  const impl = machine.implementations as unknown as Implementations;
  const refs: unknown[] = [];
  const refIndex = new Map<unknown, number>();
  // a Map takes -0 and 0 for one key: -0 has a key of its own, so neither is read as the other
  const MINUS_ZERO = {};
  const ref = (v: unknown): string => {
    const key = Object.is(v, -0) ? MINUS_ZERO : v;
    let i = refIndex.get(key);
    if (i === undefined) {
      i = refs.length;
      refs.push(v);
      refIndex.set(key, i);
    }
    return `R${i}`;
  };
  let slots = 0;
  const fail = (where: string, what: string) => new Error(`drillsim codegen (${name}): ${what} in ${where} is not supported by the generated stepper`);

  // ---- guards: an expression over `ctx` and `e`
  const guardCode = (g: unknown, where: string): string => {
    if (typeof g === 'function') {
      if ('check' in g) return builtinGuard(g as unknown as BuiltinGuard, where);
      return `${ref(g)}(args(ctx, e), undefined)`;
    }
    const gname = typeof g === 'string' ? g : (g as { type?: unknown } | null)?.type;
    if (typeof gname !== 'string') throw fail(where, 'an unnamed guard');
    const resolved = impl.guards[gname];
    if (resolved === undefined) throw fail(where, `the unimplemented guard '${gname}'`);
    if (typeof resolved !== 'function') return guardCode(resolved, where);
    if ('check' in resolved) return builtinGuard(resolved as unknown as BuiltinGuard, where);
    const params = typeof g === 'object' && g !== null && 'params' in g ? (g as { params: unknown }).params : undefined;
    const p = params === undefined ? 'undefined' : typeof params === 'function' ? `${ref(params)}(args(ctx, e))` : ref(params);
    return `${ref(resolved)}(args(ctx, e), ${p})`;
  };
  const builtinGuard = (g: BuiltinGuard, where: string): string => {
    const parts = (g.guards ?? []).map((x) => guardCode(x, where));
    if (g.check === BUILTIN_CHECKS.not) return `!(${parts[0]})`;
    if (g.check === BUILTIN_CHECKS.and) return parts.length ? `(${parts.join(' && ')})` : 'true';
    if (g.check === BUILTIN_CHECKS.or) return parts.length ? `(${parts.join(' || ')})` : 'false';
    throw fail(where, 'a built-in guard other than and / or / not');
  };

  // ---- actions: statements over `ctx`, `e`, `out`
  const isBuiltin = (a: unknown): a is BuiltinAction =>
    typeof a === 'function' && 'resolve' in a && typeof (a as { type?: unknown }).type === 'string';
  const actionCode = (a: unknown, where: string): string => {
    if (typeof a === 'function') {
      if (isBuiltin(a)) return builtinAction(a, 'undefined', where);
      throw fail(where, 'an inline action function');
    }
    const aname = typeof a === 'string' ? a : (a as { type?: unknown } | null)?.type;
    if (typeof aname !== 'string') throw fail(where, 'an unnamed action');
    const params = typeof a === 'object' && a !== null && 'params' in a ? (a as { params: unknown }).params : undefined;
    const p = params === undefined ? 'undefined' : typeof params === 'function' ? `${ref(params)}(args(ctx, e))` : ref(params);
    const resolved = impl.actions[aname];
    if (isBuiltin(resolved)) return builtinAction(resolved, p, where);
    // a custom action: returned to the engine, never executed here
    if (typeof params === 'function') return `out.push({ type: ${JSON.stringify(aname)}, params: ${p} });`;
    return `out.push(${ref(Object.freeze({ type: aname, params }))});`;
  };
  /** `p`: the action's params as an expression; evaluated once, where the action needs them, as the interpreted stepper does */
  const builtinAction = (a: BuiltinAction, p: string, where: string): string => {
    // a params function is called once, into `p`, before anything that reads the params
    const once = /^(undefined|R\d+)$/.test(p) ? '' : `const p = ${p}; `;
    if (once) p = 'p';
    switch (a.type) {
      case 'xstate.assign': {
        const as = a.assignment;
        if (typeof as === 'function') return once ? `{ ${once}merge(ctx, ${ref(as)}(args(ctx, e), p)); }` : `merge(ctx, ${ref(as)}(args(ctx, e), ${p}));`;
        const entries = Object.entries(as as Record<string, unknown>);
        // every value computed before any is written, as xstate does
        const values = entries.map(([k, v]) => (typeof v === 'function' ? `${ref(v)}(args(ctx, e), ${p})` : literal(v) ?? `${ref(as)}[${JSON.stringify(k)}]`));
        if (entries.every(([, v]) => typeof v !== 'function')) {
          return `${entries.map(([k], i) => `ctx[${JSON.stringify(k)}] = ${values[i]};`).join(' ')} assigned = true;`;
        }
        return `{ ${once}${values.map((v, i) => `const v${i} = ${v};`).join(' ')} ${entries.map(([k], i) => `ctx[${JSON.stringify(k)}] = v${i};`).join(' ')} assigned = true; }`;
      }
      case 'xstate.raise': {
        if (a.delay === undefined) throw fail(where, 'a raise without a delay');
        if (typeof a.event !== 'object' && typeof a.event !== 'function') throw fail(where, 'a raise of no event object');
        // a number as a literal where it is one (not -0, NaN or Infinity, which are read from the machine)
        const number = (d: number) => literal(d) ?? ref(d);
        let delay: string;
        if (typeof a.delay === 'number') delay = number(a.delay);
        else if (typeof a.delay === 'function') delay = `${ref(a.delay)}(args(ctx, e), ${p})`;
        else if (typeof a.delay === 'string') {
          const named = impl.delays[a.delay];
          if (named === undefined) throw fail(where, `the undefined delay '${a.delay}'`);
          delay = typeof named === 'function' ? `${ref(named)}(args(ctx, e), ${p})` : typeof named === 'number' ? number(named) : ref(named);
        } else throw fail(where, 'a delay that is neither a number, a name nor a function');
        const ev = typeof a.event === 'function' ? `${ref(a.event)}(args(ctx, e), ${p})` : ref(a.event);
        const s = slots++;
        const id = JSON.stringify(a.id);
        // the event before the delay, as xstate resolves them; `raise` reuses this place's action object
        return `{ ${once}const ev = ${ev}; const d = ${delay}; if (typeof d !== 'number') throw delayError(${id}, ${JSON.stringify(where)}, d); raise(s${s}, ev, ${id}, d); }`;
      }
      case 'xstate.cancel': {
        // an id resolved at run time (a timer of the context's): a new action each time, as the interpreted stepper makes
        if (typeof a.sendId === 'function') return `{ ${once}out.push({ type: 'xstate.cancel', params: { sendId: ${ref(a.sendId)}(args(ctx, e), ${p}) } }); }`;
        return `out.push(${ref(Object.freeze({ type: 'xstate.cancel', params: Object.freeze({ sendId: a.sendId }) }))});`;
      }
      default:
        throw fail(where, `the built-in action '${a.type}'`);
    }
  };
  const actionsCode = (list: unknown[], where: string) => list.map((a) => actionCode(a, where));

  // ---- states and transitions
  const regions = root.type === 'parallel' ? Object.values(root.states) : [root];
  const exitOf = (n: XNode, where: string) => actionsCode(n.exit, where);
  const entryOfAtomic = (n: XNode): string[] => {
    const own = actionsCode(n.entry, `entry of state '${n.id}'`);
    if (n.type !== 'final') return own;
    return [...own, ...exitOf(n, `exit of state '${n.id}'`), ...exitOf(root, `exit of state '${root.id}'`)];
  };
  interface T { n: number; guard: string | null; target: number; leaves: boolean; switches: boolean; exit: string[]; actions: string[]; entry: string[] }
  const all: T[] = [];
  const transition = (source: XNode, t: XTransition, eventType: string, keys: string[]): T => {
    const where = `the '${eventType}' transition of state '${source.id}'`;
    const target = t.target?.[0];
    if (t.target && t.target.length !== 1) throw fail(where, 'several targets');
    if (target && target.parent !== source.parent) throw fail(where, 'a target that is not a sibling');
    const leaves = target !== undefined && (target !== source || t.reenter);
    const tr: T = {
      n: all.length,
      guard: t.guard === undefined ? null : guardCode(t.guard, where),
      target: target ? keys.indexOf(target.key) : -1,
      leaves,
      switches: target !== undefined && target !== source,
      exit: leaves ? exitOf(source, `exit of state '${source.id}'`) : [],
      actions: actionsCode(t.actions, where),
      entry: leaves ? entryOfAtomic(target!) : [],
    };
    all.push(tr);
    return tr;
  };
  const compiled = regions.map((region) => {
    const states = Object.values(region.states);
    const keys = states.map((s) => s.key);
    return {
      region,
      keys,
      states: states.map((s) => ({
        node: s,
        on: [...s.transitions].map(([type, ts]) => {
          if (type === '*' || type.endsWith('.*')) throw fail(`state '${s.id}'`, `the wildcard event '${type}'`);
          return [type, ts.map((t) => transition(s, t, type, keys))] as const;
        }),
        always: s.always ? s.always.map((t) => transition(s, t, 'always', keys)) : null,
      })),
    };
  });
  const anyAlways = compiled.some((r) => r.states.some((s) => s.always !== null));
  // the initial microstep: the root's entry, then every region and its initial state in document order
  const initialEntry = [
    ...actionsCode(root.entry, `entry of state '${root.id}'`),
    ...(root.type === 'parallel'
      ? regions.flatMap((r) => [...actionsCode(r.entry, `entry of state '${r.id}'`), ...entryOfAtomic(r.initial.target[0]!)])
      : entryOfAtomic(root.initial.target[0]!)),
  ];
  const initialIndex = compiled.map((r) => r.keys.indexOf(r.region.initial.target[0]!.key));
  /** statements, each on its own line ending in a newline (nothing for none) */
  const stmts = (list: string[]) => list.map((l) => `        ${l}\n`).join('');
  const selectCode = (ts: readonly T[], onHit: (t: T) => string) =>
    ts.map((t) => (t.guard === null ? `      ${onHit(t)}` : `      if (${t.guard}) ${onHit(t)}`)).join('\n');

  const lines: string[] = [];
  const L = (s: string) => lines.push(s);
  L(`const R = h.refs;`);
  const refDecl = lines.length; // filled in at the end, once every ref is known
  L(`const MAX = h.maxMicrosteps;`);
  L(`const ARGS = { context: undefined, event: undefined };`);
  L(`const args = (context, event) => { ARGS.context = context; ARGS.event = event; return ARGS; };`);
  L(`const out = [];`);
  L(`let micro = 0, assigned = false, serial = 0;`);
  // Object.assign, as xstate: own keys only (symbols too), none inherited
  L(`const merge = (ctx, partial) => { Object.assign(ctx, partial); assigned = true; };`);
  L(`const delayError = (id, where, d) => new Error("drillsim stepper: the delay of raise '" + id + "' in " + where + " resolved to " + String(d) + ", not a number");`);
  L(`const loopError = (where) => new Error("drillsim stepper: " + MAX + " 'always' microsteps in one step from '" + where + "' (eventless loop?)");`);
  L(`const begin = () => { while (out.length !== 0) out.pop(); micro = 0; assigned = false; serial++; };`);
  // a raise's action object is reused from step to step, one per place in the code (a fresh one if that place
  // fires again in the same step: a list must not hold one object twice)
  L(`const raise = (slot, ev, id, d) => {`);
  L(`  if (slot.in === serial) { out.push({ type: 'xstate.raise', params: { event: ev, id, delay: d } }); return; }`);
  L(`  slot.in = serial;`);
  L(`  if (slot.a === null) out.push(slot.a = { type: 'xstate.raise', params: { event: ev, id, delay: d } });`);
  L(`  else { slot.a.params.event = ev; slot.a.params.delay = d; out.push(slot.a); }`);
  L(`};`);
  const slotDecl = lines.length;

  if (root.type === 'compound') {
    const r = compiled[0]!;
    const body = (t: T) => [...t.exit, ...t.actions, ...t.entry];
    L(`const KEYS = ${JSON.stringify(r.keys)};`);
    if (anyAlways) {
      L(`const settle = (st, ctx, e) => {`);
      L(`  for (let i = 0; ; ) {`);
      L(`    switch (st) {`);
      r.states.forEach((s, si) => {
        if (!s.always) return;
        L(`    case ${si}:`);
        for (const t of s.always) {
          L(`      ${t.guard === null ? '{' : `if (${t.guard}) {`}`);
          L(`        if (++i >= MAX) throw loopError(${JSON.stringify(s.node.id)});`);
          L(`        assigned = false;`);
          L(`${stmts(body(t))}        micro++;`);
          if (t.target >= 0) L(`        st = ${t.target};`);
          if (!t.switches) L(`        if (!assigned) return st;`);
          L(`        continue;`);
          L(`      }`);
        }
        L(`      return st;`);
      });
      L(`    default: return st;`);
      L(`    }`);
      L(`  }`);
      L(`};`);
    }
    L(`const start = (s, input) => {`);
    L(`  begin();`);
    L(`  const e = { type: 'xstate.init', input }, ctx = h.context(input);`);
    L(`${stmts(initialEntry)}  s.value = KEYS[${anyAlways ? `settle(${initialIndex[0]}, ctx, e)` : initialIndex[0]}];`);
    L(`  s.context = ctx;`);
    L(`  return out;`);
    L(`};`);
    L(`const advance = (s, e) => {`);
    L(`  const ctx = s.context, type = e.type;`);
    L(`  let st = -1;`);
    L(`  sel: switch (s.value) {`);
    r.states.forEach((s, si) => {
      L(`  case ${JSON.stringify(s.node.key)}:`);
      if (s.node.type === 'final') {
        L(`    return null;`);
        return;
      }
      for (const [type, ts] of s.on) {
        L(`    if (type === ${JSON.stringify(type)}) {`);
        L(selectCode(ts, (t) => `{\n        begin();\n${stmts(body(t))}        micro++; st = ${t.target >= 0 ? t.target : si}; break sel;\n      }`));
        L(`    }`);
      }
      if (s.always === null) L(`    return null;`);
      else L(`    begin(); st = ${si}; break;`);
    });
    L(`  default: throw new Error("drillsim stepper: unknown state '" + s.value + "' in '" + ${JSON.stringify(r.region.key)} + "'");`);
    L(`  }`);
    if (anyAlways) L(`  st = settle(st, ctx, e);`);
    L(`  if (micro === 0) return null;`);
    L(`  s.value = KEYS[st];`);
    L(`  return out;`);
    L(`};`);
    L(`return { advance, start };`);
  } else {
    const n = compiled.length;
    const idx = [...Array(n).keys()];
    L(`const IDX = new Array(${n}).fill(0);`);
    L(`let ${idx.map((r) => `S${r} = 0`).join(', ')};`);
    L(`const LEAVES = ${JSON.stringify(all.map((t) => t.leaves))}, SWITCHES = ${JSON.stringify(all.map((t) => t.switches))}, TARGET = ${JSON.stringify(all.map((t) => t.target))};`);
    L(`const IDS = ${JSON.stringify(compiled.map((r) => r.states.map((s) => s.node.id)))};`);
    const perTransition = (fname: string, pick: (t: T) => string[]) => {
      L(`const ${fname} = (t, ctx, e) => {`);
      L(`  switch (t) {`);
      for (const t of all) {
        const code = pick(t);
        if (code.length) L(`  case ${t.n}: {\n${stmts(code)}        return;\n      }`);
      }
      L(`  }`);
      L(`};`);
    };
    perTransition('exits', (t) => t.exit);
    perTransition('acts', (t) => t.actions);
    perTransition('entries', (t) => t.entry);
    compiled.forEach((r, ri) => {
      L(`const index${ri} = (key) => {`);
      L(`  switch (key) {`);
      r.keys.forEach((k, i) => L(`  case ${JSON.stringify(k)}: return ${i};`));
      L(`  default: throw new Error("drillsim stepper: unknown state '" + key + "' in '" + ${JSON.stringify(r.region.key)} + "'");`);
      L(`  }`);
      L(`};`);
      L(`const select${ri} = (a, type, ctx, e) => {`);
      L(`  switch (a) {`);
      r.states.forEach((s, si) => {
        if (!s.on.length) return;
        L(`  case ${si}:`);
        for (const [type, ts] of s.on) {
          L(`    if (type === ${JSON.stringify(type)}) {`);
          L(selectCode(ts, (t) => `return ${t.n};`));
          L(`      return -1;`);
          L(`    }`);
        }
        L(`    return -1;`);
      });
      L(`  }`);
      L(`  return -1;`);
      L(`};`);
      L(`const always${ri} = (a, ctx, e) => {`);
      L(`  switch (a) {`);
      r.states.forEach((s, si) => {
        if (!s.always) return;
        L(`  case ${si}:`);
        L(selectCode(s.always, (t) => `return ${t.n};`));
        L(`    return -1;`);
      });
      L(`  }`);
      L(`  return -1;`);
      L(`};`);
      L(`const HAS_ALWAYS${ri} = ${JSON.stringify(r.states.map((s) => s.always !== null))};`);
    });
    // one microstep: exits in reverse document order, then actions and entries in document order
    L(`const microstep = (${idx.map((r) => `t${r}`).join(', ')}, ctx, e) => {`);
    L(`  let switched = false;`);
    for (const r of [...idx].reverse()) L(`  if (t${r} >= 0 && LEAVES[t${r}]) exits(t${r}, ctx, e);`);
    for (const r of idx) L(`  if (t${r} >= 0) acts(t${r}, ctx, e);`);
    for (const r of idx) {
      L(`  if (t${r} >= 0) {`);
      L(`    if (LEAVES[t${r}]) entries(t${r}, ctx, e);`);
      L(`    if (TARGET[t${r}] >= 0) S${r} = TARGET[t${r}];`);
      L(`    if (SWITCHES[t${r}]) switched = true;`);
      L(`  }`);
    }
    L(`  micro++;`);
    L(`  return switched;`);
    L(`};`);
    if (anyAlways) {
      L(`const settle = (ctx, e) => {`);
      L(`  for (let i = 0; ; ) {`);
      for (const r of idx) L(`    const c${r} = always${r}(S${r}, ctx, e);`);
      L(`    if (${idx.map((r) => `c${r} < 0`).join(' && ')}) return;`);
      L(`    if (++i >= MAX) throw loopError([${idx.map((r) => `IDS[${r}][S${r}]`).join(', ')}].join(', '));`);
      L(`    assigned = false;`);
      L(`    const switched = microstep(${idx.map((r) => `c${r}`).join(', ')}, ctx, e);`);
      L(`    if (!assigned && !switched) return;`);
      L(`  }`);
      L(`};`);
    }
    L(`const start = (s, input) => {`);
    L(`  begin();`);
    L(`  const e = { type: 'xstate.init', input }, ctx = h.context(input);`);
    L(`${stmts(initialEntry)}  ${idx.map((r) => `S${r} = ${initialIndex[r]};`).join(' ')}`);
    if (anyAlways) L(`  settle(ctx, e);`);
    L(`  ${idx.map((r) => `IDX[${r}] = S${r};`).join(' ')}`);
    L(`  s.value = h.value(IDX);`);
    L(`  s.context = ctx;`);
    L(`  return out;`);
    L(`};`);
    L(`const advance = (s, e) => {`);
    L(`  const ctx = s.context, type = e.type, v = s.value;`);
    for (const r of idx) L(`  const a${r} = index${r}(v[${JSON.stringify(compiled[r]!.region.key)}]);`);
    // every region selects against the context before any action runs
    for (const r of idx) L(`  const t${r} = select${r}(a${r}, type, ctx, e);`);
    L(`  if (${idx.map((r) => `t${r} < 0 && !HAS_ALWAYS${r}[a${r}]`).join(' && ')}) return null;`);
    L(`  begin();`);
    L(`  ${idx.map((r) => `S${r} = a${r};`).join(' ')}`);
    L(`  if (${idx.map((r) => `t${r} >= 0`).join(' || ')}) microstep(${idx.map((r) => `t${r}`).join(', ')}, ctx, e);`);
    if (anyAlways) L(`  settle(ctx, e);`);
    L(`  if (micro === 0) return null;`);
    L(`  ${idx.map((r) => `IDX[${r}] = S${r};`).join(' ')}`);
    L(`  s.value = h.value(IDX);`);
    L(`  return out;`);
    L(`};`);
    L(`return { advance, start };`);
  }
  lines.splice(slotDecl, 0, ...[...Array(slots).keys()].map((s) => `const s${s} = { a: null, in: 0 };`));
  lines.splice(refDecl, 0, ...refs.map((_, i) => `const R${i} = R[${i}];`));
  const body = lines.join('\n');
  return { body, refs, hash: fnv1a(body) };
}

/** A primitive as a literal, or null when it must be read from the machine (objects, non-finite numbers). */
function literal(v: unknown): string | null {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' && Number.isFinite(v) && !Object.is(v, -0)) return String(v);
  return null;
}

function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The generated module's text: the body in `makeStepper(h)`, typed loosely (it is checked by the property tests). */
export function generatedModule(machine: AnyStateMachine, name: string, source: string): string {
  const { body, hash } = describeMachine(machine, name);
  return [
    `// Generated by scripts/gen-steppers.mjs from ${source}: do not edit. Run \`npm run gen:steppers\` after changing the machine.`,
    `/* eslint-disable */`,
    `// @ts-nocheck`,
    `import type { AdvanceHelpers } from '../codegen.js';`,
    `import type { MachineSnapshot, StepAction } from '../stepper.js';`,
    ``,
    `export const HASH = ${JSON.stringify(hash)};`,
    ``,
    `export function makeStepper(h: AdvanceHelpers): {`,
    `  advance: (s: MachineSnapshot, e: { type: string }) => StepAction[] | null;`,
    `  start: (s: MachineSnapshot, input?: unknown) => StepAction[];`,
    `} {`,
    body.split('\n').map((l) => `  ${l}`).join('\n'),
    `}`,
    ``,
  ].join('\n');
}
