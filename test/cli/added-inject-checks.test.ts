/**
 * An inject a decisions file adds (`add_inject`) is checked as drill validate checks the scenario's own: its
 * expected action (a key the order never names, a command written as a key, an unknown zone), its condition (no
 * hazard named, a hazard with no alarm levels, nothing to wait for), its decision point (two options with one id,
 * a default that is not an option). Before, only its role and its id were looked at: the file ran, and the inject
 * was never done, or its answer never matched. Each problem is said at its line and column in the decisions file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir, writeDecisions } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
const dir = tempDir('drillsim-added-checks-');
/** an inject exercise control adds at T+02:00 for the Tà Cạ chair; `more` is the rest of it */
const add = (id: string, seq: number, more: string) => `{ at: T+02:00, role: controller, do: add_inject, inject: { id: ${id}, seq: ${seq}, at: T+02:10, from: Exercise control, to: tc-chair, method: radio, subject: Move people, message: Move the riverside people now, ${more} } }`;

function run(name: string, entries: string[], lang = 'en') {
  const f = writeDecisions(join(dir, name), ['tc-chair'], entries);
  const out = join(dir, name.replace(/\.yaml$/, '.json'));
  const r = drill(['run', KY_SON, '--decisions', f, '--out', out, '--lang', lang]);
  expect(r.stderr).not.toMatch(STACK);
  expect(existsSync(out)).toBe(false);
  return { f, code: r.code, lines: r.stderr.trimEnd().split('\n') };
}

describe('drill run --decisions with an added inject that drill validate would refuse in the scenario', () => {
  it('an expected action: a key the order never names, and a command written as a key, each said once at its place', () => {
    const r = run('expected.yaml', [
      add('move-1', 21, 'expected: { do: evacuate, area: ta-ca, within: 30m }'),
      add('move-2', 22, 'expected: { evacuate: zone }'),
    ]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${r.f}:4:245: error[expected-key] decisions[0].inject.expected.area: inject 'move-1' expects \`do: evacuate\` with \`area: ta-ca\`, but that order names no area: no order taken matches it, so the inject is never done (\`do: evacuate\` names the zone to empty: write \`zone: ta-ca-riverside\`, the zone in 'ta-ca')`,
      `${r.f}:5:225: error[command-key] decisions[1].inject.expected.evacuate: \`evacuate: zone\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (write \`{ do: evacuate, zone: <id> }\` with the zone meant, one of: ta-ca-riverside, muong-xen-lowland)`,
    ]);
    // drill validate --decisions says the same, without running
    const v = drill(['validate', KY_SON, '--decisions', r.f]);
    expect(v.code).toBe(1);
    expect(v.stdout.trimEnd().split('\n').slice(1)).toEqual(r.lines);
  });

  it('a decision point: two options with one id, a default that is not an option, an order for an unknown zone', () => {
    const options = 'decision: { options: [{ id: go, label: Go, commands: [{ do: evacuate, zone: ta-ca-rivreside }] }, { id: go, label: Wait }], deadline: 20m, default: wait }';
    const r = run('options.yaml', [add('ask-1', 21, options)]);
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${r.f}:4:288: error[unknown-id] decisions[0].inject.decision.options[0].commands[0].zone: unknown zone 'ta-ca-rivreside' (did you mean 'ta-ca-riverside'?)`,
      `${r.f}:4:316: error[duplicate-id] decisions[0].inject.decision.options[1].id: duplicate option id 'go' (the first is decisions[0].inject.decision.options[0]; give each option its own id)`,
      `${r.f}:4:360: error[unknown-id] decisions[0].inject.decision.default: default option 'wait' is not one of the options (known: go)`,
    ]);
  });

  it('a condition: no hazard named, a hazard with no alarm levels, nothing to wait for; in Vietnamese too', () => {
    const entries = [
      add('wait-1', 21, 'when: { alarm: bd2 }').replace('at: T+02:10, ', ''),
      add('wait-2', 22, 'when: { hazard: ban-ve-reservoir, alarm: bd2 }').replace('at: T+02:10, ', ''),
      add('wait-3', 23, 'when: { area: ta-ca }').replace('at: T+02:10, ', ''),
    ];
    const r = run('when.yaml', entries);
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.includes('error['))).toEqual([
      `${r.f}:4:215: error[when-no-hazard] decisions[0].inject.when.alarm: inject 'wait-1' waits for \`alarm: bd2\`, a hazard's value, but its condition names no hazard: \`alarm\` is not read (add the hazard whose value it waits for: \`hazard: nam-mo-muong-xen\`)`,
      `${r.f}:5:241: error[no-alarms] decisions[1].inject.when.alarm: inject 'wait-2' waits for alarm bd2, but hazard 'ban-ve-reservoir' has no alarm levels: the alarm is never reached (name in \`hazard:\` one with alarm levels (nam-mo-muong-xen), or wait for a value of 'ban-ve-reservoir' with \`above:\`)`,
      `${r.f}:6:206: error[when-empty] decisions[2].inject.when: the condition of inject 'wait-3' gives nothing to wait for (say what it waits for: \`hazard:\` with \`above:\`, \`alarm:\` or \`risk_at_least:\` for a hazard's value, \`incident_kind:\` for an incident, \`road_cut:\` for a road cut; an inject to deliver as it is added needs no \`when:\`)`,
    ]);
    const vi = run('when-vi.yaml', entries, 'vi');
    expect(vi.code).toBe(1);
    expect(vi.lines.filter((l) => l.includes('error['))[0]).toBe(`${vi.f}:4:215: error[when-no-hazard] decisions[0].inject.when.alarm: tình huống 'wait-1' chờ \`alarm: bd2\`, là một giá trị của thiên tai, nhưng điều kiện của nó không nêu thiên tai nào: \`alarm\` không được đọc (hãy thêm thiên tai có giá trị cần chờ: \`hazard: nam-mo-muong-xen\`)`);
  });

  it('a contingency that would come after the end of the scenario is warned of, as the scenario\'s own is (the run still goes)', () => {
    const f = writeDecisions(join(dir, 'chase.yaml'), ['tc-chair'], [add('chase-1', 21, 'contingency: { for: province-directive, after: 20h }').replace('at: T+02:10, ', '')]);
    const v = drill(['validate', KY_SON, '--decisions', f]);
    expect(v.code).toBe(0);
    expect(v.stdout.trimEnd().split('\n')[1]).toBe(`${f}:4:248: warning[outside-horizon] decisions[0].inject.contingency.after: inject 'chase-1' comes 20h after 'province-directive' (T+00:30) if its expected action is not taken, at T+20:30: after the end of the scenario (horizon 18h), so it never comes (\`after:\` can be at most 17h30m here: shorten it, or lengthen \`horizon\`)`);
  });

  it('a file whose added injects are right still runs, with nothing said about them', () => {
    const f = writeDecisions(join(dir, 'right.yaml'), ['tc-chair'], [add('move-1', 21, 'expected: { do: evacuate, zone: ta-ca-riverside, within: 30m }')]);
    const r = drill(['run', KY_SON, '--decisions', f, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});
