/**
 * Coverage warnings: what a valid scenario can never bring about, said by
 * `drill validate` before anyone plays it. Each warning is checked against a
 * run: the run shows what the warning said it would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { sayIn } from '../../engine/scenario/say.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { runScenario } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

const FILE = 'scenarios/minimal.yaml';
const minimal = readFileSync(join(ROOT, FILE), 'utf8');

function load(text: string): { scenario: Scenario; warnings: ScenarioIssue[] } {
  const r = parseScenario(text, FILE);
  if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r;
}
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const events = (s: Scenario) => runScenario(s, { seed: 7, mode: 'full' }).log!.events.map((e) => JSON.parse(e as unknown as string));

/** a second incident kind that nothing in the scenario makes */
const FLOOD_KIND: [string, string] = ['\nincidents:\n', '  - id: flood\n    name: { vi: Lũ, en: Flood }\n    need: { rescue: 1 }\n    work: 1h\n\nincidents:\n'];

describe('coverage warnings', () => {
  it('an inject at a set time that expects, or an option that orders, a dispatch to an incident reported only later: said before the drill, not found refused in every run', () => {
    // the collapse reported at T+01:00, the call about it still at T+00:22, as a planner who moved one and not the other
    const text = edit(minimal, ['    at: T+00:20\n', '    at: T+01:00\n']);
    const { scenario, warnings } = load(text);
    expect(warnings).toEqual([expect.objectContaining({
      line: lineOf(text, 'expected: { do: dispatch'), path: 'injects[0].expected.incident', code: 'before-incident', severity: 'warning',
      message: "inject 'first-call' expects a dispatch to incident 'collapse-1' by T+00:37, but that incident is reported only at T+01:00: no unit can be sent to it in time, in any run",
      hint: "deliver the inject at T+01:00 or later (`at: T+01:00`), or dispatch to an incident reported before it; if 'collapse-1' should come earlier, move its own `at:`",
    })]);
    expect(sayIn(warnings[0].words!.message, 'vi')).toBe("tình huống 'first-call' chờ điều lực lượng tới sự cố 'collapse-1' trước T+00:37, nhưng đến T+01:00 sự cố này mới được báo tin: ở mọi lượt chạy đều không thể điều lực lượng tới kịp");
    // the run bears it out: the call is answered by nobody in its 15 min (there is nothing to send anyone to)
    const ev = events(scenario);
    expect(ev.find((e) => e.type === 'inject.done' && e.t <= 37 * 60)).toBeUndefined();
    expect(ev.find((e) => e.type === 'incident.reported')?.t).toBe(3600);
    // a decision point whose default sends the militia there, answered by its deadline (T+00:52)
    const option = edit(text, [
      '    expected: { do: dispatch, incident: collapse-1, within: 15m }\n',
      '    decision:\n      options:\n        - { id: send, label: Send the militia, commands: [{ do: dispatch, unit: mx-militia, incident: collapse-1 }] }\n        - { id: wait, label: Wait }\n      deadline: 30m\n      default: send\n',
    ]);
    const said = load(option).warnings.filter((w) => w.code === 'before-incident');
    expect(said.map((w) => [w.path, w.message])).toEqual([[
      'injects[0].decision.options[0].commands[0].incident',
      "option 'send' of inject 'first-call' dispatches a unit to incident 'collapse-1', which is reported only at T+01:00, after the last answer can come (T+00:52): the order is refused in every run",
    ]]);
    // the library's scenarios say nothing of it
    expect(load(minimal).warnings.filter((w) => w.code === 'before-incident')).toEqual([]);
  });

  it('a capability no unit has: the incident escalates to the end of its work, at half speed', () => {
    const text = edit(minimal, ['need: { rescue: 2 }', 'need: { rescue: 2, engineering: 1 }']);
    const { scenario, warnings } = load(text);
    expect(warnings).toEqual([expect.objectContaining({
      line: lineOf(text, 'engineering: 1'), path: 'incident_kinds[0].need.engineering', code: 'need-uncovered', severity: 'warning',
      message: "no unit has 'engineering', and incident kind 'house-collapse' needs engineering 1: its need is never met, so it escalates while open and its work goes at 50 % of full speed at best",
    })]);
    const ev = events(scenario);
    const reported = ev.find((e) => e.type === 'incident.reported');
    const severities = ev.filter((e) => e.type === 'incident.severity').map((e) => e.severity);
    expect(severities, 'it escalates').toEqual([4, 5]);
    // everyone on scene from T+00:25, yet the work takes twice its length
    const onScene = ev.find((e) => e.type === 'incident.phase' && e.phase === 'responding').t;
    const contained = ev.find((e) => e.type === 'incident.phase' && e.phase === 'contained').t;
    expect(contained - onScene).toBeGreaterThanOrEqual(2 * reported.work_s - 1);
  });

  it('a need beyond all units together, even at the lowest severity', () => {
    const text = edit(minimal, ['need: { rescue: 2 }', 'need: { rescue: [3, 4, 5, 6, 7] }']);
    expect(load(text).warnings.map((w) => [w.code, w.message])).toEqual([['need-uncovered',
      "all units together have rescue 2, and incident kind 'house-collapse' needs rescue 3 even at severity 1: its need is never met, so it escalates while open and its work goes at 67 % of full speed at best"]]);
    // a need that all units together meet at some severity is no warning
    expect(load(edit(minimal, ['need: { rescue: 2 }', 'need: { rescue: [2, 4, 5, 6, 7] }'])).warnings).toEqual([]);
  });

  it('an objective over a kind nothing brings about is "not tested" in every run', () => {
    const text = edit(minimal, FLOOD_KIND, ['of: collapse-1,', 'of: flood,']);
    const { scenario, warnings } = load(text);
    expect(warnings).toEqual([expect.objectContaining({
      line: lineOf(text, 'of: flood'), path: 'objectives[0].criterion.of', code: 'never-tested',
      message: "objective 'first-on-scene' measures incidents of kind 'flood', which nothing in the scenario brings about: it is \"not tested\" in every run",
    })]);
    const summary = runScenario(scenario, { seed: 7 }).summary;
    expect(summary.objectives[0].not_tested).toBe('no_incident');
    // made by a secondary incident of a kind that occurs, it can be tested: no warning
    const secondary = edit(minimal, FLOOD_KIND, ['of: collapse-1,', 'of: flood,'], ['    survival_half_life: 3h\n', '    survival_half_life: 3h\n    secondary: [{ kind: flood, probability: 0.5, at_severity: 3 }]\n']);
    expect(load(secondary).warnings).toEqual([]);
    // but not by a kind whose severity never rises (no escalate_every): a secondary comes only as it worsens
    const steady = edit(secondary, ['    escalate_every: 45m\n', '']);
    expect(load(steady).warnings.map((w) => w.code)).toEqual(['never-tested']);
    expect(runScenario(load(steady).scenario, { seed: 7 }).summary.objectives[0].not_tested).toBe('no_incident');
  });

  it('an inject waiting for a kind nothing brings about is never delivered', () => {
    const text = edit(minimal, FLOOD_KIND, ['    objectives: [first-on-scene]\n', '    objectives: [first-on-scene]\n  - id: flood-call\n    seq: 2\n    when: { incident_kind: flood }\n    from: hotline 112\n    to: mx-commander\n    method: phone\n    subject: { vi: Lũ, en: Flood }\n    message: { vi: Lũ, en: Flood }\n']);
    const { scenario, warnings } = load(text);
    expect(warnings.map((w) => [w.line, w.path, w.code])).toEqual([[lineOf(text, 'incident_kind: flood'), 'injects[1].when.incident_kind', 'never-delivered']]);
    expect(events(scenario).filter((e) => e.type === 'inject.delivered').map((e) => e.id)).toEqual(['first-call']);
  });

  it('an inject waiting for a road no rule cuts (one a rule only slows) is never delivered, and the warning says so in both languages', () => {
    const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const text = edit(kySon, ['when: { road_cut: ql7-tc-mx }', 'when: { road_cut: ql7-td-hk }']);
    const { scenario, warnings } = load(text);
    expect(warnings.map((w) => [w.line, w.path, w.code])).toEqual([[lineOf(text, 'road_cut: ql7-td-hk'), 'injects[6].when.road_cut', 'never-delivered']]);
    expect(warnings[0].message).toBe("inject 'ql7-cut' waits for road 'ql7-td-hk' to be cut, which no rule of the scenario cuts: it is never delivered");
    expect(warnings[0].hint).toBe("rule 'slide-ql7-td-hk' only slows it, with `degrade_road`: make that `cut_road`; otherwise wait for a road a rule cuts, one of ql7-tc-mx, ql7-hk-tc, or add a rule with `effect: { cut_road: ... }`");
    expect(sayIn(warnings[0].words.message, 'vi')).toBe("tình huống 'ql7-cut' chờ đoạn đường 'ql7-td-hk' bị cắt, mà không quy tắc nào trong kịch bản cắt đoạn đường này: tình huống không bao giờ được phát");
    const run = runScenario(scenario, { seed: 2022, mode: 'full' }).log!.events.map((e) => JSON.parse(e as unknown as string));
    expect(run.some((e) => e.type === 'road.status' && e.id === 'ql7-td-hk')).toBe(true);
    expect(run.filter((e) => e.type === 'inject.delivered' && e.id === 'ql7-cut')).toEqual([]);
    // a road a rule cuts: no warning
    expect(load(kySon).warnings.filter((w) => w.code === 'never-delivered')).toEqual([]);
  });

  it('an expected action its addressee may not take is refused', () => {
    const text = edit(minimal, ['expected: { do: dispatch, incident: collapse-1, within: 15m }', 'expected: { do: declare_level, area: muong-xen, level: 2 }']);
    const { scenario, warnings } = load(text);
    expect(warnings).toEqual([expect.objectContaining({
      path: 'injects[0].expected.level', code: 'expected-impossible',
      message: "inject 'first-call' expects 'mx-commander' to declare level 2, which 'mx-commander' may not declare (it may declare 1): the order is refused",
    })]);
    expect(events(scenario).filter((e) => e.type === 'decision.refused').map((e) => [e.do, e.code])).toEqual([['declare_level', 'no-authority']]);
    const noUnits = edit(minimal, ['commands: [mx-militia, mx-police]', 'commands: []']);
    expect(load(noUnits).warnings.filter((w) => w.code === 'expected-impossible').map((w) => w.message)).toEqual([
      "inject 'first-call' expects 'mx-commander' to dispatch, but 'mx-commander' commands no unit: every such order is refused",
    ]);
  });

  it('a decision latency measured on an inject that calls for no decision reads "never" in every run', () => {
    const text = edit(minimal, ['    expected: { do: dispatch, incident: collapse-1, within: 15m }\n', ''], ['metric: first_on_scene_s, of: collapse-1,', 'metric: decision_latency_s, of: first-call,']);
    const { scenario, warnings } = load(text);
    expect(warnings.map((w) => [w.line, w.path, w.code])).toEqual([[lineOf(text, 'of: first-call'), 'objectives[0].criterion.of', 'never-answered']]);
    expect(runScenario(scenario, { seed: 7 }).summary.objectives[0]).toMatchObject({ value: null, met: false, rating: 'U' });
    // with a decision to take, it is answered (by its default at the deadline, if nobody does)
    const decision = edit(minimal, ['    expected: { do: dispatch, incident: collapse-1, within: 15m }\n', '    decision:\n      options: [{ id: go, label: Go }, { id: wait, label: Wait }]\n      deadline: 10m\n      default: go\n'], ['metric: first_on_scene_s, of: collapse-1,', 'metric: decision_latency_s, of: first-call,']);
    expect(load(decision).warnings).toEqual([]);
  });

  it('an inject delivered at the first incident of a kind, expecting a dispatch to one incident of it that another source can precede: it may come first', () => {
    const onKind = edit(minimal, ['    at: T+00:22\n', '    when: { incident_kind: house-collapse }\n']);
    expect(load(onKind).warnings).toEqual([]);
    const text = edit(onKind, ['    area: muong-xen\n\nroles:', '    area: muong-xen\n  - { id: collapse-0, at: T+00:05, kind: house-collapse, area: muong-xen }\n\nroles:']);
    const { scenario, warnings } = load(text);
    expect(warnings).toEqual([expect.objectContaining({
      line: lineOf(text, 'when: { incident_kind: house-collapse }'), path: 'injects[0].when.incident_kind', code: 'early-inject', severity: 'warning',
      message: "inject 'first-call' comes with the first incident of kind 'house-collapse' and expects a dispatch to 'collapse-1' (T+00:20), but incident 'collapse-0' can bring one about earlier (from T+00:05): the inject may arrive before 'collapse-1' is there",
    })]);
    expect(sayIn(warnings[0]!.words.hint!, 'en')).toBe("give the inject `at: T+00:20` or later in place of `when:`, or give 'collapse-1' a kind of its own");
    expect(sayIn(warnings[0]!.words.message, 'vi')).toContain("'collapse-1'");
    // and a run shows it: delivered at T+00:05, before collapse-1 is reported
    const ev = events(scenario);
    const delivered = ev.find((e) => e.type === 'inject.delivered' && e.id === 'first-call');
    expect(delivered?.t).toBe(5 * 60);
  });

  it('an incident of another kind that can set one off as its secondary can precede it too', () => {
    const onKind = edit(minimal, ['    at: T+00:22\n', '    when: { incident_kind: house-collapse }\n']);
    // a flood at T+00:05 that no unit can work on rises to severity 3 at T+00:10 and sets off a house collapse
    const flood = ['\nincidents:\n', '  - id: flood\n    name: { vi: Lũ, en: Flood }\n    need: { engineering: 1 }\n    work: 1h\n    severity: 2\n    escalate_every: 5m\n    secondary: [{ kind: house-collapse, probability: 1, at_severity: 3 }]\n\nincidents:\n'] as [string, string];
    const text = edit(onKind, flood, ['    area: muong-xen\n\nroles:', '    area: muong-xen\n  - { id: flood-0, at: T+00:05, kind: flood, area: muong-xen }\n\nroles:']);
    const { scenario, warnings } = load(text);
    const early = warnings.filter((w) => w.code === 'early-inject');
    expect(early).toEqual([expect.objectContaining({
      line: lineOf(text, 'when: { incident_kind: house-collapse }'), path: 'injects[0].when.incident_kind',
      message: "inject 'first-call' comes with the first incident of kind 'house-collapse' and expects a dispatch to 'collapse-1' (T+00:20), but incident 'flood-0' (an incident of kind 'flood' can set off a 'house-collapse' as its secondary) can bring one about earlier (from T+00:05): the inject may arrive before 'collapse-1' is there",
    })]);
    expect(sayIn(early[0]!.words.message, 'vi')).toContain("sự cố 'flood-0' (vì sự cố loại 'flood' có thể kéo theo sự cố thứ phát loại 'house-collapse')");
    // and a run shows it: the flood's secondary collapse brings the inject at T+00:10, before collapse-1 is reported
    const ev = events(scenario);
    expect(ev.find((e) => e.type === 'inject.delivered' && e.id === 'first-call')?.t).toBe(10 * 60);
    // a secondary that never comes (probability 0, or a parent whose severity never rises) precedes nothing
    expect(load(edit(text, ['probability: 1,', 'probability: 0,'])).warnings.filter((w) => w.code === 'early-inject')).toEqual([]);
    const steady = edit(text, ['    escalate_every: 5m\n    secondary', '    secondary']);
    expect(load(steady).warnings.filter((w) => w.code === 'early-inject')).toEqual([]);
    expect(events(load(steady).scenario).find((e) => e.type === 'inject.delivered' && e.id === 'first-call')?.t).toBe(20 * 60);
  });

  it('the library scenarios bring about all they measure, wait for and expect', () => {
    const codes = new Set(['need-uncovered', 'never-tested', 'never-delivered', 'never-answered', 'expected-impossible', 'early-inject']);
    for (const f of readdirSync(join(ROOT, 'scenarios')).filter((n) => n.endsWith('.yaml'))) {
      expect(load(readFileSync(join(ROOT, 'scenarios', f), 'utf8')).warnings.filter((w) => codes.has(w.code)), f).toEqual([]);
    }
  });
});
