/**
 * A run log given as `--decisions`: a session played in the browser (or with
 * `drill play` and no --decisions-out) is saved as a run log only, and the
 * planner replays its decisions over many seeds from that log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PlaySession } from '../../engine/play/session.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { parseDecisionsOrLog } from '../../engine/sim/decisions-of-log.js';
import { planFork } from '../../engine/review/fork.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const KY_SON_SCRIPT = readFileSync(join(ROOT, 'test/fixtures/play/ky-son.session'), 'utf8').split('\n');

function playedLog(lines: string[]) {
  const s = new PlaySession(kySon, { seed: 2022, players: ['mx-chair', 'tc-chair'], controller: true, lang: 'en' });
  for (const l of lines) s.handle(l);
  return serializeRunLog(s.log()).join('');
}

describe('decisions taken from a run log', () => {
  it('a whole play session\'s log gives its decisions and players: run again on its seed, the same log to the byte', () => {
    const text = playedLog(KY_SON_SCRIPT);
    const r = parseDecisionsOrLog(text, 'session.json', kySon);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.warnings).toEqual([]);
    expect(r.value.players).toEqual(['mx-chair', 'tc-chair']);
    expect(r.value.decisions.filter((d) => d.author === 'controller').length).toBeGreaterThan(0);
    const again = runScenario(kySon, { seed: 2022, decisions: r.value.decisions, players: r.value.players }).log!;
    expect(serializeRunLog(again).join('')).toBe(text);
  });

  it('places a problem at the log\'s line of the decision it concerns, against a scenario that lacks its unit', () => {
    const text = playedLog(KY_SON_SCRIPT);
    const i = JSON.parse(text).decisions.findIndex((d: { unit?: string }) => d.unit !== undefined);
    expect(i).toBeGreaterThanOrEqual(0);
    const unit = JSON.parse(text).decisions[i].unit as string;
    const without = { ...kySon, units: kySon.units.filter((u) => u.id !== unit) };
    const r = parseDecisionsOrLog(text, 'session.json', without);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const issue = r.issues.find((x) => x.path === `decisions[${i}].unit`)!;
    expect(issue.message).toBe(`unknown unit '${unit}'`);
    expect(text.split('\n')[issue.line - 1]).toContain(`"unit":"${unit}"`);
  });

  it("a run of another scenario says so, with no decisions file's hint to write its scenario's id", () => {
    const minimal = loadNamed('minimal');
    const text = serializeRunLog(runScenario(minimal, { seed: 1 }).log!).join('');
    const r = parseDecisionsOrLog(text, 'other.json', kySon);
    expect(r.ok ? [] : r.issues.map((i) => `${i.code}: ${i.message} (${i.hint})`)).toEqual([
      "wrong-scenario: this run log is a run of scenario 'minimal', not 'ky-son-flash-flood' (give a run of 'ky-son-flash-flood', or a decisions file written for it)",
    ]);
  });

  it('a session saved before the end is replayed with a warning that its players decide nothing after it', () => {
    const text = playedLog(KY_SON_SCRIPT.slice(0, 6));
    expect(JSON.parse(text).session).toBeDefined();
    const r = parseDecisionsOrLog(text, 'part.json', kySon);
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['session-stopped']);
    expect(r.ok && r.warnings[0].message).toMatch(/^the session was saved at T\+[\d:]+, before the end: after it, nobody decides for mx-chair, tc-chair \(doctrine does not play a player's role\)$/);
  });

  it('a run stopped with --until warns of the decisions it holds past its stop, which it never played; one played to its end does not', () => {
    const trainee = parseDecisions(readFileSync(join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml'), 'utf8'), 'trainee.yaml', kySon);
    if (!trainee.ok) throw new Error('fixture');
    const logOf = (until?: number) => serializeRunLog(runScenario(kySon, { seed: 2022, until, decisions: trainee.value.decisions, players: trainee.value.players }).log!).join('');
    const cut = parseDecisionsOrLog(logOf(2 * 3600), 'cut.json', kySon);
    expect(cut.ok && cut.warnings.map((w) => w.code)).toEqual(['run-stopped']);
    const late = trainee.value.decisions.filter((d) => d.at > 2 * 3600);
    expect(late.length).toBeGreaterThan(0);
    expect(cut.ok && cut.warnings[0].message).toBe(`this run stopped at T+02:00 (drill run --until): ${late.length} of its decisions, from T+03:15 on, were never played in it, but are replayed here`);
    const whole = parseDecisionsOrLog(logOf(), 'whole.json', kySon);
    expect(whole.ok && whole.warnings).toEqual([]);
  });

  it("an old engine's log with a decision after the end (warned of then, and not played) replays without it, with a warning at its line; a decisions file with it is refused", () => {
    const trainee = parseDecisions(readFileSync(join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml'), 'utf8'), 'trainee.yaml', kySon);
    if (!trainee.ok) throw new Error('fixture');
    const text = serializeRunLog(runScenario(kySon, { seed: 2022, decisions: trainee.value.decisions, players: trainee.value.players }).log!).join('');
    // the log as an engine before 0.6.0 wrote it: its third decision moved past the end (T+18:00)
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('"decisions":[')) + 3;
    expect(lines[at]).toMatch(/^\{"at":3900,/);
    lines[at] = lines[at].replace('"at":3900', '"at":90000');
    const r = parseDecisionsOrLog(lines.join('\n'), 'old.json', kySon);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.value.decisions.map((d) => d.at)).toEqual(trainee.value.decisions.filter((_, i) => i !== 2).map((d) => d.at));
    expect(r.warnings.map((w) => [w.code, w.severity, w.line])).toEqual([['outside-horizon', 'warning', at + 1]]);
    expect(r.warnings[0].message).toBe("decisions of this run after the scenario's end at T+18:00 (1, the first at T+1d01:00): the engine that wrote the log warned of them and played on without them, so they are left out here too");
    // the other decisions keep their own lines in the log
    const i = r.value.decisions.findIndex((d) => d.at === trainee.value.decisions[3].at);
    expect(r.value.lines![i]).toBe(at + 2);
    const file = parseDecisions('drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+25:00, role: tc-chair, do: declare_level, area: ta-ca, level: 1 }\n', 'late.yaml', kySon);
    expect(file.ok ? [] : file.issues.map((x) => x.code)).toEqual(['outside-horizon']);
  });

  it('a fork in which a player took over part-way is refused with what to replay instead; a decisions file still reads as one', () => {
    const base = runScenario(kySon, { seed: 2022 }).log!;
    const extra = parseDecisions('drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+04:00, role: tc-chair, do: declare_level, area: ta-ca, level: 1 }\n', 'new.yaml', kySon);
    if (!extra.ok) throw new Error('fixture');
    const fork = planFork(base, 3 * 3600, extra.value);
    if (!fork.ok) throw new Error(fork.message);
    const forked = runScenario(kySon, { seed: 2022, decisions: fork.decisions, players: fork.players, joined: fork.joined }).log!;
    const r = parseDecisionsOrLog(serializeRunLog(forked).join(''), 'fork.json', kySon);
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'joined-part-way', message: expect.stringContaining('tc-chair at T+03:00') }] });
    expect(parseDecisionsOrLog(readFileSync(join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml'), 'utf8'), 'd.yaml', kySon).ok).toBe(true);
  });
});
