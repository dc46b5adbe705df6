/**
 * The after-action review of the complete example: the two decision files
 * (evacuate early, evacuate late) give different ratings of the evacuation
 * objective, each citing the events that decided it; the review agrees with
 * the summary the live run wrote; texts from the scenario are escaped.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { reviewEvents } from '../../engine/review/review.js';
import { renderReport } from '../../engine/review/report.js';
import { decisionsFile, kySon } from './ky-son-runs.js';
import { kySonWithMarkup } from '../helpers/scenarios.js';
import { Words } from '../../engine/review/words.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const aarOf = (which: 'early' | 'late' | 'doctrine') => {
  const r = kySon(which);
  return buildAar(r.log, r.scenario, r.events);
};

describe('AAR of the ky-son evacuate-early and evacuate-late runs', () => {
  it('rates the Tà Cạ evacuation objective P when ordered early and U when ordered late', () => {
    const early = aarOf('early').objectives.find((o) => o.spec.id === 'evac-ta-ca')!;
    const late = aarOf('late').objectives.find((o) => o.spec.id === 'evac-ta-ca')!;
    expect(early.result).toMatchObject({ rating: 'P', value: 1, at: 3 * 3600 });
    expect(late.result).toMatchObject({ rating: 'U', value: 183 / 700, at: 3 * 3600 });
  });

  it('cites the trainee\'s evacuation order and the zone\'s state at the deadline as evidence', () => {
    // the zone's last count by the deadline: early, everyone was in the school at T+02:50 (the school is where the
    // villages are, engine 0.7.0: no road between them, so in it as they set off); late, the count the strike left
    for (const [which, orderT, sheltered, progressT] of [['early', 2400, 700, 10200], ['late', 8100, 183, 10800]] as const) {
      const ev = aarOf(which).objectives.find((o) => o.spec.id === 'evac-ta-ca')!.evidence;
      const cited = ev.map((e) => (e.index === null ? null : e.event));
      expect(cited).toContainEqual({ t: orderT, type: 'decision', author: 'trainee', role: 'tc-chair', do: 'evacuate', zone: 'ta-ca-riverside' });
      expect(cited).toContainEqual(expect.objectContaining({ t: progressT, type: 'zone.progress', id: 'ta-ca-riverside', sheltered }));
      // each cited event is where the evidence says it is in the log
      const events = kySon(which).events;
      for (const e of ev) if (e.index !== null) expect(events[e.index]).toEqual(e.event);
    }
  });

  it('says so in both reports, in words, with the times of the deciding events', () => {
    const early = renderReport(aarOf('early'), 'md', 'en');
    const late = renderReport(aarOf('late'), 'md', 'en');
    expect(early).toContain('100 %, read at T+03:00 (21:00): rated P: Performed without challenges');
    expect(early).toContain('**T+00:40 (18:40)**: Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages');
    expect(late).toContain('26 %, read at T+03:00 (21:00): rated U: Unable to be performed');
    expect(late).toContain('**T+02:15 (20:15)**: Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages');
    expect(late).toContain('The hazard reaches Tà Cạ riverside villages: 517 people still there');
    // the zone's count at the hazard's arrival: the 517 were caught, not '0 still in the zone' after '517 people still there'
    expect(late).toContain('Tà Cạ riverside villages: 183 in shelter; the other 517 were caught by the hazard');
    expect(late).not.toContain('183 in shelter, 0 on the way, 0 still in the zone');
    expect(renderReport(aarOf('late'), 'md', 'vi')).toContain('Các bản ven suối Tà Cạ: 183 người đã đến nơi sơ tán; 517 người còn lại bị kẹt khi hiểm hoạ ập đến');
    // a zone all of whose people reached shelter keeps the plain count
    expect(early).toContain('Tà Cạ riverside villages: 700 in shelter, 0 on the way, 0 still in the zone');
  });

  it('agrees with the summary the live run stored in its log (one reducer)', () => {
    for (const which of ['early', 'late', 'doctrine'] as const) {
      const r = kySon(which);
      expect(reviewEvents(r.scenario, r.events, r.log.until).summary).toEqual(r.log.summary);
      expect(buildAar(r.log, r.scenario, r.events).integrity).toEqual({ summary_agrees: true, hash_ok: true, scenario_ok: true, head_ok: true, session_ok: true, recorded_seed: expect.any(Number) });
    }
  });

  it('puts the late order, and the people it left stranded who were lost while waiting, among the areas for improvement, with a suggested order time', () => {
    const late = aarOf('late');
    const keys = late.improvements.map((f) => f.key);
    expect(keys).toContain('f.inject.late');
    // 517 caught at Tà Cạ's riverside; the first unit (Hữu Kiệm's militia, once the road reopened: Mường Xén's, blocked
    // at the cut QL7, was called back to its own landslide at T+04:30 since engine 0.3.0) came after 9 h 9 min
    expect(late.improvements.find((f) => f.key === 'f.incident.lost' && (f.params.incident as { id: string }).id === 'ta-ca-riverside-caught'))
      .toMatchObject({ params: { lost: { n: 72 }, people: { n: 517 }, first: { s: 32965 } }, org: 'tc-chair' });
    expect(aarOf('early').improvements.find((f) => f.key === 'f.incident.lost' && (f.params.incident as { id: string }).id === 'ta-ca-riverside-caught')).toBeUndefined();
    expect(aarOf('early').improvements.map((f) => f.key)).not.toContain('f.inject.late');
    const evac = late.improvements.find((f) => f.key === 'f.objective.short' && (f.params.objective as { id: string }).id === 'evac-ta-ca')!;
    expect(evac).toMatchObject({ capability: 'Critical Transportation', element: 'planning', org: 'tc-chair', action: { key: 'a.evacuate.by' } });
    const md = renderReport(late, 'md', 'en');
    expect(md).toMatch(/Suggested: Order the evacuation of Tà Cạ riverside villages by T\+01:00 \(19:00\): moving 630 people \(90 %, the share rated P\) takes about 2 h from the order/);
  });

  it('counts an incident still open at the end: those already brought out rescued, the others still at risk or lost (the late run stopped at T+14:00)', () => {
    const scenario = kySonWithMarkup();
    const d = decisionsFile('ky-son-evacuate-late', scenario);
    const { log } = runScenario(scenario, { decisions: d.decisions, players: d.players, until: 14 * 3600 });
    const events = log!.events.map((l) => JSON.parse(l) as LogEvent);
    // the Tà Cạ caught were reached at T+12:09 (two units by T+12:52): most of the work done, 113 people still to reach
    const end = events.find((e) => e.type === 'incident.people' && e.id === 'ta-ca-riverside-caught')!;
    expect(end.t).toBe(14 * 3600);
    expect((end.rescued as number) + (end.lost as number) + (end.still_at_risk as number)).toBe(517);
    expect(end.rescued).toBeGreaterThan(100);
    expect(end.still_at_risk).toBeGreaterThan(100);
    // stopped at T+14:00, the finding says so: still at risk at T+14:00, where the log ends
    const open = buildAar(log!, scenario, events).improvements.find((f) => f.key === 'f.incident.open_stopped' && (f.params.incident as { id: string }).id === 'ta-ca-riverside-caught');
    expect(open).toMatchObject({ params: { people: { n: end.still_at_risk } }, org: 'tc-chair' });
    expect(new Words('en', scenario).event(end)).toBe(`people caught in Tà Cạ riverside villages, unfinished at the end: ${end.rescued} rescued, ${end.lost} lost while waiting, ${end.still_at_risk} still at risk`);
    // and the key event, in words that know where the run stopped, is unfinished there, not "at the end"
    const stop = { t: 14 * 3600, end: scenario.horizon, by: 'until' as const };
    expect(new Words('en', scenario).learnStop(stop).event(end)).toBe(`people caught in Tà Cạ riverside villages, unfinished at T+14:00 (08:00), where the log ends: ${end.rescued} rescued, ${end.lost} lost while waiting, ${end.still_at_risk} still at risk`);
    expect(new Words('vi', scenario).learnStop(stop).event(end)).toMatch(/, chưa xử lý xong lúc T\+14:00 \(08:00\), khi nhật ký kết thúc: cứu được /);
  });

  it('says an objective whose action was never taken was never done, in words other than those of an objective not tested', () => {
    // the rumour inject reached Mường Xén at T+05:30 and nobody informed the public: a failure (U), not an absence
    const late = aarOf('late');
    const rumour = late.improvements.find((f) => (f.params.objective as { id: string } | undefined)?.id === 'rumour')!;
    expect(rumour).toMatchObject({ key: 'f.objective.never', params: { rating: { rating: 'U' } } });
    const en = renderReport(late, 'md', 'en').split('\n').filter((l) => l.startsWith('- Deny the dam-break rumour within 30 minutes:'));
    expect(en).toEqual(['- Deny the dam-break rumour within 30 minutes: never, not done by the time it was read; target at most 30 min; rated U: Unable to be performed. (Public Information and Warning)']);
    const vi = renderReport(late, 'md', 'vi').split('\n').filter((l) => l.startsWith('- Bác bỏ tin đồn vỡ đập') && l.includes('mức đánh giá'));
    expect(vi).toHaveLength(1);
    expect(vi[0]).toContain('không có, chưa thực hiện đến thời điểm đánh giá');
    // "did not happen in the run" is how an objective not tested reads
    for (const l of [...en, ...vi]) expect(l).not.toMatch(/never happened|không diễn ra/);
  });

  it('warns at the top when the log was changed after it was written', () => {
    const r = kySon('late');
    const lines = [...r.log.events];
    const edited = { ...JSON.parse(lines[20]), t: JSON.parse(lines[20]).t };
    edited.edited = true;
    lines[20] = JSON.stringify(edited);
    const aar = buildAar({ ...r.log, events: lines }, r.scenario, lines.map((l) => JSON.parse(l)));
    expect(aar.integrity.hash_ok).toBe(false);
    expect(renderReport(aar, 'md', 'en').split('\n').slice(0, 6).join('\n')).toContain('Warning: the hash chain of the run log does not match its events');
  });

  it('shows a message holding HTML as text, never as markup, in both formats', () => {
    const aar = aarOf('doctrine');
    const html = renderReport(aar, 'html', 'en');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<script/i);
    const md = renderReport(aar, 'md', 'vi');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md).not.toContain('<img');
  });
});

describe('the overview\'s hazard row', () => {
  it('joins a hazard summary written as a sentence (ending in a full stop) to the hazards without a doubled stop', () => {
    const r = kySon('doctrine');
    const text = (s: string) => ({ vi: `${s}.`, en: `${s}.` });
    const scenario = { ...r.scenario, hazard_summary: text('Heavy rain, landslides, a flash flood on the stream') };
    const md = renderReport(buildAar(r.log, scenario, r.events), 'md', 'en');
    const row = md.split('\n').find((l) => l.startsWith('| **Hazard**'))!;
    expect(row).toContain('a flash flood on the stream. ');
    expect(row).not.toContain('..');
  });
});

describe('the overview\'s scope row', () => {
  // 'Hải Châu commune (commune)' said the tier twice, and 'Phường Cửa Lò (xã)' called a ward a commune
  it('names each area once where all are of one tier, and its level where tiers mix', () => {
    const r = kySon('doctrine');
    const row = (scenario: typeof r.scenario, lang: 'en' | 'vi') => renderReport(buildAar(r.log, scenario, r.events), 'md', lang).split('\n').find((l) => /^\| \*\*(Scope|Phạm vi)\*\*/.test(l))!;
    const communes = r.scenario.areas.filter((a) => a.tier === 'commune');
    expect(communes.length).toBeGreaterThan(1);
    const en = row(r.scenario, 'en');
    expect(en).not.toMatch(/\((commune|commune level)\)/);
    for (const a of communes) expect(en).toContain(typeof a.name === 'string' ? a.name : a.name.en ?? a.name.vi);
    // a district among the communes (three tiers): each says its level
    const mixed = { ...r.scenario, areas: r.scenario.areas.map((a) => (a === communes[0] ? { ...a, tier: 'district' as const } : a)) };
    expect(row(mixed, 'en')).toMatch(/ \(district level\), .* \(commune level\)/);
    expect(row(mixed, 'vi')).toMatch(/ \(cấp huyện\), .* \(cấp xã\)/);
  });
});

