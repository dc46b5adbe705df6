/**
 * The check of an added inject's spec read back from a log (see
 * added-injects.ts): the spec as logged is the parsed inject (times in
 * seconds), so it is checked by encoding it with the scenario's own schema.
 */
import { z } from 'zod';
import { Inject } from '../scenario/schema.js';

export function isInjectSpec(spec: unknown): boolean {
  return z.safeEncode(Inject, spec as Inject).success;
}
