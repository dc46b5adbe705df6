/**
 * An order closes a road and lifts its own closure; it does not clear a
 * slide, and the scenario clearing a slide does not lift an order. Before,
 * a road had one status: Tà Cạ's chair could "reopen" QL7 the slide had cut
 * at T+03:00 (the flash flood's whole difficulty gone with one line), and a
 * road the chair had closed was opened again by the rule that clears the slide.
 * And a public statement with nothing in it is refused: an empty
 * `public info ""` had denied the dam-break rumour, rated P.
 */
import { describe, expect, it } from 'vitest';
import { explainRefusal } from '../../engine/play/refusals.js';
import { check, executeDecision } from '../../engine/sim/commands.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { checkInvariants } from '../../engine/sim/invariants.js';
import { loadNamed } from '../helpers/scenarios.js';
import { events, makeSim, worldHash } from '../helpers/sim.js';

const kySon = loadNamed('ky-son-flash-flood');
const ROAD = 'ql7-hk-tc';
const H = 3600;
const road = (d: 'close_road' | 'open_road', at: number): Decision => ({ at, role: 'tc-chair', author: 'trainee', cmd: { do: d, edge: ROAD } });
/** seed 7: the slide cuts QL7 Hữu Kiệm - Tà Cạ at T+03:00; the scenario clears it from T+11:00 */
const sim = (decisions: Decision[] = []) => makeSim(kySon, { seed: 7, players: ['tc-chair'], decisions, observe: (s) => expect(checkInvariants(s)).toEqual([]) });
const roadEvents = (s: ReturnType<typeof sim>) => events(s).filter((e) => e.type === 'road.status' && e.id === ROAD);

describe('a road cut by the hazard', () => {
  it('is not reopened by an order: refused as hazard-road, nothing changes, and the reason says why', () => {
    const s = sim();
    s.run(3.5 * H);
    expect(roadEvents(s)).toEqual([expect.objectContaining({ t: 3 * H, status: 'cut', by: 'rule:slide-ql7-hk-tc' })]);
    const before = worldHash(s);
    expect(executeDecision(s, road('open_road', s.now))).toBe(false);
    expect(worldHash(s)).toBe(before);
    expect(s.world.roads[ROAD].status).toBe('cut');
    expect(events(s).at(-1)).toMatchObject({ type: 'decision.refused', do: 'open_road', code: 'hazard-road' });
    expect(explainRefusal(s, road('open_road', s.now), 'hazard-road', 'en')).toMatch(/cut by the hazard, not closed by an order: no order reopens it/);
    expect(explainRefusal(s, road('open_road', s.now), 'hazard-road', 'vi')).toMatch(/bị chia cắt do hiểm hoạ/);
  });

  it('opens when the scenario clears it', () => {
    const s = sim();
    s.run(11.5 * H);
    expect(roadEvents(s).map((e) => [e.status, e.by])).toEqual([['cut', 'rule:slide-ql7-hk-tc'], ['open', 'rule:clear-ql7-hk-tc']]);
  });
});

describe('a road closed by order', () => {
  it('stays closed through the slide and its clearing, the slide still told, and reopens by order only', () => {
    const s = sim([road('close_road', 600)]);
    s.run(11.5 * H);
    // the slide is told (the message about Tà Cạ cut off follows), the clearing is not: the road is still closed
    expect(roadEvents(s).map((e) => [e.t, e.status, e.by])).toEqual([[600, 'cut', 'tc-chair'], [3 * H, 'cut', 'rule:slide-ql7-hk-tc']]);
    expect(events(s).some((e) => e.type === 'inject.delivered' && e.id === 'ta-ca-cut-off')).toBe(true);
    expect(s.world.roads[ROAD]).toEqual({ status: 'cut', factor: 0, closed_by: 'tc-chair', under: { status: 'open', factor: 1 } });
    expect(check(s, road('close_road', s.now))).toMatchObject({ ok: false, code: 'no-change' });
    expect(explainRefusal(s, road('close_road', s.now), 'no-change', 'en')).toBe("road 'ql7-hk-tc' is already closed, by order of Tà Cạ commune chair");
    expect(executeDecision(s, road('open_road', s.now))).toBe(true);
    expect(s.world.roads[ROAD]).toEqual({ status: 'open', factor: 1 });
    expect(roadEvents(s).at(-1)).toMatchObject({ t: s.now, status: 'open', by: 'tc-chair' });
  });

  it('cannot be reopened by lifting the order while the slide that overtook it stands', () => {
    const s = sim([road('close_road', 600)]);
    s.run(3.5 * H);
    expect(check(s, road('open_road', s.now))).toMatchObject({ ok: false, code: 'hazard-road' });
    expect(explainRefusal(s, road('open_road', s.now), 'hazard-road', 'en')).toBe("road 'ql7-hk-tc', closed by order of Tà Cạ commune chair, has since been cut by the hazard: lifting the order would not open it");
  });
});

describe('a public statement', () => {
  const say = (message: unknown): Decision => ({ at: 0, role: 'mx-chair', author: 'trainee', cmd: { do: 'public_info', area: 'muong-xen', message } as any });
  it('with nothing in it is refused as empty-message, in any language it is given in', () => {
    const s = sim();
    for (const m of ['', '   ', { vi: ' ', en: '' }, { en: '' }]) expect(check(s, say(m)), JSON.stringify(m)).toMatchObject({ ok: false, code: 'empty-message' });
    expect(explainRefusal(s, say(''), 'empty-message', 'en')).toBe('the statement is empty: write what the public is to be told, in quotes (public info in muong-xen "...")');
  });

  it('with words in one language is carried out', () => {
    const s = sim();
    for (const m of ['Đập an toàn', { vi: 'Đập an toàn', en: '' }]) expect(check(s, say(m))).toEqual({ ok: true });
  });
});

describe('the play board', () => {
  it('says whose order closed a road, and that the slide has cut it since, in both languages', async () => {
    const { PlaySession } = await import('../../engine/play/session.js');
    for (const [lang, words] of [['en', 'closed by order of Tà Cạ commune chair, and cut by the hazard since'], ['vi', 'bị cấm theo lệnh của Chủ tịch UBND xã Tà Cạ, sau đó bị chia cắt do hiểm hoạ']] as const) {
      const s = new PlaySession(kySon, { seed: 7, players: ['tc-chair'], controller: false, lang });
      s.handle(lang === 'en' ? 'close road ql7-hk-tc' : 'cấm đường ql7-hk-tc');
      s.handle('advance T+01:00');
      expect(s.handle('board').text).toMatch(/QL7 Hữu Kiệm - Tà Cạ: (closed by order of Tà Cạ commune chair|bị cấm theo lệnh của Chủ tịch UBND xã Tà Cạ)\n/);
      s.handle('advance T+03:30');
      expect(s.handle('board').text).toContain(`QL7 Hữu Kiệm - Tà Cạ: ${words}`);
    }
  });
});
