/**
 * A trainee who orders a zone out after the hazard has caught its people: the engine refuses the order as no
 * change (the struck zone is closed, "done"), and drill run says "too late: the hazard reached zone ...". The
 * report said "it was already so", in the timeline, the findings and the decisions table, as if the zone had
 * been emptied; it now says the order came too late. An order for a zone emptied in time still reads as no change.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function run(lines: string[]) {
  const text = ['drillsim_decisions: 1', 'players: [tc-chair]', 'decisions:', ...lines, ''].join('\n');
  const d = parseDecisions(text, 'd.yaml', kySon);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(kySon, { decisions: d.value.decisions, players: d.value.players });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return { aar: buildAar(back.log, kySon, back.events as LogEvent[]), events: back.events as LogEvent[] };
}

describe('an evacuation ordered after the hazard caught the zone, in the report', () => {
  const late = run(['  - { at: T+04:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }']);

  it('is a zone the hazard struck with people in it, refused by the engine as no change', () => {
    const struck = late.events.find((e) => e.type === 'zone.struck' && e.id === 'ta-ca-riverside');
    expect(struck && (struck.caught as number) > 0 && struck.t <= 4 * 3600).toBe(true);
    expect(late.events.find((e) => e.type === 'decision.refused' && e.zone === 'ta-ca-riverside')?.code).toBe('no-change');
  });

  for (const [lang, words, wrong] of [
    ['en', 'too late: the hazard had already reached the zone, with people still there', 'it was already so'],
    ['vi', 'quá muộn: hiểm hoạ đã ập đến vùng này khi người dân còn ở đó', 'việc này đã được thực hiện'],
  ] as const) {
    it(`--lang ${lang}: says it came too late, not that it was already so`, () => {
      for (const format of ['md', 'html'] as const) {
        const text = renderReport(late.aar, format, lang);
        // the timeline, the finding and its line in the plan, the decisions table
        expect(text.split(words).length - 1, format).toBeGreaterThanOrEqual(4);
        expect(text, format).not.toContain(wrong);
      }
    });
  }

  it('an order for a zone already emptied in time still reads as no change', () => {
    const twice = run([
      '  - { at: T+00:10, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '  - { at: T+00:20, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
    ]);
    expect(twice.events.filter((e) => e.type === 'decision.refused' && e.zone === 'ta-ca-riverside').map((e) => e.code)).toEqual(['no-change']);
    const text = renderReport(twice.aar, 'md', 'en');
    expect(text).toContain('it was already so');
    expect(text).not.toContain('too late: the hazard had already reached the zone');
  });
});
