/**
 * Two injects with the same MSEL number: the warning names the inject that
 * has the number first, so that the planner can tell which of the two rows
 * of a long MSEL to renumber without searching the file for it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');

describe('a sequence number used twice in the MSEL', () => {
  it('names the first inject with that number, in both languages', () => {
    const text = kySon.replace(/(- id: province-directive\n\s+seq: )2\b/, '$11');
    expect(text).not.toBe(kySon);
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(true);
    const w = (r.ok ? r.warnings : []).filter((i) => i.code === 'duplicate-seq');
    expect(w).toHaveLength(1);
    expect(w[0]!.path).toBe('injects[1].seq');
    expect(w[0]!.message).toBe("sequence number 1 is used twice: inject 'rain-bulletin' (injects[0]) has it too");
    expect(formatIssueIn(w[0]!, 'vi')).toContain("số thứ tự 1 bị dùng hai lần: tình huống 'rain-bulletin' (injects[0]) cũng mang số này");
  });
});
