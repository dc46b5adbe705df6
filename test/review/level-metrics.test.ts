/** Civil-defence levels and support against capacity, on hand-built logs. */
import { describe, expect, it } from 'vitest';
import { LevelMetrics } from '../../engine/review/level-metrics.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { ev, fixtureScenario } from './fixture.js';

function figures(events: LogEvent[]) {
  const m = new LevelMetrics(fixtureScenario());
  for (const e of events) m.observe(e);
  const out = m.finish();
  return (id: string) => out.find((a) => a.area === id)!;
}

describe('LevelMetrics', () => {
  it('times a declaration and a request for support from the shortfall each answered (not the run\'s first), with who decided', () => {
    const a = figures([
      ev(2000, 'area.short', { id: 'c1', short: true }),
      ev(2500, 'decision', { author: 'trainee', role: 'r1', do: 'request_support', area: 'c1' }),
      ev(2500, 'support.requested', { area: 'c1', by: 'r1' }),
      ev(3000, 'area.short', { id: 'c1', short: false }),
      ev(4000, 'area.short', { id: 'c1', short: true }),
      ev(5000, 'decision', { author: 'doctrine', role: 'r1', do: 'declare_level', area: 'c1', level: 1 }),
      ev(5000, 'level', { area: 'c1', level: 1, by: 'r1' }),
    ])('c1');
    expect(a.short).toEqual([[2000, 3000], [4000, null]]);
    expect(a.first_short_t).toBe(2000);
    // declared 1000 s into the second shortfall: the first was covered at 3000 and is not what it answered
    expect(a.declarations).toEqual([{ index: 6, t: 5000, level: 1, by: 'r1', author: 'doctrine', short_since: 4000, delay_s: 1000 }]);
    expect(a.support).toEqual({ index: 2, t: 2500, level: 0, by: 'r1', author: 'trainee', short_since: 2000, delay_s: 500 });
    expect(a.level_at_end).toBe(1);
  });

  it('a declaration after a shortfall had ended is timed from the start of the last one before it', () => {
    const a = figures([
      ev(1000, 'area.short', { id: 'c1', short: true }),
      ev(2000, 'area.short', { id: 'c1', short: false }),
      ev(6000, 'area.short', { id: 'c1', short: true }),
      ev(7000, 'area.short', { id: 'c1', short: false }),
      ev(9000, 'level', { area: 'c1', level: 1, by: 'r1' }),
    ])('c1');
    expect(a.declarations[0]).toMatchObject({ short_since: 6000, delay_s: 3000 });
  });

  it('a level declared before capacity was exceeded has no delay; an area never short has none', () => {
    const f = figures([ev(1000, 'level', { area: 'c2', level: 1, by: 'r2' }), ev(3000, 'area.short', { id: 'c2', short: true })]);
    expect(f('c2').declarations[0]).toMatchObject({ short_since: null, delay_s: null, author: null });
    expect(f('c1')).toMatchObject({ short: [], first_short_t: null, declarations: [], support: null, level_at_end: 0 });
  });
});
