/**
 * The injects exercise control added during play, read back from the run
 * log. The engine's `inject.added` event keeps only id, seq, to and at; the
 * whole inject (message, channel, expected action, decision point) is in the
 * accepted `add_inject` decision logged just before it, at the same instant.
 * The review reads the spec from there, so that an added inject is shown and
 * judged like one of the scenario's, without the log format changing.
 *
 * A spec that is not a valid inject (a hand-edited log) is not taken: the
 * inject is then known by its id only, as before. What checks a spec is given
 * (inject-spec.ts's isInjectSpec for a log read back; the engine's own run
 * trusts the specs it was given, checked when they were read), so that a
 * batch worker does not load the scenario schema.
 */
import type { Inject } from '../scenario/schema.js';

/** Is this logged spec a valid inject? */
export type InjectSpecCheck = (spec: unknown) => boolean;

/** For the engine's own run: its add_inject specs were checked when read (a decisions file, a play session). */
export const CHECKED_WHEN_READ: InjectSpecCheck = () => true;

export interface AddedInject {
  spec: Inject;
  /** when exercise control added it (not when it was delivered) */
  added_t: number;
}

type Ev = { t: number; type: string; [k: string]: unknown };

/** Fed the log's events in order: collects each added inject's spec when its `inject.added` arrives. */
export class AddedInjects {
  private readonly byId = new Map<string, AddedInject>();
  /** specs of `add_inject` decisions at the current instant, by inject id, waiting for their `inject.added` */
  private pending = new Map<string, unknown>();
  private pendingT = -1;

  constructor(private readonly isSpec: InjectSpecCheck) {}

  observe(e: Ev): void {
    if (e.type === 'decision' && e.do === 'add_inject') {
      if (e.t !== this.pendingT) { this.pending = new Map(); this.pendingT = e.t; }
      const spec = e.inject as { id?: unknown } | undefined;
      if (spec && typeof spec === 'object' && typeof spec.id === 'string') this.pending.set(spec.id, spec);
    } else if (e.type === 'inject.added' && e.t === this.pendingT) {
      const id = String(e.id);
      const spec = this.pending.get(id);
      this.pending.delete(id);
      // the spec as logged is the parsed inject (times in seconds): check it as such
      if (spec !== undefined && !this.byId.has(id) && this.isSpec(spec)) this.byId.set(id, { spec: spec as Inject, added_t: e.t });
    }
  }

  get(id: string): AddedInject | undefined {
    return this.byId.get(id);
  }

  /** in the order they were added */
  list(): AddedInject[] {
    return [...this.byId.values()];
  }
}

/** The added injects of a whole log, in the order they were added. */
export function addedInjects(events: Iterable<unknown>, isSpec: InjectSpecCheck): AddedInject[] {
  const a = new AddedInjects(isSpec);
  for (const e of events) if (typeof e === 'object' && e !== null) a.observe(e as Ev);
  return a.list();
}
