/**
 * A message whose expected action a default did (its decision point unanswered at the deadline, the default
 * option applied) says so, as `drill report` does. The messages panel read "expected action taken by Tương Dương
 * commune chair after 1 h 12 min" for the dam rumour of Bản Vẽ, where that trainee had answered nothing: the
 * after-action review credited a seat with an action nobody there took.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';
import { openServedRun, viewerSession, type ViewerSession } from './browser.js';

const dir = tempDir('drillsim-viewer-done-default-');
const file = join(dir, 'idle.json');
let session: ViewerSession;

beforeAll(async () => {
  // the Tương Dương chair played and silent: the crowd-on-road default (deny now) informs the public the rumour asked for
  const idle = join(dir, 'idle.yaml');
  writeFileSync(idle, 'drillsim_decisions: 1\nplayers: [td-chair]\ndecisions: []\n');
  expect(drill(['run', 'scenarios/ban-ve-extreme-inflow.yaml', '--decisions', idle, '--out', file, '--quiet']).code).toBe(0);
  session = await viewerSession([file], undefined, '#run=0&t=T+1d00:00&lang=en');
});

afterAll(async () => {
  await session?.close();
});

const outcome = (lang: 'en' | 'vi') => async () => {
  const page = lang === 'en' ? session.page : await openServedRun(session.browser, session.server, 0, 'vi', '&t=T+1d00:00');
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  return page.locator('#panel-messages li.msg[data-inject="dam-rumour"] p.outcome.done').innerText();
};

describe('a message done by a default', () => {
  it('says a default did it, not the role (en)', async () => {
    const text = await outcome('en')();
    expect(text).toMatch(/^expected action taken after 1 h 12 min, by a default: an answer Tương Dương commune chair did not give by its deadline was applied/);
    // the report says the same of it
    expect(drill(['report', file]).stdout).toContain('expected action taken after 1 h 12 min, by a default: an answer Tương Dương commune chair did not give by its deadline was applied');
  });

  it('says a default did it, not the role (vi)', async () => {
    expect(await outcome('vi')()).toMatch(/^đã xử lý sau 1 giờ 12 phút theo phương án mặc định: Chủ tịch UBND xã Tương Dương không trả lời trước hạn nên phương án mặc định được áp dụng/);
  });
});
