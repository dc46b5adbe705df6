/**
 * Per-unit figures from the event stream: time in each state (busy share,
 * time blocked by cut roads, time resting), trips, and distance travelled.
 * Fed the same events as Metrics, in the same order.
 *
 * Distance: each leg (a `unit.route` event) counts in proportion to the time
 * spent on it, so a leg cut short by a block, a recall or a re-route counts
 * only the part driven (time share of the leg's total, which treats speed as
 * even along it). An edge given by its time alone (a lake crossed by boat:
 * `time: { boat: 4h }`) has no length, so a leg over one counts only its
 * other edges' kilometres; such legs are counted apart (`unmeasured_legs`)
 * so that the report does not pass off a 4-hour crossing as 0 km.
 */
import type { Scenario } from '../scenario/schema.js';
import type { LogEvent } from './metrics.js';

export const UNIT_STATES = ['available', 'mobilising', 'en_route', 'blocked', 'on_scene', 'returning', 'resting', 'out_of_service'] as const;
export type UnitStateName = (typeof UNIT_STATES)[number];
/** States in which a unit is committed to an incident or on its way back from one. */
export const BUSY_STATES: readonly UnitStateName[] = ['mobilising', 'en_route', 'blocked', 'on_scene', 'returning'];

export interface UnitFigures {
  id: string;
  /** accepted dispatches of this unit */
  trips: number;
  busy_s: number;
  /** busy time over the run's length (0-1) */
  busy_share: number;
  km: number;
  /** legs over an edge of unknown length (given by its time alone): `km` leaves that stretch out */
  unmeasured_legs: number;
  blocked_s: number;
  resting_s: number;
  out_of_service_s: number;
  state_s: Record<UnitStateName, number>;
  first_dispatch_t: number | null;
}

interface Leg { t0: number; km: number; total_s: number }
interface Rec { state: UnitStateName; since: number; state_s: Record<UnitStateName, number>; trips: number; km: number; unmeasured_legs: number; leg: Leg | null; first_dispatch_t: number | null }

const zeroStates = (): Record<UnitStateName, number> => Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitStateName, number>;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

/** Pairs of nodes joined only by edges of unknown length (no `length_km`), either way round: `a\u0000b`. */
export function unmeasuredPairs(scenario: Scenario): Set<string> {
  const measured = new Set<string>(), unmeasured = new Set<string>();
  for (const e of scenario.travel.edges) {
    for (const k of [`${e.from}\u0000${e.to}`, `${e.to}\u0000${e.from}`]) (e.length_km === undefined ? unmeasured : measured).add(k);
  }
  for (const k of measured) unmeasured.delete(k);
  return unmeasured;
}

/** Does a route (its nodes, in order) cross an edge of unknown length? */
export function crossesUnmeasured(pairs: ReadonlySet<string>, nodes: readonly string[] | undefined): boolean {
  if (!nodes || pairs.size === 0) return false;
  for (let i = 1; i < nodes.length; i++) if (pairs.has(`${nodes[i - 1]}\u0000${nodes[i]}`)) return true;
  return false;
}

export class UnitMetrics {
  private readonly units = new Map<string, Rec>();
  private readonly unmeasured: Set<string>;

  constructor(scenario: Scenario) {
    for (const u of scenario.units) this.units.set(u.id, { state: 'available', since: 0, state_s: zeroStates(), trips: 0, km: 0, unmeasured_legs: 0, leg: null, first_dispatch_t: null });
    this.unmeasured = unmeasuredPairs(scenario);
  }

  observe(e: LogEvent): void {
    switch (e.type) {
      case 'unit.state': {
        const r = this.units.get(e.id as string);
        if (!r) return;
        this.closeLeg(r, e.t);
        r.state_s[r.state] += e.t - r.since;
        r.state = e.state as UnitStateName;
        r.since = e.t;
        return;
      }
      case 'unit.route': {
        const r = this.units.get(e.id as string);
        if (!r) return;
        this.closeLeg(r, e.t);
        const cum = e.cum_s as number[] | undefined;
        const total_s = cum && cum.length ? cum[cum.length - 1] : (e.travel_s as number | undefined) ?? 0;
        r.leg = { t0: e.t, km: e.km as number, total_s };
        if (crossesUnmeasured(this.unmeasured, e.nodes as string[] | undefined)) r.unmeasured_legs++;
        return;
      }
      case 'decision': {
        if (e.do !== 'dispatch') return;
        const r = this.units.get(e.unit as string);
        if (!r) return;
        r.trips++;
        if (r.first_dispatch_t === null) r.first_dispatch_t = e.t;
        return;
      }
    }
  }

  private closeLeg(r: Rec, t: number): void {
    if (!r.leg) return;
    const f = r.leg.total_s <= 0 ? 1 : Math.min(1, (t - r.leg.t0) / r.leg.total_s);
    r.km += r.leg.km * f;
    r.leg = null;
  }

  /** Close every interval at the end of the run; units in scenario order. */
  finish(tEnd: number): UnitFigures[] {
    const out: UnitFigures[] = [];
    for (const [id, r0] of this.units) {
      const r: Rec = { ...r0, state_s: { ...r0.state_s }, leg: r0.leg && { ...r0.leg } };
      this.closeLeg(r, tEnd);
      r.state_s[r.state] += Math.max(0, tEnd - r.since);
      const busy_s = BUSY_STATES.reduce((s, k) => s + r.state_s[k], 0);
      out.push({
        id, trips: r.trips, busy_s, busy_share: tEnd > 0 ? round3(busy_s / tEnd) : 0, km: round3(r.km), unmeasured_legs: r.unmeasured_legs,
        blocked_s: r.state_s.blocked, resting_s: r.state_s.resting, out_of_service_s: r.state_s.out_of_service,
        state_s: r.state_s, first_dispatch_t: r.first_dispatch_t,
      });
    }
    return out;
  }
}
