/**
 * Civil-defence levels and requests for support against capacity: when each
 * area's forces were exceeded (`area.short`, in spells), when a level was
 * declared there and by whom, and how long after the shortfall it answered. The law ties the level to capacity
 * being exceeded (DOMAIN.md), so the delay is the figure a reviewer wants.
 * Fed the same events as Metrics, in the same order.
 */
import type { Scenario } from '../scenario/schema.js';
import type { LogEvent } from './metrics.js';

export interface Declaration {
  index: number;
  t: number;
  level: number;
  by: string;
  /** trainee, doctrine, default, controller (from the decision that made it) */
  author: string | null;
  /**
   * the start of the shortfall this answered: the spell of capacity exceeded still open then, or the last one
   * before it (not the run's first: a spell support covered hours earlier is not what a later level answers)
   */
  short_since: number | null;
  delay_s: number | null;
}

export interface AreaLevels {
  area: string;
  /** spells of capacity exceeded: [from, to] (to null while still short at the end) */
  short: [number, number | null][];
  first_short_t: number | null;
  declarations: Declaration[];
  support: Declaration | null;
  level_at_end: number;
}

/** The start of the spell of capacity exceeded that an act at t answers: the one open at t, or the last one before. */
function answered(a: AreaLevels, t: number): number | null {
  for (let i = a.short.length - 1; i >= 0; i--) if (a.short[i][0] <= t) return a.short[i][0];
  return null;
}

export class LevelMetrics {
  private readonly areas = new Map<string, AreaLevels>();
  private lastDecision: { index: number; e: LogEvent } | null = null;
  private n = 0;

  constructor(scenario: Scenario) {
    for (const a of scenario.areas) this.areas.set(a.id, { area: a.id, short: [], first_short_t: null, declarations: [], support: null, level_at_end: 0 });
  }

  private author(t: number, area: string, what: string): string | null {
    const d = this.lastDecision;
    return d && d.e.t === t && d.e.do === what && d.e.area === area ? (d.e.author as string) : null;
  }

  observe(e: LogEvent): void {
    const index = this.n++;
    switch (e.type) {
      case 'decision':
        this.lastDecision = { index, e };
        return;
      case 'area.short': {
        const a = this.areas.get(e.id as string);
        if (!a) return;
        const open = a.short.length > 0 && a.short[a.short.length - 1][1] === null;
        if (e.short === true && !open) {
          a.short.push([e.t, null]);
          if (a.first_short_t === null) a.first_short_t = e.t;
        } else if (e.short === false && open) a.short[a.short.length - 1][1] = e.t;
        return;
      }
      case 'level': {
        const a = this.areas.get(e.area as string);
        if (!a) return;
        const level = e.level as number;
        const since = level > 0 ? answered(a, e.t) : null;
        a.declarations.push({ index, t: e.t, level, by: e.by as string, author: this.author(e.t, a.area, 'declare_level'), short_since: since, delay_s: since === null ? null : e.t - since });
        a.level_at_end = level;
        return;
      }
      case 'support.requested': {
        const a = this.areas.get(e.area as string);
        if (!a || a.support) return;
        const since = answered(a, e.t);
        a.support = { index, t: e.t, level: 0, by: e.by as string, author: this.author(e.t, a.area, 'request_support'), short_since: since, delay_s: since === null ? null : e.t - since };
        return;
      }
    }
  }

  finish(): AreaLevels[] {
    return [...this.areas.values()].map((a) => ({ ...a, short: a.short.map(([f, t]) => [f, t] as [number, number | null]), declarations: [...a.declarations] }));
  }
}
