/**
 * Where the values of a sweep (`--vary key=v1,v2,...`, as written) stand on
 * the x axis of its curves: to scale when every value is a number (`1,2,5,10`),
 * a duration or time since T0 of the scenario language (`10m,30m,2h`, in
 * seconds) or a scale factor (`x0.5,x1,x2`), so that the step from 5 to 10
 * looks twice the step from 1 to 2; evenly spaced in the order given
 * otherwise (names such as `nearest,severity`, `unset` beside numbers,
 * distributions), and when two values are the same number (`1h,60m`).
 * Values are read as --vary reads them (YAML: `1e3` is a number, `10m` a
 * duration). Pure: labels in, positions out.
 */
import { parse as parseYaml } from 'yaml';
import { parseDuration } from '../scenario/duration.js';

export type SweepScale =
  /** `at`: each value's place from 0 (the smallest) to 1 (the largest), in the order given */
  | { kind: 'number' | 'duration' | 'factor'; at: number[] }
  /** `at`: 0 to 1 in the order given, one step apart (0.5 for a single value) */
  | { kind: 'order'; at: number[] };

type Read = { kind: 'number' | 'duration' | 'factor'; v: number } | null;

function read(label: string): Read {
  const t = label.trim();
  // a scale factor, as vary.ts reads one
  const factor = /^[x×](\d+(?:\.\d+)?)$/.exec(t);
  if (factor) return { kind: 'factor', v: Number(factor[1]) };
  let yaml: unknown;
  try { yaml = parseYaml(t); } catch { return null; }
  if (typeof yaml === 'number') return Number.isFinite(yaml) ? { kind: 'number', v: yaml } : null;
  if (typeof yaml !== 'string') return null;
  const d = parseDuration(yaml);
  return d.ok ? { kind: 'duration', v: d.seconds } : null;
}

export function sweepScale(labels: string[]): SweepScale {
  const n = labels.length;
  const order: SweepScale = { kind: 'order', at: labels.map((_, i) => (n === 1 ? 0.5 : i / (n - 1))) };
  if (n < 2) return order;
  const reads = labels.map(read);
  const kind = reads[0]?.kind;
  if (!kind || reads.some((r) => r?.kind !== kind)) return order;
  const vs = reads.map((r) => r!.v);
  if (new Set(vs).size !== n) return order;
  const lo = Math.min(...vs), hi = Math.max(...vs);
  return { kind, at: vs.map((v) => (v - lo) / (hi - lo)) };
}
