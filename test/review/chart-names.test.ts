/**
 * The HTML report's charts of units and incidents name each bar at its left.
 * Names were cut at 34 characters, which cut most Vietnamese unit names
 * ("Trung đội dân quân cơ động Mường ..."), in a report meant to be printed,
 * where the tooltip holding the whole name is gone. The name column is now
 * as wide as names of up to 46 characters need.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { renderReport } from '../../engine/review/report.js';
import { Words } from '../../engine/review/words.js';
import { kySon } from './ky-son-runs.js';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe('the names in the report\'s charts', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`are whole up to 46 characters, for every unit and incident of the flash flood (${lang})`, () => {
      const r = kySon('late');
      const aar = buildAar(r.log, r.scenario, r.events);
      const html = renderReport(aar, 'html', lang);
      const w = new Words(lang, r.scenario).learnIncidents(aar.review.incidents);
      const labels = [...html.matchAll(/class="tick"><title>([^<]*)<\/title>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]]);
      const names = [...aar.review.units.map((u) => w.name('unit', u.id)), ...aar.review.incidents.map((i) => { const n = w.name('incident', i.id); return n.charAt(0).toLocaleUpperCase() + n.slice(1); })];
      expect(names.some((n) => n.length > 34 && n.length <= 46)).toBe(true);
      for (const name of names) {
        const shown = labels.find(([whole]) => whole === esc(name));
        expect(shown, name).toBeDefined();
        if (name.length <= 46) expect(shown![1], name).toBe(esc(name));
        else expect(shown![1]).toBe(esc(name.slice(0, 45)) + '…');
      }
    });
  }
});
