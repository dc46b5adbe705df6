/**
 * A run's history folded from its events in one pass, for what a replay draws
 * over the whole run at once: each unit's states over time, each incident's
 * severity and phases, each road's status, the markers on the timeline
 * (injects, decisions, level declarations) and the messages with the
 * decisions they called for. The world at one instant comes from the engine
 * (replay.ts); this is the record of how it got there.
 */
import { AddedInjects, type AddedInject } from '../review/added-injects.js';
import { isInjectSpec } from '../review/inject-spec.js';
import type { LogEvent } from '../review/metrics.js';

export interface Change<V> { t: number; v: V }

export interface IncidentHistory {
  id: string;
  kind: string;
  area: string;
  x: number;
  y: number;
  people: number;
  parent: string | null;
  reported_t: number;
  /** resolved time, or null while open at the end */
  resolved_t: number | null;
  severity: Change<number>[];
  phase: Change<string>[];
  rescued: number;
  lost: number;
}

export interface Marker {
  t: number;
  kind: 'inject' | 'decision' | 'level';
  /** event index in the log */
  index: number;
  id: string;
  author?: string;
}

export interface MessageRecord {
  id: string;
  seq: number;
  to: string;
  delivered_t: number;
  deadline_s: number | null;
  /** `author`: who gave the answer the log's decision says (doctrine answers for a role nobody plays) */
  answered?: { t: number; option: string; by: string | null; expired: boolean; author?: string };
  done?: { t: number; by: string; latency_s: number };
}

export interface DecisionRecord {
  t: number;
  index: number;
  author: string;
  role: string;
  do: string;
  refused: boolean;
  /** a refusal's code (engine/sim/commands.ts: 'no-change', 'unit-busy', ...) */
  code?: string;
  reason?: string;
  fields: Record<string, unknown>;
}

export interface History {
  /** time of every event, in log order */
  times: Float64Array;
  units: Map<string, Change<string>[]>;
  incidents: Map<string, IncidentHistory>;
  roads: Map<string, Change<string>[]>;
  risk: Map<string, Change<number>[]>;
  levels: { t: number; area: string; level: number; by: string }[];
  markers: Marker[];
  messages: Map<string, MessageRecord>;
  /** contingency messages not sent (their expected action was taken first), by id: when that was settled */
  skipped: Map<string, number>;
  /** injects exercise control added in play, with their specs (from the log's add_inject decisions), in the order added */
  added: Map<string, AddedInject>;
  decisions: DecisionRecord[];
  zones: Map<string, { struck_t: number | null; caught: number; state: Change<string>[] }>;
}

/** Fold the events of a run log into its history. */
export function foldHistory(events: LogEvent[]): History {
  const f = new HistoryFolder();
  f.add(events);
  return f.finish();
}

/**
 * The fold a piece at a time, for a log still arriving: `add` folds the events
 * not folded yet (the list may have grown since), `finish` gives the history.
 */
export class HistoryFolder {
  private n = 0;
  private times = new Float64Array(1024);
  private readonly h: History = {
    times: this.times,
    units: new Map(), incidents: new Map(), roads: new Map(), risk: new Map(),
    levels: [], markers: [], messages: new Map(), skipped: new Map(), added: new Map(), decisions: [], zones: new Map(),
  };
  private readonly added = new AddedInjects(isInjectSpec);

  /** Events folded so far. */
  get count(): number { return this.n; }

