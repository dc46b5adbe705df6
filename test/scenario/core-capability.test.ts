/**
 * An objective's `capability` written other than as HSEEP names the core
 * capability ("Search and Rescue" for "Mass Search and Rescue Operations"):
 * the report would rate it as a capability of its own, beside its namesake,
 * and leave it in English in the Vietnamese report, with nothing to say why.
 * `drill validate` warns, with the name meant, and the run goes on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORE_CAPABILITIES } from '../../engine/scenario/vocabulary.js';
import { MESSAGES } from '../../engine/review/messages.js';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
const written = /capability: Mass Search and Rescue Operations/;

function warnings(capability: string) {
  const text = minimal.replace(written, `capability: ${capability}`);
  expect(text).not.toBe(minimal);
  const r = parseScenario(text, 'm.yaml');
  expect(r.ok).toBe(true);
  return (r.ok ? r.warnings : []).filter((w) => w.code === 'core-capability');
}

describe("an objective's core capability", () => {
  it('is warned about when HSEEP does not name it so, with the core capability meant', () => {
    const [w, ...more] = warnings('Search and Rescue');
    expect(more).toEqual([]);
    expect(w).toMatchObject({ severity: 'warning', path: 'objectives[0].capability' });
    expect(w!.message).toBe("'Search and Rescue' is not one of HSEEP's core capabilities: the report rates it as a capability of its own and cannot name it in Vietnamese");
    expect(w!.hint).toBe("did you mean 'Mass Search and Rescue Operations'?");
    expect(formatIssueIn(w!, 'vi')).toContain("'Search and Rescue' không phải là một năng lực cốt lõi của HSEEP");
  });

  it('names the meant one for a name in other case, or a few letters off', () => {
    expect(warnings('mass care services')[0]!.hint).toBe("did you mean 'Mass Care Services'?");
    expect(warnings('Public Information and Warnings')[0]!.hint).toBe("did you mean 'Public Information and Warning'?");
  });

  it('lists where to find them when nothing is near', () => {
    expect(warnings('Evacuation')[0]!.hint).toContain('docs/scenario-format.md#objectives');
  });

  it('says nothing of the library scenarios, whose capabilities are HSEEP\'s', () => {
    const r = parseScenario(minimal, 'm.yaml');
    expect(r.ok && r.warnings.filter((w) => w.code === 'core-capability')).toEqual([]);
  });

  it('knows every core capability that the report names in both languages, and only those', () => {
    const named = (lang: 'en' | 'vi') => Object.keys(MESSAGES[lang]).filter((k) => k.startsWith('cap.') && k[4] === k[4]!.toUpperCase()).map((k) => k.slice(4)).sort();
    expect(named('en')).toEqual([...CORE_CAPABILITIES].sort());
    expect(named('vi')).toEqual([...CORE_CAPABILITIES].sort());
  });

  it('are listed in docs/scenario-format.md, where the hint sends the planner, all of them', () => {
    const page = readFileSync(join(ROOT, 'docs/scenario-format.md'), 'utf8');
    const list = page.split('The names, one to a line:\n\n')[1]!.split('\n\n')[0]!.split('\n').map((l) => l.replace(/^- /, ''));
    expect(list).toEqual([...CORE_CAPABILITIES]);
  });

  it('is a warning of drill validate: exit 0, the file still valid', () => {
    const dir = tempDir('drillsim-cap-');
    const f = join(dir, 'cap.yaml');
    writeFileSync(f, minimal.replace(written, 'capability: Search and Rescue'));
    const r = drill(['validate', f]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cap\.yaml:\d+:\d+: warning\[core-capability\] objectives\[0\]\.capability: 'Search and Rescue' is not one of HSEEP's core capabilities/);
    expect(r.stdout).toContain('1 warning)');
  });
});
