// The reference model of bench/peers/REFERENCE.md written as a drillsim scenario:
// a 10 km x 10 km square, 50 units at stations drawn at random, Poisson
// incidents (1.1 per minute) at random points, the nearest free unit, a FIFO
// queue, travel at 1 km/min x U(0.8, 1.2) out and plain on the way back,
// exponential on-scene work with a 30 min mean.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const seedrandom = require('seedrandom');

export const K = 50;
export const SIZE_KM = 10;
export const LAMBDA_PER_MIN = 1.1;

const LAT0 = 18.67, LON0 = 105.69;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON = 111.32 * Math.cos((LAT0 * Math.PI) / 180);
const at = (x, y) => ({ lat: LAT0 + (y - SIZE_KM / 2) / KM_PER_DEG_LAT, lon: LON0 + (x - SIZE_KM / 2) / KM_PER_DEG_LON });

/**
 * The scenario for n incidents (the written form, as a planner would type it). `ratePerMin` other than the
 * model's 1.1 makes another scenario (the viewer bench overloads the units with it, so hundreds of incidents
 * wait at once: the map's crowded case).
 */
export function referenceScenario(n, { keyframeEvery = '1d', ratePerMin = LAMBDA_PER_MIN } = {}) {
  // the same stations as the floor and the peer with --rng=alea: the first 2K draws of alea('42')
  const rng = seedrandom.alea('42');
  const nodes = [], units = [];
  for (let u = 1; u <= K; u++) {
    const id = `st-${String(u).padStart(2, '0')}`;
    const x = rng() * SIZE_KM, y = rng() * SIZE_KM;
    nodes.push({ id, coords: at(x, y) });
    units.push({ id: `u-${String(u).padStart(2, '0')}`, owner: 'police-fire-rescue', category: 'specialised', capabilities: { rescue: 1 }, crew: 4, base: id, home: 'city' });
  }
  const days = Math.ceil((n / ratePerMin / 1440) * 1.1) + 2;
  return {
    drillsim: 1,
    id: 'reference-model',
    title: 'Reference model (bench)',
    exercise: 'drill',
    start: '2026-01-01T00:00:00+07:00',
    horizon: `${days}d`,
    keyframe_every: keyframeEvery,
    limits: { max_events: 50_000_000, max_cascade: 100_000, max_queue: 1_000_000 },
    areas: [{ id: 'city', name: 'City', tier: 'province', population: 1_000_000, coords: at(SIZE_KM / 2, SIZE_KM / 2) }],
    travel: { speed_kmh: { road: 60 }, detour: 1, variability: { uniform: [0.8, 1.2] }, nodes, edges: [] },
    units,
    incident_kinds: [{ id: 'call', name: 'Call', need: { rescue: 1 }, work: { exponential: '30m' }, severity: 1 }],
    generators: [{ id: 'calls', rate_per_hour: ratePerMin * 60, kinds: { call: 1 }, areas: ['city'], scatter_km: SIZE_KM / 2, max: n }],
    doctrine: { dispatch: 'nearest', open_shelters: false },
  };
}