describe('the timeline of a zone nobody ordered out', () => {
  it('says the hazard reached it, and not that its evacuation was over (Nam Đàn: Lam Thành behind the dike, under doctrine)', () => {
    const scenario = loadNamed('nam-dan-compound-flood');
    const { log } = runScenario(scenario, { seed: scenario.seed ?? 1 });
    const events = log!.events.map((l) => JSON.parse(l) as LogEvent);
    const zone = 'lam-thanh-behind-dike';
    // the run holds the case: the zone goes to 'done' when the hazard reaches it, never having been ordered out
    expect(events.some((e) => e.type === 'zone.state' && e.id === zone && e.state === 'done')).toBe(true);
    expect(events.some((e) => e.type === 'zone.state' && e.id === zone && e.state === 'ordered')).toBe(false);
    const aar = buildAar(log!, scenario, events);
    const rows = aar.timeline.filter((r) => r.event.id === zone);
    expect(rows.map((r) => r.event.type)).toContain('zone.struck');
    expect(rows.filter((r) => r.event.type === 'zone.state')).toEqual([]);
    for (const lang of ['en', 'vi'] as const) expect(renderReport(aar, 'md', lang)).not.toMatch(/Evacuation of .*Lam Thành.* over|Kết thúc sơ tán .*Lam Thành/);
  });
});
