/**
 * The orders of an answer to a decision point that nobody took: doctrine's
 * answer for a role nobody plays, or the default applied at the deadline.
 * Doctrine orders only what still needs doing, so such an order that finds
 * the thing already so (support already requested, the zone already
 * evacuated) is left out: it is no refusal, nobody decided it, and the run's
 * summary, `run.end` and the report must not count it as one. A person's
 * answer is carried out as given, and its order that changed nothing is
 * still logged, for `drill run` and the report to say it changed nothing.
 */
import { describe, expect, it } from 'vitest';
import { answerOrders } from '../../engine/review/answer-orders.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { loadNamed, loadScenarioFile } from '../helpers/scenarios.js';

const gioLao = loadNamed('gio-lao-forest-fire');
const kySon = loadNamed('ky-son-flash-flood');

function run(scenario = gioLao, seed?: number, decisions?: string) {
  const d = decisions === undefined ? undefined : parseDecisions(decisions, 'd.yaml', scenario);
  if (d && !d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log, summary } = runScenario(scenario, { seed, decisions: d?.value.decisions, players: d?.value.players });
  return { summary, events: log!.events.map((l) => JSON.parse(l) as LogEvent) };
}

describe('doctrine\'s answer whose order finds the thing already so', () => {
  // gió Lào, seeds 1 and 2: doctrine answers "send troops" (request support for Hùng Thành, then for Diễn Đoài) when
  // one of the two communes has already asked for support on its own
  for (const [seed, done, asked] of [[1, 'dien-doai', 'hung-thanh'], [2, 'hung-thanh', 'dien-doai']] as const) {
    it(`seed ${seed}: the request for ${done} (already made) is left out, not refused; the one for ${asked} is made, and read as the answer's order`, () => {
      const { summary, events } = run(gioLao, seed);
      expect(events.filter((e) => e.type === 'decision.refused')).toEqual([]);
      expect(summary.decisions.refused).toBe(0);
      expect(events.at(-1)).toMatchObject({ type: 'run.end', counts: { refused: 0 } });
      const answer = events.findIndex((e) => e.type === 'inject.answered' && e.id === 'army-request');
      expect(events[answer]).toMatchObject({ t: 10800, option: 'send-troops', by: 'province-board' });
      // the commune had asked before, on its own (doctrine, after its forces were short for 45 min)
      const earlier = events.findIndex((e) => e.type === 'support.requested' && e.area === done);
      expect(earlier).toBeLessThan(answer);
      expect(events[earlier].by).not.toBe('province-board');
      const after = events.slice(answer + 1).filter((e) => e.t === 10800 && (e.type === 'decision' || e.type === 'support.requested') && e.role !== 'dd-chair' && e.by !== 'dd-chair');
      expect(after.slice(0, 2)).toEqual([
        { t: 10800, type: 'decision', author: 'doctrine', role: 'province-board', do: 'request_support', area: asked },
        { t: 10800, type: 'support.requested', area: asked, by: 'province-board' },
      ]);
      // the review still reads the request it made as the order of the answer (the one before it left out)
      const orders = answerOrders(gioLao.injects, events, isInjectSpec);
      const made = events.findIndex((e, i) => i > answer && e.type === 'decision' && e.do === 'request_support');
      expect(orders.get(made)).toMatchObject({ inject: 'army-request', option: 'send-troops', by_default: false });
    });
  }

  it('the same in another scenario: Nam Đàn, seed 1, doctrine answers "evacuate now" for a zone already evacuated', () => {
    const { summary, events } = run(loadNamed('nam-dan-compound-flood'), 1);
    expect(summary.decisions.refused).toBe(0);
    const answered = events.find((e) => e.type === 'inject.answered' && e.id === 'evacuate-behind-dike');
    expect(answered).toMatchObject({ option: 'evacuate-now', by: 'lt-chair' });
    expect(events.filter((e) => e.t === answered!.t && e.do === 'evacuate' && e.zone === 'lam-thanh-behind-dike')).toEqual([]);
  });
});

describe('a default applied at the deadline whose order finds the thing already so', () => {
  // exercise control asks the Mường Xén chair whether to open the school, by default yes; the chair opens it
  // without answering, and the deadline passes
  const decisions = (answer: boolean) => [
    'drillsim_decisions: 1',
    'players: [mx-chair]',
    'decisions:',
    '  - { at: T+01:00, role: controller, do: add_inject, inject: { id: mx-school, seq: 21, at: T+02:00, from: Exercise control, to: mx-chair, method: in-person, type: request, subject: Open the school?, message: Open the school as a shelter?, decision: { options: [{ id: open-now, label: Open now, commands: [{ do: open_shelter, shelter: muong-xen-school }] }, { id: wait, label: Wait }], deadline: 20m, default: open-now } } }',
    '  - { at: T+02:05, role: mx-chair, do: open_shelter, shelter: muong-xen-school }',
    ...(answer ? ['  - { at: T+02:10, role: mx-chair, do: answer, inject: mx-school, option: open-now }'] : []),
    '',
  ].join('\n');

  it('is left out: the default applies, nothing is refused', () => {
    const { summary, events } = run(kySon, undefined, decisions(false));
    expect(events.find((e) => e.type === 'inject.expired' && e.id === 'mx-school')).toMatchObject({ t: 8400, option: 'open-now' });
    expect(events.filter((e) => e.author === 'default')).toEqual([]);
    expect(summary.decisions.refused).toBe(0);
  });

  it('while the person who answers with the same option gets the order logged as changing nothing (drill run and the report say so)', () => {
    const { summary, events } = run(kySon, undefined, decisions(true));
    expect(events.filter((e) => e.type === 'decision.refused')).toEqual([
      expect.objectContaining({ t: 7800, author: 'trainee', role: 'mx-chair', do: 'open_shelter', shelter: 'muong-xen-school', code: 'no-change' }),
    ]);
    // the answer was right: its order that found the school open is counted apart, not as refused
    expect(summary.decisions).toMatchObject({ refused: 0, no_change: 1 });
  });
});

// Cát Ngạn (a planner's scenario): doctrine sends the commune's militia to the swept-away houses at T+05:00; at
// T+05:10 the decision's default orders the same. That order was refused as 'unit busy' (mobilising to that very
// incident) and counted in the summary, the report and every batch run, though nothing was wrong.
describe('an answer that dispatches a unit already on its way to that incident', () => {
  const catNgan = loadScenarioFile(join(ROOT, 'test/fixtures/thanh-chuong-default-dispatch.yaml'));

  it('is left out when doctrine or the default gave it, and a person\'s is said to change nothing, not a busy unit', () => {
    const { summary, events } = run(catNgan);
    expect(events.filter((e) => e.type === 'decision.refused')).toEqual([]);
    expect(summary.decisions.refused).toBe(0);
    const trainee = run(kySon, undefined, [
      'drillsim_decisions: 1', 'players: [tc-chair]', 'decisions:',
      '  - { at: T+03:10, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
      '  - { at: T+03:20, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
    ].join('\n'));
    const refused = trainee.events.filter((e) => e.type === 'decision.refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ t: 12000, unit: 'tc-militia', code: 'no-change' });
  });
});
