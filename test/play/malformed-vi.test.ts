/**
 * A command the grammar let through but the command schema refuses (a backstop: the grammar checks each argument
 * first) is said with the schema's own words, which are English (zod's). In Vietnamese they are the only clue to
 * what is wrong, so they stay, said to be technical detail in English rather than set bare in the sentence.
 */
import { describe, expect, it } from 'vitest';
import { m } from '../../engine/play/messages.js';

const detail = 'level: Too big: expected number to be <=3';

describe('a malformed command (play.malformed)', () => {
  it('marks the schema\'s English as technical detail in Vietnamese, and is as before in English', () => {
    expect(m('vi', 'play.malformed', { detail })).toBe(`lệnh sai dạng (chi tiết kỹ thuật, tiếng Anh: ${detail})`);
    expect(m('en', 'play.malformed', { detail })).toBe(`malformed command (${detail})`);
  });
});
