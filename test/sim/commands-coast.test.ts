/**
 * A sea ban keeps boats in port: only an area with a coast (`coast: true`)
 * has any. The engine refuses one anywhere else with its own code, a reason
 * that says what to do instead, and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { check, executeDecision } from '../../engine/sim/commands.js';
import type { Decision } from '../../engine/sim/decisions.js';
import { loadNamed } from '../helpers/scenarios.js';
import { events, makeSim, worldHash } from '../helpers/sim.js';

const typhoon = loadNamed('typhoon-landfall-coast');
const kySon = loadNamed('ky-son-flash-flood');
const minimal = loadNamed('minimal');

const seaBan = (role: string, area: string): Decision => ({ at: 0, role, author: 'trainee', cmd: { do: 'sea_ban', area } });

describe('a sea ban', () => {
  it('for an area without a coast is refused as no-coast, logged with its reason, and changes nothing', () => {
    const sim = makeSim(typhoon, { players: ['province-board'] });
    sim.run(3600);
    const before = worldHash(sim);
    expect(executeDecision(sim, { ...seaBan('province-board', 'thanh-vinh'), at: sim.now })).toBe(false);
    expect(worldHash(sim)).toBe(before);
    expect(sim.world.areas['thanh-vinh'].sea_ban).toBe(false);
    const last = events(sim).at(-1)!;
    expect(last).toMatchObject({ type: 'decision.refused', role: 'province-board', do: 'sea_ban', area: 'thanh-vinh', code: 'no-coast' });
    // what to do: the coastal areas this role may ban the sea in, and how a planner marks a coast
    expect(last.reason).toBe("'thanh-vinh' has no coast, so there are no boats to keep in port: order the sea ban for a coastal area instead (nghe-an, cua-lo, hai-chau, quynh-anh); if 'thanh-vinh' does border the sea, mark it `coast: true` in the scenario");
  });

  it('for a coastal area is accepted and puts the ban in force', () => {
    const sim = makeSim(typhoon, { players: ['province-board'] });
    sim.run(3600);
    expect(executeDecision(sim, { ...seaBan('province-board', 'cua-lo'), at: sim.now })).toBe(true);
    expect(sim.world.areas['cua-lo'].sea_ban).toBe(true);
    expect(events(sim).at(-1)).toMatchObject({ type: 'decision', do: 'sea_ban', area: 'cua-lo' });
  });

  it('is refused as no-coast before authority: nobody can ban the sea where there is none', () => {
    const sim = makeSim(typhoon);
    // Thành Vinh's chair has authority in Thành Vinh, and Thành Vinh has no coast
    expect(check(sim, seaBan('thanh-vinh-chair', 'thanh-vinh'))).toMatchObject({ ok: false, code: 'no-coast' });
    // Hải Châu's chair has no authority in Thành Vinh: still, the first thing wrong is that there is no sea
    expect(check(sim, seaBan('hai-chau-chair', 'thanh-vinh'))).toMatchObject({ ok: false, code: 'no-coast' });
    // a coastal area outside the role's authority is refused for authority, as before
    expect(check(sim, seaBan('thanh-vinh-chair', 'cua-lo'))).toMatchObject({ ok: false, code: 'no-authority' });
    expect(check(sim, seaBan('cua-lo-chair', 'cua-lo'))).toEqual({ ok: true });
  });

  it("names no coastal area the role cannot ban the sea in: the chair of an inland ward is told none is within its area", () => {
    const sim = makeSim(typhoon);
    const r = check(sim, seaBan('thanh-vinh-chair', 'thanh-vinh'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain("a sea ban is for a coastal area (nghe-an, cua-lo, hai-chau, quynh-anh), and none is within this role's area");
  });

  it('in an inland commune of the mountains (Kỳ Sơn) is refused; the province, which has a coast, may ban the sea', () => {
    const sim = makeSim(kySon);
    const r = check(sim, seaBan('tc-chair', 'ta-ca'));
    expect(r).toMatchObject({ ok: false, code: 'no-coast' });
    if (!r.ok) expect(r.reason).toContain("'ta-ca' has no coast");
    expect(check(sim, seaBan('province-board', 'muong-xen'))).toMatchObject({ ok: false, code: 'no-coast' });
    expect(check(sim, seaBan('province-board', 'nghe-an'))).toEqual({ ok: true });
  });

  it('in a scenario that marks no coast at all says so', () => {
    const sim = makeSim(minimal);
    const r = check(sim, seaBan('mx-commander', 'muong-xen'));
    expect(r).toMatchObject({ ok: false, code: 'no-coast' });
    if (!r.ok) expect(r.reason).toContain('no area in this scenario has a coast');
  });

  it('for an unknown area is still refused as unknown-area, with a guess', () => {
    const sim = makeSim(typhoon);
    expect(check(sim, seaBan('province-board', 'cua-loo'))).toMatchObject({ ok: false, code: 'unknown-area' });
  });
});
