/**
 * The parts of xstate's (partly internal) StateNode graph and implementations that the compiled stepper
 * (stepper.ts) and the code generator (codegen.ts) read, in one place: an xstate upgrade that moves them
 * breaks both the same way, and the property tests say so.
 */
import { and, not, or } from 'xstate';

export interface XNode {
  id: string;
  key: string;
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  order: number;
  parent?: XNode;
  states: Record<string, XNode>;
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, XTransition[]>;
  always?: XTransition[];
  initial: { target: XNode[]; actions: unknown[] };
  invoke: unknown[];
}

export interface XTransition {
  target?: XNode[];
  actions: unknown[];
  guard?: unknown;
  reenter: boolean;
}

export interface Implementations {
  actions: Record<string, unknown>;
  guards: Record<string, unknown>;
  delays: Record<string, unknown>;
}

/** xstate's built-in actions (assign, raise, cancel, ...): functions carrying what they were made with. */
export interface BuiltinAction {
  type: string;
  resolve: Function;
  assignment?: unknown;
  event?: unknown;
  id?: string;
  delay?: unknown;
  sendId?: unknown;
}

export interface BuiltinGuard {
  (...args: unknown[]): unknown;
  check: Function;
  guards?: unknown[];
}

/** xstate's higher-order guards are recognised by their (shared) check function. */
export const BUILTIN_CHECKS = {
  not: (not(() => true) as unknown as BuiltinGuard).check,
  and: (and([]) as unknown as BuiltinGuard).check,
  or: (or([]) as unknown as BuiltinGuard).check,
};
