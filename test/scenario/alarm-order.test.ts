/**
 * River alarm levels written in the wrong order (bd1 7.9, bd2 6.9, bd3 5.4)
 * validated and then ran: the "past BĐ3" inject and its rule fired at 5.4 m,
 * six hours early, and nothing said why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const namDan = readFileSync(join(ROOT, 'scenarios/nam-dan-compound-flood.yaml'), 'utf8');
const LEVELS = 'alarms: { bd1: 5.40, bd2: 6.90, bd3: 7.90 }';

function issues(levels: string) {
  expect(namDan).toContain(LEVELS);
  const r = parseScenario(namDan.replace(LEVELS, levels), 'nam-dan.yaml');
  return r.ok ? [] : r.issues.filter((i) => i.code === 'alarm-order');
}

describe('river alarm levels', () => {
  it('accepts the gauge levels rising from BĐ1 to BĐ3', () => {
    expect(issues(LEVELS)).toEqual([]);
  });

  it('rejects levels that do not rise, naming the river, the line of its alarms and the three values, in either language', () => {
    const line = namDan.split('\n').findIndex((l) => l.includes(LEVELS)) + 1;
    for (const levels of ['alarms: { bd1: 7.9, bd2: 6.9, bd3: 5.4 }', 'alarms: { bd1: 5.4, bd2: 5.4, bd3: 7.9 }', 'alarms: { bd1: 5.4, bd2: 7.9, bd3: 6.9 }']) {
      const [i, ...more] = issues(levels);
      expect(more, levels).toEqual([]);
      expect(i.path).toMatch(/^hazards\[\d+\]\.alarms$/);
      expect(i.line).toBe(line);
      expect(i.message).toMatch(/^river '[^']+': its alarm levels do not rise from BĐ1 to BĐ3 \(bd1 [\d.]+, bd2 [\d.]+, bd3 [\d.]+\)$/);
      expect(i.hint).toContain('BĐ1 is the lowest level');
    }
    const [i] = issues('alarms: { bd1: 7.9, bd2: 6.9, bd3: 5.4 }');
    expect(formatIssueIn(i, 'vi')).toMatch(/: error\[alarm-order\] hazards\[\d+\]\.alarms: sông '[^']+': các mức báo động không tăng dần từ BĐ1 đến BĐ3 \(bd1 7.9, bd2 6.9, bd3 5.4\) \(BĐ1 là mức thấp nhất/);
  });
});
