/**
 * What the decisions-file checker tells a trainee or controller who got the
 * file wrong: the right path, a hint that fits the entry, one line when the
 * file is another kind of drillsim file altogether.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, formatIssueIn, type ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { ROOT } from '../helpers/cli.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');
const KY_SON_TEXT = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');

function issues(text: string): ScenarioIssue[] {
  const r = parseDecisions(text, 'd.yaml', kySon);
  if (r.ok) throw new Error('expected the file to be refused');
  return r.issues;
}

const file = (...entries: string[]) => ['drillsim_decisions: 1', 'players: [tc-chair]', 'decisions:', ...entries.map((e) => `  - ${e}`), ''].join('\n');

describe('a decisions file with mistakes in it', () => {
  it('a misspelt command is named at decisions[i].do, with the nearest command', () => {
    const list = issues(file('{ at: T+00:30, role: tc-chair, do: evacuat, zone: ta-ca-riverside }'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 4, path: 'decisions[0].do', code: 'unknown-command', message: "unknown command 'evacuat'" });
    expect(list[0].hint).toBe("did you mean 'evacuate'?");
    // the column is that of the misspelt word
    expect(file('{ at: T+00:30, role: tc-chair, do: evacuat, zone: ta-ca-riverside }').split('\n')[3].slice(list[0].column - 1)).toMatch(/^evacuat\b/);
  });

  it('a command written as drill play takes it (declare, declare level, request, send, hold) names the command of a decisions file', () => {
    const hints = (entry: string) => issues(file(entry)).filter((i) => i.code === 'unknown-command').map((i) => i.hint);
    expect(hints('{ at: T+01:00, role: tc-chair, do: declare, area: ta-ca, level: 1 }')).toEqual(["did you mean 'declare_level'?"]);
    expect(hints('{ at: T+01:00, role: tc-chair, do: declare level, area: ta-ca, level: 1 }')).toEqual(["did you mean 'declare_level'?"]);
    expect(hints('{ at: T+01:00, role: tc-chair, do: request, area: ta-ca }')).toEqual(["did you mean 'request_support'?"]);
    expect(hints('{ at: T+01:00, role: tc-chair, do: send, unit: tc-militia, incident: ta-ca-houses }')).toEqual(["did you mean 'dispatch'?"]);
    expect(hints('{ at: T+01:00, role: controller, do: hold, inject: dam-rumour }')).toEqual(["did you mean 'hold_inject'?"]);
    // 'open' is open_shelter or open_road: the list, not a guess
    expect(hints('{ at: T+01:00, role: tc-chair, do: open, shelter: ta-ca-school }')[0]).toMatch(/^known: dispatch, /);
  });

  it('a misspelt player is said once, at players[i], not again as "not in players" on every decision of the role meant', () => {
    const text = ['drillsim_decisions: 1', 'players: [tc-chiar]', 'decisions:',
      '  - { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '  - { at: T+01:00, role: tc-chair, do: request_support, area: ta-ca }',
      '  - { at: T+01:00, role: mx-chair, do: request_support, area: muong-xen }', ''].join('\n');
    const list = issues(text);
    expect(list.map((i) => `${i.code} ${i.path}`)).toEqual(['unknown-id players[0]', 'not-a-player decisions[2].role']);
    expect(list[0].hint).toBe("did you mean 'tc-chair'?");
  });

  it('an order for a scripted incident before it is reported is a warning (the run refuses it), with the time to give it; at the report it is not', () => {
    const early = parseDecisions(file('{ at: T+03:09, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }'), 'd.yaml', kySon);
    if (!early.ok) throw new Error('a warning, not an error');
    expect(early.warnings.map(formatIssue)).toEqual(["d.yaml:4:11: warning[before-incident] decisions[0].at: incident 'ta-ca-houses' is reported at T+03:10, after this decision (T+03:09): there is no such incident yet, and the decision will be refused (give it a time from T+03:10 on: an order at T+03:10 comes after that report)"]);
    const atReport = parseDecisions(file('{ at: T+03:10, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }'), 'd.yaml', kySon);
    expect(atReport.ok && atReport.warnings).toEqual([]);
  });

  it('a misspelt controller command is matched against the controller commands too', () => {
    const list = issues(file('{ at: T+00:30, role: controller, do: hold_injct, inject: dam-rumour }'));
    expect(list[0]).toMatchObject({ path: 'decisions[0].do', code: 'unknown-command' });
    expect(list[0].hint).toBe("did you mean 'hold_inject'?");
  });

  it('an unknown key lists the keys of the entry\'s own command, each once', () => {
    const list = issues(file('{ at: T+01:00, role: tc-chair, do: request_support, area: ta-ca, bogus: 1 }'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: 'decisions[0].bogus', code: 'unknown-key' });
    const known = /^the keys here are (.*): remove it, or write it as one of them$/.exec(list[0].hint ?? '')![1].split(', ');
    expect([...known].sort()).toEqual(['area', 'at', 'author', 'do', 'role']);
  });

  it('an unquoted comma in a flow mapping\'s message is told to quote the text, with the text as it was meant', () => {
    const list = issues(file('{ at: T+06:00, role: tc-chair, do: public_info, area: ta-ca, message: Không về nhà, sạt lở vẫn tiếp diễn }'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 4, path: 'decisions[0].sạt lở vẫn tiếp diễn', code: 'unknown-key', message: "unknown key 'sạt lở vẫn tiếp diễn'" });
    expect(list[0].hint).toBe('a comma inside { ... } starts a new key: put the text in quotes, as in message: "Không về nhà, sạt lở vẫn tiếp diễn"');
    // the quoted text is read back as one message
    const fixed = parseDecisions(file('{ at: T+06:00, role: tc-chair, do: public_info, area: ta-ca, message: "Không về nhà, sạt lở vẫn tiếp diễn" }'), 'd.yaml', kySon);
    expect(fixed.ok && fixed.value.decisions[0].cmd).toMatchObject({ do: 'public_info', message: 'Không về nhà, sạt lở vẫn tiếp diễn' });
  });

  it('a key with no value after an id is still a misspelt key, not a comma in a text', () => {
    const list = issues(file('{ at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside, zonee }'));
    expect(list[0]).toMatchObject({ path: 'decisions[0].zonee', code: 'unknown-key' });
    expect(list[0].hint).toBe("did you mean 'zone'?");
  });

  it('a time written like a clock (05:41, 19h30) is not a time, and the hint says the T+ form to write for either reading, from the scenario\'s start', () => {
    const list = issues(file('{ at: 05:41, role: tc-chair, do: evacuate, zone: ta-ca-riverside }'));
    expect(list).toHaveLength(1);
    // Kỳ Sơn starts at 18:00: the clock time 05:41 is the next morning
    expect(formatIssue(list[0])).toBe("d.yaml:4:11: error[time] decisions[0].at: '05:41' is not a time (write T+05:41, that is 5h41m after the start; if you meant the clock time 05:41 the next day, write T+11:41)");
    expect(issues(file('{ at: 19h30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }')).map((i) => i.hint)).toEqual(['T+19:30 is after the scenario\'s end, T+18:00; if you meant the clock time 19:30, write T+01:30']);
  });

  it('an unknown key is guessed only when a slip explains it: a short key one letter off, else the keys there are and to remove it', () => {
    const hint = (entry: string) => issues(file(entry)).find((i) => i.code === 'unknown-key')!;
    // 'note' is two letters from 'role': no guess (it got "did you mean 'role'?")
    const note = hint('{ at: T+01:00, role: tc-chair, do: request_support, area: ta-ca, note: hi }');
    expect(note.hint).toBe('the keys here are do, area, at, role, author: remove it, or write it as one of them');
    expect(formatIssueIn(note, 'vi')).toContain('(các khóa dùng được ở đây: do, area, at, role, author; hãy bỏ nó đi, hoặc viết thành một trong các khóa đó)');
    // one slip in a short key, or two in a long one, is still guessed
    expect(hint('{ at: T+01:00, rol: tc-chair, do: request_support, area: ta-ca }').hint).toBe("did you mean 'role'?");
    expect(hint('{ at: T+01:00, role: tc-chair, do: request_support, arae: ta-ca }').hint).toBe("did you mean 'area'?");
    expect(hint('{ at: T+01:00, role: tc-chair, do: dispatch, unit: tc-militia, incidnet: ta-ca-houses }').hint).toBe("did you mean 'incident'?");
  });

  it('a time that does not read is said on an entry whose command is misspelt too (the shape check stops at the command)', () => {
    const list = issues(file('{ at: 05:41, role: tc-chiar, do: evakuate, zone: ta-ca-riverside }'));
    expect(list.map((i) => `${i.code} ${i.path}`)).toEqual(['time decisions[0].at', 'unknown-id decisions[0].role', 'unknown-command decisions[0].do']);
    // in the same words, with the same clock reading, as on an entry whose command reads
    expect(formatIssue(list[0])).toBe("d.yaml:4:11: error[time] decisions[0].at: '05:41' is not a time (write T+05:41, that is 5h41m after the start; if you meant the clock time 05:41 the next day, write T+11:41)");
    expect(issues(file('{ at: T+05:41, role: tc-chair, do: evakuate, zone: ta-ca-riverside }')).map((i) => i.code)).toEqual(['unknown-command']);
  });

  it('an entry with an unknown command has its other problems said with it, not one by one as each is fixed', () => {
    // the reviewer's entry: the misspelt key was said only once the command was fixed
    const list = issues(file('{ time: T+01:00, role: tc-chair, do: declare, area: ta-ca, level: 1 }'));
    expect(list.map((i) => `${i.code} ${i.path} ${i.hint}`)).toEqual([
      "unknown-key decisions[0].time did you mean 'at'?",
      "unknown-command decisions[0].do did you mean 'declare_level'?",
    ]);
    // read as the command meant: its keys and what they need, in one pass
    const meant = issues(file('{ at: T+01:00, rol: tc-chair, do: dispach, unit: tc-militia }'));
    expect(meant.map((i) => `${i.code} ${i.path}`)).toEqual(['missing decisions[0].incident', 'unknown-key decisions[0].rol', 'unknown-command decisions[0].do']);
    // no command meant: the keys every command has, and keys no command takes
    const none = issues(file('{ role: tc-chair, do: frobnicate, when: 1 }'));
    expect(none.map((i) => `${i.code} ${i.path}`)).toEqual(['missing decisions[0].at', 'unknown-command decisions[0].do', 'unknown-key decisions[0].when']);
    expect(none[2].hint).toMatch(/^the keys here are .*\bat\b.*\brole\b.*\bzone\b/);
  });

  it('a decision after the end of the scenario is refused in any form of time (no run reaches it: it would never be played)', () => {
    for (const at of ['T+20:00', 'T+1d00:00', '20h']) {
      const list = issues(file(`{ at: ${at}, role: tc-chair, do: evacuate, zone: ta-ca-riverside }`));
      // '20h' may be the clock time 20:00 (T0 is 18:00), which a Vietnamese writes so: the hint gives its T+
      const clock = at === '20h' ? '; if you meant the clock time 20:00, write T+02:00' : '';
      expect(list.map(formatIssue), at).toEqual([`d.yaml:4:11: error[outside-horizon] decisions[0].at: decision at ${at} is after the end of the scenario at T+18:00: no run reaches it, so it would never be played (give it a time up to T+18:00, or take it out of the file${clock})`]);
    }
    // at the end itself, it is played (the run's last instant)
    expect(parseDecisions(file('{ at: T+18:00, role: tc-chair, do: evacuate, zone: ta-ca-riverside }'), 'd.yaml', kySon).ok).toBe(true);
  });

  it('an entry without `do:` is a missing key, with the commands a decisions file takes', () => {
    const list = issues(file('{ at: T+01:00, role: tc-chair, zone: ta-ca-riverside }'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: 'decisions[0].do', code: 'missing' });
    for (const c of ['evacuate', 'hold_inject', 'answer']) expect(list[0].hint).toContain(c);
  });

  it('a file without drillsim_decisions: 1 is told it is missing, and how a decisions file starts', () => {
    const list = issues('players: [tc-chair]\ndecisions: []\n');
    expect(list).toHaveLength(1);
    expect(formatIssue(list[0])).toBe('d.yaml:1:1: error[missing] drillsim_decisions: missing required key \'drillsim_decisions\' (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)');
  });
});

describe('the decisions of another scenario', () => {
  it('get one line that says whose they are, not one unknown id per decision', () => {
    const minimal = loadNamed('minimal');
    const text = readFileSync(join(ROOT, 'scenarios/decisions/ky-son-evacuate-early.yaml'), 'utf8');
    const r = parseDecisions(text, 'early.yaml', minimal);
    expect(r.ok).toBe(false);
    const list = r.ok ? [] : r.issues;
    expect(list.map((i) => [i.path, i.code])).toEqual([['scenario', 'wrong-scenario']]);
    expect(list[0].message).toBe("these decisions are for scenario 'ky-son-flash-flood', not 'minimal'");
    expect(list[0].hint).toBe('use the scenario they were written for; if they are meant for this one, write scenario: minimal');
  });
});

describe('another kind of drillsim file given as the decisions file', () => {
  it('a scenario: one line that says so', () => {
    const list = issues(KY_SON_TEXT);
    expect(list.map(formatIssue)).toEqual(['d.yaml: error[not-a-decisions-file] (top): this is a scenario, not a decisions file (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)']);
  });

  it('a run log: one line that says so', () => {
    const log = serializeRunLog(runScenario(loadNamed('minimal'), { seed: 1 }).log!).join('');
    const list = issues(log);
    expect(list.map(formatIssue)).toEqual(['d.yaml: error[not-a-decisions-file] (top): this is a run log, not a decisions file (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)']);
  });

  it('and the other way round: a decisions file given as a scenario', () => {
    const r = parseScenario(readFileSync(join(ROOT, 'scenarios/decisions/ky-son-trainee.yaml'), 'utf8'), 'x.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'not-a-scenario', message: 'this is a decisions file, not a scenario' });
  });
});

describe('the same fixes in scenarios', () => {
  it('a misspelt command in an option is named at its `do`, once', () => {
    const text = KY_SON_TEXT.replace('- { do: evacuate, zone: muong-xen-lowland }', '- { do: evacuat, zone: muong-xen-lowland }');
    expect(text).not.toBe(KY_SON_TEXT);
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].path).toMatch(/^injects\[\d+\]\.decision\.options\[\d+\]\.commands\[\d+\]\.do$/);
    expect(r.issues[0].hint).toBe("did you mean 'evacuate'?");
  });

  it('a scenario without `drillsim: 1` is told it is missing', () => {
    const r = parseScenario(KY_SON_TEXT.replace(/^drillsim: 1$/m, ''), 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'missing', path: 'drillsim', message: "missing required key 'drillsim'" });
    expect(r.issues[0].hint).toContain("'drillsim: 1'");
  });
});

describe('an inject the decisions file adds itself (add_inject)', () => {
  /** exercise control adds `mx-school` (a decision point for mx-chair) at T+02:00, delivered at T+02:10 */
  const add = (at = 'T+02:00') => `{ at: ${at}, role: controller, do: add_inject, inject: { id: mx-school, seq: 21, at: T+02:10, from: Exercise control, to: mx-chair, method: in-person, type: request, subject: School?, message: Open the school?, decision: { options: [{ id: open-now, label: Open now, commands: [{ do: open_shelter, shelter: muong-xen-school }] }, { id: wait, label: Wait }], deadline: 20m, default: wait } } }`;
  const mx = (...entries: string[]) => ['drillsim_decisions: 1', 'players: [mx-chair]', 'decisions:', ...entries.map((e) => `  - ${e}`), ''].join('\n');

  it('may be answered, held and released by decisions after the one that adds it', () => {
    const r = parseDecisions(mx(
      add(),
      '{ at: T+02:00, role: controller, do: hold_inject, inject: mx-school }',
      '{ at: T+02:05, role: controller, do: release_inject, inject: mx-school }',
      '{ at: T+02:15, role: mx-chair, do: answer, inject: mx-school, option: open-now }',
    ), 'd.yaml', kySon);
    expect(r.ok ? [] : r.issues.map(formatIssue)).toEqual([]);
  });

  it('and the engine then carries those decisions out: held, released, delivered, answered, its option\'s order given', () => {
    const r = parseDecisions(mx(
      add(),
      '{ at: T+02:00, role: controller, do: hold_inject, inject: mx-school }',
      '{ at: T+02:30, role: controller, do: release_inject, inject: mx-school }',
      '{ at: T+02:40, role: mx-chair, do: answer, inject: mx-school, option: open-now }',
    ), 'd.yaml', kySon);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
    const { log } = runScenario(kySon, { decisions: r.value.decisions, players: r.value.players });
    const events = log!.events.map((l) => JSON.parse(l)).filter((e) => e.id === 'mx-school' || e.inject === 'mx-school' || e.inject?.id === 'mx-school' || e.shelter === 'muong-xen-school' || e.type === 'decision.refused');
    expect(events.map((e) => [e.t, e.type, e.type === 'decision' ? e.do : e.state ?? e.option ?? ''])).toEqual([
      [7200, 'decision', 'add_inject'], [7200, 'inject.added', ''],
      [7200, 'decision', 'hold_inject'], [7200, 'inject.state', 'held'],
      // released after its time (T+02:10): delivered at once
      [9000, 'decision', 'release_inject'], [9000, 'inject.state', 'scheduled'], [9000, 'inject.delivered', ''],
      [9600, 'decision', 'answer'], [9600, 'inject.answered', 'open-now'], [9600, 'inject.done', ''], [9600, 'decision', 'open_shelter'],
    ]);
  });

  it('named before it is added: refused, saying when the file adds it and on which line', () => {
    const list = issues(mx(
      '{ at: T+01:00, role: mx-chair, do: answer, inject: mx-school, option: wait }',
      add(),
    ));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ line: 4, path: 'decisions[0].inject', code: 'inject-added-later', message: "inject 'mx-school' is not added yet at T+01:00: this file adds it later, at T+02:00 (the add_inject on line 5)" });
    expect(list[0].hint).toBe('give this decision at T+02:00 or later, or add the inject earlier');
  });

  it('named at the same time but before the add_inject in the file: refused, since decisions at one time go in file order', () => {
    const list = issues(mx(
      '{ at: T+02:00, role: controller, do: hold_inject, inject: mx-school }',
      add(),
    ));
    expect(list.map((i) => [i.line, i.code, i.message, i.hint])).toEqual([[4, 'inject-added-later',
      "inject 'mx-school' is not added yet: this file adds it at the same time, T+02:00, with the add_inject on line 5, after this decision",
      'decisions at the same time are carried out in the order of the file: put this one after the add_inject']]);
  });

  it('the order in the file does not matter across times: an add written after a later decision still comes first', () => {
    const r = parseDecisions(mx('{ at: T+03:00, role: controller, do: release_inject, inject: mx-school }', add('2h')), 'd.yaml', kySon);
    expect(r.ok).toBe(true);
  });

  it('a misspelt id is still unknown, with the added inject among the suggestions', () => {
    const list = issues(mx(add(), '{ at: T+02:15, role: mx-chair, do: answer, inject: mx-shcool, option: wait }'));
    expect(list[0]).toMatchObject({ code: 'unknown-id', path: 'decisions[1].inject', message: "unknown inject 'mx-shcool'" });
    expect(list[0].hint).toBe("did you mean 'mx-school'?");
  });

  it('an inject added before the file\'s decisions (drill fork: by the run\'s kept decisions) may be named too', () => {
    const text = mx('{ at: T+02:15, role: mx-chair, do: answer, inject: mx-school, option: wait }');
    expect(issues(text)[0]).toMatchObject({ code: 'unknown-id' });
    expect(parseDecisions(text, 'd.yaml', kySon, ['mx-school']).ok).toBe(true);
  });
});

