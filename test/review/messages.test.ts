/**
 * The report's two catalogues: the same keys, no empty text, the same
 * placeholders in both languages, and reports rendered in each language
 * (Markdown and HTML, several runs) with no missing-key marker.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { MESSAGES } from '../../engine/review/messages.js';
import { renderReport } from '../../engine/review/report.js';
import { MISSING, Words } from '../../engine/review/words.js';
import { fixtureScenario } from './fixture.js';
import { kySon } from './ky-son-runs.js';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('vi and en have exactly the same keys', () => {
    expect(Object.keys(MESSAGES.vi).sort()).toEqual(Object.keys(MESSAGES.en).sort());
  });

  it('no message is empty in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      const empty = Object.entries(MESSAGES[lang]).filter(([, v]) => v.trim() === '' && v !== ' ').map(([k]) => k);
      expect(empty, `${lang}: empty messages`).toEqual([]);
    }
  });

  it('each message takes the same placeholders in both languages', () => {
    const differ = Object.keys(MESSAGES.en).filter((k) => JSON.stringify(placeholders(MESSAGES.en[k])) !== JSON.stringify(placeholders(MESSAGES.vi[k] ?? '')));
    expect(differ).toEqual([]);
  });

  it('a missing key shows as a marker a test can find', () => {
    expect(new Words('en', fixtureScenario()).m('no.such.key')).toContain(MISSING);
  });
});

describe('rendered reports are complete in both languages', () => {
  for (const which of ['early', 'late', 'doctrine'] as const) {
    for (const lang of ['vi', 'en'] as const) {
      it(`${which} run, ${lang}: no missing key in Markdown or HTML`, () => {
        const r = kySon(which);
        const aar = buildAar(r.log, r.scenario, r.events);
        for (const format of ['md', 'html'] as const) {
          const text = renderReport(aar, format, lang);
          const missing = [...text.matchAll(/⟦[^⟧]*⟧/g)].map((m) => m[0]);
          expect(missing, `${format}`).toEqual([]);
          expect(text.length).toBeGreaterThan(10_000);
        }
      });
    }
  }

  it('the Vietnamese report is in Vietnamese and the English one in English', () => {
    const r = kySon('late');
    const aar = buildAar(r.log, r.scenario, r.events);
    const vi = renderReport(aar, 'md', 'vi');
    const en = renderReport(aar, 'md', 'en');
    expect(vi).toContain('# Báo cáo sau diễn tập và kế hoạch khắc phục: Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)');
    expect(vi).toContain('## 7. Kế hoạch khắc phục');
    expect(vi).toContain('Sơ tán các bản ven suối Tà Cạ'.slice(0, 6));
    expect(en).toContain('# After-Action Report and Improvement Plan: Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)');
    expect(en).not.toContain('Kế hoạch khắc phục');
    // numbers in each language's notation: 1,108 in English is 1.108 in Vietnamese
    const atRisk = r.log.summary.people.at_risk;
    expect(atRisk).toBeGreaterThan(999);
    const grouped = String(atRisk).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    expect(en).toContain(`${grouped} at risk`);
    expect(vi).toContain(`${grouped.replace(/,/g, '.')} người gặp nạn`);
  });
});
