/**
 * Where two runs part: the first event that differs between two logs. Runs
 * of the same scenario and seed with different decisions share a prefix (the
 * engine's random streams are per purpose and entity), so the divergence
 * point is where the decisions started to matter. The roles played, recorded
 * in the first event, are part of the set-up, not of the course of events;
 * so is where a run was told to stop.
 */
import type { RunData } from './open.js';

export interface Divergence {
  /** index of the first event that differs, or null when the event streams are identical */
  index: number | null;
  /** time of that event (the earlier of the two when both exist) */
  t: number | null;
  sameScenario: boolean;
  sameSeed: boolean;
  /** the roles played by people differ (recorded in run.start; not counted as the divergence) */
  samePlayers: boolean;
}

/**
 * run.start records who played (and who took a role over when) and where the run was told to stop (drill run
 * --until) and the parameter a --vary changed (whose runs part where the change first tells); two runs that differ
 * only there have not yet diverged: a run stopped early parts from the full one
 * where it stopped, not at T+00:00.
 */
export function sameStart(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const { players: _pa, joined: _ja, until: _ua, varied: _va, ...ra } = a;
  const { players: _pb, joined: _jb, until: _ub, varied: _vb, ...rb } = b;
  return JSON.stringify(ra) === JSON.stringify(rb);
}

export function findDivergence(a: RunData, b: RunData): Divergence {
  const sameScenario = a.scenarioHash === b.scenarioHash && a.scenarioText === b.scenarioText;
  const sameSeed = a.seed === b.seed;
  const samePlayers = JSON.stringify(a.players) === JSON.stringify(b.players) && JSON.stringify(a.joined ?? {}) === JSON.stringify(b.joined ?? {});
  const n = Math.max(a.events.length, b.events.length);
  for (let i = 0; i < n; i++) {
    const ea = a.events[i], eb = b.events[i];
    if (ea && eb && ea.t === eb.t && ea.type === eb.type) {
      if (ea.type === 'run.start' ? sameStart(ea, eb) : JSON.stringify(ea) === JSON.stringify(eb)) continue;
    }
    const t = ea && eb ? Math.min(ea.t, eb.t) : (ea ?? eb)!.t;
    return { index: i, t, sameScenario, sameSeed, samePlayers };
  }
  return { index: null, t: null, sameScenario, sameSeed, samePlayers };
}
