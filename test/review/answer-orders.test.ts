/**
 * The orders an answer to a decision point gives are the option's, not the
 * person's: the review finds them in the log (answer-orders.ts), and an
 * order that found the thing already so reads as "no change", not as a
 * refusal, and is no training issue. Exercise control's orders, even in a
 * role doctrine plays, are exercise control's issue, not the trainees'.
 */
import { describe, expect, it } from 'vitest';
import { buildAar } from '../../engine/review/aar.js';
import { AnswerOrders, answerOrders } from '../../engine/review/answer-orders.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import type { LogEvent } from '../../engine/review/metrics.js';
import { renderReport } from '../../engine/review/report.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { readRunLog, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';
import { ev, H } from './fixture.js';

const scenario = loadNamed('ky-son-flash-flood');

/** mx-chair evacuates the lowland, then answers "evacuate now" (its order finds the zone moving) and orders it again itself. */
const DECISIONS = [
  'drillsim_decisions: 1',
  'players: [mx-chair]',
  'decisions:',
  '  - { at: T+00:30, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
  '  - { at: T+01:46, role: mx-chair, do: answer, inject: night-evacuation, option: evacuate-now }',
  '  - { at: T+01:46, role: mx-chair, do: evacuate, zone: muong-xen-lowland }',
  '  - { at: T+02:00, role: tc-chair, author: controller, do: declare_level, area: ta-ca, level: 2 }',
  '',
].join('\n');

function run() {
  const d = parseDecisions(DECISIONS, 'd.yaml', scenario);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(scenario, { decisions: d.value.decisions, players: d.value.players });
  const back = readRunLog(serializeRunLog(log!).join(''));
  if (!back.ok) throw new Error(back.message);
  return { log: back.log, events: back.events as LogEvent[] };
}
const r = run();
const refusedAt = (t: number) => r.events.map((e, i) => [e, i] as const).filter(([e]) => e.type === 'decision.refused' && e.t === t).map(([, i]) => i);

describe('answerOrders', () => {
  it('marks the order the chosen option gave, and not the same order the person gave right after it', () => {
    const [optionOrder, own] = refusedAt(6360);
    expect(r.events[optionOrder]).toMatchObject({ do: 'evacuate', zone: 'muong-xen-lowland', code: 'no-change', author: 'trainee' });
    expect(r.events[own]).toMatchObject({ do: 'evacuate', zone: 'muong-xen-lowland', code: 'no-change', author: 'trainee' });
    const orders = answerOrders(scenario.injects, r.events, isInjectSpec);
    const answer = r.events.findIndex((e) => e.type === 'decision' && e.do === 'answer');
    expect([...orders]).toEqual([[optionOrder, { inject: 'night-evacuation', option: 'evacuate-now', by_default: false, answer }]]);
  });

  it('marks the orders of an option applied by default at the deadline', () => {
    const cmd = scenario.injects.find((i) => i.id === 'crowd-on-bank')!.decision!.options[0].commands[0];
    const orders = answerOrders(scenario.injects, [
      ev(H, 'inject.expired', { id: 'crowd-on-bank', option: 'broadcast-now' }),
      ev(H, 'decision', { author: 'default', role: 'mx-chair', ...cmd }),
    ], isInjectSpec);
    expect(orders.get(1)).toEqual({ inject: 'crowd-on-bank', option: 'broadcast-now', by_default: true, answer: null });
  });

  it('marks the orders of an inject exercise control added during the run, applied by default at its deadline', () => {
    const d = parseDecisions([
      'drillsim_decisions: 1',
      'players: [mx-chair]',
      'decisions:',
      '  - at: T+01:00',
      '    role: controller',
      '    do: add_inject',
      '    inject:',
      '      { id: mx-school, seq: 21, at: T+02:00, from: Exercise control, to: mx-chair, method: in-person, type: request, subject: Open the school?, message: Open the school as a shelter?,',
      '        decision: { options: [{ id: open-now, label: Open now, commands: [{ do: open_shelter, shelter: muong-xen-school }] }, { id: wait, label: Wait }], deadline: 20m, default: open-now } }',
      '',
    ].join('\n'), 'added.yaml', scenario);
    if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
    const { log } = runScenario(scenario, { decisions: d.value.decisions, players: d.value.players });
    const events = log!.events.map((e) => JSON.parse(e) as LogEvent);
    const expired = events.findIndex((e) => e.type === 'inject.expired' && e.id === 'mx-school');
    expect(expired).toBeGreaterThan(0);
    const orders = answerOrders(scenario.injects, events, isInjectSpec);
    const order = events.findIndex((e, i) => i > expired && (e.type === 'decision' || e.type === 'decision.refused'));
    expect(events[order]).toMatchObject({ author: 'default', role: 'mx-chair', do: 'open_shelter', shelter: 'muong-xen-school' });
    expect([...orders]).toEqual([[order, { inject: 'mx-school', option: 'open-now', by_default: true, answer: null }]]);
  });

  it('doctrine\'s answer (or a default) may leave out an order that found the thing already so: the next one is still its order; a person\'s orders must come all, in order', () => {
    // send-troops orders request_support for hung-thanh, then for dien-doai
    const gioLao = loadNamed('gio-lao-forest-fire');
    const by = (author: string) => [
      ev(3 * H, 'decision', { author, role: 'province-board', do: 'answer', inject: 'army-request', option: 'send-troops' }),
      ev(3 * H, 'inject.answered', { id: 'army-request', option: 'send-troops', by: 'province-board' }),
      ev(3 * H, 'decision', { author, role: 'province-board', do: 'request_support', area: 'dien-doai' }),
    ];
    expect([...answerOrders(gioLao.injects, by('doctrine'), isInjectSpec)]).toEqual([[2, { inject: 'army-request', option: 'send-troops', by_default: false, answer: 0 }]]);
    expect([...answerOrders(gioLao.injects, by('trainee'), isInjectSpec)]).toEqual([]);
    const expired = [ev(4 * H, 'inject.expired', { id: 'army-request', option: 'send-troops' }), ev(4 * H, 'decision', { author: 'default', role: 'province-board', do: 'request_support', area: 'dien-doai' })];
    expect([...answerOrders(gioLao.injects, expired, isInjectSpec)]).toEqual([[1, { inject: 'army-request', option: 'send-troops', by_default: true, answer: null }]]);
  });

  it('marks nothing where the log does not follow the option (another command, another role, a later instant)', () => {
    const answered = ev(H, 'inject.answered', { id: 'night-evacuation', option: 'evacuate-now', by: 'mx-chair' });
    for (const next of [
      ev(H, 'decision', { author: 'trainee', role: 'mx-chair', do: 'evacuate', zone: 'ta-ca-riverside' }),
      ev(H, 'decision', { author: 'trainee', role: 'tc-chair', do: 'evacuate', zone: 'muong-xen-lowland' }),
      ev(H + 1, 'decision', { author: 'trainee', role: 'mx-chair', do: 'evacuate', zone: 'muong-xen-lowland' }),
    ]) {
      const o = new AnswerOrders(scenario.injects, isInjectSpec);
      expect(o.observe(answered, 0)).toBeNull();
      expect(o.observe(next, 1), JSON.stringify(next)).toBeNull();
    }
  });
});

