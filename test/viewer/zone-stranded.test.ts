/**
 * A zone some of whose people a cut road left stranded on their way (engine
 * 0.8.0): the bridge to the school is cut five minutes after the first ten
 * set off, and opens again at T+01:00. The zone's tooltip says how many of
 * those on the way are stranded and where they wait, in both languages, and
 * stops saying it once they go on; a run log of engine 0.7.0, whose
 * keyframes lack the ways its groups are on, is refused naming the zone.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';
import { communeScenario } from '../helpers/commune-scenario.js';
import { ENGINE_VERSION } from '../../engine/version.js';

const dir = tempDir('drillsim-viewer-zone-stranded-');
const file = join(dir, 'bridge.json');
const scenario = join(dir, 'bridge.yaml');
const decisions = join(dir, 'order.yaml');
let session: ViewerSession;

// a village, and a school 5 km away over a bridge (20 km/h: 7 min 30 s each side of it)
const TEXT = communeScenario({
  id: 'bridge-stranded',
  title: 'A village and a school over a bridge',
  horizon: '3h',
  keyframe_every: '15m',
  base: 'village',
  travel: `
  detour: 1
  nodes:
    - { id: town, name: Town, coords: { lat: 18.70, lon: 105.60 }, area: province }
    - { id: village, name: Village, coords: { lat: 18.70, lon: 105.80 }, area: commune }
    - { id: bridge, name: { vi: Cầu treo, en: Suspension bridge }, coords: { lat: 18.70, lon: 105.82 }, area: commune }
    - { id: school-yard, name: School yard, coords: { lat: 18.70, lon: 105.84 }, area: commune }
  edges:
    - { id: town-village, from: town, to: village, length_km: 21 }
    - { id: village-bridge, from: village, to: bridge, length_km: 2.5 }
    - { id: bridge-school, from: bridge, to: school-yard, length_km: 2.5 }
`,
  rules: `
  - { id: flood, from: T+00:05, every: 12h, probability: 1, once: true, effect: { cut_road: bridge-school } }
  - { id: cleared, from: T+01:00, every: 12h, probability: 1, once: true, effect: { reopen_road: bridge-school } }
`,
  evacuation: `
  step: 10m
  zones:
    - { id: riverside, name: { vi: Xóm ven sông, en: Riverside hamlet }, area: commune, node: village, population: 100, shelters: [school], rate_people_per_hour: 60, warning: 0m }
  shelters:
    - { id: school, area: commune, node: school-yard, capacity_people: 1000 }
`,
});

beforeAll(async () => {
  writeFileSync(scenario, TEXT);
  writeFileSync(decisions, 'drillsim_decisions: 1\nscenario: bridge-stranded\nplayers: [chair]\ndecisions:\n  - { at: T+00:00, role: chair, do: evacuate, zone: riverside }\n');
  expect(drill(['run', scenario, '--seed', '1', '--decisions', decisions, '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

const zone = (t: number) => session.page.evaluate(async (t) => {
  await (window as any).drillViewer.paintedSeek(t);
  const g = document.querySelector('#map-a g.zone[data-zone="riverside"]')!;
  return { title: g.querySelector('title')?.textContent, stranded: g.getAttribute('data-stranded'), figure: g.querySelector('text')?.textContent };
}, t);

describe('a zone with people stranded on their way, on the map', () => {
  it('says in its tooltip how many of those on the way are stranded and where they wait, until they go on', async () => {
    // the first ten set off at T+0, reach the bridge at T+00:07:30 and wait there
    const during = await zone(1800);
    expect(during.stranded).toBe('10');
    expect(during.title).toMatch(/, 10 on their way \(10 stranded with no open road on, at Suspension bridge\); no open road to a shelter with room$/);
    expect(during.figure).toBe('90↓ 10→ 0⌂');
    // the bridge open again at T+01:00: on their way, the school at T+01:07:30
    const after = await zone(3700);
    expect(after.stranded).toBeNull();
    expect(after.title).not.toMatch(/stranded/);
  });

  it('says it in Vietnamese too', async () => {
    await session.page.locator('#lang').click();
    await session.page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect((await zone(1800)).title).toMatch(/\(10 người bị kẹt giữa đường, không còn đường thông, tại Cầu treo\)/);
    await session.page.locator('#lang').click();
    await session.page.waitForFunction(() => document.documentElement.lang === 'en');
  });
});

describe('a run log of engine 0.7.0', () => {
  it('is refused when the viewer restores a keyframe with people on the road, naming the zone whose ways it lacks', async () => {
    const text = readFileSync(file, 'utf8').replace(/"engine":"[^"]*"/, '"engine":"0.7.0"');
    const at = text.indexOf('"keyframes":[');
    const older = text.slice(0, at) + text.slice(at).replaceAll(/,"seq":-?\d+/g, '').replaceAll(/,"way":\{[^}]*\}/g, '').replaceAll(/,"stranded_t":\d+/g, '');
    expect(older).not.toBe(text.replace(/"engine":"[^"]*"/, '"engine":"0.7.0"'));
    const page = session.page;
    await page.locator('#file-input').setInputFiles({ name: 'engine-0.7.0.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    await page.waitForFunction(() => (window as any).drillViewer.app.a?.data.name === 'engine-0.7.0.json');
    await page.evaluate(() => (window as any).drillViewer.app.seek(1800));
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('engine-0.7.0.json'));
    const line = page.locator('#error .error-line[data-file="engine-0.7.0.json"]');
    expect(await line.textContent()).toMatch(/engine-0\.7\.0\.json: the engine cannot replay it at T\+[\d:]+: its keyframe at T\+[\d:]+ holds evacuation zone riverside with people on the road but not the ways they are on/);
    expect(await line.textContent()).toMatch(new RegExp(`drillsim 0\\.7\\.0 .*${ENGINE_VERSION.replaceAll('.', '\\.')}`));
  });
});
