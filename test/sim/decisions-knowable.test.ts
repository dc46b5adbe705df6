/**
 * A decisions file checked against its scenario at load: a decision the run
 * is sure to refuse, for a reason the file and the scenario already show, is
 * a warning before the run (it was found only in the run's refusals): an
 * incident no source of the scenario can make (a typo of a scripted one), a
 * level the role may not declare.
 */
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../engine/scenario/issues.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { runScenario } from '../../engine/sim/run.js';
import { loadNamed } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

const file = (...entries: string[]) =>
  ['drillsim_decisions: 1', 'players: [tc-chair]', 'decisions:', ...entries.map((e) => `  - ${e}`), ''].join('\n');

function load(text: string) {
  const r = parseDecisions(text, 'd.yaml', kySon);
  if (!r.ok) throw new Error(r.issues.map(formatIssue).join('\n'));
  return r;
}

describe('a decision the run will refuse, said when the file is read', () => {
  it('an incident no source can make: a warning at its id, with the scripted one meant; and the run refuses it', () => {
    const text = file('{ at: T+03:20, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-house }');
    const r = load(text);
    expect(r.warnings.map((w) => `${w.line} ${w.code} ${w.path}: ${w.message} (${w.hint})`)).toEqual([
      "4 no-such-incident decisions[0].incident: no incident of this scenario can be named 'ta-ca-house': the decision will be refused (did you mean 'ta-ca-houses'?)",
    ]);
    const run = runScenario(kySon, { seed: 1, decisions: r.value.decisions, players: r.value.players });
    expect(run.log!.events.some((l) => l.includes('"decision.refused"') && l.includes('ta-ca-house"'))).toBe(true);
  });

  it("names every incident a run can have as known: scripted, a generator's or rule's numbered ones, their secondaries, a zone's caught", () => {
    const ids = [
      ...kySon.incidents.map((i) => i.id),
      ...kySon.generators.map((g) => `${g.id}-12`),
      ...kySon.generators.map((g) => `${g.id}-3.s1.s2`),
      ...kySon.evacuation.zones.filter((z) => z.if_caught !== undefined).map((z) => `${z.id}-caught`),
    ];
    expect(ids.length).toBeGreaterThan(kySon.incidents.length);
    const r = load(file(...ids.map((id, k) => `{ at: T+0${1 + (k % 8)}:00, role: tc-chair, do: dispatch, unit: tc-militia, incident: ${id} }`)));
    expect(r.warnings.filter((w) => w.code === 'no-such-incident')).toEqual([]);
  });

  it("a level the role may not declare: a warning at the level, with the levels its declares: gives", () => {
    const r = load(file('{ at: T+00:50, role: tc-chair, do: declare_level, area: ta-ca, level: 3 }', '{ at: T+00:55, role: tc-chair, do: declare_level, area: ta-ca, level: 1 }'));
    expect(r.warnings.map((w) => `${w.line} ${w.code} ${w.path}: ${w.message} (${w.hint})`)).toEqual([
      "4 no-authority decisions[0].level: role 'tc-chair' may not declare level 3: the decision will be refused (it may declare 1, as its declares: says)",
    ]);
  });
});
