/** A shelter: closed, open, full (and open again when space frees up). */
import { setup } from 'xstate';

export type ShelterEvent = { type: 'OPEN' } | { type: 'FULL' } | { type: 'SPACE' } | { type: 'CLOSE' };
export const SHELTER_STATES = ['closed', 'open', 'full'] as const;

export const shelterMachine = setup({
  types: { events: {} as ShelterEvent },
}).createMachine({
  id: 'shelter',
  initial: 'closed',
  states: {
    closed: { on: { OPEN: 'open' } },
    open: { on: { FULL: 'full', CLOSE: 'closed' } },
    full: { on: { SPACE: 'open' } },
  },
});
