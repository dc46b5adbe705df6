/**
 * An inject exercise control adds during the run (a decisions file's add_inject) is timed as the scenario's own
 * injects are: with `when:`, when its condition holds; with `contingency:`, the given time after the inject it
 * chases was delivered, and only if that inject's expected action was not taken. Engine 0.8.0 delivered both the
 * moment they were added: an inject waiting for the Nậm Mộ's alarm level 2 came at T+00:30 while the scenario's
 * own inject with that condition came hours later.
 */
import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../engine/review/metrics.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

const added = (at: string, id: string, seq: number, timing: string) =>
  `  - { at: ${at}, role: controller, do: add_inject, inject: { id: ${id}, seq: ${seq}, ${timing}, from: Exercise control, to: tc-chair, method: phone, type: information, subject: Check, message: Check again } }`;

function run(players: string[], lines: string[], seed = 1) {
  const d = parseDecisions(['drillsim_decisions: 1', `players: [${players.join(', ')}]`, lines.length ? 'decisions:' : 'decisions: []', ...lines, ''].join('\n'), 'd.yaml', kySon);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const { log } = runScenario(kySon, { seed, decisions: d.value.decisions, players: d.value.players });
  const events = log!.events.map((l) => JSON.parse(l) as LogEvent);
  const deliveredAt = (id: string) => events.find((e) => e.type === 'inject.delivered' && e.id === id)?.t;
  const skipped = (id: string) => events.some((e) => e.type === 'inject.skipped' && e.id === id);
  return { deliveredAt, skipped };
}

describe('an inject added with `when:`', () => {
  for (const seed of [1, 2, 3]) {
    it(`is delivered when its condition holds, with the scenario's inject of the same condition (seed ${seed})`, () => {
      const r = run(['tc-chair'], [added('T+00:30', 'bd2-again', 40, 'when: { hazard: nam-mo-muong-xen, alarm: bd2 }')], seed);
      const own = r.deliveredAt('river-bd2');
      expect(own).toBeGreaterThan(1800);
      expect(r.deliveredAt('bd2-again')).toBe(own);
    });
  }

  it('whose condition already holds is delivered as it is added', () => {
    const before = run(['tc-chair'], []).deliveredAt('river-bd2')!;
    const at = before + 600;
    const clock = `T+${String(Math.floor(at / 3600)).padStart(2, '0')}:${String(Math.floor((at % 3600) / 60)).padStart(2, '0')}`;
    const r = run(['tc-chair'], [added(clock, 'bd2-late', 41, 'when: { hazard: nam-mo-muong-xen, alarm: bd2 }')]);
    expect(r.deliveredAt('bd2-late')).toBe(Math.floor(at / 60) * 60);
  });
});

describe('an inject added with `contingency:`', () => {
  // province-directive (T+00:30) expects tc-chair to evacuate Tà Cạ's riverside; the scenario's no-move-yet chases it 1 h later
  const chase = (at: string, id: string, seq: number) => added(at, id, seq, 'contingency: { for: province-directive, after: 1h }');

  it('added before the inject it chases is delivered the given time after that one, as the scenario\'s contingency is', () => {
    const r = run(['tc-chair'], [chase('T+00:10', 'chase-early', 42)]);
    expect(r.deliveredAt('province-directive')).toBe(1800);
    expect(r.deliveredAt('no-move-yet')).toBe(5400);
    expect(r.deliveredAt('chase-early')).toBe(5400);
  });

  it('added after that inject was delivered still waits the given time from its delivery, or comes at once if that is past', () => {
    const r = run(['tc-chair'], [chase('T+01:00', 'chase-later', 43), chase('T+02:00', 'chase-past', 44)]);
    expect(r.deliveredAt('chase-later')).toBe(5400);
    expect(r.deliveredAt('chase-past')).toBe(7200);
  });

  it('is skipped when the expected action was taken in time, as the scenario\'s is', () => {
    const r = run(['tc-chair'], [chase('T+00:10', 'chase-done', 45), '  - { at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }']);
    expect(r.skipped('no-move-yet')).toBe(true);
    expect(r.skipped('chase-done')).toBe(true);
    expect(r.deliveredAt('chase-done')).toBeUndefined();
  });
});
