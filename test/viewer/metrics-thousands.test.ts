/**
 * The metrics panel's figures are written as drill run, drill report and the play page write them, their thousands
 * grouped (1,306; in Vietnamese 1.306): the panel said "People: at risk 1306" beside drill run's "1,306 at risk".
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { browserAndServer, openServedRun, type BrowserAndServer } from './browser.js';

const dir = tempDir('drillsim-viewer-thousands-');
const late = join(dir, 'ky-son-late.json');
let bs: BrowserAndServer;
/** drill run's own words for the people: "1,306 at risk, 1,208 rescued, 98 lost, 0 still at risk; 813 evacuated to shelters" */
let said: Record<string, string>;

beforeAll(async () => {
  const r = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--seed', '7', '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml', '--out', late, '--lang', 'en']);
  expect(r.code).toBe(0);
  const m = /people +([\d,]+) at risk, ([\d,]+) rescued, ([\d,]+) lost, ([\d,]+) still at risk; ([\d,]+) evacuated/.exec(r.stdout);
  expect(m).not.toBeNull();
  said = { atRisk: m![1], rescued: m![2], lost: m![3], still: m![4], evacuated: m![5] };
  // the figures this test is about: a thousand people or more
  expect(said.atRisk).toMatch(/^\d,\d{3}$/);
  bs = await browserAndServer([late]);
});

afterAll(async () => {
  await bs?.close();
});

/** The end-of-run figures of the metrics panel, as { row head: value }. */
async function finalRows(lang: 'en' | 'vi'): Promise<Record<string, string>> {
  const p = await openServedRun(bs.browser, bs.server, 0, lang);
  await p.locator('#tab-metrics').click();
  const rows = await p.locator('#panel-metrics table.metrics.final tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  await p.close();
  return Object.fromEntries(rows.map(([head, value]) => [head, value]));
}

describe('the metrics panel at the end of a run with over a thousand people at risk', () => {
  it('groups the thousands as drill run does, in English', async () => {
    const rows = await finalRows('en');
    expect(rows['People: at risk']).toBe(said.atRisk);
    expect(rows['People: rescued']).toBe(said.rescued);
    expect(rows['People: lost']).toBe(said.lost);
    expect(rows['People: still at risk']).toBe(said.still);
    expect(rows['People: evacuated to shelters']).toBe(said.evacuated);
    // no figure of the panel is four digits or more without a separator
    for (const [head, value] of Object.entries(rows)) expect(value, head).not.toMatch(/\d{4}/);
  });

  it('groups them with a point in Vietnamese, as the Vietnamese report does', async () => {
    const rows = await finalRows('vi');
    const vi = (en: string) => en.replace(/,/g, '.');
    const values = Object.values(rows);
    expect(values).toContain(vi(said.atRisk));
    expect(values).toContain(vi(said.rescued));
    for (const [head, value] of Object.entries(rows)) expect(value, head).not.toMatch(/\d{4}|\d,\d{3}/);
  });
});
