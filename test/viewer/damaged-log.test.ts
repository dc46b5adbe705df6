/**
 * Damage the viewer finds after a run is shown, and warns of as `drill report` and `drill verify` do: a head edited
 * by hand (another seed than the run's first event records; the head is not hashed) and a keyframe that cannot be
 * read (found as the keyframes are read ahead in idle time, not only when a seek lands in its stretch), and one
 * that reads but was edited (found by running the run again in idle time: the hash chain does not cover keyframes).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-damaged-');
const good = join(dir, 'good.json');
const seedEdited = join(dir, 'seed-edited.json');
const keyframeDamaged = join(dir, 'keyframe-damaged.json');
const keyframeEdited = join(dir, 'keyframe-edited.json');
let session: ViewerSession;
let recordedSeed: number;

beforeAll(async () => {
  expect(drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--out', good, '--quiet']).code).toBe(0);
  const text = readFileSync(good, 'utf8');
  recordedSeed = JSON.parse(text).seed;
  writeFileSync(seedEdited, text.replace(`"seed":${recordedSeed},`, `"seed":${recordedSeed + 1},`));
  // the third keyframe's line (T+01:00 with the scenario's 30 min keyframes; a log as big as Kỳ Sơn's is served on a look at its two ends, as a big log is), cut short inside its world
  const lines = text.split('\n');
  const k = lines.findIndex((l) => l.startsWith('{"t":3600,"events":'));
  expect(k).toBeGreaterThan(0);
  lines[k] = lines[k].replace('"world":{', '"world":{}}GARBAGE');
  writeFileSync(keyframeDamaged, lines.join('\n'));
  // the T+02:00 keyframe with 50 more people unaffected in the province than the run had then: valid JSON, valid world
  const edited = text.split('\n');
  const e = edited.findIndex((l) => l.startsWith('{"t":7200,"events":'));
  expect(e).toBeGreaterThan(0);
  edited[e] = edited[e].replace(/"unaffected":(\d+)/, (_, n) => `"unaffected":${Number(n) + 50}`);
  expect(edited[e]).not.toBe(text.split('\n')[e]);
  writeFileSync(keyframeEdited, edited.join('\n'));
  session = await viewerSession([seedEdited, keyframeDamaged, keyframeEdited, good]);
}, 60_000);
afterAll(async () => { await session?.close(); });

const settled = () => session.page.evaluate(() => (window as any).drillViewer.settled());

describe('the viewer on a run log damaged after it was written', () => {
  it('warns of a head whose seed is not the one its first event records, naming that seed, in both languages', async () => {
    const p = session.page;
    await settled();
    const line = p.locator('#warning [data-warning="head"]');
    expect(await line.textContent()).toBe(`seed-edited.json: Warning: the seed, end, players or --vary written at the head of the run log differ from those its first event records (seed ${recordedSeed}), which the hash chain covers. The head has been edited since the run; do not rely on the log.`);
    expect(await p.locator('#warning [data-warning="hash"], #warning [data-warning="summary"], #warning [data-warning="keyframe"], #warning [data-warning="keyframe-edited"]').count()).toBe(0);
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await line.textContent()).toContain(`(seed ${recordedSeed}), là phần được chuỗi băm bảo vệ`);
    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('warns of a keyframe that cannot be read as soon as it is read ahead, without a seek into its stretch', async () => {
    const p = session.page;
    await p.evaluate(() => { location.hash = '#run=1'; });
    await settled();
    await p.waitForFunction(() => document.querySelector('#warning [data-warning="keyframe"]') !== null);
    expect(await p.locator('#warning [data-warning="keyframe"]').textContent()).toBe('keyframe-damaged.json: Warning: the run log is damaged: its keyframe at T+01:00 cannot be read, so the stretch of the run from there to the next keyframe cannot be shown. `drill verify` checks the whole log.');
    // the clock was never in that stretch: no seek said it
    expect(Number(await p.locator('#clock').getAttribute('data-t'))).toBeLessThan(3600);
    expect(await p.locator('#warning [data-warning="head"]').count()).toBe(0);
  });

  it('warns of a keyframe edited by hand once the run has been run again in idle time, naming its time; a log as written gets no warning', async () => {
    const p = session.page;
    await p.evaluate(() => { location.hash = '#run=2'; });
    await settled();
    await p.waitForFunction(() => document.querySelector('#warning [data-warning="keyframe-edited"]') !== null);
    expect(await p.locator('#warning [data-warning="keyframe-edited"]').textContent()).toBe("keyframe-edited.json: Warning: the run log has been edited: its keyframe at T+02:00 is not the world the run had then (run again here from the log's own scenario, seed and decisions), so what the map and panels show from there may never have happened. `drill verify` says what differs.");
    // the hash chain covers the events alone: it had nothing to say
    expect(await p.locator('#warning [data-warning="hash"], #warning [data-warning="summary"], #warning [data-warning="keyframe"], #warning [data-warning="head"]').count()).toBe(0);
    await p.evaluate(() => { location.hash = '#run=3'; });
    await settled();
    expect(await p.locator('#warning .warn-line').count()).toBe(0);
    // drill verify says the same of the file
    const r = drill(['verify', keyframeEdited]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/keyframes\[4\]\.world\.areas\.\S+\.people\.unaffected differs/);
  });
});
