/**
 * Which decisions of a run were ordered by an answer to a decision point
 * rather than given by someone. Choosing an option carries out the option's
 * commands at once, as the role that answered (or, at the deadline, as the
 * inject's addressee by default); each is logged as its own `decision` or
 * `decision.refused`. A review must tell them apart: a trainee who answers
 * "evacuate now" when the zone is already moving took the right decision,
 * and the option's `evacuate` changing nothing is not their mistake.
 *
 * The log does not mark them, but it fixes where they are: the engine logs
 * the option's commands right after `inject.answered` (or `inject.expired`),
 * in the option's order, at the same instant, before any other decision.
 * The scenario (embedded in the log) says what they are; each is matched
 * against the next decision so that a log that differs stops the matching
 * rather than mislabelling. When doctrine answered (or the default applied),
 * the engine leaves out an order that finds the thing already so
 * (commands.ts executeDecision), so a decision by doctrine or by default may
 * match a later command of the option, the ones before it left out. Reads
 * only; no engine state. What checks an added inject's spec is given
 * (added-injects.ts), so that the metrics reducer can use this in a batch
 * worker without loading the scenario schema.
 */
import type { Inject } from '../scenario/schema.js';
import { AddedInjects, type InjectSpecCheck } from './added-injects.js';
import type { LogEvent } from './metrics.js';

export interface AnswerOrder {
  inject: string;
  option: string;
  /** the option was applied by default at the deadline (nobody answered) */
  by_default: boolean;
  /** log index of the `decision` event that answered (null when by default) */
  answer: number | null;
}

interface Pending { t: number; role: string; commands: Record<string, unknown>[]; origin: AnswerOrder }

/** Same command: every field the option's command names has the same value in the event. */
function sameCommand(cmd: Record<string, unknown>, e: LogEvent): boolean {
  for (const k of Object.keys(cmd)) {
    const a = cmd[k], b = e[k];
    if (a === b) continue;
    if (typeof a !== 'object' || a === null || JSON.stringify(a) !== JSON.stringify(b)) return false;
  }
  return true;
}

/** Feed it every event of a log in order; `observe` tells, for each decision, whether an answer ordered it. */
export class AnswerOrders {
  /** injects exercise control added in play: their options are in the log (added-injects.ts) */
  private readonly added: AddedInjects;
  private pending: Pending | null = null;
  private lastAnswer: { t: number; index: number } | null = null;

  /** `isSpec` checks the specs of added injects: isInjectSpec (inject-spec.ts) for a log read back */
  constructor(private readonly injects: readonly Inject[], isSpec: InjectSpecCheck) {
    this.added = new AddedInjects(isSpec);
  }

  private spec(id: string): Inject | undefined {
    return this.injects.find((i) => i.id === id) ?? this.added.get(id)?.spec;
  }

  private expect(e: LogEvent, role: string | undefined, origin: AnswerOrder): void {
    const spec = this.spec(String(e.id));
    const commands = spec?.decision?.options.find((o) => o.id === e.option)?.commands ?? [];
    this.pending = commands.length && role !== undefined ? { t: e.t, role, commands: commands.map((c) => c as Record<string, unknown>), origin } : null;
  }

  /** `index`: the event's place in the log. Returns where a decision came from, or null (not a decision, or given by someone). */
  observe(e: LogEvent, index: number): AnswerOrder | null {
    this.added.observe(e);
    if (this.pending && this.pending.t !== e.t) this.pending = null;
    switch (e.type) {
      case 'inject.answered':
        this.expect(e, e.by as string | undefined, { inject: String(e.id), option: String(e.option), by_default: false, answer: this.lastAnswer?.t === e.t ? this.lastAnswer.index : null });
        return null;
      case 'inject.expired':
        this.expect(e, this.spec(String(e.id))?.to, { inject: String(e.id), option: String(e.option), by_default: true, answer: null });
        return null;
      case 'decision':
      case 'decision.refused': {
        const p = this.pending;
        if (p && e.role === p.role) {
          // a person's orders come all, in order; doctrine's and a default's leave out those that found the thing already so
          const k = e.author === 'doctrine' || e.author === 'default' ? p.commands.findIndex((c) => sameCommand(c, e)) : sameCommand(p.commands[0], e) ? 0 : -1;
          if (k >= 0) {
            p.commands.splice(0, k + 1);
            if (!p.commands.length) this.pending = null;
            return p.origin;
          }
        }
        this.pending = null;
        if (e.type === 'decision' && e.do === 'answer') this.lastAnswer = { t: e.t, index };
        return null;
      }
    }
    return null;
  }
}

/** Every decision an answer ordered in a whole log: log index -> where it came from. */
export function answerOrders(injects: readonly Inject[], events: readonly LogEvent[], isSpec: InjectSpecCheck): Map<number, AnswerOrder> {
  const orders = new AnswerOrders(injects, isSpec);
  const out = new Map<number, AnswerOrder>();
  events.forEach((e, i) => {
    const o = orders.observe(e, i);
    if (o) out.set(i, o);
  });
  return out;
}
