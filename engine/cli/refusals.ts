/**
 * `drill run`'s list of refused decisions: which decision of the decisions
 * file (file:line), when, as which role, what it ordered and why the engine
 * refused it, in the words `drill play` uses at the prompt (naming the role
 * where the prompt says "you"). An order that an answer's option gives and
 * that found the thing already so is listed as such: the answer was
 * accepted, its order changed nothing. The reason is put
 * into words while the run is at the refusal (the engine's onRefused hook),
 * because it names the world as it was then (the unit busy with what, the
 * zone already ordered); the hook only reads.
 */
import { commandLine } from '../play/describe.js';
import { explainRefusal, scriptedLater, unknownIncidentLater } from '../play/refusals.js';
import type { Decision, DecisionsInput } from '../sim/decisions.js';
import type { Sim } from '../sim/sim.js';
import type { Lang } from '../scenario/text.js';
import { say } from './messages.js';
import { clock } from './time.js';

export interface Refusal {
  /** `file:line` of the decision in the decisions file, or who else took it (`by doctrine`, `by default`: an unanswered decision point's default), in the summary's language */
  where: string;
  t: number;
  role: string;
  command: string;
  why: string;
  /**
   * the answer was taken, and the order its option gives found the thing already so: nothing to refuse
   * the person for (the engine logs a `no-change` refusal of the order; the answer stands)
   */
  changed_nothing?: boolean;
}

/** `others`: what to call people's decisions that are not in the file (drill fork: those kept from the run). `lang`: of the summary. */
export function refusalRecorder(file: string | undefined, dec: DecisionsInput | undefined, others?: string, lang: Lang = 'en') {
  const list: Refusal[] = [];
  // orders for an incident not there at the time that no scripted report explains (a generator's): the run may make it later
  const unknown: { refusal: Refusal; incident: string }[] = [];
  // the engine runs each file decision as a copy with the same `cmd` object: that finds its line
  const lineOf = new Map<object, number>();
  dec?.decisions.forEach((d, i) => { if (dec.lines?.[i] !== undefined) lineOf.set(d.cmd, dec.lines[i]); });
  const onRefused = (sim: Sim, d: Decision, code: string): void => {
    let where = say(lang, `run.by.${d.author}`);
    let command = commandLine(d.cmd);
    let changed_nothing = false;
    const line = lineOf.get(d.cmd);
    if (line !== undefined) where = `${file}:${line}`;
    else if (d.author === 'trainee' || d.author === 'controller') {
      // a command of the option a person's answer chose: name the answer it came from, which was accepted
      const answer = sim.opts.decisions[sim.world.decision_next - 1];
      const at = answer && lineOf.get(answer.cmd);
      if (at !== undefined) where = `${file}:${at}`;
      else if (others) where = others;
      if (answer && answer.cmd !== d.cmd && answer.cmd.do === 'answer') {
        changed_nothing = code === 'no-change';
        command = say(lang, changed_nothing ? 'run.answer-order-nothing' : 'run.answer-order-refused', { answer: commandLine(answer.cmd), order: command });
      }
    }
    const refusal: Refusal = { where, t: sim.now, role: d.role, command, why: explainRefusal(sim, d, code, lang, 'record'), ...(changed_nothing ? { changed_nothing } : {}) };
    list.push(refusal);
    const incident = (d.cmd as { incident?: unknown }).incident;
    if (code === 'unknown-incident' && typeof incident === 'string' && scriptedLater(sim, incident) === undefined) unknown.push({ refusal, incident });
  };
  /**
   * Once the run is over: an order refused for an incident that the run reported later (a generator's
   * `landslide-2`, whose time no file shows) is said with that time, as a scripted one is at the refusal.
   */
  const reportedLater = (events: readonly string[]): void => {
    if (unknown.length === 0) return;
    const reported = new Map<string, number>();
    for (const line of events) {
      if (!line.includes('"type":"incident.reported"')) continue;
      const e = JSON.parse(line) as { t: number; id: string };
      if (!reported.has(e.id)) reported.set(e.id, e.t);
    }
    for (const { refusal, incident } of unknown) {
      const t = reported.get(incident);
      if (t !== undefined && t > refusal.t) refusal.why = unknownIncidentLater(incident, t, lang);
    }
  };
  return { onRefused, list, reportedLater };
}

/** One line per refusal, for under the summary's decisions line; an answer's order that changed nothing is no refusal of the answer. */
export function formatRefusals(list: readonly Refusal[], lang: Lang = 'en'): string[] {
  return list.map((r) => `    ${say(lang, r.changed_nothing ? 'run.changed-nothing' : 'run.refused')}  ${r.where}  ${clock(r.t)}  ${r.role}  ${r.command}: ${r.why}`);
}
