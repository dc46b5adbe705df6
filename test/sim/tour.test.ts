import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INJECT_STATES } from '../../engine/machines/inject.js';
import { LIFECYCLE_STATES, TREND_STATES } from '../../engine/machines/incident.js';
import { LEVEL_STATES } from '../../engine/machines/level.js';
import { SHELTER_STATES } from '../../engine/machines/shelter.js';
import { UNIT_STATES } from '../../engine/machines/unit.js';
import { ZONE_STATES } from '../../engine/machines/zone.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import type { Sim } from '../../engine/sim/sim.js';
import { ROOT } from '../helpers/cli.js';
import { makeSim } from '../helpers/sim.js';

describe('a tour of every machine state through engine commands', () => {
  const s = parseScenario(readFileSync(join(ROOT, 'test/fixtures/tour.yaml'), 'utf8'), 'tour.yaml');
  if (!s.ok) throw new Error(JSON.stringify(s.issues));
  const d = parseDecisions(readFileSync(join(ROOT, 'test/fixtures/tour-decisions.yaml'), 'utf8'), 'tour-decisions.yaml', s.scenario);
  if (!d.ok) throw new Error(JSON.stringify(d.issues));

  const seen: Record<string, Set<string>> = { unit: new Set(), lifecycle: new Set(), trend: new Set(), level: new Set(), inject: new Set(), zone: new Set(), shelter: new Set() };
  const broken: string[] = [];
  const observe = (sim: Sim) => {
    const w = sim.world;
    for (const u of Object.values(w.units)) seen.unit.add(u.m.value as string);
    for (const i of Object.values(w.incidents)) { seen.lifecycle.add((i.m.value as any).lifecycle); seen.trend.add((i.m.value as any).trend); }
    for (const a of Object.values(w.areas)) seen.level.add(a.level.value as string);
    for (const j of Object.values(w.injects)) seen.inject.add(j.m.value as string);
    for (const z of Object.values(w.zones)) seen.zone.add(z.m.value as string);
    for (const sh of Object.values(w.shelters)) seen.shelter.add(sh.m.value as string);
    broken.push(...checkInvariants(sim).map((b) => `t=${w.t}: ${b}`));
  };
  const sim = makeSim(s.scenario, { decisions: d.value.decisions, players: d.value.players, observe });
  observe(sim);
  sim.run();
  const refused = sim.log!.lines.map((l) => JSON.parse(l)).filter((e) => e.type === 'decision.refused');

  it('accepts every command of the tour', () => expect(refused).toEqual([]));
  it('keeps every invariant on the way', () => expect(broken).toEqual([]));
  it('reaches every unit state', () => expect([...seen.unit].sort()).toEqual([...UNIT_STATES].sort()));
  it('reaches every incident phase (resolved is seen in the log) and trend', () => {
    const phases = sim.log!.lines.map((l) => JSON.parse(l)).filter((e) => e.type === 'incident.phase').map((e) => e.phase);
    expect(new Set([...seen.lifecycle, ...phases])).toEqual(new Set(LIFECYCLE_STATES));
    expect([...seen.trend].sort()).toEqual([...TREND_STATES].sort());
  });
  it('reaches every civil-defence level', () => expect([...seen.level].sort()).toEqual([...LEVEL_STATES].sort()));
  it('reaches every inject state', () => expect([...seen.inject].sort()).toEqual([...INJECT_STATES].sort()));
  it('reaches every zone and shelter state', () => {
    expect([...seen.zone].sort()).toEqual([...ZONE_STATES].sort());
    expect([...seen.shelter].sort()).toEqual([...SHELTER_STATES].sort());
  });
});
