/**
 * Why a recorded run's decisions were refused, in a language, in the words
 * `drill run --lang` lists them with (engine/play/refusals.ts). The log keeps
 * the engine's English sentence only; the words name the world as it was at
 * the refusal (the zone already ordered, the levels the role may declare), so
 * the run is replayed to that moment and the reason put into words there.
 */
import { explainRefusal, scriptedLater, unknownIncidentLater } from '../play/refusals.js';
import type { Lang } from '../scenario/text.js';
import { simOf, type Replay } from './replay.js';

export interface RefusalWords { role: string; do: string; code: string; why: string }

/**
 * The decisions refused at time t, in the order the log has them, each with its reason in `lang` (a reviewer's
 * record: the role named, not "you"). Runs the engine from the last keyframe before t: a keyframe's worth of time.
 */
export function refusalsAt(replay: Replay, t: number, lang: Lang): RefusalWords[] {
  const out: RefusalWords[] = [];
  // a keyframe before t, not at it: one taken at t may already hold the refusals made then
  const ki = replay.keyframeBefore(t - 1);
  const sim = simOf(replay.run, replay.model, ki >= 0 ? replay.run.keyframes.get(ki) : undefined, (sim, d, code) => {
    if (sim.now !== t) return;
    let why: string;
    try {
      why = explainRefusal(sim, d, code, lang, 'record');
      // an incident the run made later (a generator's, which no file shows): when, as for a scripted one
      const incident = (d.cmd as { incident?: unknown }).incident;
      if (code === 'unknown-incident' && typeof incident === 'string' && scriptedLater(sim, incident) === undefined) {
        const later = replay.run.events.find((e) => e.type === 'incident.reported' && e.id === incident && e.t > t);
        if (later) why = unknownIncidentLater(incident, later.t, lang);
      }
    } catch {
      // a code or a world this engine's words do not fit (a log of another version): the caller keeps its own
      why = '';
    }
    out.push({ role: d.role, do: d.cmd.do, code, why });
  });
  sim.run(t + 1);
  return out;
}
