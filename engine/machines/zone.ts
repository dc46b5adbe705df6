/**
 * An evacuation zone: idle, ordered (people are being warned), moving, done.
 * While moving, the machine ticks every `step_s` and the engine's `advance`
 * effect moves the people that transport and shelter space allow; the engine
 * sends CLEARED when nobody is left. STRUCK: the hazard arrived (people still
 * there are at risk) and the zone is done.
 */
import { assign, setup } from 'xstate';

export interface ZoneContext { warning_s: number; step_s: number; struck: boolean; ordered_by: string | null }
export interface ZoneInput { warning_s: number; step_s: number }
export type ZoneEvent =
  | { type: 'ORDER'; by: string }
  | { type: 'CLEARED' }
  | { type: 'STRUCK' };
export const ZONE_STATES = ['idle', 'ordered', 'moving', 'done'] as const;

export const zoneMachine = setup({
  types: { context: {} as ZoneContext, events: {} as ZoneEvent, input: {} as ZoneInput },
  actions: {
    takeOrder: assign(({ event }) => (event.type === 'ORDER' ? { ordered_by: event.by } : {})),
    markStruck: assign({ struck: true }),
    advance: () => {},
    struck: () => {},
  },
  delays: {
    warning: ({ context }) => context.warning_s,
    step: ({ context }) => context.step_s,
  },
}).createMachine({
  id: 'zone',
  initial: 'idle',
  context: ({ input }) => ({ warning_s: input.warning_s, step_s: input.step_s, struck: false, ordered_by: null }),
  states: {
    idle: { on: { ORDER: { target: 'ordered', actions: 'takeOrder' }, STRUCK: { target: 'done', actions: ['markStruck', 'struck'] } } },
    ordered: {
      after: { warning: { target: 'moving', actions: 'advance' } },
      on: { STRUCK: { target: 'done', actions: ['markStruck', 'struck'] } },
    },
    moving: {
      after: { step: { target: 'moving', reenter: true, actions: 'advance' } },
      on: { CLEARED: 'done', STRUCK: { target: 'done', actions: ['markStruck', 'struck'] } },
    },
    done: {},
  },
});
