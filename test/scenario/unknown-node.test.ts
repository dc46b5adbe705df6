/**
 * A road, a zone or an incident that names a node the scenario does not have
 * (the planner meant to add the riverside hamlet's node and did not): the
 * hint listed the known nodes and stopped there, where a unit's unknown base
 * also said what to do. Now every reference to a node says where to add one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { ROOT } from '../helpers/cli.js';

const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');

describe('a reference to a node the scenario does not have', () => {
  it('lists the known nodes and says to add a new one under travel.nodes', () => {
    const text = kySon.replace('from: tuong-duong, to: huu-kiem,', 'from: tuong-duong, to: ban-pha-khao,');
    expect(text).not.toBe(kySon);
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    const i = r.ok ? undefined : r.issues.find((x) => x.code === 'unknown-id');
    expect(i).toMatchObject({ path: 'travel.edges[3].to', message: "unknown node 'ban-pha-khao'" });
    expect(i!.hint).toMatch(/^known: vinh, do-luong, .*, my-ly; a place not among them: add it under `travel\.nodes:`$/);
    expect(formatIssueIn(i!, 'vi')).toContain('dưới `travel.nodes:`');
  });

  it('still guesses the node meant when one is near', () => {
    const r = parseScenario(kySon.replace('from: tuong-duong, to: huu-kiem,', 'from: tuong-duong, to: huu-kiam,'), 'k.yaml');
    const i = r.ok ? undefined : r.issues.find((x) => x.code === 'unknown-id');
    expect(i!.hint).toBe("did you mean 'huu-kiem'?");
  });
});
