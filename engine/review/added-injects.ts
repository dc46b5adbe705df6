/**
 * The injects exercise control added during play, read back from the run
 * log. The engine's `inject.added` event keeps only id, seq, to and at; the
 * whole inject (message, channel, expected action, decision point) is in the
 * accepted `add_inject` decision logged just before it, at the same instant.
 * The review reads the spec from there, so that an added inject is shown and
 * judged like one of the scenario's, without the log format changing.
 *
 * A spec that is not a valid inject (a hand-edited log) is not taken: the
 * inject is then known by its id only, as before.
 */
import { z } from 'zod';
import { Inject } from '../scenario/schema.js';

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
      if (spec !== undefined && !this.byId.has(id) && z.safeEncode(Inject, spec as Inject).success) this.byId.set(id, { spec: spec as Inject, added_t: e.t });
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
export function addedInjects(events: Iterable<unknown>): AddedInject[] {
  const a = new AddedInjects();
  for (const e of events) if (typeof e === 'object' && e !== null) a.observe(e as Ev);
  return a.list();
}
