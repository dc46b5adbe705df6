/**
 * What drill validate, run, verify, compare and fork write themselves (engine/cli/messages.ts) has a
 * Vietnamese text for every English one, which takes the same parameters and is not the English left as
 * it was: a new line added to `drill run`'s summary without its Vietnamese fails here.
 */
import { describe, expect, it } from 'vitest';
import { CLI_WORDS, type CliKey } from '../../engine/cli/messages.js';

const keys = Object.keys(CLI_WORDS.en) as CliKey[];
/** only an id and a metric's name, the scenario's own words in both languages */
const SAME: CliKey[] = ['run.objective'];
const placeholders = (t: string) => [...new Set([...t.matchAll(/\{(\w+)(?::[^|{}]*\|[^{}]*)?\}/g)].map((m) => m[1]))].sort();

describe('the messages of drill validate, run, verify, compare and fork', () => {
  it('every key has its Vietnamese, with the same parameters, in NFC, and not left in English', () => {
    expect(Object.keys(CLI_WORDS.vi).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      const vi = CLI_WORDS.vi[k];
      expect(vi.normalize('NFC'), k).toBe(vi);
      if (!SAME.includes(k)) expect(vi, k).not.toBe(CLI_WORDS.en[k]);
      // a plural form is English's own: the count itself is said in both
      expect(placeholders(vi), k).toEqual(placeholders(CLI_WORDS.en[k]));
    }
  });
});
