/**
 * "Never" as a delay: JSON has no Infinity, and world state must be plain
 * JSON, so a timer that should not fire gets this many seconds (about 68
 * years) and the engine does not schedule delays this long.
 */
export const NEVER_S = 2 ** 31 - 1;
