/**
 * People caught in an evacuation zone are found where the zone says (its
 * node or point), not at the area's own place: a village up the valley is a
 * trip for the units, not a place they are at already.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { parseScenario } from '../../engine/scenario/parse.js';
import { runScenario } from '../../engine/sim/run.js';
import { editedScenario } from '../helpers/scenarios.js';

const VALLEY = `
drillsim: 1
id: valley
title: A village caught by a flash flood
exercise: tabletop
start: "2025-09-20T08:00:00+07:00"
horizon: 4h
areas:
  - { id: province, name: Province, tier: province, population: 100000, coords: { lat: 18.70, lon: 105.60 } }
  - { id: commune, name: Commune, tier: commune, parent: province, population: 5000, coords: { lat: 18.70, lon: 105.80 } }
travel:
  speed_kmh: { road: 60 }
  detour: 1
  nodes:
    - { id: town, name: Town, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: hall, name: Commune hall, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: village, name: Village, coords: { lat: 18.79, lon: 105.80 } }
  edges:
    - { id: town-hall, from: town, to: hall, length_km: 21 }
    - { id: hall-village, from: hall, to: village, length_km: 10 }
units:
  - { id: team, name: Rescue team, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: commune, home: commune, mobilisation: 0m }
incident_kinds:
  - { id: stranded, name: Stranded, need: { rescue: 1 }, work: 1h, severity: 3 }
roles:
  - { id: chair, name: Commune chair, tier: commune, area: commune, commands: [team], declares: [1] }
evacuation:
  zones:
    - { id: riverside, area: commune, population: 100, shelters: [school], rate_people_per_hour: 10, warning: 0m, hazard_arrives: T+01:00, if_caught: stranded }
  shelters:
    - { id: school, area: commune, capacity_people: 200 }
doctrine: { evacuate_at_risk: 5 }
`;

const valley = (zone: Record<string, unknown>) => editedScenario(VALLEY, 'valley.yaml', (doc) => Object.assign(doc.evacuation.zones[0], zone));

const caught = (zone: Record<string, unknown>) => {
  const events = runScenario(valley(zone), { seed: 1 }).log!.events.map((l) => JSON.parse(l));
  return { reported: events.find((e) => e.type === 'incident.reported' && e.id === 'riverside-caught'), route: events.find((e) => e.type === 'unit.state' && e.id === 'team' && e.state === 'en_route') };
};

describe('where people caught in a zone are found', () => {
  it('at the zone\'s node: the team drives there from the commune hall (10 km at 60 km/h)', () => {
    const { reported, route } = caught({ node: 'village' });
    expect(reported).toMatchObject({ node: 'village', people: expect.any(Number) });
    expect(reported.people).toBeGreaterThan(0);
    expect(route.travel_s).toBe(600);
  });

  it('without one, at the area\'s own place, as before', () => {
    const { reported, route } = caught({});
    expect(reported.node).toBe('hall');
    expect(route.travel_s).toBe(0);
  });

  it('a zone node that does not exist is refused, with the nodes there are', () => {
    const doc = parseYaml(VALLEY);
    doc.evacuation.zones[0].node = 'vilage';
    const r = parseScenario(stringify(doc), 'valley.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.message).join('\n')).toContain("'vilage'");
  });
});
