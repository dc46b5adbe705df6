/** "did you mean": the id a planner most likely meant by one that names nothing. */
import { describe, expect, it } from 'vitest';
import { nearest } from '../../engine/scenario/issues.js';

describe('the nearest id', () => {
  it('among ids as near, prefers the one that starts like the word (ids start with their place)', () => {
    // one letter from each: 'tr-school' by a substitution at the start, 'tv-schools' by a letter at the end
    expect(nearest('tv-school', ['tr-school', 'tv-schools'])).toBe('tv-schools');
    expect(nearest('tv-school', ['tv-schools', 'tr-school'])).toBe('tv-schools');
  });

  it('still takes the nearest first, and alphabetical order last', () => {
    expect(nearest('muong-xem', ['muong-xen', 'muong-xenn'])).toBe('muong-xen');
    expect(nearest('ab-cx', ['ab-cz', 'ab-cy'])).toBe('ab-cy');
    expect(nearest('at', ['id'])).toBeUndefined();
  });
});
