/**
 * Per-unit figures from the event stream: time in each state (busy share,
 * time blocked by cut roads, time resting), trips, and distance travelled.
 * Fed the same events as Metrics, in the same order.
 *
 * Distance: each leg (a `unit.route` event) counts in proportion to the time
 * spent on it, so a leg cut short by a block, a recall or a re-route counts
 * only the part driven (time share of the leg's total, which treats speed as
 * even along it).
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
  blocked_s: number;
  resting_s: number;
  out_of_service_s: number;
  state_s: Record<UnitStateName, number>;
  first_dispatch_t: number | null;
}

interface Leg { t0: number; km: number; total_s: number }
interface Rec { state: UnitStateName; since: number; state_s: Record<UnitStateName, number>; trips: number; km: number; leg: Leg | null; first_dispatch_t: number | null }

const zeroStates = (): Record<UnitStateName, number> => Object.fromEntries(UNIT_STATES.map((s) => [s, 0])) as Record<UnitStateName, number>;
const round3 = (v: number) => Math.round(v * 1000) / 1000;

export class UnitMetrics {
  private readonly units = new Map<string, Rec>();

  constructor(scenario: Scenario) {
    for (const u of scenario.units) this.units.set(u.id, { state: 'available', since: 0, state_s: zeroStates(), trips: 0, km: 0, leg: null, first_dispatch_t: null });
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
        id, trips: r.trips, busy_s, busy_share: tEnd > 0 ? round3(busy_s / tEnd) : 0, km: round3(r.km),
        blocked_s: r.state_s.blocked, resting_s: r.state_s.resting, out_of_service_s: r.state_s.out_of_service,
        state_s: r.state_s, first_dispatch_t: r.first_dispatch_t,
      });
    }
    return out;
  }
}
