/**
 * YAML the library fails to turn into values for a reason drillsim does not name itself (not an alias problem,
 * which has its own words): the library's English message is the only clue. In Vietnamese it stays, said to be
 * technical detail in English, not set bare after "không đọc được YAML:".
 */
import { describe, expect, it } from 'vitest';
import { say, sayIn } from '../../engine/scenario/say.js';

describe('yaml.unreadable', () => {
  it('marks the YAML library\'s English as technical detail in Vietnamese; English as before', () => {
    const words = say('yaml.unreadable', { text: 'Merge sources must be maps or map aliases' });
    expect(sayIn(words, 'vi')).toBe('không đọc được YAML (chi tiết kỹ thuật, tiếng Anh: Merge sources must be maps or map aliases)');
    expect(sayIn(words, 'en')).toBe('the YAML cannot be read: Merge sources must be maps or map aliases');
  });
});
