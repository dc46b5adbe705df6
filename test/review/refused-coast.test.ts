/**
 * The after-action report of a run in which a trainee ordered a sea ban for
 * an inland ward: the refusal is named for what it is (no coast) in both
 * languages, not left as a missing message.
 */
import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES } from '../../engine/play/describe.js';
import { buildAar } from '../../engine/review/aar.js';
import { MESSAGES } from '../../engine/review/messages.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const typhoon = loadNamed('typhoon-landfall-coast');

function inlandSeaBanRun() {
  const text = ['drillsim_decisions: 1', 'players: [thanh-vinh-chair]', 'decisions:', '  - { at: T+01:00, role: thanh-vinh-chair, do: sea_ban, area: thanh-vinh }', ''].join('\n');
  const d = parseDecisions(text, 'd.yaml', typhoon);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(typhoon, { decisions: d.value.decisions, players: d.value.players });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return buildAar(back.log, typhoon, back.events as LogEvent[]);
}

describe('a refused sea ban for an area without a coast, in the report', () => {
  const aar = inlandSeaBanRun();
  for (const [lang, words] of [['en', 'the area has no coast, so a sea ban there means nothing'], ['vi', 'địa bàn không giáp biển nên lệnh cấm biển ở đó không có ý nghĩa']] as const) {
    it(`--lang ${lang}: says why it was refused, with no missing message`, () => {
      for (const format of ['md', 'html'] as const) {
        const text = renderReport(aar, format, lang);
        expect([...text.matchAll(/⟦[^⟧]*⟧/g)].map((m) => m[0]), format).toEqual([]);
        expect(text, format).toContain(words);
      }
    });
  }
});

describe('refusal codes in the report', () => {
  it('every code drill play words (no-coast among them) has words in the report too, in both languages', () => {
    expect(REFUSAL_CODES).toContain('no-coast');
    expect(REFUSAL_CODES.filter((c) => !(`refused.${c}` in MESSAGES.en) || !(`refused.${c}` in MESSAGES.vi))).toEqual([]);
  });
});
