import { describe, expect, it } from 'vitest';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');

describe('four on-the-spot in the complete scenario (Tà Cạ, QL7 cut)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: own units first, a request after the threshold, outside units only over open roads`, () => {
      const events = runScenario(ksn, { seed }).log!.events.map((l) => JSON.parse(l));
      const unitHome = new Map(ksn.units.map((u) => [u.id, u.home]));
      const incidentArea = new Map<string, string>();
      for (const e of events) if (e.type === 'incident.reported') incidentArea.set(e.id, e.area);
      const dispatches = events.filter((e) => e.type === 'decision' && e.do === 'dispatch' && incidentArea.get(e.incident) === 'ta-ca');
      expect(dispatches.length).toBeGreaterThan(0);
      // 1. its own units act first
      expect(unitHome.get(dispatches[0].unit)).toBe('ta-ca');
      // 2. the request to the next tier comes only after the area has been short for the threshold
      const shortAt = events.find((e) => e.type === 'area.short' && e.id === 'ta-ca' && e.short)?.t;
      const request = events.find((e) => e.type === 'support.requested' && e.area === 'ta-ca');
      expect(shortAt).toBeDefined();
      expect(request).toBeDefined();
      expect(request.t - shortAt).toBeGreaterThanOrEqual(ksn.doctrine.request_support_after);
      // 3. outside units are dispatched only after the request...
      const outside = dispatches.filter((d) => unitHome.get(d.unit) !== 'ta-ca');
      expect(outside.length).toBeGreaterThan(0);
      let arrivals = 0;
      for (const d of outside) expect(d.t).toBeGreaterThanOrEqual(request.t);
      // ...and travel only over roads open while they travel
      const status = new Map<string, { t: number; status: string }[]>();
      for (const e of events) if (e.type === 'road.status') status.set(e.id, [...(status.get(e.id) ?? []), { t: e.t, status: e.status }]);
      const cutBetween = (edge: string, t0: number, t1: number) => {
        let s = 'open';
        for (const c of status.get(edge) ?? []) {
          if (c.t <= t0) s = c.status;
          else if (c.t < t1 && c.status === 'cut') return true;
        }
        return s === 'cut';
      };
      const edgeBetween = (a: string, b: string) => ksn.travel.edges.find((x) => (x.from === a && x.to === b) || (x.from === b && x.to === a))!.id;
      for (const d of outside) {
        const arrive = events.find((e) => e.type === 'unit.state' && e.id === d.unit && e.state === 'on_scene' && e.t >= d.t);
        if (!arrive) continue;
        arrivals++;
        const route = events.filter((e) => e.type === 'unit.route' && e.id === d.unit && e.t >= d.t && e.t <= arrive.t).pop();
        expect(route).toBeDefined();
        const nodes: string[] = route.nodes;
        for (let i = 1; i < nodes.length; i++) {
          if (nodes[i] === nodes[i - 1]) continue;
          expect(cutBetween(edgeBetween(nodes[i - 1], nodes[i]), route.t, arrive.t), `${d.unit} crossed a cut road`).toBe(false);
        }
      }
      expect(arrivals).toBeGreaterThan(0);
    });
  }
});
