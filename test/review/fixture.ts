/**
 * A small scenario and a builder of hand-made event streams, so that each
 * metric can be checked on a log where the right answer is known by hand.
 */
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import type { LogEvent } from '../../engine/review/metrics.js';

export const FIXTURE_YAML = `
drillsim: 1
id: review-fixture
title: { vi: Kịch bản kiểm thử, en: Review fixture }
exercise: tabletop
start: "2025-09-20T20:00:00+07:00"
horizon: 10h
areas:
  - { id: prov, name: Province, tier: province, population: 100000, coords: { lat: 18.7, lon: 105.7 } }
  - { id: c1, name: { vi: Xã Một, en: Commune One }, tier: commune, parent: prov, population: 1000, coords: { lat: 19.4, lon: 104.1 }, stock_person_days: 3000 }
  - { id: c2, name: Commune Two, tier: commune, parent: prov, population: 2000, coords: { lat: 19.5, lon: 104.2 }, stock_person_days: 4000 }
units:
  - { id: u1, name: Unit One, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: c1, home: c1 }
  - { id: u2, name: Unit Two, owner: police, category: specialised, capabilities: { rescue: 1 }, crew: 5, base: c2, home: c2 }
incident_kinds:
  - { id: slide, name: Landslide, need: { rescue: 1 }, work: 1h }
  - { id: fire, name: Fire, need: { rescue: 1 }, work: 1h }
evacuation:
  zones:
    - { id: z1, area: c1, population: 200, shelters: [s1], rate_people_per_hour: 100 }
    - { id: z2, area: c1, population: 300, shelters: [s2], rate_people_per_hour: 100 }
  shelters:
    - { id: s1, area: c1, capacity_people: 150, supplies_person_days: 300 }
    - { id: s2, area: c1, capacity_people: 400 }
roles:
  - { id: r1, name: Chair One, tier: commune, area: c1, commands: [u1], declares: [1] }
  - { id: r2, name: Chair Two, tier: commune, area: c2, commands: [u2], declares: [1] }
injects:
  - { id: i1, seq: 1, at: 1h, from: Province, to: r1, method: phone, subject: Move people, message: Evacuate z1, expected: { do: evacuate, zone: z1, within: 30m } }
  - { id: i2, seq: 2, at: 2h, from: Province, to: r2, method: radio, subject: Ask for help, message: Request support, expected: { do: request_support, area: c2, within: 30m } }
  - { id: i3, seq: 3, at: 3h, from: Gauge, to: r1, method: bulletin, subject: Info only, message: River rising }
  - id: i4
    seq: 4
    at: 4h
    from: Board
    to: r2
    method: radio
    subject: Choose
    message: Now or later?
    decision:
      options:
        - { id: now, label: Now }
        - { id: later, label: Later }
      deadline: 30m
      default: later
objectives:
  - { id: o-evac, text: Evacuate z1, capability: Critical Transportation, criterion: { metric: evacuated_share, of: z1, comparator: ">=", threshold: 0.9, by: 3h }, rating: { P: 0.9, S: 0.7, M: 0.4 } }
  - { id: o-first, text: First on scene, capability: Mass Search and Rescue Operations, criterion: { metric: first_on_scene_s, comparator: "<=", threshold: 1800 }, rating: { P: 1800, S: 3600, M: 7200 } }
  - { id: o-lost, text: Lives, capability: Mass Search and Rescue Operations, criterion: { metric: people_lost, comparator: "<=", threshold: 0 }, rating: { P: 0, S: 2, M: 5 } }
`;

export function fixtureScenario(extraObjectives = ''): Scenario {
  const r = parseScenario(FIXTURE_YAML + extraObjectives, 'fixture.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
  return r.scenario;
}

/** An objective line for the fixture's list, to test one metric at a time. */
export function objective(id: string, metric: string, comparator: string, threshold: number, rating: [number, number, number], of?: string, by?: string): string {
  return `  - { id: ${id}, text: ${id}, capability: Testing, criterion: { metric: ${metric}${of ? `, of: ${of}` : ''}, comparator: "${comparator}", threshold: ${threshold}${by ? `, by: ${by}` : ''} }, rating: { P: ${rating[0]}, S: ${rating[1]}, M: ${rating[2]} } }\n`;
}

/** Events in order; `t` first, as the engine writes them. */
export const ev = (t: number, type: string, fields: Record<string, unknown> = {}): LogEvent => ({ t, type, ...fields });

export const H = 3600;