  /** Fold events[count ..] (those before were folded by earlier calls). */
  add(events: readonly unknown[]): void {
    const h = this.h;
    const push = <V>(m: Map<string, Change<V>[]>, id: string, t: number, v: V) => {
      let l = m.get(id);
      if (!l) m.set(id, (l = []));
      l.push({ t, v });
    };
    const zone = (id: string) => {
      let z = h.zones.get(id);
      if (!z) h.zones.set(id, (z = { struck_t: null, caught: 0, state: [] }));
      return z;
    };
    if (events.length > this.times.length) {
      const grown = new Float64Array(Math.max(events.length, this.times.length * 2));
      grown.set(this.times.subarray(0, this.n));
      this.times = grown;
    }
    for (let i = this.n; i < events.length; i++) {
      const e = events[i] as any;
      if (typeof e !== 'object' || e === null) continue; // open.ts says what is wrong with such a log
      const t = e.t as number;
      this.times[i] = t;
      switch (e.type) {
        case 'unit.state': push(h.units, e.id, t, e.state); break;
        case 'road.status': push(h.roads, e.id, t, e.status); break;
        case 'area.risk': push(h.risk, e.id, t, e.risk); break;
        case 'incident.reported':
          h.incidents.set(e.id, {
            id: e.id, kind: e.kind, area: e.area, x: e.x, y: e.y, people: e.people, parent: e.parent ?? null,
            reported_t: t, resolved_t: null, severity: [{ t, v: e.severity }], phase: [{ t, v: 'reported' }], rescued: 0, lost: 0,
          });
          break;
        case 'incident.severity': h.incidents.get(e.id)?.severity.push({ t, v: e.severity }); break;
        case 'incident.phase': {
          const r = h.incidents.get(e.id);
          if (!r) break;
          r.phase.push({ t, v: e.phase });
          if (e.phase === 'resolved') r.resolved_t = t;
          break;
        }
        case 'incident.people': {
          const r = h.incidents.get(e.id);
          if (r) { r.rescued += e.rescued; r.lost += e.lost; }
          break;
        }
        case 'level':
          h.levels.push({ t, area: e.area, level: e.level, by: e.by });
          h.markers.push({ t, kind: 'level', index: i, id: e.area });
          break;
        case 'inject.delivered':
          h.messages.set(e.id, { id: e.id, seq: e.seq, to: e.to, delivered_t: t, deadline_s: e.deadline_s ?? null });
          h.markers.push({ t, kind: 'inject', index: i, id: e.id });
          break;
        case 'inject.skipped':
          h.skipped.set(e.id, t);
          break;
        case 'inject.answered':
        case 'inject.expired': {
          const m = h.messages.get(e.id);
          // the answer's own decision comes just before it, at the same time
          let author: string | undefined;
          for (let k = h.decisions.length - 1; k >= 0 && h.decisions[k].t === t; k--) {
            const d = h.decisions[k];
            if (d.do === 'answer' && !d.refused && d.fields.inject === e.id) { author = d.author; break; }
          }
          if (m) m.answered = { t, option: e.option, by: e.by ?? null, expired: e.type === 'inject.expired', ...(author !== undefined && e.type === 'inject.answered' ? { author } : {}) };
          break;
        }
        case 'inject.done': {
          const m = h.messages.get(e.id);
          if (m && !m.done) m.done = { t, by: e.by, latency_s: e.latency_s };
          break;
        }
        case 'inject.added': {
          this.added.observe(e);
          const a = this.added.get(e.id);
          if (a) h.added.set(e.id, a);
          break;
        }
        case 'decision':
        case 'decision.refused': {
          if (e.type === 'decision' && e.do === 'add_inject') this.added.observe(e);
          const { t: _t, type, author, role, do: what, code, reason, ...fields } = e;
          h.decisions.push({ t, index: i, author, role, do: what, refused: type === 'decision.refused', ...(code ? { code } : {}), ...(reason ? { reason } : {}), fields });
          if (type === 'decision') h.markers.push({ t, kind: 'decision', index: i, id: what, author });
          break;
        }
        case 'zone.state': zone(e.id).state.push({ t, v: e.state }); break;
        case 'zone.struck': { const z = zone(e.id); z.struck_t = t; z.caught = e.caught; break; }
      }
    }
    this.n = Math.max(this.n, events.length);
  }

  /** The history of every event added. */
  finish(): History {
    this.h.times = this.times.length === this.n ? this.times : this.times.slice(0, this.n);
    return this.h;
  }
}

/** Index of the first event at or after t (events.length when none). */
export function firstEventAtOrAfter(times: Float64Array, t: number): number {
  let lo = 0, hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The time of the next event strictly after t, or null. */
export function nextEventTime(times: Float64Array, t: number): number | null {
  const i = firstEventAtOrAfter(times, Math.floor(t) + 1);
  return i < times.length ? times[i] : null;
}

/** The time of the last event strictly before t, or null. */
export function previousEventTime(times: Float64Array, t: number): number | null {
  const i = firstEventAtOrAfter(times, Math.ceil(t)) - 1;
  return i >= 0 ? times[i] : null;
}

/** The value a change list holds at time t (the last change at or before t), or the fallback. */
export function valueAt<V>(changes: Change<V>[] | undefined, t: number, fallback: V): V {
  if (!changes || changes.length === 0 || changes[0].t > t) return fallback;
  let lo = 0, hi = changes.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (changes[mid].t <= t) lo = mid; else hi = mid - 1;
  }
  return changes[lo].v;
}
