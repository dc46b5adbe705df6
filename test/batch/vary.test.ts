import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVarySpec, varyScenario, type VarySpec } from '../../engine/batch/vary.js';
import { loadNamed } from '../helpers/scenarios.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sweepWithoutEffect, type BatchResults } from '../../engine/batch/results.js';
import { drill, tempDir } from '../helpers/cli.js';

const ksn = loadNamed('ky-son-flash-flood');
const spec = (t: string): VarySpec => { const s = parseVarySpec(t); if (typeof s === 'string') throw new Error(s); return s; };
const vary = (t: string) => varyScenario(ksn, spec(t));
const messages = (t: string) => { const r = vary(t); return r.ok ? [] : r.messages; };

describe('--vary', () => {
  it('sets a duration, a capability and a doctrine field, one scenario per value, read by the loader', () => {
    const w = vary('zone.ta-ca-riverside.warning=15m,1h');
    expect(w.ok && w.scenarios.map((s) => s.evacuation.zones.find((z) => z.id === 'ta-ca-riverside')!.warning)).toEqual([900, 3600]);
    const c = vary('unit.mx-police.capabilities.rescue=1,3');
    expect(c.ok && c.scenarios.map((s) => s.units.find((u) => u.id === 'mx-police')!.capabilities.rescue)).toEqual([1, 3]);
    const d = vary('doctrine.dispatch=nearest,severity');
    expect(d.ok && d.scenarios.map((s) => s.doctrine.dispatch)).toEqual(['nearest', 'severity']);
    const m = vary('unit.mx-militia.mobilisation={uniform: [10m, 20m]},1h');
    expect(m.ok && m.scenarios.map((s) => s.units.find((u) => u.id === 'mx-militia')!.mobilisation)).toEqual([{ kind: 'uniform', min: 600, max: 1200 }, { kind: 'fixed', value: 3600 }]);
  });

  it('units.<field> sets the field of every unit; x<k> scales every duration written there (bounds, mean, sd, median; not sigma)', () => {
    const all = vary('units.mobilisation=20m');
    expect(all.ok && all.scenarios[0].units.every((u) => u.mobilisation.kind === 'fixed' && u.mobilisation.value === 1200)).toBe(true);
    const r = vary('units.mobilisation=x0.5,x1,x2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenarios[1].units).toEqual(ksn.units);
    const [half, , double] = r.scenarios.map((s) => new Map(s.units.map((u) => [u.id, u.mobilisation])));
    for (const u of ksn.units) {
      const m = u.mobilisation as Record<string, unknown>;
      const times = (x: Record<string, unknown>, k: number) => Object.fromEntries(Object.entries(x).map(([f, v]) => [f, typeof v === 'number' && f !== 'sigma' ? Math.round(v * k) : v]));
      expect(half.get(u.id), u.id).toEqual(times(m, 0.5));
      expect(double.get(u.id), u.id).toEqual(times(m, 2));
    }
    // the factor written first, as it is said ('2x'), scales the same (it was "'2x' is not a duration")
    const after = vary('units.mobilisation=0.5x,1x,2x');
    expect(after.ok && after.scenarios.map((s) => s.units)).toEqual(r.scenarios.map((s) => s.units));
    // Kỳ Sơn has a lognormal mobilisation: its median scales, its sigma (a spread, no duration) does not
    expect(ksn.units.some((u) => u.mobilisation.kind === 'lognormal')).toBe(true);
  });

  it('a count swept with a thousands separator is refused with the number to write (it was played as 1.2 people an hour)', () => {
    expect(parseVarySpec('zone.ta-ca-riverside.rate_people_per_hour=1.200,450')).toBe("--vary zone.ta-ca-riverside.rate_people_per_hour: the value '1.200' is not 1200: a '.' is a decimal point there (write 1200, with no thousands separator)");
    expect(parseVarySpec('zone.ta-ca-riverside.population=700,1.400.000', 'vi')).toBe("--vary zone.ta-ca-riverside.population: giá trị '1.400.000' không phải 1400000: dấu '.' ở đây là dấu thập phân (hãy viết 1400000, không có dấu phân cách hàng nghìn)");
    // a decimal where the field is no count is what it says
    expect(typeof parseVarySpec('generator.slides.rate_per_hour=0.125,1.250')).toBe('object');
  });

  it('x<k> on one thing scales what is written there, in whole seconds, for any factor (property)', () => {
    const warning = ksn.evacuation.zones.find((z) => z.id === 'ta-ca-riverside')!.warning;
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
      const k = n / 1000;
      const r = vary(`zone.ta-ca-riverside.warning=x${k}`);
      expect(r.ok && r.scenarios[0].evacuation.zones.find((z) => z.id === 'ta-ca-riverside')!.warning).toBe(Math.round(warning * k));
    }), { numRuns: 40 });
  });

  it('x<k> that makes a duration more seconds than a number holds exactly says so of the duration as written, not of a number in days nobody wrote', () => {
    // it was "units[0].mobilisation.uniform[0]: '694444444444444400d' is too long to be a duration"
    const [m] = messages('unit.mx-militia.mobilisation=x99999999999999999999');
    expect(m).toMatch(/^--vary: unit\.mx-militia: x99999999999999999999 makes 'mobilisation' \(20m times 99999999999999999999\) more seconds than a number holds exactly, too long to be a duration; give a smaller factor, or the values themselves$/);
    expect(m).not.toMatch(/e\+|\d{10,}d/);
    const vi = drill(['run', 'scenarios/minimal.yaml', '--vary', 'units.mobilisation=x99999999999999999999', '--lang', 'vi']);
    expect(vi.code).toBe(2);
    expect(vi.stderr.split('\n')[0]).toBe("drill run: --vary: units (đơn vị 'mx-militia'): x99999999999999999999 làm 'mobilisation' (10m nhân 99999999999999999999) thành số giây lớn quá mức máy tính đếm được chính xác, quá dài để là một khoảng thời gian; hãy cho một hệ số nhỏ hơn, hoặc chính các giá trị");
  });

  it('x<k> where there is no duration, or no such field, says so; a misspelt field of every unit is said once', () => {
    expect(messages('unit.mx-militia.crew=x2')[0]).toBe("--vary: unit.mx-militia: 'crew' holds no duration (25), so x2 has nothing to scale; give the values themselves");
    expect(messages('units.mobilisatio=x2')[0]).toBe("--vary units.mobilisatio: no unit has 'mobilisatio' written, so there is nothing to scale by x2 (did you mean 'mobilisation'?)");
    expect(messages('units.mobilisatio=20m')).toEqual([`--vary units.mobilisatio=20m: the scenario is then not valid: units[*].mobilisatio: unknown key 'mobilisatio' (did you mean 'mobilisation'?) (${ksn.units.length} units)`]);
    expect(messages('units.copies=2')[0]).toMatch(/give one unit: unit\.<id>\.copies/);
    // a zone written by its section's path, once for all the values: said once, and not counted as units
    expect(messages('doctrine.dispatch.rule=1,2')).toEqual(["--vary: doctrine: 'doctrine.dispatch' is not a mapping, so it has no field 'rule'"]);
    // the zone by the file's nesting: the key to write
    expect(messages('evacuation.zones.ta-ca-riverside.warning=10m,40m')).toEqual(["--vary: 'evacuation.zones.ta-ca-riverside.warning' is written as the file nests it; name the thing by its kind and id: zone.ta-ca-riverside.warning"]);
    // a field of a zone, whose list is not at the top of the file: its own name, not 'zones.speed_kmh'
    expect(messages('zone.ta-ca-riverside.speed_kmh=x2')[0]).toBe("--vary: zone.ta-ca-riverside has no 'speed_kmh' written, so there is nothing to scale by x2; give the values themselves");
  });

  it('units.<x> where x is a unit, a capability or a kind of unit says which key was meant, before any run', () => {
    expect(messages('units.mx-militia.crew=10,20')).toEqual(["--vary units.mx-militia.crew: units.<field> sets a field of every unit, and 'mx-militia' is one unit: write unit.mx-militia.crew (how many such units: unit.mx-militia.copies=0,1,2)"]);
    expect(messages('units.rescue=1,2')[0]).toMatch(/^--vary units\.rescue: 'rescue' is a capability, written under capabilities: units\.capabilities\.rescue sets it in every unit; .* unit\.<id>\.copies=0,1,2$/);
    expect(messages('units.rescue-boat=1,2')[0]).toMatch(/^--vary units\.rescue-boat: a unit has no field 'rescue-boat' \(its fields: 'name', 'owner', .*'responds_anywhere'\); to vary how many units of one kind there are, give one unit: unit\.<id>\.copies=0,1,2$/);
    // what the keys advise is taken
    expect(vary('unit.mx-militia.crew=10,20').ok).toBe(true);
    expect(vary('units.capabilities.rescue=1,2').ok).toBe(true);
  });

  it('copies: 0 removes a unit, 3 adds two copies that the same role commands', () => {
    const r = vary('unit.tc-shock-team.copies=0,3');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const ids = (i: number) => r.scenarios[i].units.map((u) => u.id).filter((id) => id.startsWith('tc-shock-team'));
    expect(ids(0)).toEqual([]);
    expect(ids(1)).toEqual(['tc-shock-team', 'tc-shock-team-2', 'tc-shock-team-3']);
    const commander = ksn.roles.find((x) => x.commands.includes('tc-shock-team'))!.id;
    expect(r.scenarios[1].roles.find((x) => x.id === commander)!.commands).toEqual(expect.arrayContaining(['tc-shock-team-2', 'tc-shock-team-3']));
    expect(r.scenarios[0].roles.find((x) => x.id === commander)!.commands).not.toContain('tc-shock-team');
  });

  it('an unknown key, thing or field gets a clear message with a suggestion', () => {
    expect(messages('doctrin.dispatch=nearest')[0]).toMatch(/unknown key 'doctrin\.dispatch'.*did you mean 'doctrine'/);
    expect(messages('unit.mx-militai.crew=1')[0]).toBe("--vary: unknown unit 'mx-militai' in 'unit.mx-militai.crew' (did you mean 'mx-militia'?)");
    expect(messages('unit.mx-militia.crw=1')[0]).toMatch(/units\[\d+\]\.crw: unknown key 'crw' \(did you mean 'crew'\?\)/);
    expect(messages('unit.mx-militia=1')[0]).toMatch(/names no field of unit 'mx-militia'/);
    // an id is no parameter: varied, every reference to the unit would break (and read as a misspelt id)
    expect(messages('unit.mx-militia.id=a,b')).toEqual(["--vary: 'unit.mx-militia.id': an id cannot be varied (it names the unit, and the scenario refers to 'mx-militia' by it); vary one of its fields"]);
    expect(messages('doctrine=1')[0]).toMatch(/names no field/);
    // a misspelt key is wrong whatever the value: said once for the sweep, not once per value
    expect(messages('doctrine.keephome=1,2')).toEqual(["--vary doctrine.keephome=1,2: the scenario is then not valid, whatever the value: doctrine.keephome: unknown key 'keephome' (did you mean 'keep_home'?)"]);
  });

  it("a value the scenario format does not allow gets the loader's message, naming the value", () => {
    const m = messages('zone.ta-ca-riverside.warning=15m,soon');
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^--vary zone\.ta-ca-riverside\.warning=soon: the scenario is then not valid: evacuation\.zones\[\d+\]\.warning: 'soon' is not a duration/);
    expect(messages('unit.mx-militia.copies=-1')[0]).toMatch(/not a number of units/);
    expect(messages('doctrine.dispatch=closest')[0]).toMatch(/doctrine\.dispatch: .*closest.*not allowed/);
  });

  it("unset takes the field out, so that the format's default applies: a sweep can try a field against its absence", () => {
    // Kỳ Sơn's doctrine orders evacuations at risk level 3; unset is doctrine that never does so on a risk level
    expect(ksn.doctrine.evacuate_at_risk).toBe(3);
    const r = vary('doctrine.evacuate_at_risk=unset,3');
    expect(r.ok && r.scenarios.map((s) => s.doctrine.evacuate_at_risk)).toEqual([undefined, 3]);
    expect(r.ok && r.scenarios[1]).toEqual(ksn);
    // YAML's null says the same (so the two in one sweep are one value given twice); a field not written stays unwritten
    for (const v of ['unset', '~']) {
      const d = vary(`doctrine.declare_when_short=${v}`);
      expect(d.ok && d.scenarios.map((x) => x.doctrine.declare_when_short)).toEqual([undefined]);
    }
    expect(messages('doctrine.declare_when_short=unset,~')).toEqual(["--vary doctrine.declare_when_short: 'unset' and '~' are the same value, written two ways: both mean unset; give it once"]);
    expect(vary('unit.mx-militia.endurance=unset').ok).toBe(true);
    // a required field cannot be unset: the loader says it is missing
    expect(messages('unit.mx-militia.crew=unset')[0]).toMatch(/^--vary unit\.mx-militia\.crew=unset: the scenario is then not valid: units\[\d+\]\.crew: missing required key 'crew'/);
    expect(messages('unit.mx-militia.copies=unset')[0]).toMatch(/'unset' is not a number of units/);
  });

  it('copies named as a unit the scenario has already are refused by the sweep\'s key and value, not as a duplicate at a list entry the planner never wrote', () => {
    // a second police unit called mx-police-2, then two copies of mx-police: the copy would be mx-police-2 too
    const text = JSON.parse(JSON.stringify(ksn));
    const police = text.units.find((u: { id: string }) => u.id === 'mx-police');
    text.units.push({ ...police, id: 'mx-police-2' });
    text.roles.find((r: { commands: string[] }) => r.commands.includes('mx-police')).commands.push('mx-police-2');
    const r = varyScenario(text, spec('unit.mx-police.copies=1,2,3'));
    expect(r.ok ? [] : r.messages).toEqual([2, 3].map((n) => `--vary unit.mx-police.copies=${n}: a copy of mx-police is named mx-police-2, but the scenario has a unit mx-police-2 already; rename that unit (copies are named mx-police-2, mx-police-3 and so on)`));
    expect(vary('unit.mx-police.copies=1,2,3').ok).toBe(true);
  });

  it('doctrine.keep_home: a number for every commune, or one area\'s reserve by its key (the mapping made when none is written)', () => {
    // (unset and 0 are the same runs: refused below)
    const n = vary('doctrine.keep_home=unset,1,2');
    expect(n.ok && n.scenarios.map((s) => s.doctrine.keep_home)).toEqual([undefined, 1, 2]);
    const a = vary('doctrine.keep_home.muong-xen=unset,1,2');
    expect(a.ok && a.scenarios.map((s) => s.doctrine.keep_home)).toEqual([undefined, { 'muong-xen': 1 }, { 'muong-xen': 2 }]);
    expect(messages('doctrine.keep_home.muong-xn=1')[0]).toMatch(/doctrine\.keep_home\.muong-xn: unknown area 'muong-xn' \(did you mean 'muong-xen'\?\)/);
    expect(messages('doctrine.keep_home=-1')[0]).toMatch(/doctrine\.keep_home: the number -1 is too small: it must be at least 0/);
  });

  it('reads the values list: commas inside braces do not split; empty and repeated values are refused', () => {
    expect(spec('k={uniform: [1, 2]},3').labels).toEqual(['{uniform: [1, 2]}', '3']);
    expect(parseVarySpec('k=1,,2')).toMatch(/a value is empty/);
    expect(parseVarySpec('k=1,1')).toMatch(/given twice/);
    expect(parseVarySpec('nokey')).toMatch(/is not a sweep/);
  });

  it('two values written differently that make the same scenario are refused like one given twice, named as written with what they mean (they gave two columns of the same runs)', () => {
    expect(messages('zone.ta-ca-riverside.warning=15m,900s')).toEqual(["--vary zone.ta-ca-riverside.warning: '15m' and '900s' are the same value, written two ways: both mean 15m (900 seconds); give it once"]);
    expect(messages('zone.ta-ca-riverside.warning=30m,1h,60m')).toEqual(["--vary zone.ta-ca-riverside.warning: '1h' and '60m' are the same value, written two ways: both mean 1h (3600 seconds); give it once"]);
    expect(messages('unit.mx-police.capabilities.rescue=2,2.0')).toEqual(["--vary unit.mx-police.capabilities.rescue: '2' and '2.0' are the same value, written two ways: both mean 2; give it once"]);
    // the warning written in Kỳ Sơn is 20m: x2 is 40m
    expect(messages('zone.ta-ca-riverside.warning=x2,40m')).toEqual(["--vary zone.ta-ca-riverside.warning: 'x2' and '40m' are the same value, written two ways: both mean 40m (2400 seconds); give it once"]);
    expect(messages('units.mobilisation=x2,2x')).toEqual(["--vary units.mobilisation: 'x2' and '2x' are the same value, written two ways: both mean 2 times what is written there; give it once"]);
    expect(messages('unit.mx-militia.mobilisation={uniform: [10m, 20m]},{uniform: [600s, 1200s]}')).toEqual(["--vary unit.mx-militia.mobilisation: '{uniform: [10m, 20m]}' and '{uniform: [600s, 1200s]}' are the same value, written two ways: both mean { uniform: [ 10m, 20m ] }; give it once"]);
    expect(messages('travel.detour=unset,1.3')).toEqual(["--vary travel.detour: 'unset' and '1.3' are the same value: unset leaves the default, which is 1.3; give one of them"]);
    expect(messages('unit.mx-militia.mobilisation=15m,{fixed: 15m}')).toEqual(["--vary unit.mx-militia.mobilisation: '15m' and '{fixed: 15m}' make the same scenario, so their runs would be the same; give one of them"]);
    expect(varyScenario(ksn, spec('zone.ta-ca-riverside.warning=15m,900s'), 'vi')).toEqual({ ok: false, messages: ["--vary zone.ta-ca-riverside.warning: '15m' và '900s' là cùng một giá trị, viết theo hai cách: cả hai đều là 15m (900 giây); hãy cho giá trị đó một lần"] });
    // values that differ still sweep
    expect(vary('zone.ta-ca-riverside.warning=15m,901s,x1').ok).toBe(true);
    expect(vary('doctrine.keep_home=unset,1').ok && vary('doctrine.beside_far_share=unset,0.4').ok && vary('doctrine.hold_at_risk=unset,false,2').ok).toBe(true);
  });

  it('x<k> that rounds to the same whole seconds as another value says what the factor made of the field and that it rounds the same (it said "both mean 20m", hiding how)', () => {
    // the warning written in Kỳ Sơn is 20m: x1.0001 of it is 1200.12 s, which rounds to 1200 s
    expect(messages('zone.ta-ca-riverside.warning=x1.0001,20m')).toEqual(["--vary zone.ta-ca-riverside.warning: 'x1.0001' and '20m' are the same value once rounded to whole seconds: x1.0001 of 20m is 1200.12 s, which rounds to the same 1200 s as '20m'; give it once"]);
    expect(messages('zone.ta-ca-riverside.warning=20m,x1.0001')).toEqual(["--vary zone.ta-ca-riverside.warning: '20m' and 'x1.0001' are the same value once rounded to whole seconds: x1.0001 of 20m is 1200.12 s, which rounds to the same 1200 s as '20m'; give it once"]);
    expect(messages('zone.ta-ca-riverside.warning=x1.0001,x1.0002')).toEqual(["--vary zone.ta-ca-riverside.warning: 'x1.0001' and 'x1.0002' are the same value once rounded to whole seconds: x1.0001 of 20m is 1200.12 s, which rounds to the same 1200 s as 'x1.0002' (1200.24 s); give it once"]);
    expect(varyScenario(ksn, spec('zone.ta-ca-riverside.warning=x1.0001,20m'), 'vi')).toEqual({ ok: false, messages: ["--vary zone.ta-ca-riverside.warning: 'x1.0001' và '20m' là cùng một giá trị sau khi làm tròn đến giây: x1.0001 của 20m là 1200,12 giây, làm tròn thành đúng 1200 giây như '20m'; hãy cho giá trị đó một lần"] });
    // a factor that needs no rounding reads as before
    expect(messages('zone.ta-ca-riverside.warning=x1,20m')).toEqual(["--vary zone.ta-ca-riverside.warning: 'x1' and '20m' are the same value, written two ways: both mean 20m (1200 seconds); give it once"]);
    const cli = drill(['batch', 'scenarios/ky-son-flash-flood.yaml', '--runs', '2', '--vary', 'zone.ta-ca-riverside.warning=x1.0001,20m', '--lang', 'vi', '--quiet']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('x1.0001 của 20m là 1200,12 giây, làm tròn thành đúng 1200 giây');
  });

  it("unset and the default the engine takes for a doctrine field the schema leaves unwritten are refused too: two columns of the same runs", () => {
    // their defaults are in sim/doctrine.ts (out of the run log's hash), so the scenarios' texts differ while their runs do not
    expect(messages('doctrine.keep_home=unset,0')).toEqual(["--vary doctrine.keep_home: 'unset' and '0' are the same value: unset leaves the default, which is 0; give one of them"]);
    expect(messages('doctrine.beside_far_sooner_by=1h,unset')).toEqual(["--vary doctrine.beside_far_sooner_by: 'unset' and '1h' are the same value: unset leaves the default, which is 1h (3600 seconds); give one of them"]);
    expect(messages('doctrine.beside_far_share=unset,0.5')).toEqual(["--vary doctrine.beside_far_share: 'unset' and '0.5' are the same value: unset leaves the default, which is 0.5; give one of them"]);
    // Kỳ Sơn evacuates at risk 3: a commune holds its units from the same level unless told otherwise
    expect(messages('doctrine.hold_at_risk=unset,3')).toEqual(["--vary doctrine.hold_at_risk: 'unset' and '3' are the same value: unset leaves the default, which is 3; give one of them"]);
    expect(messages('doctrine.keep_home.muong-xen=0,unset')).toEqual(["--vary doctrine.keep_home.muong-xen: 'unset' and '0' are the same value: unset leaves the default, which is 0; give one of them"]);
    expect(varyScenario(ksn, spec('doctrine.keep_home=unset,0'), 'vi')).toEqual({ ok: false, messages: ["--vary doctrine.keep_home: 'unset' và '0' là cùng một giá trị: unset để giá trị mặc định, chính là 0; hãy chỉ cho một trong hai"] });
    const cli = drill(['batch', 'scenarios/ky-son-flash-flood.yaml', '--runs', '5', '--vary', 'zone.ta-ca-riverside.warning=15m,900s', '--quiet']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain("'15m' and '900s' are the same value, written two ways: both mean 15m (900 seconds); give it once");
    expect(cli.stdout).toBe('');
  });
});

