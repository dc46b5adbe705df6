/**
 * Quế Phong, seed 7: at T+04:30 the road to Tri Lễ boarding school is cut under two groups of 34 from the slope
 * villages, and both turn to the school annex on the hill. The report's key events gave them as one line twice,
 * but for the time each was due at the annex, and a reviewer read it as a duplicated line. Each now says when its
 * group left, which is what tells them apart.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const LOG = join(tempDir('drillsim-key-events-'), 'que-phong.json');

/** The key events' rows, time and event, without the event's log number. */
function keyEvents(md: string): string[] {
  const section = md.slice(md.indexOf('\n## 2.'), md.indexOf('\n## 3.'));
  return section.split('\n').filter((l) => l.startsWith('| T+')).map((l) => l.split(' | ').slice(0, 2).join(' | '));
}

beforeAll(() => {
  expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--seed', '7', '--out', LOG, '--quiet']).code).toBe(0);
});

describe('key events of two groups re-routed at once', () => {
  it('say when each group left, in both languages', () => {
    const en = drill(['report', LOG, '--lang', 'en']).stdout;
    expect(en).toContain('| T+04:30 (21:30) | Tri Lễ villages under the slope: 34 people who left at T+04:11:12 (21:11) for Tri Lễ boarding school, with no open road left to it, go instead to School annex on the hill across the stream, due there at T+05:18:48 (22:18) |');
    expect(en).toContain('| T+04:30 (21:30) | Tri Lễ villages under the slope: 34 people who left at T+04:21:12 (21:21) for Tri Lễ boarding school, with no open road left to it, go instead to School annex on the hill across the stream, due there at T+05:08:48 (22:08) |');
    const vi = drill(['report', LOG, '--lang', 'vi']).stdout;
    expect(vi).toContain('| T+04:30 (21:30) | Các bản dưới sườn đồi Tri Lễ: 34 người rời đi lúc T+04:11:12 (21:11), đang trên đường đến Trường PTDTBT Tri Lễ, không còn đường thông đến đó, chuyển sang Điểm trường trên đồi bên kia suối, dự kiến đến nơi lúc T+05:18:48 (22:18) |');
  });

  it('read differently even with the time each is due left out', () => {
    for (const lang of ['en', 'vi']) {
      const rows = keyEvents(drill(['report', LOG, '--lang', lang]).stdout);
      expect(rows.length).toBeGreaterThan(20);
      const withoutArrival = rows.map((r) => r.replace(/, (due there at|dự kiến đến nơi lúc) .*$/, ''));
      expect(withoutArrival.filter((r, i) => withoutArrival.indexOf(r) !== i), lang).toEqual([]);
    }
  });
});
