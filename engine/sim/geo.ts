/**
 * Positions in km on a local plane: an equirectangular projection around the
 * scenario's mean latitude. Good to a fraction of a percent over a province,
 * and deterministic: the one cosine goes through dmath, the rest is + - * /
 * and sqrt, which IEEE makes exact in every runtime.
 */
import { dcos } from '../core/dmath.js';
import type { Coords } from '../scenario/schema.js';

export interface Projection { lat0: number; lon0: number; kx: number; ky: number }

const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

export function projectionFor(points: Coords[]): Projection {
  let lat = 0, lon = 0;
  for (const p of points) { lat += p.lat; lon += p.lon; }
  const n = Math.max(1, points.length);
  const lat0 = lat / n, lon0 = lon / n;
  return { lat0, lon0, kx: KM_PER_DEG_LON_EQUATOR * dcos((lat0 * Math.PI) / 180), ky: KM_PER_DEG_LAT };
}

export function toXY(p: Projection, c: Coords): [number, number] {
  return [(c.lon - p.lon0) * p.kx, (c.lat - p.lat0) * p.ky];
}

export function toCoords(p: Projection, x: number, y: number): Coords {
  return { lat: p.lat0 + y / p.ky, lon: p.lon0 + x / p.kx };
}

export function distanceKm(ax: number, ay: number, bx: number, by: number): number {
  const dx = ax - bx, dy = ay - by;
  return Math.sqrt(dx * dx + dy * dy);
}
