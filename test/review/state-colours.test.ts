/**
 * A unit state has one colour, in the HTML report's chart of how units spent
 * the run and in the replay viewer (map, timeline, panels). The two had tables
 * of their own, and "on scene" was blue in the report (the viewer's
 * "available") and vermilion in the viewer. Both now read one table
 * (engine/review/unit-colours.ts); this fails if either goes its own way.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { renderReport } from '../../engine/review/report.js';
import { UNIT_STATE_COLOUR } from '../../engine/review/unit-colours.js';
import { UNIT_STATES } from '../../engine/review/unit-metrics.js';
import { Words } from '../../engine/review/words.js';
import { UNIT_COLOUR, UNIT_STATES as VIEWER_STATES } from '../../viewer/src/look.js';
import { kySon } from './ky-son-runs.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

describe('unit-state colours', () => {
  it('the viewer colours the same states by the shared table', () => {
    expect(UNIT_COLOUR).toEqual(UNIT_STATE_COLOUR);
    expect([...VIEWER_STATES].sort()).toEqual([...UNIT_STATES].sort());
    expect(new Set(Object.values(UNIT_COLOUR)).size).toBe(UNIT_STATES.length);
  });

  for (const lang of ['vi', 'en'] as const) {
    it(`the report's legend and bars colour each state as the viewer does, under the report's own names (${lang})`, () => {
      const r = kySon('late');
      const aar = buildAar(r.log, r.scenario, r.events);
      const html = renderReport(aar, 'html', lang);
      const w = new Words(lang, r.scenario);
      // legend: a box, then the state's name as the report words it
      const legend = new Map([...html.matchAll(/<rect [^>]*height="10" fill="([^"]+)" stroke="#888"[^>]*\/><text [^>]*class="tick">([^<]*)<\/text>/g)].map((m) => [m[2], m[1]]));
      for (const s of UNIT_STATES) {
        const label = esc(w.m(`unit_state.${s}`));
        expect(legend.get(label), `${s} (${label})`).toBe(UNIT_COLOUR[s]);
      }
      // bars: each share's tooltip names its state, and its fill is that state's colour
      const units = aar.review.units.map((u) => esc(w.name('unit', u.id)) + ': ');
      const bars = [...html.matchAll(/<rect [^>]*height="14" fill="([^"]+)"><title>([^<]*)<\/title><\/rect>/g)].filter((m) => units.some((u) => m[2].startsWith(u)));
      expect(bars.length).toBeGreaterThan(0);
      const seen = new Set<string>();
      for (const [, fill, tip] of bars) {
        const s = UNIT_STATES.find((st) => tip.includes(`: ${esc(w.m(`unit_state.${st}`))} `));
        expect(s, tip).toBeDefined();
        expect(fill, tip).toBe(UNIT_COLOUR[s!]);
        seen.add(s!);
      }
      expect(seen.has('on_scene')).toBe(true);
      // the incidents' chart beside it: units at work in the on-scene colour, and waiting in no unit state's colour
      // (it was blue, the units' 'available', beside a units' chart whose vermilion 'on scene' was its 'waiting')
      expect(legend.get(esc(w.m('chart.working')))).toBe(UNIT_COLOUR.on_scene);
      const waiting = legend.get(esc(w.m('chart.waiting')));
      expect(waiting).toBeDefined();
      expect(Object.values(UNIT_COLOUR)).not.toContain(waiting);
    });
  }
});