describe('a sweep value the loader warns of', () => {
  it('is warned of (the trap keep_home: 1, which validate warns of when written in the file), by drill batch and drill run, EN and VI', () => {
    const r = vary('doctrine.keep_home=unset,1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/^--vary doctrine\.keep_home=1: doctrine\.keep_home: doctrine keeps 1 unit at home in .*as many as each has/);
    // the scenario's own warnings are said by the loader already: not again for each value
    const same = vary('doctrine.dispatch=nearest,severity');
    expect(same.ok && same.warnings).toEqual([]);
    const batch = drill(['batch', 'scenarios/ky-son-flash-flood.yaml', '--runs', '2', '--workers', '1', '--vary', 'doctrine.keep_home=unset,1', '--quiet']);
    expect(batch.code).toBe(0);
    expect(batch.stderr).toMatch(/^drill batch: warning: --vary doctrine\.keep_home=1: doctrine\.keep_home: doctrine keeps 1 unit at home/m);
    const run = drill(['run', 'scenarios/ky-son-flash-flood.yaml', '--vary', 'doctrine.keep_home=1', '--quiet', '--lang', 'vi']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^drill run: cảnh báo: --vary doctrine\.keep_home=1: doctrine\.keep_home: phương án tự động giữ lại tại chỗ 1 đơn vị/m);
  });
});

describe('a sweep that changes nothing', () => {
  it('is said under the table and on the page, in both languages, when every value gave the same runs (a unit\'s crew is not simulated); not when a value changes a run', () => {
    const dir = tempDir();
    const html = join(dir, 'crew.html');
    const same = drill(['batch', 'scenarios/minimal.yaml', '--runs', '12', '--vary', 'unit.mx-police.crew=6,10', '--html', html, '--out', join(dir, 'crew.json')]);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('every value of unit.mx-police.crew gave the same runs, run for run: it never came into play.');
    expect(readFileSync(html, 'utf8')).toContain('<p class="warn">Every value of <code>unit.mx-police.crew</code> gave the same runs');
    const vi = drill(['report', join(dir, 'crew.json'), '--lang', 'vi']);
    expect(vi.stdout).toContain('mọi giá trị của unit.mx-police.crew cho cùng kết quả ở từng lượt chạy');
    const differs = drill(['batch', 'scenarios/minimal.yaml', '--runs', '12', '--vary', 'unit.mx-police.mobilisation=5m,2h']);
    expect(differs.code).toBe(0);
    expect(differs.stdout).not.toContain('gave the same runs');
  });

  it('is judged run for run: identical records for every value of each run, and every value of a run present (a shard may hold only some)', () => {
    const rec = (run: number, value: string, lost: number) => ({ j: 0, run, seed: run, value, metrics: { people_lost: lost }, objectives: {} });
    const base = { vary: { key: 'unit.u.crew', values: ['1', '2'] } } as unknown as BatchResults;
    const of = (results: ReturnType<typeof rec>[]) => sweepWithoutEffect({ ...base, results } as unknown as BatchResults);
    expect(of([rec(1, '1', 3), rec(1, '2', 3), rec(2, '1', 0), rec(2, '2', 0)])).toBe(true);
    // the same figures overall, but not run for run
    expect(of([rec(1, '1', 3), rec(1, '2', 0), rec(2, '1', 0), rec(2, '2', 3)])).toBe(false);
    expect(of([rec(1, '1', 3), rec(2, '2', 3)])).toBe(false);
    expect(of([])).toBe(false);
    expect(sweepWithoutEffect({ vary: null, results: [rec(1, '1', 3)] } as unknown as BatchResults)).toBe(false);
  });
});