describe('played_until: a session stopped before the end', () => {
  const withUntil = (until: string, players = '[tc-chair]', entry = '{ at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }') => ['drillsim_decisions: 1', `players: ${players}`, `played_until: ${until}`, 'decisions:', `  - ${entry}`, ''].join('\n');
  const codes = (text: string) => {
    const r = parseDecisions(text, 'd.yaml', kySon);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    return { until: r.value.played_until, warnings: r.warnings.map((w) => `${w.line}:${w.column} ${w.code}`) };
  };

  it('is read, and warned of at its line: nobody decides for the players after it', () => {
    expect(codes(withUntil('T+11:01'))).toEqual({ until: 11 * 3600 + 60, warnings: ['3:15 session-stopped'] });
  });

  it('is no warning at the end of the scenario, nor with no player left undecided', () => {
    expect(codes(withUntil('T+18:00')).warnings).toEqual([]);
    // the controller alone: doctrine plays every role, after the stop as before it
    expect(codes(withUntil('T+02:00', '[]', '{ at: T+00:30, role: controller, do: hold_inject, inject: dam-rumour }')).warnings).toEqual([]);
  });

  it('is refused when it is no time', () => {
    expect(parseDecisions(withUntil('soon'), 'd.yaml', kySon).ok).toBe(false);
  });
});
