/**
 * A response unit: available, mobilising, en route, on scene, returning,
 * resting, out of service, and blocked when no open road leads on.
 *
 * The engine computes how long things take (mobilisation drawn from the
 * unit's stream, routes on the current road network) and passes the numbers
 * in events; the machine decides what happens and when, with `after` timers
 * the engine schedules in its own queue. Custom actions are effects the
 * engine carries out: `arrived` (capacity joins the incident), `left_scene`
 * (capacity leaves it). Delays are simulated seconds.
 */
import { assign, setup } from 'xstate';
import { NEVER_S } from './never.js';

export interface UnitContext {
  incident: string | null;
  mobilise_s: number;
  travel_s: number;
  return_s: number;
  endurance_s: number;
  rest_s: number;
  tired: boolean;
}

export interface UnitInput {
  endurance_s?: number;
  rest_s?: number;
}

export type UnitEvent =
  | { type: 'DISPATCH'; incident: string; mobilise_s: number; travel_s: number; return_s: number }
  | { type: 'REROUTE'; travel_s: number; return_s: number }
  | { type: 'RETURN_ROUTE'; return_s: number }
  | { type: 'RELEASE' }
  | { type: 'RECALL'; return_s: number }
  | { type: 'BREAKDOWN' }
  /** `return_s`: its way home from where it stopped (0: it is at its base) */
  | { type: 'REPAIR'; return_s: number };

export const UNIT_STATES = ['available', 'mobilising', 'en_route', 'blocked', 'on_scene', 'returning', 'resting', 'out_of_service'] as const;

export const unitMachine = setup({
  types: {
    context: {} as UnitContext,
    events: {} as UnitEvent,
    input: {} as UnitInput,
  },
  guards: {
    noMobilisation: ({ event }) => event.type === 'DISPATCH' && event.mobilise_s <= 0,
    routeOpen: ({ context }) => context.travel_s < NEVER_S,
    eventRouteOpen: ({ event }) => event.type === 'REROUTE' && event.travel_s < NEVER_S,
    tired: ({ context }) => context.tired,
    awayFromBase: ({ event }) => event.type === 'REPAIR' && event.return_s > 0,
  },
  actions: {
    takeTrip: assign(({ event }) => {
      if (event.type !== 'DISPATCH') return {};
      return { incident: event.incident, mobilise_s: event.mobilise_s, travel_s: event.travel_s, return_s: event.return_s };
    }),
    takeRoute: assign(({ event }) => (event.type === 'REROUTE' ? { travel_s: event.travel_s, return_s: event.return_s } : {})),
    takeReturnRoute: assign(({ event }) => (event.type === 'RETURN_ROUTE' || event.type === 'RECALL' || event.type === 'REPAIR' ? { return_s: event.return_s } : {})),
    clearTrip: assign({ incident: null, mobilise_s: 0, travel_s: 0 }),
    markTired: assign({ tired: true }),
    rested: assign({ tired: false }),
    // effects, carried out by the engine
    arrived: () => {},
    left_scene: () => {},
  },
  delays: {
    mobilise: ({ context }) => context.mobilise_s,
    travel: ({ context }) => context.travel_s,
    return: ({ context }) => context.return_s,
    endurance: ({ context }) => context.endurance_s,
    rest: ({ context }) => context.rest_s,
  },
}).createMachine({
  id: 'unit',
  initial: 'available',
  context: ({ input }) => ({
    incident: null,
    mobilise_s: 0,
    travel_s: 0,
    return_s: 0,
    endurance_s: input?.endurance_s ?? NEVER_S,
    rest_s: input?.rest_s ?? 4 * 3600,
    tired: false,
  }),
  states: {
    available: {
      on: {
        DISPATCH: [
          { guard: 'noMobilisation', target: 'en_route', actions: 'takeTrip' },
          { target: 'mobilising', actions: 'takeTrip' },
        ],
        BREAKDOWN: 'out_of_service',
      },
    },
    mobilising: {
      after: {
        mobilise: [{ guard: 'routeOpen', target: 'en_route' }, { target: 'blocked' }],
      },
      on: {
        REROUTE: { actions: 'takeRoute' },
        RETURN_ROUTE: { actions: 'takeReturnRoute' },
        RECALL: { target: 'available', actions: 'clearTrip' },
        BREAKDOWN: { target: 'out_of_service', actions: 'clearTrip' },
      },
    },
    en_route: {
      after: { travel: 'on_scene' },
      on: {
        REROUTE: [
          { guard: 'eventRouteOpen', target: 'en_route', reenter: true, actions: 'takeRoute' },
          { target: 'blocked', actions: 'takeRoute' },
        ],
        RETURN_ROUTE: { actions: 'takeReturnRoute' },
        RECALL: { target: 'returning', actions: ['takeReturnRoute', 'clearTrip'] },
        BREAKDOWN: { target: 'out_of_service', actions: 'clearTrip' },
      },
    },
    blocked: {
      on: {
        REROUTE: { guard: 'eventRouteOpen', target: 'en_route', actions: 'takeRoute' },
        RETURN_ROUTE: { actions: 'takeReturnRoute' },
        RECALL: { target: 'returning', actions: ['takeReturnRoute', 'clearTrip'] },
        BREAKDOWN: { target: 'out_of_service', actions: 'clearTrip' },
      },
    },
    on_scene: {
      entry: 'arrived',
      exit: 'left_scene',
      after: { endurance: { target: 'returning', actions: ['markTired', 'clearTrip'] } },
      on: {
        RELEASE: { target: 'returning', actions: 'clearTrip' },
        RECALL: { target: 'returning', actions: ['takeReturnRoute', 'clearTrip'] },
        RETURN_ROUTE: { actions: 'takeReturnRoute' },
        BREAKDOWN: { target: 'out_of_service', actions: 'clearTrip' },
      },
    },
    returning: {
      after: { return: [{ guard: 'tired', target: 'resting' }, { target: 'available' }] },
      on: {
        // a road on its way home cut or slowed: the way home starts again from now (NEVER_S: it waits for a road)
        RETURN_ROUTE: { target: 'returning', reenter: true, actions: 'takeReturnRoute' },
        BREAKDOWN: 'out_of_service',
      },
    },
    resting: {
      after: { rest: { target: 'available', actions: 'rested' } },
    },
    out_of_service: {
      // repaired where it broke down: it drives home before it is available again
      on: {
        REPAIR: [
          { guard: 'awayFromBase', target: 'returning', actions: ['takeReturnRoute', 'rested'] },
          { target: 'available', actions: 'rested' },
        ],
      },
    },
  },
});
