/**
 * The metrics panel of a run in which no unit reached a scene (stopped before any arrived, or nothing dispatched):
 * its response figures said 'never' for the mean time to the first unit on scene and 'never' again for the worst,
 * as if a time had been waited for in vain. It now says what drill run and the report say, "no unit reached a
 * scene", in English and Vietnamese, with no value for the worst; a run whose units arrived keeps its figures.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { browserAndServer, openServedRun, type BrowserAndServer } from './browser.js';

const dir = tempDir('drillsim-viewer-none-reached-');
const short = join(dir, 'ky-son-10min.json'), whole = join(dir, 'ky-son.json');
let bs: BrowserAndServer;

beforeAll(async () => {
  const r = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--until', 'T+00:10', '--out', short]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/response {4}no unit reached a scene\n/);
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--out', whole, '--quiet']).code).toBe(0);
  bs = await browserAndServer([short, whole]);
});

afterAll(async () => {
  await bs?.close();
});

/** The end-of-run figures' rows that start with `head`, as [row head, value] pairs. */
async function rows(i: number, lang: 'en' | 'vi', head: string): Promise<string[][]> {
  const p = await openServedRun(bs.browser, bs.server, i, lang);
  await p.locator('#tab-metrics').click();
  const out = await p.locator('#panel-metrics table.metrics.final tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  await p.close();
  return out.filter((r) => r[0].startsWith(head));
}

describe('the metrics panel of a run in which no unit reached a scene', () => {
  it('says no unit reached a scene, as drill run does, not "never", EN and VI', async () => {
    expect(await rows(0, 'en', 'Response')).toEqual([
      ['Response: mean time to first unit on scene', 'no unit reached a scene'],
      ['Response: worst', '–'],
      ['Response: incidents no unit reached', '0'],
    ]);
    expect(await rows(0, 'vi', 'Ứng phó')).toEqual([
      ['Ứng phó: thời gian trung bình đến khi lực lượng đầu tiên có mặt', 'không lực lượng nào đến được hiện trường'],
      ['Ứng phó: lâu nhất', '–'],
      ['Ứng phó: sự cố chưa có lực lượng nào đến được', '0'],
    ]);
  });

  it('keeps the times of a run whose units reached their scenes', async () => {
    // drill run --seed 7: "first unit on scene after 1 h 7 min on average (worst 3 h 15 min)"
    expect((await rows(1, 'en', 'Response')).slice(0, 2)).toEqual([
      ['Response: mean time to first unit on scene', '1 h 7 min'],
      ['Response: worst', '3 h 15 min'],
    ]);
  });
});
