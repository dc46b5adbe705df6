import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario } from '../../engine/scenario/parse.js';
import { textIn } from '../../engine/scenario/text.js';
import { ROOT } from '../helpers/cli.js';
import { loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

const broken = readFileSync(join(ROOT, 'test/fixtures/broken.yaml'), 'utf8');

describe('the scenario loader', () => {
  it('loads every scenario in scenarios/', () => {
    const files = scenarioFiles();
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(() => loadScenarioFile(f)).not.toThrow();
  });

  it('reports an unknown base, a duplicate id, a negative duration and a YAML error together, at their lines', () => {
    const r = parseScenario(broken, 'broken.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = (code: string) => r.issues.find((i) => i.code === code);
    expect(by('unknown-id')).toMatchObject({ line: 22, path: 'units[0].base' });
    expect(by('unknown-id')!.hint).toContain("did you mean 'muong-xen'");
    expect(by('negative-duration')).toMatchObject({ line: 24, path: 'units[0].mobilisation' });
    expect(by('duplicate-id')).toMatchObject({ line: 25, path: 'units[1].id' });
    expect(by('yaml')!.line).toBeGreaterThanOrEqual(34);
    expect(by('yaml')!.line).toBeLessThanOrEqual(35);
    for (const i of r.issues) expect(i.file).toBe('broken.yaml');
  });

  it('says so in one issue for an empty file, a binary file and a non-scenario', () => {
    for (const [text, code] of [['', 'empty'], ['   \n# only a comment\n', 'empty'], ['\u0000\u0001PNG', 'binary'], ['- a\n- b\n', 'not-a-scenario']] as const) {
      const r = parseScenario(text, 'x.yaml');
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.issues).toHaveLength(1);
        expect(r.issues[0].code).toBe(code);
      }
    }
  });

  it('tells a comma in an unquoted text of a flow mapping to quote the text, with the text as it was meant', () => {
    const text = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8').replace('name: { vi: Dân quân xã Mường Xén, en:', 'name: { vi: Dân quân, xã Mường Xén, en:');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ line: 30, code: 'unknown-key', message: "unknown key 'xã Mường Xén'" });
      expect(r.issues[0].hint).toBe('a comma inside { ... } starts a new key: put the text in quotes, as in vi: "Dân quân, xã Mường Xén"');
    }
  });

  it('suggests the nearest key for a misspelt one', () => {
    const text = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8').replace('capabilities: { rescue: 1 }', 'capabilites: { rescue: 1 }');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.find((i) => i.code === 'unknown-key')?.hint).toContain("'capabilities'");
  });

  it('says a bare number is not a duration and asks for the unit, wherever a duration goes', () => {
    const text = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8')
      .replace('horizon: 4h', 'horizon: 240').replace('    mobilisation: 5m', '    mobilisation: 5').replace('    escalate_every: 45m', '    escalate_every: 45');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (path: string) => r.issues.find((i) => i.path === path);
    for (const [path, n] of [['horizon', 240], ['units[1].mobilisation', 5], ['incident_kinds[0].escalate_every', 45]] as const) {
      expect(at(path)).toMatchObject({ code: 'duration', message: `the number ${n} is not a duration: a number alone has no unit` });
      expect(at(path)!.hint).toContain("write it with its unit, like '90s', '45m'");
    }
    expect(at('horizon')!.line).toBe(text.split('\n').indexOf('horizon: 240') + 1);
  });

  it('says a clock-like text where a time goes is not a time, with the T+ form to write; a duration keeps its own hint', () => {
    const text = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8')
      .replace('hazard_arrives: T+03:00', 'hazard_arrives: 03:00').replace('warning: 20m', 'warning: 00:20');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.find((i) => i.path === 'evacuation.zones[0].hazard_arrives')).toMatchObject({
      code: 'time', message: "'03:00' is not a time", hint: 'write T+03:00, that is 3h after the start',
    });
    // 00:20 may be 20 minutes or 20 seconds: no guess
    expect(r.issues.find((i) => i.path === 'evacuation.zones[0].warning')).toMatchObject({
      code: 'duration', message: "'00:20' is not a duration", hint: "write it like '90s', '45m', '2h30m', '1d6h' or 'T+02:30'",
    });
  });

  it('round-trips: parse, serialise, parse gives an equal scenario (YAML and JSON)', () => {
    for (const f of scenarioFiles()) {
      const s = loadScenarioFile(f);
      for (const format of ['yaml', 'json'] as const) {
        const again = parseScenario(serializeScenario(s, format), `again.${format}`);
        expect(again.ok, f).toBe(true);
        if (again.ok) expect(again.scenario).toEqual(s);
      }
    }
  });

  it('keeps Vietnamese text exactly as written', () => {
    const s = loadScenarioFile(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'));
    expect(textIn(s.title, 'vi')).toBe('Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)');
    const again = parseScenario(serializeScenario(s), 'x.yaml');
    expect(again.ok && textIn(again.scenario.title, 'vi')).toBe('Lũ quét ban đêm tại Mường Xén - Tà Cạ (Kỳ Sơn)');
    expect(again.ok && textIn(again.scenario.areas[1].name, 'vi')).toBe('Mường Xén');
  });

  it('checks references across the file: roles, objectives, shelters, roads', () => {
    const base = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const text = base
      .replace('to: tc-chair\n    method: dispatch', 'to: tc-chiar\n    method: dispatch')
      .replace('shelters: [ta-ca-school]', 'shelters: [ta-ca-shool]')
      .replace('effect: { cut_road: ql7-tc-mx }', 'effect: { cut_road: ql7-tc-xm }');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msgs = r.issues.map((i) => i.message);
    expect(msgs).toContain("unknown role 'tc-chiar'");
    expect(msgs).toContain("unknown shelter 'ta-ca-shool'");
    expect(msgs).toContain("unknown road 'ql7-tc-xm'");
  });

  it('rejects impossible distributions and zero-capacity shelters', () => {
    const base = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const text = base.replace('mobilisation: { uniform: [20m, 45m] }', 'mobilisation: { uniform: [45m, 20m] }').replace('capacity_people: 700', 'capacity_people: 0');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.some((i) => i.code === 'bad-distribution' && i.path === 'units[0].mobilisation')).toBe(true);
    expect(r.issues.some((i) => i.code === 'zero-capacity')).toBe(true);
  });

  it('rejects times after the horizon', () => {
    const base = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const r = parseScenario(base.replace('at: T+00:20', 'at: T+05:20'), 'm.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code)).toContain('outside-horizon');
  });
});

describe('objective thresholds', () => {
  it('warns when a value rated P could miss the criterion, or one rated M could meet it', () => {
    const base = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const strict = parseScenario(base.replace('threshold: 2700 }', 'threshold: 1800 }'), 'm.yaml');
    expect(strict.ok && strict.warnings.map((w) => w.code)).toContain('rating-criterion');
    const loose = parseScenario(base.replace('threshold: 2700 }', 'threshold: 4000 }'), 'm.yaml');
    expect(loose.ok && loose.warnings.map((w) => w.message).join()).toContain('rated M can meet');
    const fine = parseScenario(base, 'm.yaml');
    expect(fine.ok && fine.warnings).toEqual([]);
  });
});
