/**
 * Per-decision figures from the event stream: every decision taken or
 * refused, and for each inject that called for an action, how long after
 * its delivery the action came (and which decision it was). Fed the same
 * events as Metrics, in the same order.
 *
 * An `inject.done` belongs to the last decision at the same instant by the
 * role that did it, taken after the inject was delivered; when there is none
 * (doctrine found the action already in effect), it belongs to no decision.
 * The engine marks an inject done the moment it arrives when its expected
 * action is already in effect (support already requested, zone already
 * ordered out): such an inject is `already` done, nothing was owed, and
 * `already_by` names the earlier decision that did it when there is one.
 *
 * An inject exercise control added in play is judged by its own spec, read
 * from the `add_inject` decision that added it (added-injects.ts): its
 * expected action, its `within` or its decision point's deadline.
 */
import type { Inject, Scenario } from '../scenario/schema.js';
import { AddedInjects, type AddedInject } from './added-injects.js';
import { isInjectSpec } from './inject-spec.js';
import { AnswerOrders, type AnswerOrder } from './answer-orders.js';
import type { LogEvent } from './metrics.js';

const HEAD = new Set(['t', 'type', 'author', 'role', 'do', 'code', 'reason']);
/** commands whose effect lasts, so that taking them before the inject still answers it */
const LASTING = new Set(['evacuate', 'open_shelter', 'declare_level', 'request_support', 'close_road', 'open_road', 'sea_ban', 'dispatch']);
const PATTERN_KEYS = ['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'level'] as const;

export interface DecisionRow {
  index: number;
  t: number;
  role: string;
  author: string;
  do: string;
  /** the command's other fields (zone, unit, incident, area, level...) */
  args: Record<string, unknown>;
  refused: { code: string; reason: string } | null;
  /** carried out because an answer to a decision point (or its default) chose an option that orders it; null when someone gave it */
  order_of: AnswerOrder | null;
  /** injects whose expected action this decision was, with the latency from their delivery */
  answers: { inject: string; delivered_t: number; latency_s: number }[];
}

export interface InjectRow {
  id: string;
  seq: number;
  to: string;
  delivered_t: number | null;
  /** the inject named an expected action, or asked for a decision */
  expects: boolean;
  /** when exercise control added it in play; null for the scenario's own injects */
  added_t: number | null;
  within_s: number | null;
  done_t: number | null;
  done_by: string | null;
  latency_s: number | null;
  /** done within `within` (null when the inject set no limit or nothing was expected) */
  on_time: boolean | null;
  /** index of the decision that answered it */
  decision: number | null;
  /** what it asked was already in effect when it arrived */
  already: boolean;
  /** index of the earlier decision that had done it */
  already_by: number | null;
  /** a decision point's option: chosen, or applied by default at the deadline */
  option: string | null;
  expired: boolean;
  skipped: boolean;
}

/**
 * An inject whose action was not taken yet where the log ends, with its time allowed still running then (a play
 * session saved part-way, a run stopped with --until, one delivered just before the scenario's end): what the log
 * holds is "not yet", not "never", and it is no finding against the role it went to.
 */
export function openAtEnd(r: InjectRow, tEnd: number): boolean {
  return r.expects && r.delivered_t !== null && r.done_t === null && !r.already && !r.expired && !r.skipped
    && r.within_s !== null && r.delivered_t + r.within_s > tEnd;
}

/**
 * The code a refusal is read by. An evacuation ordered once the hazard has caught people in the zone is refused by
 * the engine as no change (the zone is closed, "done"), but the order was not already carried out: it came too late.
 */
export function refusalCode(e: LogEvent, struck: ReadonlySet<string>): string {
  return e.code === 'no-change' && e.do === 'evacuate' && struck.has(e.zone as string) ? 'zone-struck' : (e.code as string);
}

export class DecisionMetrics {
  private readonly rows: DecisionRow[] = [];
  private readonly injects = new Map<string, InjectRow>();
  /** each inject's spec: the scenario's, then those added in play */
  private readonly specs = new Map<string, Inject>();
  private readonly added = new AddedInjects(isInjectSpec);
  private readonly deliveredIndex = new Map<string, number>();
  /** for each inject delivered: the earlier decision that matched what it expects, if any */
  private readonly priorMatch = new Map<string, number>();
  /** decisions at the current instant, for attributing inject.done */
  private instant: DecisionRow[] = [];
  private n = 0;
  private readonly orders: AnswerOrders;
  /** zones the hazard reached with people still there */
  private readonly struck = new Set<string>();

  constructor(scenario: Scenario) {
    this.orders = new AnswerOrders(scenario.injects, isInjectSpec);
    for (const i of scenario.injects) {
      this.specs.set(i.id, i);
      this.injects.set(i.id, this.newInject(i.id, i.seq, i.to, i, null));
    }
  }

  private newInject(id: string, seq: number, to: string, spec: Inject | undefined, addedT: number | null): InjectRow {
    return {
      id, seq, to, delivered_t: null, expects: Boolean(spec?.expected || spec?.decision), added_t: addedT, within_s: spec?.expected?.within ?? spec?.decision?.deadline ?? null,
      done_t: null, done_by: null, latency_s: null, on_time: null, decision: null, already: false, already_by: null, option: null, expired: false, skipped: false,
    };
  }

  observe(e: LogEvent): void {
    const index = this.n++;
    const order = this.orders.observe(e, index);
    if (this.instant.length && this.instant[0].t !== e.t) this.instant = [];
    switch (e.type) {
      case 'decision':
      case 'decision.refused': {
        if (e.type === 'decision' && e.do === 'add_inject') this.added.observe(e);
        const args: Record<string, unknown> = {};
        for (const k of Object.keys(e)) if (!HEAD.has(k)) args[k] = e[k];
        const row: DecisionRow = {
          index, t: e.t, role: e.role as string, author: e.author as string, do: e.do as string, args,
          refused: e.type === 'decision.refused' ? { code: refusalCode(e, this.struck), reason: e.reason as string } : null, order_of: order, answers: [],
        };
        this.rows.push(row);
        if (!row.refused) this.instant.push(row);
        return;
      }
      case 'zone.struck':
        if ((e.caught as number) > 0) this.struck.add(e.id as string);
        return;
      case 'inject.added': {
        const id = e.id as string;
        if (this.injects.has(id)) return;
        this.added.observe(e);
        const spec = this.added.get(id)?.spec;
        if (spec) this.specs.set(id, spec);
        this.injects.set(id, this.newInject(id, e.seq as number, e.to as string, spec, e.t));
        return;
      }
      case 'inject.delivered': {
        const r = this.injects.get(e.id as string);
        if (!r) return;
        r.delivered_t = e.t;
        this.deliveredIndex.set(r.id, index);
        const expected = this.specs.get(r.id)?.expected as Record<string, unknown> | undefined;
        if (expected && LASTING.has(expected.do as string)) {
          const prior = this.rows.find((d) => !d.refused && d.do === expected.do && PATTERN_KEYS.every((k) => expected[k] === undefined || expected[k] === d.args[k]));
          if (prior) this.priorMatch.set(r.id, prior.index);
        }
        return;
      }
      case 'inject.answered':
      case 'inject.expired': {
        const r = this.injects.get(e.id as string);
        if (!r) return;
        r.option = e.option as string;
        if (e.type === 'inject.expired') {
          r.expired = true;
          r.done_t = e.t;
          r.latency_s = r.delivered_t !== null ? e.t - r.delivered_t : null;
          r.on_time = false;
        }
        return;
      }
      case 'inject.skipped': {
        const r = this.injects.get(e.id as string);
        if (r) r.skipped = true;
        return;
      }
      case 'inject.done': {
        const r = this.injects.get(e.id as string);
        if (!r || r.done_t !== null) return;
        r.done_t = e.t;
        r.done_by = e.by as string;
        r.latency_s = e.latency_s as number;
        r.on_time = r.within_s === null ? null : r.latency_s <= r.within_s;
        const after = this.deliveredIndex.get(r.id) ?? -1;
        for (let i = this.instant.length - 1; i >= 0; i--) {
          const d = this.instant[i];
          if (d.index < after) break;
          if (d.role !== e.by) continue;
          r.decision = d.index;
          d.answers.push({ inject: r.id, delivered_t: r.delivered_t ?? e.t, latency_s: r.latency_s });
          break;
        }
        if (r.decision === null && r.latency_s === 0 && r.delivered_t === e.t) {
          r.already = true;
          r.already_by = this.priorMatch.get(r.id) ?? null;
        }
        return;
      }
    }
  }

  /** `added`: the specs of the injects added in play, in the order they were added */
  finish(): { decisions: DecisionRow[]; injects: InjectRow[]; added: AddedInject[] } {
    const injects = [...this.injects.values()].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
    return { decisions: this.rows, injects, added: this.added.list() };
  }
}
