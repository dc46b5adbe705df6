// A run log embeds its scenario as canonical JSON (canonicalScenarioText); the loader reads such a text with
// JSON.parse rather than the YAML reader (cold, the YAML reader was most of the time the viewer took to read
// a log's scenario). These pin that it gives exactly what the YAML way gives, and that it is taken.
import { describe, expect, it, vi } from 'vitest';

vi.mock('yaml', async (original) => {
  const m = await original<typeof import('yaml')>();
  return { ...m, parseDocument: vi.fn(m.parseDocument) };
});

const { parseDocument } = await import('yaml');
const { canonicalScenarioText, parseScenario } = await import('../../engine/scenario/parse.js');
const { loadScenarioFile, scenarioFiles } = await import('../helpers/scenarios.js');
// @ts-expect-error: a plain JS bench module, no types
const { referenceScenario } = await import('../../bench/reference.mjs');

/** the YAML way, for comparison: a text that does not start with '{' is read as YAML (a blank line changes nothing else) */
const viaYaml = (text: string, file: string) => parseScenario('\n' + text, file);

const canonicalTexts = (): [string, string][] => [
  ...scenarioFiles().map((f): [string, string] => [f, canonicalScenarioText(loadScenarioFile(f))]),
  ['reference.json (the bench)', JSON.stringify(referenceScenario(2000, { keyframeEvery: '30m' }))],
];

describe('a scenario as a run log embeds it', () => {
  it('reads to the same scenario as the YAML way, key for key and in the same order, for every scenario and the bench\'s', () => {
    for (const [file, text0] of canonicalTexts()) {
      // the bench's scenario is written by hand: once through the loader, it is in the form a log embeds
      const first = parseScenario(text0, file);
      if (!first.ok) throw new Error(`${file}: ${first.issues[0].message}`);
      const text = canonicalScenarioText(first.scenario);
      const fast = parseScenario(text, file), slow = viaYaml(text, file);
      expect(fast.ok && slow.ok, file).toBe(true);
      if (!fast.ok || !slow.ok) continue;
      expect(fast.scenario, file).toStrictEqual(slow.scenario);
      expect(JSON.stringify(fast.scenario), file).toBe(JSON.stringify(slow.scenario));
      expect(fast.warnings, file).toEqual(slow.warnings);
    }
  });

  it('is read without the YAML reader', () => {
    const text = canonicalScenarioText(loadScenarioFile(scenarioFiles()[0]));
    vi.mocked(parseDocument).mockClear();
    expect(parseScenario(text, 'log (embedded scenario)').ok).toBe(true);
    expect(parseDocument).not.toHaveBeenCalled();
  });

  it('with a mistake in it, or not quite canonical, goes the YAML way and says where, as before', () => {
    const text = canonicalScenarioText(loadScenarioFile(scenarioFiles()[0]));
    // a mistake: an id that is not one
    const wrong = text.replace(/"id":"([a-z0-9-]+)"/, '"id":"Not An Id"');
    expect(wrong).not.toBe(text);
    vi.mocked(parseDocument).mockClear();
    const r = parseScenario(wrong, 'wrong.json');
    expect(parseDocument).toHaveBeenCalled();
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ file: 'wrong.json', line: 1, severity: 'error' });
    // the same JSON laid out for people is not what a log embeds: the YAML way, with the same result
    const pretty = JSON.stringify(JSON.parse(text), null, 2);
    vi.mocked(parseDocument).mockClear();
    const p = parseScenario(pretty, 'pretty.json'), q = parseScenario(text, 'log.json');
    expect(parseDocument).toHaveBeenCalledTimes(1);
    expect(p.ok && q.ok).toBe(true);
    if (p.ok && q.ok) expect(p.scenario).toStrictEqual(q.scenario);
  });
});
