import { describe, expect, it } from 'vitest';
import { executeDecision } from '../../engine/sim/commands.js';
import { loadNamed } from '../helpers/scenarios.js';
import { makeSim, worldHash } from '../helpers/sim.js';

const ksn = loadNamed('ky-son-flash-flood');

describe('commands', () => {
  it('a refused command is logged with its reason and changes nothing else (world hash unchanged)', () => {
    const sim = makeSim(ksn, { seed: 4, players: ['tc-chair', 'mx-chair'] });
    sim.run(3 * 3600 + 20 * 60);
    const cases = [
      { role: 'tc-chair', cmd: { do: 'dispatch', unit: 'mx-militia', incident: 'ta-ca-houses' }, code: 'no-authority' },
      { role: 'tc-chair', cmd: { do: 'dispatch', unit: 'tc-militai', incident: 'ta-ca-houses' }, code: 'unknown-unit' },
      { role: 'tc-chair', cmd: { do: 'declare_level', area: 'ta-ca', level: 2 }, code: 'no-authority' },
      { role: 'tc-chair', cmd: { do: 'evacuate', zone: 'muong-xen-lowland' }, code: 'no-authority' },
      { role: 'province-board', cmd: { do: 'dispatch', unit: 'pc07-rescue', incident: 'ta-ca-houses' }, code: 'no-request' },
    ] as const;
    for (const c of cases) {
      const before = worldHash(sim);
      const ok = executeDecision(sim, { at: sim.now, role: c.role, author: 'trainee', cmd: c.cmd as any });
      expect(ok).toBe(false);
      expect(worldHash(sim)).toBe(before);
      const last = JSON.parse(sim.log!.lines[sim.log!.lines.length - 1]);
      expect(last).toMatchObject({ type: 'decision.refused', role: c.role, code: c.code });
      expect(last.reason.length).toBeGreaterThan(10);
    }
    // dispatch a unit once, then again: to the same incident it changes nothing; to another, the unit is busy
    expect(executeDecision(sim, { at: sim.now, role: 'tc-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'tc-militia', incident: 'ta-ca-houses' } })).toBe(true);
    const before = worldHash(sim);
    expect(executeDecision(sim, { at: sim.now, role: 'tc-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'tc-militia', incident: 'ta-ca-houses' } })).toBe(false);
    expect(worldHash(sim)).toBe(before);
    expect(JSON.parse(sim.log!.lines[sim.log!.lines.length - 1])).toMatchObject({ type: 'decision.refused', code: 'no-change' });
    const other = sim.world.incidents.find((i) => i.id !== 'ta-ca-houses' && i.area === 'ta-ca');
    expect(other, 'another open incident in Tà Cạ at T+03:20').toBeDefined();
    expect(executeDecision(sim, { at: sim.now, role: 'tc-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'tc-militia', incident: other!.id } })).toBe(false);
    expect(worldHash(sim)).toBe(before);
    expect(JSON.parse(sim.log!.lines[sim.log!.lines.length - 1])).toMatchObject({ type: 'decision.refused', code: 'unit-busy' });
  });

  it('suggests the unit meant when an id is misspelt', () => {
    const sim = makeSim(ksn, { seed: 4, players: ['tc-chair'] });
    sim.run(3 * 3600 + 20 * 60);
    executeDecision(sim, { at: sim.now, role: 'tc-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'tc-militai', incident: 'ta-ca-houses' } });
    expect(JSON.parse(sim.log!.lines[sim.log!.lines.length - 1]).reason).toContain("did you mean 'tc-militia'");
  });
});

describe('answers and refusals at the edges', () => {
  it('an answer at the very instant its inject is delivered says when it can be given', () => {
    const sim = makeSim(ksn, { seed: 4, players: ['mx-chair'] });
    sim.run(6300); // night-evacuation is delivered at T+01:45 (6300 s), after the decisions of that instant
    expect(executeDecision(sim, { at: sim.now, role: 'mx-chair', author: 'trainee', cmd: { do: 'answer', inject: 'night-evacuation', option: 'evacuate-now' } })).toBe(false);
    const last = JSON.parse(sim.log!.lines[sim.log!.lines.length - 1]);
    expect(last).toMatchObject({ type: 'decision.refused', code: 'not-waiting' });
    expect(last.reason).toContain('answer it from T+01:46');
  });

  it('run.end counts the refused decisions, which the world itself does not hold', () => {
    const sim = makeSim(ksn, { seed: 4, players: ['tc-chair'], decisions: [{ at: 600, role: 'tc-chair', author: 'trainee', cmd: { do: 'declare_level', area: 'ta-ca', level: 3 } }] });
    sim.run();
    const end = JSON.parse(sim.log!.lines[sim.log!.lines.length - 1]);
    expect(end.type).toBe('run.end');
    expect(end.counts.refused).toBe(1);
    expect('refused' in sim.world.counts).toBe(false);
  });
});
