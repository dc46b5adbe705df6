/**
 * Hazards as functions of time: series are linear between points (flat
 * before the first and after the last); a typhoon's value for an area is its
 * wind force where the area lies inside the radius, falling one Beaufort
 * step per 50 km beyond it. The disaster risk level of an area is the
 * highest level any of its hazards reaches (Decision 18/2021: levels 1-5).
 * A hazard with a `forecast` gives the level its forecast bulletin would:
 * the highest its value reaches from now until that much later, so a level
 * announced ahead of a storm does not fall back while the storm draws near.
 */
import type { Hazard, Scenario } from '../scenario/schema.js';
import { distanceKm, type Projection, toXY } from './geo.js';

export function seriesAt(points: { at: number; value: number }[] | undefined, t: number): number {
  if (!points || points.length === 0) return 0;
  if (t <= points[0].at) return points[0].value;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (t <= b.at) {
      if (b.at === a.at) return b.value;
      return a.value + ((b.value - a.value) * (t - a.at)) / (b.at - a.at);
    }
  }
  return points[points.length - 1].value;
}

export interface TrackState { x: number; y: number; wind_force: number; radius_km: number }

export function trackAt(h: Hazard, t: number, proj: Projection): TrackState | undefined {
  const track = h.track;
  if (!track || track.length === 0) return undefined;
  const at = (i: number) => { const [x, y] = toXY(proj, track[i].coords); return { x, y, wind_force: track[i].wind_force, radius_km: track[i].radius_km }; };
  if (t <= track[0].at) return at(0);
  for (let i = 1; i < track.length; i++) {
    if (t <= track[i].at) {
      const a = at(i - 1), b = at(i);
      const span = track[i].at - track[i - 1].at;
      const f = span === 0 ? 1 : (t - track[i - 1].at) / span;
      return { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f, wind_force: Math.round(a.wind_force + (b.wind_force - a.wind_force) * f), radius_km: a.radius_km + (b.radius_km - a.radius_km) * f };
    }
  }
  return at(track.length - 1);
}

/** How often a typhoon's track is read ahead for its forecast level: the hazard tick (sim.ts HAZARD_TICK_S). */
const FORECAST_STEP_S = 600;

export interface RiskChange { readonly id: string; readonly risk: number }

export class Hazards {
  private readonly areaXY = new Map<string, [number, number]>();

  constructor(private readonly scenario: Scenario, private readonly proj: Projection) {
    for (const a of scenario.areas) this.areaXY.set(a.id, toXY(proj, a.coords));
  }

  /** The hazard's value bearing on an area at time t. */
  value(h: Hazard, area: string, t: number): number {
    if (h.kind === 'typhoon') {
      const s = trackAt(h, t, this.proj);
      const xy = this.areaXY.get(area);
      if (!s || !xy) return 0;
      const d = distanceKm(s.x, s.y, xy[0], xy[1]);
      if (d <= s.radius_km) return s.wind_force;
      return Math.max(0, s.wind_force - Math.ceil((d - s.radius_km) / 50));
    }
    return seriesAt(h.series, t);
  }

  level(h: Hazard, value: number): number {
    let level = 0;
    for (const step of h.risk) if (value >= step.from && step.level > level) level = step.level;
    return level;
  }

  /**
   * The risk level a hazard gives an area at t: the level of its value now, or with a `forecast`, the highest
   * level from t to t + forecast. A series is linear between its points, so its highest value in the window is
   * at an end or at a point inside; a track's is looked for every FORECAST_STEP_S and at its points.
   */
  levelAt(h: Hazard, area: string, t: number): number {
    let best = this.level(h, this.value(h, area, t));
    const lead = h.forecast ?? 0;
    if (lead <= 0) return best;
    const end = t + lead;
    const top = this.top(h);
    const at = (s: number) => { const l = this.level(h, this.value(h, area, s)); if (l > best) best = l; };
    at(end);
    if (h.kind === 'typhoon') {
      const grid = this.gridOf(h, area);
      for (let k = Math.floor(t / FORECAST_STEP_S) + 1; k * FORECAST_STEP_S < end && best < top; k++) {
        let l = grid[k];
        if (l === undefined) grid[k] = l = this.level(h, this.value(h, area, k * FORECAST_STEP_S));
        if (l > best) best = l;
      }
      for (const p of h.track ?? []) if (p.at > t && p.at < end) at(p.at);
    } else {
      for (const p of h.series ?? []) if (p.at > t && p.at < end) at(p.at);
    }
    return best;
  }

  /** A typhoon's level in an area at each FORECAST_STEP_S of the clock, read once: each window of the next 36 h shares all but one with the one before. */
  private gridOf(h: Hazard, area: string): number[] {
    let byArea = this.grids.get(h);
    if (byArea === undefined) this.grids.set(h, (byArea = new Map()));
    let grid = byArea.get(area);
    if (grid === undefined) byArea.set(area, (grid = []));
    return grid;
  }

  private readonly grids = new Map<Hazard, Map<string, number[]>>();

  /** The highest level a hazard's steps give (looking further ahead cannot find more). */
  private top(h: Hazard): number {
    let top = 0;
    for (const step of h.risk) if (step.level > top) top = step.level;
    return top;
  }

  /** Risk level per area at time t: the highest over the hazards bearing on it. Read-only: the same map is handed to every run asking for t. */
  riskLevels(t: number): ReadonlyMap<string, number> {
    // a pure function of the scenario and t, asked every tick of every run of a batch
    let out = this.levelsAt.get(t);
    if (out !== undefined) return out;
    if (this.levelsAt.size >= 100_000) this.levelsAt.clear();
    out = this.computeLevels(t);
    this.levelsAt.set(t, out);
    return out;
  }

  private readonly levelsAt = new Map<number, Map<string, number>>();

  /**
   * The areas whose risk level at tick `t` differs from the tick before (`t - every`; none
   * before 0, where every level is 0), with their level at `t`, in the scenario's order:
   * the same for every run, so a tick looks only at these (an area's risk changes only at ticks).
   */
  riskChanges(t: number, every: number): readonly RiskChange[] {
    let out = this.changesAt.get(t);
    if (out !== undefined) return out;
    if (this.changesAt.size >= 100_000) this.changesAt.clear();
    const now = this.riskLevels(t);
    const before = t - every >= 0 ? this.riskLevels(t - every) : null;
    out = [];
    for (const a of this.scenario.areas) {
      const risk = now.get(a.id) ?? 0;
      if (risk !== (before?.get(a.id) ?? 0)) out.push({ id: a.id, risk });
    }
    this.changesAt.set(t, out);
    return out;
  }

  private readonly changesAt = new Map<number, RiskChange[]>();

  private computeLevels(t: number): Map<string, number> {
    const out = new Map<string, number>();
    for (const h of this.scenario.hazards) {
      for (const area of h.areas) {
        const l = this.levelAt(h, area, t);
        if (l > (out.get(area) ?? 0)) out.set(area, l);
      }
    }
    return out;
  }

  alarmReached(h: Hazard, value: number, alarm: 'bd1' | 'bd2' | 'bd3'): boolean {
    return h.alarms !== undefined && value >= h.alarms[alarm];
  }
}
