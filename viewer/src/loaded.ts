/**
 * A run opened in the viewer: the checked log, the engine replaying it, and
 * its history folded once. Opening measures itself so that the bench can
 * report how long a large log takes.
 */
import { HistoryFolder, type History } from '../../engine/replay/history.js';
import type { RunData } from '../../engine/replay/open.js';
import { Replay } from '../../engine/replay/replay.js';
import { textIn } from '../../engine/scenario/text.js';
import { toCoords } from '../../engine/sim/geo.js';
import type { Integrity } from '../../engine/replay/integrity.js';
import type { Args, Lang } from './i18n.js';

export interface LoadedRun {
  key: string;
  /** index on the server (runs/<n>.json), or null for a file opened in the page */
  served: number | null;
  data: RunData;
  replay: Replay;
  history: History;
  timings: { parse_ms: number; fold_ms: number; model_ms: number };
  /** does the log hold together (its hash chain and stored summary): set once checked, after it is shown */
  integrity?: Integrity;
  /** the time of a keyframe that cannot be read (found as the keyframes are read ahead): the page warns of it */
  damagedKeyframe?: number;
  /** the time of the first keyframe that is not the world the run had then (found by running it again in idle time) */
  editedKeyframe?: number;
}

export type LoadResult = { ok: true; run: LoadedRun } | { ok: false; message: string; hint?: string; code?: string; args?: Args };

/**
 * A run opened (whole, or from its head while the rest arrives): the engine set up to replay it and its
 * history folded (or finished folding: `folder` has folded the events as they arrived); `t0` is when opening began.
 */
export function loadOpened(data: RunData, served: number | null, t0 = performance.now(), folder = new HistoryFolder()): LoadResult {
  const name = data.name;
  const t1 = performance.now();
  let replay: Replay;
  try {
    replay = new Replay(data);
  } catch (e) {
    return { ok: false, message: `${name} is damaged: the engine cannot build its scenario (${(e as Error).message})`, code: 'build', args: { name, detail: (e as Error).message } };
  }
  const t2 = performance.now();
  folder.add(data.events);
  const history = folder.finish();
  const t3 = performance.now();
  return {
    ok: true,
    run: {
      key: served !== null ? `s${served}` : `f${name}-${Math.round(t0)}`,
      served, data, replay, history,
      timings: { parse_ms: t1 - t0, model_ms: t2 - t1, fold_ms: t3 - t2 },
    },
  };
}

export function runLabel(run: LoadedRun, lang: Lang): string {
  const s = run.data.scenario;
  const v = run.data.varied;
  return `${run.data.name}: ${textIn(s.title, lang)} (seed ${run.data.seed}${v ? `, --vary ${v.key}=${v.value}` : ''})`;
}

/** The most characters of a run's file name a closed run select shows (its box is some 27ch wide: see style.css). */
export const RUN_NAME_MAX = 22;

/**
 * A run's file name as a closed run select shows it: whole when short, else its start and end with the middle
 * left out ("ky-son-flash…seed-7.json"), since the end (a seed, a variant, the extension) tells runs apart.
 * Counted in characters, not UTF-16 units, so that no Vietnamese letter is cut in two.
 */
export function shortName(name: string, max = RUN_NAME_MAX): string {
  const chars = Array.from(name.normalize('NFC'));
  if (chars.length <= max) return chars.join('');
  const tail = Math.ceil((max - 1) / 2), head = max - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** km on the scenario's local plane to [lon, lat] for d3-geo. */
export function lonLat(run: LoadedRun, x: number, y: number): [number, number] {
  const c = toCoords(run.replay.model.projection, x, y);
  return [c.lon, c.lat];
}
