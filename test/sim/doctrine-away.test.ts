/**
 * Four on-the-spot when a commune's unit got through to another area: doctrine
 * calls it home when its own area is struck, unless it is saving lives where
 * it is (the people not yet reached there, times the chance they are still
 * alive, come to half a person or more). Before, only a unit held at a cut
 * road was called home (doctrine-home.test.ts), and one that got through
 * stayed away (docs/planner.md, section 5).
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { inlineScenario, twoCommunes } from '../helpers/scenarios.js';

/**
 * Two communes 8 km apart on an open road; Bản Bê's collapse (at T+00:05) needs more rescue than its own militia
 * has, so it asks and Bản A's militia goes (on scene there by about T+00:40). At T+01:00 people are trapped in Bản A.
 */
function scenario(o: { bePeople: number; halfLife?: string; anywhere?: boolean }): Scenario {
  const text = `drillsim: 1
id: doctrine-away
title: { en: Two communes }
exercise: tabletop
start: "2025-09-20T20:00:00+07:00"
horizon: 8h
seed: 1
${twoCommunes({ anywhere: o.anywhere })}incident_kinds:
  - { id: collapse, name: Collapse, need: { rescue: 3 }, work: 5h, severity: 3, people: ${o.bePeople}${o.halfLife ? `, survival_half_life: ${o.halfLife}` : ''} }
  - { id: trapped, name: Trapped, need: { rescue: 1 }, work: 1h, severity: 2, people: 2 }
incidents:
  - { id: be-collapse, at: T+00:05, kind: collapse, area: ban-be }
  - { id: a-home, at: T+01:00, kind: trapped, area: ban-a }
roles:
  - { id: a-chair, name: A chair, tier: commune, area: ban-a, commands: [a-militia], supports: [ban-be], declares: [1] }
  - { id: be-chair, name: Bê chair, tier: commune, area: ban-be, commands: [be-militia], declares: [1] }
doctrine:
  request_support_after: 10m
`;
  return inlineScenario(text, 'doctrine-away.yaml');
}

function events(s: Scenario, opts: { decisions?: Decision[]; players?: string[] } = {}) {
  return runScenario(s, { seed: 1, decisions: opts.decisions ?? [], players: opts.players ?? [] }).log!.events.map((l) => JSON.parse(l));
}

const HOME_T = 3600;
const onSceneAtBe = (ev: any[]) => ev.find((e) => e.type === 'unit.state' && e.id === 'a-militia' && e.state === 'on_scene' && e.incident === 'be-collapse');
const recalls = (ev: any[]) => ev.filter((e) => e.type === 'decision' && e.do === 'recall');

describe('doctrine calls home a commune\'s unit working with no lives at stake in another area', () => {
  it('A\'s militia, on scene at Bê\'s collapse with nobody trapped, is called home when A has people trapped, and sent to them', () => {
    const ev = events(scenario({ bePeople: 0 }));
    expect(onSceneAtBe(ev)?.t).toBeLessThan(HOME_T);
    const recall = recalls(ev);
    expect(recall).toHaveLength(1);
    expect(recall[0]).toMatchObject({ t: HOME_T, author: 'doctrine', role: 'a-chair', unit: 'a-militia' });
    const home = ev.find((e) => e.type === 'unit.state' && e.id === 'a-militia' && e.state === 'available' && e.t > HOME_T);
    const sent = ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-home');
    expect(sent).toMatchObject({ author: 'doctrine', t: home.t });
    expect(ev.some((e) => e.type === 'unit.state' && e.id === 'a-militia' && e.state === 'on_scene' && e.incident === 'a-home')).toBe(true);
    expect(ev.find((e) => e.type === 'incident.people' && e.id === 'a-home')).toMatchObject({ rescued: 2, lost: 0 });
  });

  it('not while it is saving lives there: people still to reach at Bê, alive', () => {
    const ev = events(scenario({ bePeople: 4 }));
    expect(onSceneAtBe(ev)).toBeDefined();
    expect(recalls(ev)).toHaveLength(0);
    expect(ev.some((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-home')).toBe(false);
  });

  it('but once those not yet reached there are, in expectation, less than half a person alive, it is', () => {
    // 4 people, a survival half-life of 10 min: 55 min after the report about 1 in 45 is still alive, so the 4 not yet
    // reached (most of them: the work takes hours) come to less than 0.1 alive
    const ev = events(scenario({ bePeople: 4, halfLife: '10m' }));
    expect(recalls(ev).map((e) => [e.t, e.unit])).toEqual([[HOME_T, 'a-militia']]);
  });

  it('not a unit that responds anywhere: it belongs to no commune\'s reserve', () => {
    expect(recalls(events(scenario({ bePeople: 0, anywhere: true })))).toHaveLength(0);
  });

  it('not when a person plays the role that commands it', () => {
    const decisions: Decision[] = [{ at: 1000, role: 'a-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'a-militia', incident: 'be-collapse' } as Decision['cmd'] }];
    const ev = events(scenario({ bePeople: 0 }), { decisions, players: ['a-chair'] });
    expect(onSceneAtBe(ev)).toBeDefined();
    expect(recalls(ev)).toHaveLength(0);
  });
});
