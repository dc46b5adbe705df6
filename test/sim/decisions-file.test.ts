/**
 * What the decisions-file checker tells a trainee or controller who got the
 * file wrong: the right path, a hint that fits the entry, one line when the
 * file is another kind of drillsim file altogether.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssue, type ScenarioIssue } from '../../engine/scenario/issues.js';
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

  it('a misspelt controller command is matched against the controller commands too', () => {
    const list = issues(file('{ at: T+00:30, role: controller, do: hold_injct, inject: dam-rumour }'));
    expect(list[0]).toMatchObject({ path: 'decisions[0].do', code: 'unknown-command' });
    expect(list[0].hint).toBe("did you mean 'hold_inject'?");
  });

  it('an unknown key lists the keys of the entry\'s own command, each once', () => {
    const list = issues(file('{ at: T+01:00, role: tc-chair, do: request_support, area: ta-ca, bogus: 1 }'));
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ path: 'decisions[0].bogus', code: 'unknown-key' });
    const known = /^known: (.*)$/.exec(list[0].hint ?? '')![1].split(', ');
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

  it('a time written like a clock (05:41) is not a time, and the hint says the T+ form to write', () => {
    const list = issues(file('{ at: 05:41, role: tc-chair, do: evacuate, zone: ta-ca-riverside }'));
    expect(list).toHaveLength(1);
    expect(formatIssue(list[0])).toBe("d.yaml:4:11: error[time] decisions[0].at: '05:41' is not a time (write T+05:41, that is 5h41m after the start)");
  });

  it('a decision after the end of the scenario is warned about in any form of time', () => {
    for (const at of ['T+20:00', 'T+1d00:00', '20h']) {
      const r = parseDecisions(file(`{ at: ${at}, role: tc-chair, do: evacuate, zone: ta-ca-riverside }`), 'd.yaml', kySon);
      expect(r.ok, at).toBe(true);
      if (r.ok) expect(r.warnings.map((w) => w.code), at).toEqual(['outside-horizon']);
    }
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

describe('another kind of drillsim file given as the decisions file', () => {
  it('a scenario: one line that says so', () => {
    const list = issues(KY_SON_TEXT);
    expect(list.map(formatIssue)).toEqual(['d.yaml:1:1: error[not-a-decisions-file] (top): this is a scenario, not a decisions file (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)']);
  });

  it('a run log: one line that says so', () => {
    const log = serializeRunLog(runScenario(loadNamed('minimal'), { seed: 1 }).log!).join('');
    const list = issues(log);
    expect(list.map(formatIssue)).toEqual(['d.yaml:1:1: error[not-a-decisions-file] (top): this is a run log, not a decisions file (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)']);
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
