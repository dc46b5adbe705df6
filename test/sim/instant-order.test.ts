/**
 * What happens first when several things fall at the same time, as
 * docs/trainee.md ("The clock and the stops") tells trainees: the world and
 * incident reports, then what falls due, then orders (each with its own
 * immediate effects), then messages sent at a set time, then doctrine. The
 * engine's order (PRIO in engine/sim/sim.ts) is part of every run log's hash,
 * so this pins the docs to it rather than the other way round.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { loadScenarioFile } from '../helpers/scenarios.js';

/** Que Phong: the directive (an inject at T+01:00), QL48 cut by a rule at T+05:00 (and an inject on that condition), the slide reported at T+05:40. */
const quePhong = loadScenarioFile(join(ROOT, 'test/fixtures/play/que-phong.yaml'));

const DECISIONS = `drillsim_decisions: 1
players: [tl-chair]
decisions:
  - { at: T+01:00, role: tl-chair, do: evacuate, zone: pa-co-hillside }
  - { at: T+05:00, role: tl-chair, do: request_support, area: tri-le }
  - { at: T+05:40, role: tl-chair, do: dispatch, unit: tl-militia, incident: pa-co-slide }
  - { at: T+05:40, role: tl-chair, do: dispatch, unit: tl-police, incident: pa-co-slide }
`;

function eventsAt(t: number): string[] {
  const d = parseDecisions(DECISIONS, 'd.yaml', quePhong);
  if (!d.ok) throw new Error(d.issues.map((i) => i.message).join('\n'));
  const log = runScenario(quePhong, { seed: 48, decisions: d.value.decisions, players: d.value.players }).log!;
  return log.events.map((l) => JSON.parse(l)).filter((e) => e.t === t).map((e) => (e.type === 'decision' ? `decision ${e.author} ${e.do}${e.unit ? ` ${e.unit}` : ''}` : `${e.type}${e.id ? ` ${e.id}` : ''}`));
}

/** `a` and `b` both happened, `a` first. */
function expectBefore(list: string[], a: string, b: string): void {
  expect(list).toContain(a);
  expect(list).toContain(b);
  expect(list.indexOf(a), `${a} before ${b}`).toBeLessThan(list.indexOf(b));
}

describe('several things at the same time', () => {
  it('an order comes before a message sent at that set time', () => {
    const at = eventsAt(3600);
    expectBefore(at, 'decision trainee evacuate', 'inject.delivered province-directive');
  });

  it('a rule of the world, and a message on its condition, come before an order at that time', () => {
    const at = eventsAt(18_000);
    expectBefore(at, 'road.status ql48-qc-qp', 'decision trainee request_support');
    expectBefore(at, 'inject.delivered ql48-cut', 'decision trainee request_support');
  });

  it('an incident is reported before orders at its time; each order\'s own effect comes before the next order; doctrine acts last', () => {
    const at = eventsAt(20_400);
    expect(at.slice(0, 5)).toEqual([
      'incident.reported pa-co-slide',
      'decision trainee dispatch tl-militia', 'unit.state tl-militia',
      'decision trainee dispatch tl-police', 'unit.state tl-police',
    ]);
    expect(at[5]).toMatch(/^decision doctrine dispatch/);
  });
});
