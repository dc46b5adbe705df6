/**
 * Four on-the-spot in doctrine's own choices (the Kỳ Sơn review, seed 2):
 * Tà Cạ asked for support and doctrine sent all of Mường Xén's units, Mường
 * Xén then stood with none while its landslide waited 4 h 21 min, and its
 * police sat blocked at a cut road on the Tà Cạ job all that time.
 * 1. a commune whose own risk level is at `hold_at_risk` (default:
 *    evacuate_at_risk, or 3) sends none of its units to support others;
 * 2. a unit blocked on its way to another area is called home when its own
 *    area has an incident it can work on, by doctrine only.
 */
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { inlineScenario, twoCommunes } from '../helpers/scenarios.js';

/** Two communes 8 km apart; Bản Bê's collapse needs more rescue than its own militia has. */
function scenario(o: { risk?: number; doctrine?: string; anywhere?: boolean; cut?: boolean; homeIncident?: 'rescue' | 'medical' }): Scenario {
  const text = `drillsim: 1
id: doctrine-home
title: { en: Two communes }
exercise: tabletop
start: "2025-09-20T20:00:00+07:00"
horizon: 6h
seed: 1
${twoCommunes({ anywhere: o.anywhere })}${o.risk ? `hazards:
  - id: rain
    kind: rainfall
    name: Rain over Bản A
    areas: [ban-a]
    unit: mm/24h
    series: [{ at: T+00:00, value: 100 }]
    risk: [{ from: 50, level: ${o.risk} }]
` : ''}${o.cut ? `rules:
  - { id: slide, from: T+00:30, every: 1m, effect: { cut_road: a-be } }
` : ''}incident_kinds:
  - { id: collapse, name: Collapse, need: { rescue: 3 }, work: 3h, severity: 3, people: 4 }
  - { id: sick, name: Sick people, need: { medical: 1 }, work: 1h, severity: 3, people: 2 }
  - { id: trapped, name: Trapped, need: { rescue: 1 }, work: 1h, severity: 2, people: 2 }
incidents:
  - { id: be-collapse, at: T+00:05, kind: collapse, area: ban-be }
${o.homeIncident ? `  - { id: a-home, at: T+01:00, kind: ${o.homeIncident === 'rescue' ? 'trapped' : 'sick'}, area: ban-a }\n` : ''}roles:
  - { id: a-chair, name: A chair, tier: commune, area: ban-a, commands: [a-militia], supports: [ban-be], declares: [1] }
  - { id: be-chair, name: Bê chair, tier: commune, area: ban-be, commands: [be-militia], declares: [1] }
doctrine:
  request_support_after: 10m
${o.doctrine ?? ''}`;
  return inlineScenario(text, 'doctrine-home.yaml');
}

function events(s: Scenario, opts: { decisions?: Decision[]; players?: string[] } = {}) {
  return runScenario(s, { seed: 1, decisions: opts.decisions ?? [], players: opts.players ?? [] }).log!.events.map((l) => JSON.parse(l));
}

const sentToBe = (ev: any[]) => ev.some((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'be-collapse');

describe('doctrine holds a commune\'s units at home while its own risk is high', () => {
  it('Bê asks for support: Bản A at risk 3 keeps its militia; at risk 2 it sends it', () => {
    const held = events(scenario({ risk: 3 }));
    expect(held.some((e) => e.type === 'support.requested' && e.area === 'ban-be')).toBe(true);
    expect(sentToBe(held)).toBe(false);
    expect(sentToBe(events(scenario({ risk: 2 })))).toBe(true);
    expect(sentToBe(events(scenario({})))).toBe(true);
  });

  it('the level is evacuate_at_risk when set, hold_at_risk when given, and false never holds', () => {
    expect(sentToBe(events(scenario({ risk: 2, doctrine: '  evacuate_at_risk: 2\n' })))).toBe(false);
    expect(sentToBe(events(scenario({ risk: 3, doctrine: '  evacuate_at_risk: 4\n' })))).toBe(true);
    expect(sentToBe(events(scenario({ risk: 3, doctrine: '  hold_at_risk: 4\n' })))).toBe(true);
    expect(sentToBe(events(scenario({ risk: 2, doctrine: '  hold_at_risk: 2\n' })))).toBe(false);
    expect(sentToBe(events(scenario({ risk: 5, doctrine: '  hold_at_risk: false\n' })))).toBe(true);
  });

  it('a unit that responds anywhere is not held', () => {
    expect(sentToBe(events(scenario({ risk: 3, anywhere: true })))).toBe(true);
  });

  it('hold_at_risk takes a risk level or false, and says so', () => {
    const issues = (v: string) => {
      try { scenario({ doctrine: `  hold_at_risk: ${v}\n` }); return ''; } catch (e) { return (e as Error).message; }
    };
    expect(issues('6')).toBe('doctrine.hold_at_risk: the number 6 is too large: it must be at most 5');
    expect(issues('true')).toBe('doctrine.hold_at_risk: true is not a risk level');
    expect(issues('high')).toMatch(/^doctrine\.hold_at_risk: the text 'high' does not have any of the allowed forms/);
  });
});

describe('doctrine recalls a unit blocked on its way to another area when its home needs it', () => {
  const blocked = (ev: any[]) => ev.find((e) => e.type === 'unit.state' && e.id === 'a-militia' && e.state === 'blocked');

  it('A\'s militia, blocked on the cut road to Bê, is recalled when A has people trapped, and sent to them', () => {
    const ev = events(scenario({ cut: true, homeIncident: 'rescue' }));
    const stuck = blocked(ev);
    expect(stuck?.incident).toBe('be-collapse');
    const reported = ev.find((e) => e.type === 'incident.reported' && e.id === 'a-home');
    const recall = ev.find((e) => e.type === 'decision' && e.do === 'recall' && e.unit === 'a-militia');
    expect(recall).toMatchObject({ author: 'doctrine', role: 'a-chair', t: reported.t });
    const sent = ev.find((e) => e.type === 'decision' && e.do === 'dispatch' && e.unit === 'a-militia' && e.incident === 'a-home');
    expect(sent?.t).toBe(reported.t);
    expect(ev.some((e) => e.type === 'unit.state' && e.id === 'a-militia' && e.state === 'on_scene' && e.incident === 'a-home')).toBe(true);
  });

  it('not when its home\'s incident needs nothing it has', () => {
    const ev = events(scenario({ cut: true, homeIncident: 'medical' }));
    expect(blocked(ev)).toBeDefined();
    expect(ev.some((e) => e.do === 'recall')).toBe(false);
  });

  it('not when a person plays the role that commands it', () => {
    const decisions: Decision[] = [{ at: 1000, role: 'a-chair', author: 'trainee', cmd: { do: 'dispatch', unit: 'a-militia', incident: 'be-collapse' } as Decision['cmd'] }];
    const ev = events(scenario({ cut: true, homeIncident: 'rescue' }), { decisions, players: ['a-chair'] });
    expect(blocked(ev)).toBeDefined();
    expect(ev.some((e) => e.do === 'recall')).toBe(false);
  });
});
