/**
 * A run log one of whose events had an inner field edited by hand (a route's `"km": {}`, an incident's people
 * `"-5m"`, an `incident.reported` without its `kind`), served by `drill view`: the page says the log is damaged,
 * naming the event and the field, in English and Vietnamese, rather than drawing 'NaN km' or '[object Object]'.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { launch, serve, type Served } from './browser.js';

const dir = tempDir('drillsim-event-field-');
const good = join(dir, 'good.json');
let browser: Browser;
let served: Served;
let p: Page;

/** The log with the first line that `pick` matches changed by `change` (a log holds one event a line). */
function edited(name: string, pick: (l: string) => boolean, change: (l: string) => string): string {
  const lines = readFileSync(good, 'utf8').split('\n');
  const k = lines.findIndex(pick);
  expect(k).toBeGreaterThan(0);
  lines[k] = change(lines[k]);
  expect(lines[k]).not.toBe(readFileSync(good, 'utf8').split('\n')[k]);
  const file = join(dir, name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

beforeAll(async () => {
  expect(drill(['run', 'scenarios/minimal.yaml', '--seed', '7', '--out', good, '--quiet']).code).toBe(0);
  const km = edited('km.json', (l) => l.includes('"type":"unit.route"'), (l) => l.replace(/"km":[\d.]+/, '"km":{}'));
  const people = edited('people.json', (l) => l.includes('"type":"incident.people"'), (l) => l.replace(/"rescued":\d+/, '"rescued":"-5m"'));
  const kind = edited('kind.json', (l) => l.includes('"type":"incident.reported"'), (l) => l.replace(/"kind":"[^"]*",/, ''));
  browser = await launch();
  served = await serve([good, km, people, kind]);
  p = await browser.newPage({ viewport: { width: 1440, height: 950 } });
  await p.goto(served.url);
  await p.waitForFunction(() => (window as any).drillViewer?.ready);
  await p.evaluate(() => (window as any).drillViewer.ready);
}, 60_000);
afterAll(async () => { await p?.close(); await served?.stop(); await browser?.close(); });

describe('the viewer on a run log with an event field edited by hand', () => {
  it('says each such log is damaged, naming the event and its field, and opens the good one', async () => {
    const line = (file: string) => p.locator(`#error .error-line[data-file="${file}"]`);
    await p.waitForFunction(() => document.querySelectorAll('#error .error-line').length === 3);
    expect(await line('km.json').textContent()).toMatch(/km\.json is damaged: event #\d+ \(unit\.route\): 'km' is \{\} where drill writes a number/);
    expect(await line('people.json').textContent()).toMatch(/people\.json is damaged: event #\d+ \(incident\.people\): 'rescued' is "-5m" where drill writes a whole number, 0 or more/);
    expect(await line('kind.json').textContent()).toMatch(/kind\.json is damaged: event #1 \(incident\.reported\): 'kind' is missing where drill writes an id/);
    expect(await p.locator('body').innerText()).not.toMatch(/NaN|undefined|object Object/);
    await expect(p.locator('#title').textContent()).resolves.toContain('Mường Xén');

    await p.locator('#lang').click();
    await p.waitForFunction(() => document.documentElement.lang === 'vi');
    expect(await line('km.json').textContent()).toMatch(/km\.json bị hỏng: sự kiện #\d+ \(unit\.route\): 'km' là \{\}, trong khi drill ghi một số ở đó/);
    expect(await line('kind.json').textContent()).toMatch(/sự kiện #1 \(incident\.reported\): thiếu 'kind', trong khi drill ghi một mã ở đó/);
  });
});
