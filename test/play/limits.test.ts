/**
 * A session that runs into one of the scenario's `limits:`: the engine stopped part-way through an instant, so the
 * session says which limit and when, and goes no further (drill play and the play page end there; see
 * test/cli/play.test.ts and test/viewer/play.test.ts for what they do with it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimBoundError } from '../../engine/core/errors.js';
import { PlaySession, sayLimit } from '../../engine/play/session.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

function limited(limits: string) {
  const text = edit(readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8'), ['\nseed: 7\n', `\nseed: 7\nlimits: ${limits}\n`]);
  const r = parseScenario(text, 'limited.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.scenario;
}

describe('a session at a limit of the scenario', () => {
  it('says which limit, when and what to do; then takes only quit, and has no run log', () => {
    const s = new PlaySession(limited('{ max_events: 5 }'), { seed: 7, players: ['mx-commander'], controller: false, lang: 'en' });
    s.handle('advance');
    s.handle('dispatch mx-militia to collapse-1');
    s.handle('advance');
    expect(s.stoppedAtLimit).toBeUndefined();
    const r = s.handle('advance');
    expect(r.limit).toEqual({ key: 'max_events', limit: 5, t: 3900 });
    expect(r.refused).toBeUndefined();
    expect(r.text).toBe("The run stopped at T+01:05: it reached the scenario's limit limits.max_events = 5 (events in one run). The session cannot go on from here. To play this scenario further, raise limits.max_events in the scenario and start the session again.\n");
    // the session stays at the last stop the table saw
    expect(s.t).toBe(23 * 60);
    for (const line of ['advance', 'undo', 'save x.json', 'evacuate mx-village']) {
      expect(s.handle(line), line).toMatchObject({ refused: true, text: expect.stringContaining('the run stopped at T+01:05 at the scenario\'s limit limits.max_events; the session cannot go on (quit leaves)') });
    }
    expect(s.handle('')).toEqual({ text: '' });
    expect(s.handle('quit')).toEqual({ text: '', quit: true });
    expect(() => s.log()).toThrow('no run log');
    // the decisions taken are whole: a decisions file drill run can replay once the limit is raised
    expect(s.decisionsFile().count).toBe(1);
  });

  it('names the limit of events at one instant and of events waiting, in Vietnamese too', () => {
    const cascade = new PlaySession(limited('{ max_cascade: 2 }'), { seed: 7, players: [], controller: true, lang: 'vi' });
    const r = cascade.handle('advance until end');
    expect(r.limit?.key).toBe('max_cascade');
    expect(r.text).toMatch(/^Lượt chạy dừng lúc T\+\d\d:\d\d(:\d\d)?: đã chạm giới hạn của kịch bản limits\.max_cascade = 2 \(số sự kiện tại cùng một thời điểm: có thể kịch bản bị lặp\)\. /);
    const queue = new PlaySession(limited('{ max_queue: 3 }'), { seed: 7, players: [], controller: true, lang: 'en' });
    expect(queue.handle('advance until end').text).toContain('limits.max_queue = 3 (events waiting at once)');
    // so low that the run stops while it is set up: the session cannot start; the same words, at T+00:00
    let thrown: unknown;
    try { new PlaySession(limited('{ max_queue: 1 }'), { seed: 7, players: [], controller: true, lang: 'en' }); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(SimBoundError);
    expect(sayLimit(thrown as SimBoundError, 0, 'en').text).toMatch(/^The run stopped at T\+00:00: it reached the scenario's limit limits\.max_queue = 1 \(events waiting at once\)\./);
  });
});
