/**
 * Objective values a metric never takes: a planner's `threshold: 95` for 95 %
 * validated and then ran as an objective no run could meet (evacuated 100 %,
 * rated U, "not met"), and `threshold: 15` for a first-on-scene criterion read
 * as 15 seconds with a warning that spoke of "15" against "480".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ScenarioIssue } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';
import { edit } from '../helpers/scenarios.js';

const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');

function issuesOf(text: string): ScenarioIssue[] {
  const r = parseScenario(text, 'qp.yaml');
  return r.ok ? r.warnings : r.issues;
}
const EVAC = 'criterion: { metric: evacuated_share, of: pa-co-hillside, comparator: ">=", threshold: 0.9, by: T+05:40 }\n    rating: { P: 0.9, S: 0.7, M: 0.4 }';
const FIRST = 'criterion: { metric: first_on_scene_s, of: pa-co-slide, comparator: "<=", threshold: 2700 }\n    rating: { P: 2700, S: 3600, M: 7200 }';
const LINE = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a share written as a percentage', () => {
  it('is an error at each value above 1, saying the share runs from 0 to 1 and what to write for 95 %', () => {
    const text = edit(quePhong, [EVAC, EVAC.replace('threshold: 0.9', 'threshold: 95').replace('{ P: 0.9, S: 0.7, M: 0.4 }', '{ P: 95, S: 80, M: 50 }')]);
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    const shares = issuesOf(text).filter((i) => i.code === 'share-range');
    expect(shares.map((i) => `${i.severity} ${i.path}: ${i.message} (${i.hint})`)).toEqual([
      'error objectives[0].criterion.threshold: 95 is not a share: evacuated_share runs from 0 to 1 (for 95 %, write 0.95)',
      'error objectives[0].rating.P: 95 is not a share: evacuated_share runs from 0 to 1 (for 95 %, write 0.95)',
      'error objectives[0].rating.S: 80 is not a share: evacuated_share runs from 0 to 1 (for 80 %, write 0.8)',
      'error objectives[0].rating.M: 50 is not a share: evacuated_share runs from 0 to 1 (for 50 %, write 0.5)',
    ]);
    expect(shares[0]).toMatchObject({ line: LINE(text, 'threshold: 95'), column: text.split('\n')[LINE(text, 'threshold: 95') - 1].indexOf('95') + 1 });
    // nothing more about the same values (their order against each other, the threshold against P)
    expect(issuesOf(text).filter((i) => i.path.startsWith('objectives[0]')).map((i) => i.code)).toEqual(['share-range', 'share-range', 'share-range', 'share-range']);
  });

  it('is said alone: no warning that the threshold 90 is stricter than P 0.9', () => {
    const text = edit(quePhong, [EVAC, EVAC.replace('threshold: 0.9', 'threshold: 90')]);
    expect(issuesOf(text).filter((i) => i.path.startsWith('objectives[0]')).map((i) => `${i.code} ${i.path}`)).toEqual(['share-range objectives[0].criterion.threshold']);
  });

  it('does not guess a percentage for a value just above 1, and takes 0 and 1 themselves', () => {
    const above = issuesOf(edit(quePhong, [EVAC, EVAC.replace('threshold: 0.9', 'threshold: 1.5')])).find((i) => i.code === 'share-range');
    expect(above?.hint).toBe('write a share from 0 to 1, such as 0.9 for 90 %');
    const bounds = edit(quePhong, [EVAC, EVAC.replace('threshold: 0.9', 'threshold: 1').replace('{ P: 0.9, S: 0.7, M: 0.4 }', '{ P: 1, S: 0.7, M: 0 }')]);
    expect(issuesOf(bounds).map((i) => i.code)).not.toContain('share-range');
  });
});

describe("a shelter's peak over its capacity", () => {
  it('may be read past 1 (M up to 1.2), but 90 is a percentage', () => {
    const shelter = 'criterion: { metric: shelter_peak_share, of: tri-le-school, comparator: "<=", threshold: 0.9 }\n    rating: { P: 0.9, S: 1, M: 1.2 }';
    const text = edit(quePhong, [EVAC, shelter]);
    expect(issuesOf(text).map((i) => i.code)).not.toContain('share-range');
    expect(issuesOf(edit(quePhong, [EVAC, shelter.replace('threshold: 0.9', 'threshold: 90')])).find((i) => i.code === 'share-range')?.hint).toBe('for 90 %, write 0.9');
  });
});

describe('a value below 0', () => {
  it('is an error for a count such as people lost', () => {
    const text = edit(quePhong, ['threshold: 0 }\n    rating: { P: 0, S: 1, M: 3 }', 'threshold: -1 }\n    rating: { P: 0, S: 1, M: 3 }']);
    expect(issuesOf(text).find((i) => i.code === 'negative')).toMatchObject({ severity: 'error', path: 'objectives[2].criterion.threshold', message: '-1 is below 0, which people_lost never is' });
  });
});

describe('a metric in seconds given a bare number under a minute', () => {
  it('warns that 15 reads as 15 seconds and says to write 15m, and the threshold warning speaks in durations', () => {
    const text = edit(quePhong, [FIRST, FIRST.replace('threshold: 2700', 'threshold: 15').replace('{ P: 2700, S: 3600, M: 7200 }', '{ P: 8m, S: 15m, M: 30m }')]);
    const found = issuesOf(text).filter((i) => i.path === 'objectives[1].criterion.threshold');
    expect(found.map((i) => `${i.severity}[${i.code}] ${i.message} (${i.hint})`)).toEqual([
      "warning[rating-criterion] objective 'first-on-scene': a value rated P can still miss the criterion (threshold 15s is stricter than P 8m) (make the threshold equal to P, or to S if S also counts as met)",
      'warning[seconds] 15 is 15 seconds here: first_on_scene_s counts seconds (for 15 minutes write 15m)',
    ]);
  });

  it('warns about a share carried over into a metric in seconds, and asks for a duration', () => {
    const text = edit(quePhong, [FIRST, FIRST.replace('{ P: 2700, S: 3600, M: 7200 }', '{ P: 0.9, S: 0.7, M: 0.4 }')]);
    expect(issuesOf(text).find((i) => i.path === 'objectives[1].rating.P')).toMatchObject({
      code: 'seconds', hint: 'write a duration such as 45m, or a time since T0 such as T+04:00',
    });
  });

  it('leaves seconds of a minute or more alone, and 0', () => {
    expect(issuesOf(quePhong).map((i) => i.code)).not.toContain('seconds');
    expect(issuesOf(edit(quePhong, [FIRST, FIRST.replace('{ P: 2700, S: 3600, M: 7200 }', '{ P: 0, S: 3600, M: 7200 }')])).map((i) => i.code)).not.toContain('seconds');
  });
});
