/**
 * An inject of the MSEL: scheduled, (held by a controller), delivered, then
 * answered or expired when it carries a decision point. On expiry the
 * effect `apply_default` makes the engine carry out the default option.
 */
import { assign, setup } from 'xstate';
import { NEVER_S } from './never.js';

export interface InjectContext { deadline_s: number; option: string | null; by: string | null }
export interface InjectInput { deadline_s?: number }
export type InjectEvent =
  | { type: 'DELIVER' }
  | { type: 'HOLD' }
  | { type: 'RELEASE' }
  | { type: 'ANSWER'; option: string; by: string };
export const INJECT_STATES = ['scheduled', 'held', 'delivered', 'answered', 'expired'] as const;

export const injectMachine = setup({
  types: { context: {} as InjectContext, events: {} as InjectEvent, input: {} as InjectInput },
  guards: {
    isDecision: ({ context }) => context.deadline_s < NEVER_S,
  },
  actions: {
    answer: assign(({ event }) => (event.type === 'ANSWER' ? { option: event.option, by: event.by } : {})),
    apply_default: () => {},
    delivered: () => {},
  },
  delays: { deadline: ({ context }) => context.deadline_s },
}).createMachine({
  id: 'inject',
  initial: 'scheduled',
  context: ({ input }) => ({ deadline_s: input?.deadline_s ?? NEVER_S, option: null, by: null }),
  states: {
    scheduled: { on: { DELIVER: { target: 'delivered', actions: 'delivered' }, HOLD: 'held' } },
    held: { on: { RELEASE: 'scheduled' } },
    delivered: {
      after: { deadline: { guard: 'isDecision', target: 'expired', actions: 'apply_default' } },
      on: { ANSWER: { guard: 'isDecision', target: 'answered', actions: 'answer' } },
    },
    answered: {},
    expired: {},
  },
});
