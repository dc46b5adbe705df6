/**
 * On the map, a road closed by someone's order says whose order it was: it
 * had read "road cut" as a road the slide took, and a reviewer could not tell
 * Tà Cạ's chair closing QL7 at T+00:10 from the slide at T+03:00.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-road-order-');
const decisions = join(dir, 'close.yaml');
const file = join(dir, 'closed.json');
let session: ViewerSession;

beforeAll(async () => {
  writeFileSync(decisions, `drillsim_decisions: 1
scenario: ky-son-flash-flood
players: [tc-chair]
decisions:
  - { at: T+00:10, role: tc-chair, do: close_road, edge: ql7-hk-tc }
  - { at: T+12:00, role: tc-chair, do: open_road, edge: ql7-hk-tc }
`);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', decisions, '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

const tip = (t: number) => session.page.evaluate(async (t) => {
  await (window as any).drillViewer.paintedSeek(t);
  return document.querySelector('#map-a g.road[data-road="ql7-hk-tc"] title')?.textContent;
}, t);

describe('a road closed by order, on the map', () => {
  it('names who closed it while closed (through the slide under it), and reads open once the order is lifted', async () => {
    expect(await tip(3600)).toBe('QL7 Hữu Kiệm - Tà Cạ: closed by order of Tà Cạ commune chair');
    expect(await tip(4 * 3600)).toBe('QL7 Hữu Kiệm - Tà Cạ: closed by order of Tà Cạ commune chair');
    expect(await tip(12.5 * 3600)).toBe('QL7 Hữu Kiệm - Tà Cạ: road open');
  });
});
