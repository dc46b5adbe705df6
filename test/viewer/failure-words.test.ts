/**
 * The viewer's words for an unexpected engine error (a scenario the engine cannot build, a time it cannot replay):
 * the engine's English message is the only clue, so the Vietnamese keeps it, said to be technical detail in
 * English, rather than setting it bare inside the Vietnamese sentence. English is as before.
 */
import { describe, expect, it } from 'vitest';
import { STRINGS } from '../../viewer/src/i18n.js';

const detail = "Cannot read properties of undefined (reading 'edges')";

describe('an unexpected engine error in the viewer\'s failures', () => {
  it('is marked as technical detail in English in Vietnamese, and kept as it is in English', () => {
    const vi = STRINGS.vi.failures, en = STRINGS.en.failures;
    expect(vi.build({ name: 'run.json', detail })).toBe(`run.json bị hỏng: bộ mô phỏng không dựng được kịch bản của nó (chi tiết kỹ thuật, tiếng Anh: ${detail})`);
    expect(vi.replay({ name: 'run.json', time: 'T+01:00', detail })).toBe(`run.json: bộ mô phỏng không phát lại được lúc T+01:00 (chi tiết kỹ thuật, tiếng Anh: ${detail})`);
    expect(en.build({ name: 'run.json', detail })).toBe(`run.json is damaged: the engine cannot build its scenario (${detail})`);
    expect(en.replay({ name: 'run.json', time: 'T+01:00', detail })).toBe(`run.json: the engine cannot replay it at T+01:00 (${detail})`);
  });
});
