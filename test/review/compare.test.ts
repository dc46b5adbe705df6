/** `compare` on the two ky-son runs: first divergence, first decision that differs, ratings side by side. */
import { describe, expect, it } from 'vitest';
import { formatComparison } from '../../engine/cli/compare.js';
import { compareRuns } from '../../engine/review/compare.js';
import { decisionsFile, kySon } from './ky-son-runs.js';

describe('compareRuns', () => {
  const early = kySon('early');
  const late = kySon('late');
  const c = compareRuns(early, late);

  it('names the first decision that differs: the early evacuation order at T+00:40', () => {
    expect(c.given.first).toEqual({ side: 'a', decision: { at: 2400, role: 'tc-chair', author: 'trainee', do: 'evacuate', zone: 'ta-ca-riverside' } });
    expect(c.given.only_a).toEqual([{ at: 2400, role: 'tc-chair', author: 'trainee', do: 'evacuate', zone: 'ta-ca-riverside' }]);
    expect(c.given.only_b).toEqual([{ at: 8100, role: 'tc-chair', author: 'trainee', do: 'evacuate', zone: 'ta-ca-riverside' }]);
  });

  it('finds where the runs diverge: the first event that differs, its index and time', () => {
    expect(c.divergence).not.toBeNull();
    const d = c.divergence!;
    expect(d.t).toBe(2400);
    expect(d.a).toEqual({ t: 2400, type: 'decision', author: 'trainee', role: 'tc-chair', do: 'evacuate', zone: 'ta-ca-riverside' });
    // everything before it is the same in both logs
    expect(early.log.events.slice(0, d.index)).toEqual(late.log.events.slice(0, d.index));
    expect(early.log.events[d.index]).not.toEqual(late.log.events[d.index]);
  });

  it('puts the ratings side by side: the evacuation objective differs, the support request does not', () => {
    const evac = c.objectives.find((o) => o.id === 'evac-ta-ca')!;
    expect([evac.a!.rating, evac.b!.rating]).toEqual(['P', 'U']);
    const support = c.objectives.find((o) => o.id === 'support')!;
    expect(support.a).toEqual(support.b);
    expect(c).toMatchObject({ same_scenario: true, same_seed: true, same_players: true, identical: false });
    expect(c.figures.find((f) => f.key === 'people.lost')).toMatchObject({ a: early.log.summary.people.lost, b: late.log.summary.people.lost });
  });

  it('says when the two logs were written by different engine versions: the differences are then not only the decisions', () => {
    const older = { ...early, log: { ...early.log, engine: '0.1.0' } };
    const two = compareRuns(older, late);
    expect(two).toMatchObject({ same_scenario: true, same_seed: true, same_engine: false, a: { engine: '0.1.0' }, b: { engine: late.log.engine } });
    const text = formatComparison(two, 'early.json', 'late.json');
    expect(text).toContain(`note: a was written by engine 0.1.0, b by engine ${late.log.engine}: the engine may count the same inputs differently, so their differences are not only the decisions`);
    expect(text).not.toContain('so the differences come from the decisions');
    expect(formatComparison(c, 'early.json', 'late.json')).toContain('same scenario and seed: the random streams are shared (per entity), so the differences come from the decisions');
  });

  it('a run compared with itself is identical, with no divergence and no differing decision', () => {
    const same = compareRuns(late, late);
    expect(same).toMatchObject({ identical: true, divergence: null, given: { only_a: [], only_b: [], first: null }, taken: { only_a: [], only_b: [] } });
  });

  it('a play session saved part-way is said to be one, at its stop: the differences after it are not the decisions\'', async () => {
    const { createSim, sessionLogOf } = await import('../../engine/sim/run.js');
    const d = decisionsFile('ky-son-evacuate-late', late.scenario);
    const sim = createSim(late.scenario, { decisions: d.decisions, players: d.players });
    sim.run(4 * 3600);
    const session = sessionLogOf(sim, 4 * 3600);
    const saved = { log: session, scenario: late.scenario, events: session.events.map((l) => JSON.parse(l)) };
    const two = compareRuns(late, saved);
    expect(two).toMatchObject({ stopped: { a: null, b: { t: 4 * 3600, end: 18 * 3600, by: 'session' } }, same_end: false });
    // up to the stop the session is the run itself: they part where it stopped
    expect(two.divergence!.t).toBe(4 * 3600);
    const text = formatComparison(two, 'late.json', 'session.json');
    expect(text).toContain("b is a play session saved at T+04:00, before the scenario's end at T+18:00: every figure and rating of b is as it stood then");
    expect(text).toContain('note: the runs end at different times (a at T+18:00, b at T+04:00): figures and ratings after T+04:00 are not comparable');
    expect(text).not.toContain('so the differences come from the decisions');
    expect(c).toMatchObject({ stopped: { a: null, b: null }, same_end: true });
  });

  it('a log that is a prefix of the other diverges where the shorter one ends', () => {
    const short = { ...late, log: { ...late.log, events: late.log.events.slice(0, 50) }, events: late.events.slice(0, 50) };
    const d = compareRuns(late, short).divergence!;
    expect(d).toMatchObject({ index: 50, b: null });
    expect(d.a).toEqual(late.events[50]);
  });
});

