/**
 * A neighbour's call for support on a trainee's board. Doctrine and the
 * order checks send a role's units to any area that has asked when the role
 * writes no `supports:` (and to the areas it names when it does); the board
 * showed only the role's own area and the named ones, so a chair with no
 * `supports:` never saw the call, its incident or the people at risk there,
 * though `dispatch` to it was accepted when the id was guessed.
 */
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { parseScenario } from '../../engine/scenario/parse.js';

// B's slide needs more rescue than B has: B is short, and doctrine asks for support after 20 min (T+00:30).
const THREE = `
drillsim: 1
id: three-communes
title: A slide at Xã B
exercise: tabletop
start: "2025-09-20T08:00:00+07:00"
horizon: 3h
areas:
  - { id: province, name: Tỉnh, tier: province, population: 100000, coords: { lat: 18.70, lon: 105.60 } }
  - { id: xa-a, name: Xã A, tier: commune, parent: province, population: 5000, coords: { lat: 18.70, lon: 105.65 } }
  - { id: xa-b, name: Xã B, tier: commune, parent: province, population: 5000, coords: { lat: 18.72, lon: 105.66 } }
  - { id: xa-c, name: Xã C, tier: commune, parent: province, population: 5000, coords: { lat: 18.74, lon: 105.64 } }
units:
  - { id: a-team, name: Đội A, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: xa-a, home: xa-a, mobilisation: 10m }
  - { id: b-team, name: Đội B, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: xa-b, home: xa-b, mobilisation: 10m }
  - { id: c-team, name: Đội C, owner: militia, category: part-time, capabilities: { rescue: 1 }, crew: 10, base: xa-c, home: xa-c, mobilisation: 10m }
incident_kinds:
  - { id: slide, name: { vi: Sạt lở, en: Landslide }, need: { rescue: 3 }, work: 2h, severity: 3 }
incidents:
  - { id: b-slide, at: T+00:10, kind: slide, area: xa-b, people: 3 }
roles:
  - { id: a-chair, name: { vi: Chủ tịch xã A, en: Xã A chair }, tier: commune, area: xa-a, commands: [a-team], declares: [1] }
  - { id: b-chair, name: { vi: Chủ tịch xã B, en: Xã B chair }, tier: commune, area: xa-b, commands: [b-team], declares: [1] }
  - { id: c-chair, name: { vi: Chủ tịch xã C, en: Xã C chair }, tier: commune, area: xa-c, commands: [c-team], declares: [1], supports: [xa-a] }
doctrine: { request_support_after: 20m }
`;

function scenario() {
  const r = parseScenario(THREE, 'three.yaml');
  if (!r.ok) throw new Error(r.issues.map((i) => `${String(i.path)}: ${i.message}`).join('\n'));
  return r.scenario;
}

const play = (role: string, lang: 'en' | 'vi' = 'en') => new PlaySession(scenario(), { seed: 1, players: [role], controller: false, lang });

/** The rows under a heading of a board. */
function rows(board: string, heading: string): string[] {
  const lines = board.split('\n');
  const out: string[] = [];
  for (let i = lines.indexOf(heading) + 1; i > 0 && i < lines.length && lines[i].startsWith('  '); i++) out.push(lines[i]);
  return out;
}

describe('an area that asks for support, on the board of a chair who writes no supports:', () => {
  it('is not there before it asks: the slide at Xã B is not the Xã A chair\'s', () => {
    const s = play('a-chair');
    s.handle('advance T+00:25');
    const board = s.boardText();
    expect(rows(board, 'Areas').map((r) => r.trim().split(/\s{2,}/)[0])).toEqual(['Xã A']);
    expect(rows(board, 'Incidents')).toEqual(['  none']);
  });

  it('is there from its request on: its row, its incident and the units working there; a plain advance stops at the call', () => {
    const s = play('a-chair');
    const r = s.handle('advance');
    // the slide at Xã B (T+00:10) is no stop for Xã A; the call for support at T+00:30 is
    expect(r.text).toContain('(stopped: Xã B asks for support)');
    expect(r.text).toContain('T+00:30  Xã B asks the next tier for support (Xã B chair)');
    // what happened at Xã B before it asked is not in the feed
    expect(r.text).not.toContain('new incident b-slide');
    const board = s.boardText();
    expect(board).toContain('═══ T+00:31 ');
    const areas = rows(board, 'Areas');
    expect(areas).toHaveLength(2);
    expect(areas[1]).toMatch(/^ {2}Xã B +xa-b .*· support requested T\+00:30/);
    expect(rows(board, 'Incidents')[0]).toMatch(/^ {2}b-slide {2}Landslide · Xã B · /);
    expect(rows(board, 'Other units working in your area')[0]).toMatch(/^ {2}b-team /);
    // and what the board shows is what the chair may act on
    expect(s.handle('dispatch a-team').text).toContain('open incidents you can see: b-slide');
    expect(s.handle('dispatch a-team to b-slide').refused).toBeFalsy();
  });

  it('says so in Vietnamese too', () => {
    const s = play('a-chair', 'vi');
    const r = s.handle('tiếp');
    expect(r.text).toContain('(dừng: Xã B đề nghị hỗ trợ)');
    const board = s.boardText();
    expect(rows(board, 'Sự cố')[0]).toMatch(/^ {2}b-slide {2}Sạt lở · Xã B · /);
  });

  it('is not on the board of a chair whose supports: names only other areas, who may not send units there', () => {
    const s = play('c-chair');
    s.handle('advance T+01:00');
    const board = s.boardText();
    expect(rows(board, 'Areas').map((r) => r.trim().split(/\s{2,}/)[0])).toEqual(['Xã A', 'Xã C']);
    expect(rows(board, 'Incidents')).toEqual(['  none']);
    expect(s.handle('dispatch c-team to b-slide').text).toContain('you do not send support to Xã B');
  });
});
