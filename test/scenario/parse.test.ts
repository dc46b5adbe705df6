import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, serializeScenario } from '../../engine/scenario/parse.js';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { say, sayIn } from '../../engine/scenario/say.js';
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

  it('reports a thousands separator, an unknown base, a negative duration and a duplicate id together, at their lines', () => {
    const r = parseScenario(broken, 'broken.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const by = (code: string) => r.issues.find((i) => i.code === code);
    expect(by('thousands-separator')).toMatchObject({ line: 14, path: 'areas[0].population' });
    expect(by('unknown-id')).toMatchObject({ line: 22, path: 'units[0].base' });
    expect(by('unknown-id')!.hint).toContain("did you mean 'muong-xen'");
    expect(by('negative-duration')).toMatchObject({ line: 24, path: 'units[0].mobilisation' });
    expect(by('duplicate-id')).toMatchObject({ line: 25, path: 'units[1].id' });
    expect(r.issues).toHaveLength(4);
    for (const i of r.issues) expect(i.file).toBe('broken.yaml');
  });

  it('reports YAML that does not read with its syntax errors alone: a tab, and nothing about what the tab garbled', () => {
    const r = parseScenario(readFileSync(join(ROOT, 'test/fixtures/broken-syntax.yaml'), 'utf8'), 'tab.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([expect.objectContaining({ line: 23, column: 1, code: 'yaml', message: 'tabs are not allowed as indentation', hint: expect.stringContaining('indent with spaces') })]);
  });

  it('says a tab after spaces in the indentation (an editor that mixes them), or in a text block, as the tab, not as twenty garbled lines', () => {
    const base = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;
    const mixed = base.replace('  - id: province-directive\n    seq: 2\n', '  - id: province-directive\n  \tseq: 2\n');
    const inBlock = base.replace('    Mưa lớn kéo dài trên thượng nguồn', '\tMưa lớn kéo dài trên thượng nguồn');
    for (const [text, needle, column] of [[mixed, '\tseq: 2', 3], [inBlock, '\tMưa lớn', 1]] as const) {
      const r = parseScenario(text, 'k.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues).toEqual([expect.objectContaining({ line: lineOf(text, needle), column, code: 'yaml', message: 'tabs are not allowed as indentation', hint: expect.stringContaining('indent with spaces') })]);
      expect(sayIn(r.issues[0]!.words.message, 'vi')).toBe('dùng ký tự tab để thụt lề');
    }
  });

  it('reports every syntax error of a file that does not read, and no shape or reference complaint', () => {
    // the unclosed quote swallows the rest of the line; the unknown area would be a true complaint, but it waits for the syntax
    const base = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const text = base.replace('    area: muong-xen\n\nroles:', '    area: muong-xem\n\nroles:').replace('from: { vi: Đường dây nóng 112, en: Hotline 112 }', 'from: "hotline 112');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.length).toBeGreaterThan(0);
    expect(r.issues.every((i) => i.code === 'yaml')).toBe(true);
  });

  it('checks on past a duplicate key (the YAML still reads): the duplicate and the rest together', () => {
    const base = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    const text = base.replace('horizon: 4h\n', 'horizon: 4h\nhorizon: 5h\n').replace('    base: muong-xen\n    home: muong-xen\n    mobilisation: 5m', '    base: muong-xem\n    home: muong-xen\n    mobilisation: 5m');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.code).sort()).toEqual(['unknown-id', 'yaml']);
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

  it('a file of comments alone is told what a scenario starts with, as an empty one is (it had no hint)', () => {
    const r = parseScenario('# Thanh Chương flood drill, draft\n# drillsim: 1\n', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssueIn(r.issues[0], 'en')).toBe("x.yaml: error[empty] (top): the file holds no scenario (only comments?) (a scenario starts with 'drillsim: 1'; see docs/scenario-format.md)");
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
      // each reading with its unit: the forms alone offered '90s' to one who meant minutes
      expect(at(path)!.hint).toContain(`${n} seconds is ${n}s`);
      expect(at(path)!.hint).toContain(`${n} minutes is ${n}m`);
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
      // the drill starts at 18:00: the clock time 03:00 is the next morning
      code: 'time', message: "'03:00' is not a time", hint: 'write T+03:00, that is 3h after the start; if you meant the clock time 03:00 the next day, write T+09:00',
    });
    // 00:20 may be 20 minutes or 20 seconds: no guess
    expect(r.issues.find((i) => i.path === 'evacuation.zones[0].warning')).toMatchObject({
      code: 'duration', message: "'00:20' is not a duration", hint: "write it like '90s', '45m', '2h30m', '1d6h' or 'T+02:30'",
    });
  });

  it('a clock time whose T+ reading falls after the end does not offer that reading as the thing to write', () => {
    // Kỳ Sơn starts at 18:00 and runs 18 h: '20:20' as T+20:20 would be refused again (outside the horizon); as the clock, it is T+02:20
    const text = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8').replace('hazard_arrives: T+03:00', 'hazard_arrives: 20:20');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.find((i) => i.path === 'evacuation.zones[0].hazard_arrives')).toMatchObject({
      code: 'time', message: "'20:20' is not a time",
      hint: "T+20:20 is after the scenario's end, T+18:00; if you meant the clock time 20:20, write T+02:20",
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

describe('YAML slips a planner makes, said with what to do (a helper walking the docs found the reader\'s own words, one naming its API)', () => {
  const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
  const cases: [string, string, string, RegExp, RegExp][] = [
    ['a stray --- before a key', 'units:\n', '---\nunits:\n', /^a second YAML document starts here/, /^remove this line/],
    ['a value starting with @', 'name: Mường Xén\n', 'name: @Mường Xén\n', /reserved character @/, /^put the value in quotes/],
    ['an unknown escape in double quotes', 'name: Mường Xén\n', 'name: "Mường \\q Xén"\n', /invalid escape sequence/, /write \\\\ for a backslash/],
    ['a key without its colon', 'severity: 3', 'severity 3', /single line/, /add the colon after the key/],
  ];
  for (const [what, from, to, message, hint] of cases) {
    it(what, () => {
      expect(minimal).toContain(from);
      const r = parseScenario(minimal.replace(from, to), 'm.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues).toHaveLength(1);
      const [i] = r.issues;
      expect(i.message).toMatch(message);
      expect(i.message).not.toMatch(/parseAllDocuments|YAML\./);
      expect(i.hint).toMatch(hint);
      // in Vietnamese too, the hint its own
      expect(sayIn(i.words.hint!, 'vi')).not.toBe(sayIn(say('yaml.hint'), 'vi'));
    });
  }
});

describe('a value of the wrong type says what to write (a helper walking the docs found them bare)', () => {
  const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
  const cases: [string, string, string, string][] = [
    // a count (a crew, a population) gets a whole number to copy: 0.5 is no example of one
    ['a word for a number', 'crew: 12', 'crew: twelve', 'write the whole number in digits, such as 12'],
    ['a word for a number of people', 'population: 12000', 'population: twelve thousand', 'write the whole number in digits, such as 12'],
    ['a word for a number that may have a decimal point', 'lat: 19.40', 'lat: nineteen point four', 'write the number in digits, such as 12 or 0.5'],
    // a severity (1-5) gets one in its range, in a distribution too; people in a distribution are counted
    ['a word for a severity', 'severity: 3', 'severity: { uniform: [two, 4] }', 'write the whole number in digits, such as 3'],
    ['a word in a distribution of people', 'people: { uniform: [2, 6] }', 'people: { uniform: [two, 6] }', 'write the whole number in digits, such as 12'],
    ['a number in quotes', 'crew: 12', 'crew: "12"', 'write the number without quotes: crew: 12'],
    ['a number in quotes where a distribution may go', 'severity: 3', 'severity: "3"', 'write the number without quotes: severity: 3'],
    ['a key with nothing after it', 'vi: Sập nhà sau mưa lớn ở Mường Xén', 'vi:', "nothing is written after 'vi:': write its value there, or remove the line"],
  ];
  for (const [what, from, to, hint] of cases) {
    it(what, () => {
      expect(minimal).toContain(from);
      const r = parseScenario(minimal.replace(from, to), 'm.yaml');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues.map((i) => i.hint)).toEqual([hint]);
      expect(sayIn(r.issues[0].words.hint!, 'vi')).not.toBe(hint);
    });
  }

  it('a share (a probability, a share of people, a road\'s speed factor) written in words or as a percentage: a share to write, EN and VI', () => {
    const flood = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const says = (from: RegExp, to: string, lang: 'en' | 'vi' = 'en') => {
      expect(flood).toMatch(from);
      const r = parseScenario(flood.replace(from, to), 'ks.yaml');
      return r.ok ? [] : r.issues.map((i) => sayIn(i.words.hint!, lang));
    };
    const share = 'write it in digits, as a share from 0 to 1: 0.5 for a half, 0.25 for a quarter, 0.3 for 30 %';
    expect(says(/probability: 0\.6\b/, 'probability: half')).toEqual([share]);
    expect(says(/vulnerable_share: [\d.]+/, 'vulnerable_share: một nửa')).toEqual([share]);
    expect(says(/factor: [\d.]+/, 'factor: four tenths')).toEqual([share]);
    expect(says(/probability: 0\.5,/, 'probability: half,')).toEqual([share]);
    expect(says(/probability: 0\.6\b/, 'probability: một nửa', 'vi')).toEqual(['hãy viết bằng chữ số, là một tỷ lệ từ 0 đến 1: 0.5 cho một nửa, 0.25 cho một phần tư, 0.3 cho 30 %']);
    // a percentage: the share it is, not the number alone (30 is no share)
    expect(says(/vulnerable_share: [\d.]+/, 'vulnerable_share: 30%')).toEqual(['for 30 %, write 0.3']);
    expect(says(/vulnerable_share: [\d.]+/, 'vulnerable_share: 35 phần trăm', 'vi')).toEqual(['để ghi 35 %, hãy viết 0.35']);
    // an objective's threshold: a share for a share, a whole number for people lost
    expect(says(/threshold: 0\.9,/, 'threshold: ninety,')).toEqual(["evacuated_share is the share of a zone's people (or all zones) in shelters by the deadline (0-1): write it in digits, such as 0.9 for 90 %"]);
    expect(says(/threshold: 0\.9,/, 'threshold: 90 percent,')).toEqual(['evacuated_share is a share from 0 to 1: write 0.9']);
    expect(says(/threshold: 50 \}/, 'threshold: fifty }')).toEqual(['people_lost is the people lost, in an area or in all: write the whole number in digits, such as 12']);
    // a weight or a coordinate may be any number: both examples stay
    expect(says(/lat: [\d.]+/, 'lat: nineteen')).toEqual(['write the number in digits, such as 12 or 0.5']);
  });

  it('a count written in words, in Vietnamese: a whole number only', () => {
    const r = parseScenario(minimal.replace('crew: 12', 'crew: mười hai'), 'm.yaml');
    expect(!r.ok && r.issues.map((i) => formatIssueIn(i, 'vi'))).toEqual([expect.stringMatching(/units\[0\]\.crew: cần một số, nhưng nhận được chữ 'mười hai' \(hãy viết số nguyên bằng chữ số, ví dụ 12\)$/)]);
  });
});

describe('objective thresholds', () => {
  const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');

  it('reads a duration as its seconds for a metric in seconds, in the threshold and the rating: the same scenario as with numbers', () => {
    const text = quePhong.replace('threshold: 2700 }', 'threshold: 45m }').replace('rating: { P: 2700, S: 3600, M: 7200 }', 'rating: { P: 45m, S: 1h, M: 2h }');
    const withDurations = parseScenario(text, 'qp.yaml');
    const withNumbers = parseScenario(quePhong, 'qp.yaml');
    expect(withDurations.ok && withNumbers.ok).toBe(true);
    if (!withDurations.ok || !withNumbers.ok) return;
    expect(withDurations.scenario.objectives[1].criterion.threshold).toBe(2700);
    expect(withDurations.scenario.objectives[1].rating).toEqual({ P: 2700, S: 3600, M: 7200 });
    expect(withDurations.scenario).toEqual(withNumbers.scenario);
    expect(withDurations.warnings).toEqual(withNumbers.warnings);
  });

  it('still checks the rating order and the threshold against the rating when they are written as durations', () => {
    const text = quePhong.replace('threshold: 2700 }', 'threshold: 30m }').replace('rating: { P: 2700, S: 3600, M: 7200 }', 'rating: { P: 45m, S: 1h, M: 2h }');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok && r.warnings.map((w) => w.message)).toContain("objective 'first-on-scene': a value rated P can still miss the criterion (threshold 30m is stricter than P 45m)");
    const order = parseScenario(quePhong.replace('rating: { P: 2700, S: 3600, M: 7200 }', 'rating: { P: 45m, S: 2h, M: 1h }'), 'qp.yaml');
    expect(!order.ok && order.issues.map((i) => i.code)).toContain('rating-order');
  });

  it("rejects a duration for a metric not in seconds, saying what the metric counts, and reads '90%' as a share to write 0.9", () => {
    const text = quePhong.replace('threshold: 0.9, by', 'threshold: 90%, by').replace('rating: { P: 0.9, S: 0.7, M: 0.4 }', 'rating: { P: 0.9, S: 0.7, M: 40m }');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = (path: string) => r.issues.filter((i) => i.path === path);
    expect(at('objectives[0].criterion.threshold')).toEqual([expect.objectContaining({ message: "expected a number, got the text '90%'", hint: 'evacuated_share is a share from 0 to 1: write 0.9' })]);
    expect(at('objectives[0].rating.M')).toEqual([expect.objectContaining({ message: "'40m' is a duration, but evacuated_share is not counted in seconds" })]);
  });

  it("a number written with its unit or a decimal comma: the number to write, and no second complaint that the road has no length", () => {
    const says = (text: string) => { const r = parseScenario(text, 'x.yaml'); return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message} (${i.hint})`); };
    const flood = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const m = /length_km: (\d+)/.exec(flood)!;
    expect(says(flood.replace(m[0], `${m[0]}km`))).toEqual([`travel.edges[0].length_km: expected a number, got the text '${m[1]}km' (write the number alone: ${m[1]})`]);
    const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
    expect(says(minimal.replace('population: 12000', 'population: 12,5'))).toEqual(["areas[1].population: expected a number, got the text '12,5' (write it with a decimal point: 12.5)"]);
    // a thousands comma keeps its own message
    expect(says(minimal.replace('population: 12000', 'population: 12,000'))).toEqual(["areas[1].population: '12,000' is a text, not a number (write 12000, with no thousands separator)"]);
  });

  it("a decimal comma inside { ... } (a Vietnamese planner's 2,5) is said as the key it made, with the number to write", () => {
    const says = (text: string) => { const r = parseScenario(text, 'x.yaml'); return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}: ${i.message} (${i.hint})`); };
    const flood = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const m = /length_km: (\d+), speed_kmh: \{ road: (\d+) \}/.exec(flood)!;
    expect(says(flood.replace(m[0], `length_km: ${m[1]},5, speed_kmh: { road: ${m[2]},5 }`))).toEqual([
      `decimal-comma travel.edges[0].5: 'length_km: ${m[1]},5' is read as length_km: ${m[1]} and a key '5': a comma inside { ... } starts a new key (write the decimals after a point: length_km: ${m[1]}.5)`,
      `decimal-comma travel.edges[0].speed_kmh.5: 'road: ${m[2]},5' is read as road: ${m[2]} and a key '5': a comma inside { ... } starts a new key (write the decimals after a point: road: ${m[2]}.5)`,
    ]);
    // with its unit after it, the key is '5 km'
    expect(says(flood.replace(m[0], `length_km: ${m[1]},25 km, speed_kmh: { road: ${m[2]} }`))).toEqual([
      `decimal-comma travel.edges[0].25 km: 'length_km: ${m[1]},25' is read as length_km: ${m[1]} and a key '25': a comma inside { ... } starts a new key (write the decimals after a point: length_km: ${m[1]}.25)`,
    ]);
    // a point before three digits in a number with its unit: a thousands separator or a decimal point, both said
    expect(says(flood.replace(m[0], `length_km: 1.500 km, speed_kmh: { road: ${m[2]} }`))).toEqual([
      "type travel.edges[0].length_km: expected a number, got the text '1.500 km' (write 1500 with no thousands separator, or 1.5 if the mark was a decimal point)",
    ]);
  });

  it("a decimal comma in a duration inside { ... } (`foot: 1,5h`): the duration to write, and no second complaint that the number 1 is not a duration", () => {
    const says = (text: string, lang?: 'vi') => { const r = parseScenario(text, 'x.yaml'); return r.ok ? [] : r.issues.map((i) => `${i.code} ${i.path}: ${lang ? sayIn(i.words.hint!, "vi") : i.hint}`); };
    const flood = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const m = /length_km: (\d+), speed_kmh: \{ road: (\d+) \}/.exec(flood)!;
    const text = flood.replace(m[0], `length_km: ${m[1]}, time: { foot: 1,5h }`);
    expect(says(text)).toEqual(['decimal-comma travel.edges[0].time.5h: a duration takes no decimals: write foot: 1h30m']);
    expect(says(text, 'vi')).toEqual(['decimal-comma travel.edges[0].time.5h: một khoảng thời gian không viết phần thập phân: hãy viết foot: 1h30m']);
    const r = parseScenario(text, 'x.yaml');
    expect(!r.ok && r.issues[0].message).toBe("'foot: 1,5h' is read as foot: 1 and a key '5h': a comma inside { ... } starts a new key");
  });

  it("a unit with a power after the number (m2, m³, m3/s) is a unit like any other: the number to write", () => {
    const says = (text: string) => { const r = parseScenario(text, 'x.yaml'); return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message} (${i.hint})`); };
    const flood = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const m = /area_m2: (\d+)/.exec(flood)!;
    expect(says(flood.replace(m[0], 'area_m2: 2.600 m2'))).toEqual(["evacuation.shelters[0].area_m2: expected a number, got the text '2.600 m2' (write 2600, with no thousands separator)"]);
    expect(says(flood.replace(m[0], 'area_m2: 2600 m²'))).toEqual(["evacuation.shelters[0].area_m2: expected a number, got the text '2600 m²' (write the number alone: 2600)"]);
  });

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

describe('counts written with a thousands separator', () => {
  const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it("says '21.000' reads as 21 where a count is asked for, at the value, and how to write it", () => {
    const text = quePhong.replace('    population: 21000\n', '    population: 21.000\n');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.filter((i) => i.severity === 'error')).toEqual([expect.objectContaining({
      line: lineOf(text, 'population: 21.000'), column: 17, path: 'areas[1].population', code: 'thousands-separator',
      message: "'21.000' reads as 21", hint: 'write 21000, with no thousands separator',
    })]);
  });

  it("says it once, instead of 'expected a whole number', when the separator makes a fraction (1.650)", () => {
    const text = quePhong.replace('      population: 650\n', '      population: 1.650\n');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const here = r.issues.filter((i) => i.path === 'evacuation.zones[0].population');
    expect(here.map((i) => i.message)).toEqual(["'1.650' reads as 1.65"]);
  });

  it('finds it in crews, shelter capacities, stocks and drawn numbers of people too, and in a comma-grouped text', () => {
    const text = quePhong
      .replace('    crew: 60\n', '    crew: 1.060\n')
      .replace('capacity_people: 700, area_m2: 2000', 'capacity_people: 1.700, area_m2: 2000')
      .replace('stock_person_days: 60000', 'stock_person_days: 60.000')
      .replace('people: { uniform: [8, 20] }', 'people: { uniform: [8, 1.020] }')
      .replace('    population: 12500\n', '    population: "12,500"\n');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const found = r.issues.filter((i) => i.code === 'thousands-separator').map((i) => `${i.path}: ${i.message}`);
    expect(found).toEqual([
      "areas[1].stock_person_days: '60.000' reads as 60",
      "areas[2].population: '12,500' is a text, not a number",
      "units[6].crew: '1.060' reads as 1.06",
      "incident_kinds[0].people.uniform[1]: '1.020' reads as 1.02",
      "evacuation.shelters[0].capacity_people: '1.700' reads as 1.7",
    ]);
    expect(r.issues.filter((i) => i.path === 'areas[2].population')).toHaveLength(1);
  });

  it('leaves decimals alone where they are not counts (a rate, a length in km, a probability)', () => {
    const text = quePhong.replace('length_km: 95,', 'length_km: 95.500,').replace('probability: 0.4', 'probability: 0.400');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(true);
  });
});

describe('hints that lead to the fix, not away from it', () => {
  const quePhong = readFileSync(join(ROOT, 'test/fixtures/que-phong.yaml'), 'utf8');

  it('reports an id written with a diacritic once, says how to write it, and does not flag the references that already do', () => {
    const text = quePhong.replace('  - id: tri-le\n    name: Tri Lễ', '  - id: tri-lễ\n    name: Tri Lễ');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const errors = r.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ path: 'areas[2].id', code: 'id', message: "'tri-lễ' is not a valid id" })]);
    expect(errors[0].hint).toMatch(/: write 'tri-le'$/);
  });

  it('an id in a list (a role\'s commands, supports) written with diacritics is said as an id, not as a duration', () => {
    // the unit's own id written so too (its reference then names a unit that is there), and an area's id in `supports`
    const text = quePhong.replace('  - id: tl-militia\n', '  - id: tl-dân-quân\n').replace('commands: [tl-militia, tl-police,', 'commands: [tl-dân-quân, tl-police,').replace('commands: [qp-militia, qp-road-team]', 'commands: [qp-militia, qp-road-team]\n    supports: [tri-lễ]');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const here = r.issues.filter((i) => /^roles\[\d+\]\.(commands|supports)\[0\]$/.test(i.path)).map((i) => `${i.path} ${i.code}: ${i.message} (${i.hint})`);
    expect(here).toHaveLength(2);
    for (const h of here) expect(h).not.toMatch(/duration/);
    expect(here[0]).toMatch(/ id: 'tl-dân-quân' is not a valid id \(.*write 'tl-dan-quan'\)$/);
    expect(here[1]).toMatch(/ id: 'tri-lễ' is not a valid id \(.*write 'tri-le'\)$/);
    const vi = r.issues.find((i) => i.path.endsWith('supports[0]'))!;
    expect(sayIn(vi.words.message, 'vi')).toBe("'tri-lễ' không phải mã hợp lệ");
  });

  it("never suggests an invalid id: a typo of that area's reference is pointed to the id as it should be written", () => {
    const text = quePhong.replace('  - id: tri-le\n    name: Tri Lễ', '  - id: tri-lễ\n    name: Tri Lễ').replace('    base: tri-le\n    home: tri-le\n    mobilisation: 10m', '    base: tri-le\n    home: tri-l\n    mobilisation: 10m');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const home = r.issues.find((i) => i.path === 'units[1].home');
    expect(home?.message).toBe("unknown area 'tri-l'");
    expect(home?.hint).toBe("did you mean 'tri-le'?");
  });

  describe('a name written where an id goes (a planner writes what the board shows)', () => {
    const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
    const errorsOf = (text: string) => {
      const r = parseScenario(text, 'k.yaml');
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues;
    };

    it('a base at a place the scenario does not have yet (another district\'s town): besides the places known, where to add it', () => {
      const issues = errorsOf(kySon.replace('    base: ta-ca\n', '    base: quy-chau\n'));
      const base = issues.filter((i) => i.path.endsWith('.base'));
      expect(base).toHaveLength(1);
      expect(base[0].hint).toMatch(/^known: vinh, do-luong, .*; a place not among them: add it under `travel\.nodes:` or `areas:`$/);
    });

    it('a place name whose id exists: one error, with that id; not a second "unknown base" for the same word', () => {
      const issues = errorsOf(kySon.replace('    base: ta-ca\n', '    base: Tà Cạ\n'));
      expect(issues.filter((i) => i.path.endsWith('.base'))).toEqual([
        expect.objectContaining({ code: 'id', message: "'Tà Cạ' is not a valid id", hint: expect.stringMatching(/: write 'ta-ca'$/) }),
      ]);
    });

    it("a role written by a shortened name: pointed to the role's id, not to an id made of the text that names nothing", () => {
      const issues = errorsOf(kySon.replace('    to: tc-chair\n', '    to: Chủ tịch xã Tà Cạ\n'));
      const to = issues.filter((i) => /^injects\[\d+\]\.to$/.test(i.path));
      expect(to).toHaveLength(1);
      expect(to[0]).toMatchObject({
        code: 'unknown-id', message: "unknown role 'Chủ tịch xã Tà Cạ'",
        hint: "did you mean role 'tc-chair', named 'Chủ tịch UBND xã Tà Cạ'? references take the id: write 'tc-chair'",
      });
      expect(issues.map((i) => i.hint ?? '').join(' ')).not.toContain('chu-tich-xa-ta-ca');
    });

    it("a unit written by its name in a role's commands: named as that unit, which is then not also warned to have no commander", () => {
      const issues = errorsOf(kySon.replace('commands: [tc-militia,', 'commands: [Dân quân xã Tà Cạ,'));
      expect(issues.find((i) => i.path === 'roles[1].commands[0]')).toMatchObject({
        code: 'unknown-id', message: "'Dân quân xã Tà Cạ' is the name of unit 'tc-militia', not its id", hint: "references take the id: write 'tc-militia'",
      });
      expect(issues.filter((i) => i.code === 'no-commander')).toEqual([]);
    });

    it('a misspelt unit in commands: its error alone, no "no role commands" warning about the unit it means', () => {
      const issues = errorsOf(kySon.replace('commands: [tc-militia,', 'commands: [tc-milita,'));
      expect(issues.filter((i) => i.code === 'unknown-id').map((i) => i.hint)).toEqual(["did you mean 'tc-militia'?"]);
      expect(issues.filter((i) => i.code === 'no-commander')).toEqual([]);
    });
  });

  it("points a rule's `at:` to `from:`, not to `id`", () => {
    const text = quePhong.replace('  - id: reopen-ql48\n    from: T+16:00', '  - id: reopen-ql48\n    at: T+16:00');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const at = r.issues.find((i) => i.path === 'rules[2].at');
    expect(at).toMatchObject({ code: 'unknown-key', message: "unknown key 'at'" });
    expect(at!.hint).toMatch(/^did you mean 'from'\? here it starts at `from:` and stops at `until:`$/);
  });

  it('names an unknown capability as one, suggests the capability meant, and lists them all', () => {
    const text = quePhong.replace('capabilities: { engineering: 2 }', 'capabilities: { excavation: 2 }').replace('need: { rescue: 2 }', 'need: { rescue: 2, medic: 1 }');
    const r = parseScenario(text, 'qp.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const all = 'rescue, fire, medical, transport, engineering, chemical, boat, logistics, command';
    expect(r.issues.find((i) => i.path === 'units[5].capabilities.excavation')).toMatchObject({
      code: 'unknown-capability', message: "unknown capability 'excavation'", hint: `did you mean 'engineering'? the capabilities are ${all}`,
    });
    expect(r.issues.find((i) => i.path === 'incident_kinds[1].need.medic')?.hint).toBe(`did you mean 'medical'? the capabilities are ${all}`);
  });
});
