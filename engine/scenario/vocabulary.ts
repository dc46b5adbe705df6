/**
 * Plain words of the scenario format that the engine names at run time: the
 * travel modes and the shape of an id. A module of their own so that the
 * engine can use them without loading the scenario schema (zod), which a
 * batch worker, handed scenarios already read, does not need.
 */
export const MODES = ['road', 'boat', 'foot', 'air'] as const;

export const ID_RE = /^[a-z0-9][a-z0-9._-]*$/;