describe('compareRuns of two versions of a scenario with other objectives', () => {
  it("lists each run's own objectives, b's too, marked as only in that run's scenario, not as a rating that differs", () => {
    const early = kySon('early');
    // the same run read against a version of the scenario whose rumour objective has another id
    const scenario = { ...early.scenario, objectives: early.scenario.objectives.map((o) => (o.id === 'rumour' ? { ...o, id: 'rumour-v2' } : o)) };
    const c = compareRuns(early, { ...early, log: { ...early.log, scenario: { ...early.log.scenario, hash: 'edited' } }, scenario });
    expect(c.objectives.find((o) => o.id === 'rumour')).toMatchObject({ a: { rating: 'U' }, b: null });
    expect(c.objectives.find((o) => o.id === 'rumour-v2')).toMatchObject({ a: null, b: { rating: 'U' } });
    const text = formatComparison(c, 'a.json', 'b.json').split('\n');
    expect(text.find((l) => l.startsWith('  rumour ')), text.join('\n')).toMatch(/^  rumour +U {2}never +- +<- only in a's scenario$/);
    expect(text.find((l) => l.startsWith('  rumour-v2 '))).toMatch(/^  rumour-v2 +- +U {2}never +<- only in b's scenario$/);
    expect(text.find((l) => l.startsWith('  lives '))).toMatch(/^  lives +S {2}31 +S {2}31$/);
    const vi = formatComparison(c, 'a.json', 'b.json', 'vi');
    expect(vi).toMatch(/\n {2}rumour-v2 +- +U .*<- chỉ có trong kịch bản của b\n/);
  });

  it('the same events read against a scenario whose thresholds were edited: identical, and the ratings that differ shown', () => {
    const late = kySon('late');
    const scenario = { ...late.scenario, objectives: late.scenario.objectives.map((o) => (o.id === 'evac-ta-ca' ? { ...o, criterion: { ...o.criterion, threshold: 0.25 }, rating: { P: 0.25, S: 0.2, M: 0.1 } } : o)) };
    const c = compareRuns(late, { ...late, log: { ...late.log, scenario: { ...late.log.scenario, hash: 'edited' } }, scenario });
    expect(c.identical).toBe(true);
    const text = formatComparison(c, 'a.json', 'b.json');
    expect(text).toContain('The two runs are identical: same events, same hash.\n\nTheir versions of the scenario differ, and each rates the run by its own objectives:\n');
    expect(text).toMatch(/\n {2}evac-ta-ca +U {2}26 % +P {2}26 % +<- rating differs\n/);
    // the same scenario: identical says all
    expect(formatComparison(compareRuns(late, late), 'a.json', 'b.json')).not.toContain('objective');
  });
});
