/**
 * An incident: two regions at once. The lifecycle (reported, assessed,
 * responding, contained, resolved) and the severity trend (worsening while
 * the capacity on scene is short of the need, easing while it is met,
 * steady once contained). Severity rises one step per `escalate_s` and
 * falls one step per `ease_s`, within 1-5.
 *
 * The engine works out the progress (remaining work at the current rate) and
 * sends it as `eta_s` with `met`; the machine owns the timers. Effects:
 * `severity_changed`, `contained`, `resolved`.
 */
import { assign, setup } from 'xstate';
import { NEVER_S } from './never.js';

export interface IncidentContext {
  severity: number;
  met: boolean;
  open: boolean;
  eta_s: number;
  assess_s: number;
  escalate_s: number;
  ease_s: number;
  mop_up_s: number;
}

export interface IncidentInput {
  severity: number;
  assess_s?: number;
  escalate_s?: number;
  ease_s?: number;
  mop_up_s?: number;
}

export type IncidentEvent =
  | { type: 'ON_SCENE'; eta_s: number; met: boolean }
  | { type: 'PROGRESS'; eta_s: number; met: boolean };

export const LIFECYCLE_STATES = ['reported', 'assessed', 'responding', 'contained', 'resolved'] as const;
export const TREND_STATES = ['worsening', 'easing', 'steady'] as const;

export const incidentMachine = setup({
  types: {
    context: {} as IncidentContext,
    events: {} as IncidentEvent,
    input: {} as IncidentInput,
  },
  guards: {
    met: ({ event }) => (event.type === 'ON_SCENE' || event.type === 'PROGRESS') && event.met,
    short: ({ event }) => (event.type === 'ON_SCENE' || event.type === 'PROGRESS') && !event.met,
    canWorsen: ({ context }) => context.open && context.severity < 5,
    canEase: ({ context }) => context.open && context.severity > 1,
    closed: ({ context }) => !context.open,
    // zero-length phases pass at once, without a timer round trip through the queue
    noAssessment: ({ context }) => context.assess_s <= 0,
    noMopUp: ({ context }) => context.mop_up_s <= 0,
  },
  actions: {
    takeProgress: assign(({ event }) => ({ eta_s: event.eta_s, met: event.met })),
    worsen: assign(({ context }) => ({ severity: context.severity + 1 })),
    ease: assign(({ context }) => ({ severity: context.severity - 1 })),
    close: assign({ open: false, eta_s: NEVER_S }),
    // effects, carried out by the engine
    severity_changed: () => {},
    contained: () => {},
    resolved: () => {},
  },
  delays: {
    assess: ({ context }) => context.assess_s,
    work: ({ context }) => context.eta_s,
    escalate: ({ context }) => context.escalate_s,
    ease: ({ context }) => context.ease_s,
    mop_up: ({ context }) => context.mop_up_s,
  },
}).createMachine({
  id: 'incident',
  type: 'parallel',
  context: ({ input }) => ({
    severity: input.severity,
    met: false,
    open: true,
    eta_s: NEVER_S,
    assess_s: input.assess_s ?? 0,
    escalate_s: input.escalate_s ?? NEVER_S,
    ease_s: input.ease_s ?? NEVER_S,
    mop_up_s: input.mop_up_s ?? 0,
  }),
  states: {
    lifecycle: {
      initial: 'reported',
      states: {
        reported: {
          always: { guard: 'noAssessment', target: 'assessed' },
          after: { assess: 'assessed' },
          on: { ON_SCENE: { target: 'responding', actions: 'takeProgress' } },
        },
        assessed: {
          on: { ON_SCENE: { target: 'responding', actions: 'takeProgress' } },
        },
        responding: {
          after: { work: { target: 'contained', actions: ['close', 'contained'] } },
          on: { PROGRESS: { target: 'responding', reenter: true, actions: 'takeProgress' } },
        },
        contained: {
          always: { guard: 'noMopUp', target: 'resolved', actions: 'resolved' },
          after: { mop_up: { target: 'resolved', actions: 'resolved' } },
        },
        resolved: {},
      },
    },
    trend: {
      initial: 'worsening',
      states: {
        worsening: {
          always: { guard: 'closed', target: 'steady' },
          after: { escalate: { guard: 'canWorsen', target: 'worsening', reenter: true, actions: ['worsen', 'severity_changed'] } },
          on: { ON_SCENE: { guard: 'met', target: 'easing' }, PROGRESS: { guard: 'met', target: 'easing' } },
        },
        easing: {
          always: { guard: 'closed', target: 'steady' },
          after: { ease: { guard: 'canEase', target: 'easing', reenter: true, actions: ['ease', 'severity_changed'] } },
          on: { ON_SCENE: { guard: 'short', target: 'worsening' }, PROGRESS: { guard: 'short', target: 'worsening' } },
        },
        steady: {},
      },
    },
  },
});