describe('the after-action report of an answer whose order changed nothing', () => {
  const aar = buildAar(r.log, scenario, r.events);
  const refusals = aar.improvements.filter((f) => f.key.startsWith('f.decision.refused'));

  it('keeps the order out of the improvement plan, and keeps the person\'s own repeat of it in', () => {
    const [, own] = refusedAt(6360);
    const mine = refusals.filter((f) => f.org === 'mx-chair');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ key: 'f.decision.refused', element: 'training', params: { at: { t: 6360 }, code: { code: 'no-change' } } });
    expect(aar.review.decisions.find((d) => d.index === own)!.order_of).toBeNull();
  });

  it('lists exercise control\'s refused order under exercise control (element Exercises), not as the trainees\' training', () => {
    const control = refusals.filter((f) => f.params.cmd && (f.params.cmd as { cmd: string }).cmd === 'declare_level');
    expect(control).toEqual([expect.objectContaining({ key: 'f.decision.refused_control', element: 'exercises', org: 'controller' })]);
    expect(refusals.filter((f) => f.element === 'training').map((f) => f.org)).toEqual(['mx-chair']);
  });

  it('says in both languages that the answer\'s order changed nothing, in the timeline and the decisions table, and names exercise control in the plan', () => {
    const en = renderReport(aar, 'md', 'en');
    const MX = 'Mường Xén commune chair (commune civil-defence board)';
    expect(en).toContain(`| T+01:46 (19:46) | ${MX} (trainee): evacuate Mường Xén low-lying quarter (the order of the answer "Evacuate now"). No change: it was already so |`);
    expect(en).toContain(`| T+01:46 (19:46) | ${MX} (trainee): evacuate Mường Xén low-lying quarter. Refused: it was already so |`);
    expect(en).toMatch(/\| evacuate Mường Xén low-lying quarter \(the order of the answer "Evacuate now"\) \| no change: it was already so \|/);
    expect(en).toContain('Exercise control, playing Tà Cạ commune chair, ordered "declare civil-defence level 2 in Tà Cạ" at T+02:00 (20:00), and the order was refused: the role has no authority for it. |   | Exercises | Exercise control |');
    // the person's own repeat of the order is a finding, once (section 5 and the plan); the answer's order is not
    expect(en.split(`${MX} ordered "evacuate Mường Xén low-lying quarter" at T+01:46 (19:46), and the order was refused: it was already so.`)).toHaveLength(3);
    const vi = renderReport(aar, 'md', 'vi');
    expect(vi).toContain('(lệnh đi kèm phương án đã chọn "Sơ tán ngay"). Không có gì thay đổi: việc này đã được thực hiện');
    expect(vi).toContain('| Diễn tập | Ban đạo diễn |');
  });

  it('counts the answer\'s order apart from the refused in the summary table, in both languages', () => {
    expect(aar.review.summary.decisions).toMatchObject({ no_change: 1 });
    const { refused } = aar.review.summary.decisions;
    expect(renderReport(aar, 'md', 'en')).toMatch(new RegExp(`\\| \\d+ taken, ${refused} refused \\(trainees, exercise control and doctrine\\); 1 no change: an order of an answer that found it already so \\|`));
    expect(renderReport(aar, 'md', 'vi')).toContain(`${refused} bị từ chối (học viên, ban đạo diễn và phương án tự động); 1 lệnh đi kèm phương án không làm thay đổi gì (việc đã được thực hiện từ trước)`);
  });
});
