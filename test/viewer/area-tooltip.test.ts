/**
 * An area's tooltip on the map: its risk level and civil-defence level, or that it has none (Decision 18/2021's
 * risk levels run 1-5, civil-defence levels 1-3; the tooltip read "risk level 0; civil-defence level 0"), and that
 * it is cut off, in the page's language (it read "; isolated" in the Vietnamese page too).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-area-tooltip-');
const file = join(dir, 'ky-son.json');
let session: ViewerSession;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file]);
});

afterAll(async () => {
  await session?.close();
});

const tips = (t: number) => session.page.evaluate(async (t) => {
  await (window as any).drillViewer.paintedSeek(t);
  return [...document.querySelectorAll('#map-a g.area title')].map((e) => e.textContent);
}, t);

describe('an area on the map', () => {
  it('says it has no risk level or no civil-defence level rather than level 0, and that it is cut off, in either language', async () => {
    const start = await tips(0);
    expect(start).toContain('Tà Cạ: below risk level 1; no civil-defence level');
    const later = await tips(9 * 3600);
    expect(later.find((x) => x?.startsWith('Tà Cạ: '))).toMatch(/^Tà Cạ: risk level \d; civil-defence level 1; cut off$/);
    await session.page.click('#lang');
    const vi = await tips(9 * 3600);
    expect(vi.find((x) => x?.startsWith('Tà Cạ: '))).toMatch(/^Tà Cạ: cấp độ rủi ro \d; cấp độ phòng thủ dân sự 1; bị chia cắt$/);
    expect((await tips(0))).toContain('Tà Cạ: dưới cấp độ rủi ro 1; chưa ban bố cấp độ phòng thủ dân sự');
    expect([...start, ...later, ...vi].join('\n')).not.toMatch(/level 0|cấp độ rủi ro 0|isolated/);
  });
});
