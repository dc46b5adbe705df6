/**
 * One pass over a run's events through every reducer: the summary and
 * objective ratings (Metrics, the same reducer the live run used, so the
 * figures agree with the log's summary), their evidence, and the per-unit,
 * per-area, per-decision and per-level figures the after-action review needs.
 */
import type { Scenario } from '../scenario/schema.js';
import type { AddedInject } from './added-injects.js';
import { AreaMetrics, type AreaFigures, type ShelterFigures, type ZoneFigures } from './area-metrics.js';
import { DecisionMetrics, type DecisionRow, type InjectRow } from './decision-metrics.js';
import type { Evidence } from './evidence.js';
import { LevelMetrics, type AreaLevels } from './level-metrics.js';
import { isInjectSpec } from './inject-spec.js';
import { Metrics, type LogEvent, type Summary } from './metrics.js';
import { UnitMetrics, type UnitFigures } from './unit-metrics.js';

export interface IncidentFigures {
  id: string;
  kind: string;
  area: string;
  parent: string | null;
  reported_t: number;
  /** seconds from report; null when it did not happen in the run */
  first_on_scene_s: number | null;
  contained_s: number | null;
  resolved_s: number | null;
  people: number;
  rescued: number;
  lost: number;
  severity_first: number;
  severity_max: number;
}

export interface Review {
  t_end: number;
  summary: Summary;
  /** objective id -> evidence */
  evidence: Map<string, Evidence[]>;
  incidents: IncidentFigures[];
  units: UnitFigures[];
  zones: ZoneFigures[];
  shelters: ShelterFigures[];
  areas: AreaFigures[];
  decisions: DecisionRow[];
  injects: InjectRow[];
  /** the injects exercise control added in play, with their specs as the log's add_inject decisions give them */
  added: AddedInject[];
  levels: AreaLevels[];
}

const since = (t: number, from: number): number | null => (Number.isFinite(t) ? t - from : null);

/** Where a log's run ends: its horizon, or where a play session saved part-way stopped. */
export function endOf(log: { until: number; session?: { t: number } }): number {
  return log.session?.t ?? log.until;
}

/** A run that ended before its scenario's end: `t` where it stopped, `end` where it would have ended, and why. */
export interface EarlyStop { t: number; end: number; by: 'until' | 'session' }

/**
 * Whether a log's run stopped before the end, and why: a play session saved part-way (before its own `until`),
 * or a run cut short by `drill run --until` (its `until` before the scenario's horizon). Its figures and ratings
 * are as they stood then: drill run, the report and drill compare say so, all from this.
 */
export function stoppedEarly(log: { until: number; session?: { t: number } | null }, horizon: number): EarlyStop | null {
  if (log.session) return log.session.t < log.until ? { t: log.session.t, end: log.until, by: 'session' } : null;
  return log.until < horizon ? { t: log.until, end: horizon, by: 'until' } : null;
}

export function reviewEvents(scenario: Scenario, events: Iterable<LogEvent>, tEnd: number): Review {
  const metrics = new Metrics(scenario, true, isInjectSpec);
  const units = new UnitMetrics(scenario);
  const areas = new AreaMetrics(scenario);
  const decisions = new DecisionMetrics(scenario);
  const levels = new LevelMetrics(scenario);
  for (const e of events) {
    metrics.observe(e);
    units.observe(e);
    areas.observe(e);
    decisions.observe(e);
    levels.observe(e);
  }
  const summary = metrics.finish(tEnd);
  const incidents: IncidentFigures[] = [];
  for (const [id, r] of metrics.incidents) {
    const rep = r.seen.reported.e;
    incidents.push({
      id, kind: r.kind, area: r.area, parent: (rep.parent as string | undefined) ?? null, reported_t: r.reported,
      first_on_scene_s: since(r.first_on_scene, r.reported), contained_s: since(r.contained, r.reported), resolved_s: since(r.resolved, r.reported),
      people: r.people, rescued: r.rescued, lost: r.lost, severity_first: rep.severity as number, severity_max: r.severity_max,
    });
  }
  const a = areas.finish(tEnd);
  const d = decisions.finish();
  return {
    t_end: tEnd, summary, evidence: metrics.evidence, incidents, units: units.finish(tEnd),
    zones: a.zones, shelters: a.shelters, areas: a.areas, decisions: d.decisions, injects: d.injects, added: d.added, levels: levels.finish(),
  };
}
