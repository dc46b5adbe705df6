/**
 * The engine's pure core: deterministic math, hashing, the event queue,
 * seeded random streams and distributions. No I/O, no clock, no globals;
 * runs the same in Node and in browsers.
 */

export * from './dmath.js';
export * from './hash.js';
export * from './errors.js';
export * from './queue.js';
export * from './rng.js';
export * from './distributions.js';
export * from './clone.js';
