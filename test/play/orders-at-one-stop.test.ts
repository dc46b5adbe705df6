/**
 * Several orders given at the same stop, before the clock moves: each is checked against the world as the
 * orders before it will leave it, while the board still shows the world before all of them. These tests hold
 * what a table does in practice: two ad-hoc injects in a row, a second order that the first made needless.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

function session(players: string[], controller = false, lang: 'vi' | 'en' = 'en') {
  return new PlaySession(kySon, { seed: kySon.seed ?? 1, players, controller, lang });
}

describe('ad-hoc injects added at the same stop', () => {
  it('each gets its own id and number, all are delivered, and the log equals a run of the same decisions', () => {
    const s = session(['mx-chair'], true);
    s.handle('role controller');
    const replies = [
      'inject mx-chair at T+01:00 Báo cáo | Báo cáo số hộ còn ở khu thấp trũng.',
      'inject mx-chair at T+01:00 Second | Another message at the same time',
      'inject tc-chair Now | A message for now',
    ].map((l) => s.handle(l));
    expect(replies.map((r) => r.refused ?? false)).toEqual([false, false, false]);
    const added = s.pending.map((d) => (d.cmd.do === 'add_inject' ? [d.cmd.inject.id, d.cmd.inject.seq] : []));
    expect(added).toEqual([['adhoc-1', 19], ['adhoc-2', 20], ['adhoc-3', 21]]);
    s.handle('jump T+01:01');
    const delivered = s.log().events.map((e) => JSON.parse(e)).filter((e) => e.type === 'inject.delivered' && String(e.id).startsWith('adhoc-'));
    expect(delivered.map((e) => [e.id, e.seq, e.to, e.t])).toEqual([['adhoc-3', 21, 'tc-chair', 0], ['adhoc-1', 19, 'mx-chair', 3600], ['adhoc-2', 20, 'mx-chair', 3600]]);

    s.handle('advance until end');
    const ran = runScenario(kySon, { seed: 2022, decisions: s.decisions.slice(), players: ['mx-chair'] }).log!;
    expect(serializeRunLog(s.log()).join('')).toBe(serializeRunLog(ran).join(''));
  });
});
