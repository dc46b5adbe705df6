/**
 * "What if they had decided otherwise": a fork keeps a run's scenario, seed,
 * players and the decisions taken before a time, and replaces the rest with
 * new ones. It re-simulates from the start, so it is exactly the run those
 * decisions would have given; the random streams are per purpose and per
 * entity (common random numbers), so the difference from the original is
 * due to the decisions, not the dice.
 *
 * Players: the union of the original run's players and the new file's (a
 * role played by a person before the fork stays played; a role the new file
 * decides for is no longer left to doctrine from the fork on: before it,
 * doctrine plays it as in the original run, so the fork keeps its past).
 *
 * A play session saved part-way can be forked up to where it stopped (its
 * decisions after that are not known); the fork runs to the scenario's end.
 * A run stopped with `drill run --until` stops there in its fork too: its
 * `until` is the run's, and the fork keeps it.
 *
 * The run's decisions from the fork on are all replaced by the new file's: a
 * trainee's decisions for a role the new file does not decide for are
 * dropped (`dropped`), and that role, played before, has nobody deciding for
 * it after the fork.
 */
import { formatClock, writtenClock } from '../scenario/duration.js';
import { say, sayIn, type Say } from '../scenario/say.js';
import type { Decision, DecisionsInput } from '../sim/decisions.js';
import { decisionFromRecord, type RunLog } from '../sim/run.js';
import { endOf } from './review.js';

export type ForkPlan =
  | { ok: true; decisions: Decision[]; players: string[]; joined: Record<string, number>; kept: number; added: number; dropped: { role: string; n: number }[] }
  | { ok: false; code: 'after-end' | 'decision-before-fork'; message: string; hint: string; index?: number; words: { message: Say; hint: Say } };

/** A refusal in English (`message`, `hint`) and as words for any language. */
function refused(code: 'after-end' | 'decision-before-fork', message: Say, hint: Say, index?: number): ForkPlan {
  return { ok: false, code, message: sayIn(message, 'en'), hint: sayIn(hint, 'en'), ...(index === undefined ? {} : { index }), words: { message, hint } };
}

/** `written`: --at as typed, which the refusal quotes (its canonical form beside it when that differs). */
export function planFork(log: RunLog, at: number, next: DecisionsInput, written?: string): ForkPlan {
  const end = endOf(log);
  if (at > end) {
    const what = say(log.session && end < log.until ? 'fork.where-stopped' : 'fork.end-of-run', { t: formatClock(end) });
    const typed = written === undefined ? formatClock(at) : writtenClock(written, at);
    return refused('after-end', say('fork.after-end', { at: typed, what }), say('fork.after-end-hint', { end: formatClock(end) }));
  }
  const early = next.decisions.findIndex((d) => d.at < at);
  if (early >= 0) {
    const n = next.decisions.filter((d) => d.at < at).length;
    const count = n === 1 ? say('fork.a-decision') : say('fork.n-decisions', { n });
    return refused('decision-before-fork',
      say('fork.before', { count, n, at: formatClock(at), first: formatClock(next.decisions[early].at) }),
      say('fork.before-hint', { at: formatClock(at) }), early);
  }
  const kept = log.decisions.map(decisionFromRecord).filter((d) => d.at < at);
  // a role of the run counts as played before the fork only if it was taken over by then (a fork of a fork)
  const playedBefore = log.players.filter((r) => (log.joined?.[r] ?? 0) <= at);
  const players = [...new Set([...playedBefore, ...next.players])].sort();
  const joined: Record<string, number> = {};
  for (const role of players) {
    if (!playedBefore.includes(role)) joined[role] = at;
    else if (log.joined?.[role] !== undefined) joined[role] = log.joined[role];
  }
  // a trainee's decisions from the fork on, for a role the new file does not decide for: gone with the run's later
  // decisions, and the role stays played, so nobody decides for it after the fork (the CLI says so); those after a
  // run stopped with --until were never played, and the fork stops there too
  const dropped = new Map<string, number>();
  for (const d of log.decisions.map(decisionFromRecord)) {
    if (d.at < at || d.at >= log.until || d.author === 'controller' || next.players.includes(d.role)) continue;
    dropped.set(d.role, (dropped.get(d.role) ?? 0) + 1);
  }
  return {
    ok: true, decisions: [...kept, ...next.decisions], players, joined, kept: kept.length, added: next.decisions.length,
    dropped: [...dropped].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([role, n]) => ({ role, n })),
  };
}
