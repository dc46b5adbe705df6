/**
 * A shelter on the map while people are on their way to it (Kỳ Sơn with Tà
 * Cạ's villages ten minutes of road from their school: in the scenario as
 * shipped they share a place, and nobody is ever on the way): its figure says
 * the people in it, not those still on the road (61/700 while 61 more are
 * coming), and its tooltip adds the places it holds for them, in both
 * languages; and a
 * run log of engine 0.5.1, whose keyframes lack those places, is refused
 * naming the shelter, not replayed with counts the engine cannot know.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';
import { ENGINE_VERSION } from '../../engine/version.js';

const dir = tempDir('drillsim-viewer-shelter-incoming-');
const file = join(dir, 'ky-son.json');
let session: ViewerSession;

// the villages on a riverbank node, ten minutes of road from the school (at Tà Cạ): one evacuation step
const shipped = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const text = [
  ['    - { id: ta-ca, name: Tà Cạ, coords: { lat: 19.414, lon: 104.178 }, area: ta-ca }\n',
    '    - { id: ta-ca, name: Tà Cạ, coords: { lat: 19.414, lon: 104.178 }, area: ta-ca }\n    - { id: ta-ca-bank, name: Tà Cạ riverbank, coords: { lat: 19.420, lon: 104.190 } }\n'],
  ['    - { id: ql7-tc-mx,', '    - { id: tc-bank, from: ta-ca, to: ta-ca-bank, time: { road: 10m } }\n    - { id: ql7-tc-mx,'],
  ['      if_caught: stranded\n', '      if_caught: stranded\n      node: ta-ca-bank\n'],
].reduce((t, [a, b]) => { expect(t).toContain(a); return t.replace(a, b); }, shipped);
const scenario = join(dir, 'ky-son-bank.yaml');

beforeAll(async () => {
  writeFileSync(scenario, text);
  expect(drill(['run', scenario, '--seed', '1', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

const shelter = (t: number) => session.page.evaluate(async (t) => {
  await (window as any).drillViewer.paintedSeek(t);
  const g = document.querySelector('#map-a g.shelter[data-shelter="ta-ca-school"]')!;
  return { text: g.querySelector('text')?.textContent, title: g.querySelector('title')?.textContent, state: g.getAttribute('data-state') };
}, t);

describe('a shelter with people on their way, on the map', () => {
  it('shows those in it, and says those coming in its tooltip, as the log\'s occupancy events say', async () => {
    // the first people set off at T+00:50 (61 a step) and arrive at T+01:00: nobody in it yet, 61 places held
    expect(await shelter(3300)).toMatchObject({ text: '', state: 'open' });
    expect((await shelter(3300)).title).toMatch(/: .+ 0\/700, 61 on their way \(open\)$/);
    expect(await shelter(3700)).toMatchObject({ text: '61/700' });
    expect((await shelter(3700)).title).toMatch(/ 61\/700, 61 on their way \(open\)$/);
    // once all have arrived (the flood reaches the zone at T+03:00), the tooltip has nobody on the way
    expect((await shelter(4 * 3600)).title).toMatch(/ \d+\/700 \((open|full)\)$/);
  });

  it('says the people on their way in Vietnamese too', async () => {
    await session.page.locator('#lang').click();
    await session.page.waitForFunction(() => document.documentElement.lang === 'vi');
    expect((await shelter(3300)).title).toMatch(/ 0\/700, 61 người đang trên đường đến \(đang mở\)$/);
    await session.page.locator('#lang').click();
    await session.page.waitForFunction(() => document.documentElement.lang === 'en');
  });
});

const zone = (t: number) => session.page.evaluate(async (t) => {
  await (window as any).drillViewer.paintedSeek(t);
  return document.querySelector('#map-a g.zone[data-zone="ta-ca-riverside"] title')?.textContent;
}, t);

describe('a zone with people on their way, on the map', () => {
  it('says them in its tooltip, beside those still there, as the shelter does', async () => {
    // 61 set off at T+00:50 and reach the school at T+01:00, when the next 61 set off
    expect(await zone(3300)).toMatch(/\(moving\); \d+ \/ \d+, 61 on their way$/);
    expect(await zone(40)).not.toMatch(/on their way/);
  });

  it('gives them a figure of their own beside those still there and those in shelter, where its shelter is a trip away', async () => {
    const figure = (t: number, id: string) => session.page.evaluate(async ([t, id]) => {
      await (window as any).drillViewer.paintedSeek(t);
      return document.querySelector(`#map-a g.zone[data-zone="${id}"] text`)?.textContent;
    }, [t, id] as const);
    expect(await figure(3300, 'ta-ca-riverside')).toBe('639↓ 61→ 0⌂');
    expect(await figure(3700, 'ta-ca-riverside')).toBe('578↓ 61→ 61⌂');
    // Mường Xén's lowland is where its shelter is: people are in it as they set off, and the figure has no arrow
    expect(await figure(3700, 'muong-xen-lowland')).toMatch(/^\d+↓ \d+⌂$/);
  });
});

describe('a run log of engine 0.5.1', () => {
  it('is refused when the viewer restores a keyframe, naming the shelter and both versions', async () => {
    const text = readFileSync(file, 'utf8').replace(/"engine":"[^"]*"/, '"engine":"0.5.1"');
    const at = text.indexOf('"keyframes":[');
    const older = text.slice(0, at) + text.slice(at).replaceAll(/,"incoming":\d+/g, '').replaceAll(/,"moving_to":\{[^}]*\}/g, '');
    const page = session.page;
    await page.locator('#file-input').setInputFiles({ name: 'engine-0.5.1.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    await page.waitForFunction(() => (window as any).drillViewer.app.a?.data.name === 'engine-0.5.1.json');
    await page.evaluate(() => (window as any).drillViewer.app.seek(2 * 3600));
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('engine-0.5.1.json'));
    const line = page.locator('#error .error-line[data-file="engine-0.5.1.json"]');
    expect(await line.textContent()).toMatch(/engine-0\.5\.1\.json: the engine cannot replay it at T\+[\d:]+: its keyframe at T\+[\d:]+ holds shelter ta-ca-school without the places held for people on their way/);
    expect(await line.textContent()).toMatch(new RegExp(`drillsim 0\\.5\\.1 .*${ENGINE_VERSION.replaceAll('.', '\\.')}`));
  });
});

describe('a run log of engine 0.6.0', () => {
  it('is refused when the viewer restores a keyframe, naming the zone whose trips it lacks, in the page\'s language', async () => {
    const text = readFileSync(file, 'utf8').replace(/"engine":"[^"]*"/, '"engine":"0.6.0"');
    const at = text.indexOf('"keyframes":[');
    // the groups' ways hold lists of their own (engine 0.8.0)
    const older = text.slice(0, at) + text.slice(at).replaceAll(/,"on_road":\[(?:[^[\]]|\[[^[\]]*\])*\]/g, '');
    const page = session.page;
    await page.locator('#file-input').setInputFiles({ name: 'engine-0.6.0.json', mimeType: 'application/json', buffer: Buffer.from(older) });
    await page.waitForFunction(() => (window as any).drillViewer.app.a?.data.name === 'engine-0.6.0.json');
    await page.evaluate(() => (window as any).drillViewer.app.seek(2 * 3600));
    await page.waitForFunction(() => document.querySelector('#error')!.textContent!.includes('engine-0.6.0.json'));
    const line = page.locator('#error .error-line[data-file="engine-0.6.0.json"]');
    expect(await line.textContent()).toMatch(/engine-0\.6\.0\.json: the engine cannot replay it at T\+[\d:]+: its keyframe at T\+[\d:]+ holds evacuation zone ta-ca-riverside without its people's trips to their shelters/);
    expect(await line.textContent()).toMatch(new RegExp(`drillsim 0\\.6\\.0 .*${ENGINE_VERSION.replaceAll('.', '\\.')}`));
  });
});
