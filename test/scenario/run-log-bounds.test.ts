// A horizon or a keyframe spacing that makes a run log no command could write: refused by drill validate (and so
// by run, batch and play), at its line, with how many keyframes and what to write. Kỳ Sơn keyframed every second ran
// 70 s and died as 'internal error: Invalid string length'; a horizon of 10000d did the same after two minutes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyframeCount } from '../../engine/scenario/check.js';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { HORIZON_MAX_S, KEYFRAME_EVERY_DEFAULT_S, KEYFRAMES_MAX } from '../../engine/scenario/schema.js';
import { openRunLog } from '../../engine/replay/open.js';
import { embeddedScenario } from '../../engine/review/report.js';
import { readRunLog, runScenario, serializeRunLog, verifyRunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { edit, refusedEdit, scenarioFiles } from '../helpers/scenarios.js';

const said = (issues: { severity: string }[], lang: 'en' | 'vi' = 'en') => issues.map((i) => formatIssueIn(i as never, lang));
const fixtures = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((d) => d.isDirectory() ? fixtures(join(dir, d.name)) : /\.ya?ml$/.test(d.name) ? [join(dir, d.name)] : []);

describe('the bounds on a run log: keyframes and horizon', () => {
  it('every shipped scenario and test fixture is well within them (a tenth of the keyframes, a seventh of the horizon)', () => {
    const files = [...scenarioFiles(), ...fixtures(join(ROOT, 'test/fixtures'))];
    let checked = 0;
    for (const f of files) {
      const r = parseScenario(readFileSync(f, 'utf8'), f);
      if (!r.ok) continue; // the fixtures of broken files and decisions files
      checked++;
      expect(keyframeCount(r.scenario.horizon, r.scenario.keyframe_every), f).toBeLessThanOrEqual(KEYFRAMES_MAX / 10);
      expect(r.scenario.horizon, f).toBeLessThanOrEqual(HORIZON_MAX_S / 7);
    }
    expect(checked).toBeGreaterThanOrEqual(scenarioFiles().length);
  });

  it('counts the keyframes as a run takes them: one at T0 and one every keyframe_every up to the horizon; none for 0s', () => {
    expect(keyframeCount(18 * 3600, 1800)).toBe(37);
    expect(keyframeCount(18 * 3600, 7 * 3600)).toBe(3);
    expect(keyframeCount(18 * 3600, 0)).toBe(0);
  });

  it('keyframe_every 1s over Kỳ Sơn\'s 18 h is refused at keyframe_every, with the count and a spacing that fits', () => {
    const issues = refusedEdit('ky-son-flash-flood', /^keyframe_every: 30m$/m, 'keyframe_every: 1s');
    expect(said(issues)).toEqual([
      'k.yaml:37:17: error[keyframes] keyframe_every: keyframe_every 1s makes 64801 keyframes over the horizon of 18h: a run log holds at most 5000 (each keyframe copies the whole world into the run log: set keyframe_every to 13s or more (the default, 30m, makes 37))',
    ]);
    expect(said(issues, 'vi')[0]).toContain('keyframe_every 1s tạo ra 64801 điểm lưu trạng thái (keyframe) trong horizon 18h: một nhật ký chạy chứa tối đa 5000');
    // the spacing said is enough
    const base = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    expect(parseScenario(edit(base, [/^keyframe_every: 30m$/m, 'keyframe_every: 13s']), 'k.yaml').ok).toBe(true);
    // and 0s, no keyframes at all, is no keyframe too many
    expect(parseScenario(edit(base, [/^keyframe_every: 30m$/m, 'keyframe_every: 0s']), 'k.yaml').ok).toBe(true);
  });

  it('a horizon whose default keyframes are too many is refused at horizon, saying keyframe_every was not given', () => {
    const issues = refusedEdit('minimal', /^horizon: 4h$/m, 'horizon: 365d');
    expect(said(issues)).toEqual([
      'k.yaml:12:10: error[keyframes] horizon: the horizon of 365d, with a keyframe every 30m (keyframe_every not given), makes 17521 keyframes: a run log holds at most 5000 (each keyframe copies the whole world into the run log: write `keyframe_every: 1h46m` or more, or shorten `horizon`)',
    ]);
    const base = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    expect(parseScenario(edit(base, [/^horizon: 4h$/m, 'horizon: 365d\nkeyframe_every: 1h46m']), 'k.yaml').ok).toBe(true);
    // the default fits up to 5000 keyframes: 4999 spacings of 30 min
    expect(parseScenario(edit(base, [/^horizon: 4h$/m, `horizon: ${(KEYFRAMES_MAX - 1) * KEYFRAME_EVERY_DEFAULT_S}s`]), 'k.yaml').ok).toBe(true);
  });

  it('a horizon longer than any drill (10000d) is refused outright, with the same number in the smaller units that fit', () => {
    const issues = refusedEdit('minimal', /^horizon: 4h$/m, 'horizon: 10000d');
    expect(said(issues)).toEqual([
      'k.yaml:12:10: error[horizon-bound] horizon: horizon 10000d is longer than any drill: a scenario runs at most 366d (a drill runs for hours or days, a flood season at the most: give a horizon of 366d or less; if the unit slipped, 10000m is 6d22h40m and 10000s is 2h46m40s)',
    ]);
    expect(said(issues, 'vi')[0]).toContain('horizon 10000d dài hơn mọi cuộc diễn tập: một kịch bản chạy tối đa 366d');
    expect(said(refusedEdit('minimal', /^horizon: 4h$/m, 'horizon: 400d12h'))[0]).toContain('give a horizon of 366d or less)');
  });

  it('a log already written with more keyframes (an older drill wrote them) still opens, reports and verifies', () => {
    const r = parseScenario(readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8'), 'minimal.yaml');
    if (!r.ok) throw new Error('minimal does not load');
    // keyframes every 2 s over 4 h, as a scenario validated before the bound
    const { log } = runScenario({ ...r.scenario, keyframe_every: 2 }, { seed: 7 });
    expect(log!.keyframes).toHaveLength(7201);
    const text = serializeRunLog(log!).join('');
    expect(parseScenario(log!.scenario.text, 'embedded.json').ok).toBe(false);
    expect(openRunLog(text, 'old.json').ok).toBe(true);
    expect(embeddedScenario(log!).ok).toBe(true);
    const back = readRunLog(text);
    expect(back.ok && verifyRunLog(back.log).ok).toBe(true);
  });
});
