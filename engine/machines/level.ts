/**
 * The civil-defence level of an area, 0-3 (Civil Defence Law 2023). The
 * engine checks who may declare which level (the scenario's roles) before it
 * sends DECLARE; the machine keeps the level and who declared it.
 */
import { assign, setup } from 'xstate';

export interface LevelContext { level: number; by: string | null }
export type LevelEvent = { type: 'DECLARE'; level: number; by: string };
export const LEVEL_STATES = ['level0', 'level1', 'level2', 'level3'] as const;

const to = (level: number) => ({
  guard: { type: 'is', params: { level } } as const,
  target: `level${level}`,
  actions: ['take', 'level_changed'] as const,
});

export const levelMachine = setup({
  types: { context: {} as LevelContext, events: {} as LevelEvent },
  guards: {
    is: ({ context, event }, params: { level: number }) => event.level === params.level && context.level !== params.level,
  },
  actions: {
    take: assign(({ event }) => ({ level: event.level, by: event.by })),
    level_changed: () => {},
  },
}).createMachine({
  id: 'level',
  initial: 'level0',
  context: { level: 0, by: null },
  states: {
    level0: { on: { DECLARE: [to(1), to(2), to(3)] } },
    level1: { on: { DECLARE: [to(0), to(2), to(3)] } },
    level2: { on: { DECLARE: [to(0), to(1), to(3)] } },
    level3: { on: { DECLARE: [to(0), to(1), to(2)] } },
  },
});
