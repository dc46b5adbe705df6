// Mistakes a planner makes writing files by hand, said with what to do: a time or a duration written as a bare
// number in a decisions file (in a scenario it was already said so; in a decisions file it read "expected a text,
// got the number 2400"), and a format version drillsim does not read ("the number 2 is not allowed here (one of: 1)").
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/scenario/parse.js';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseDecisions } from '../../engine/sim/decisions.js';
import { loadNamed, refusedEdit } from '../helpers/scenarios.js';

const kySon = loadNamed('ky-son-flash-flood');

describe('what a hand-written file gets wrong, said with what to do', () => {
  it('a bare number for a decision\'s time, or for an added inject\'s expected within, is said to need its unit', () => {
    const text = [
      'drillsim_decisions: 1',
      'players: [tc-chair]',
      'decisions:',
      '  - { at: 2400, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '  - { at: T+00:30, role: controller, do: add_inject, inject: { id: x-1, seq: 30, at: T+01:00, from: Control, to: tc-chair, method: radio, type: request, subject: S, message: M, expected: { do: evacuate, zone: ta-ca-riverside, within: 30 } } }',
    ].join('\n');
    const r = parseDecisions(text, 'd.yaml', kySon);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.issues.map((i) => formatIssueIn(i, 'en'));
    expect(lines).toEqual([
      'd.yaml:4:11: error[time] decisions[0].at: the number 2400 is not a time: a number alone has no unit (2400 seconds is 2400s or 40m, T+00:40)',
      expect.stringMatching(/^d\.yaml:5:\d+: error\[duration\] decisions\[1\]\.inject\.expected\.within: the number 30 is not a duration: a number alone has no unit \(30 seconds is 30s; 30 minutes is 30m; 30 hours is 30h or 1d6h\)$/),
    ]);
  });

  it('a bare number for a length of time gives each reading with its unit, not an example list that offers \'90s\' to one who meant 90 minutes', () => {
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const r = parseScenario(minimal.replace('    mobilisation: 5m\n', '    mobilisation: 90\n').replace('mobilisation: { uniform: [10m, 30m] }', 'mobilisation: { uniform: [10, 30] }'), 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      'm.yaml:37:31: error[duration] units[0].mobilisation.uniform[0]: the number 10 is not a duration: a number alone has no unit (10 seconds is 10s; 10 minutes is 10m; 10 hours is 10h)',
      'm.yaml:37:35: error[duration] units[0].mobilisation.uniform[1]: the number 30 is not a duration: a number alone has no unit (30 seconds is 30s; 30 minutes is 30m; 30 hours is 30h or 1d6h)',
      'm.yaml:46:19: error[duration] units[1].mobilisation: the number 90 is not a duration: a number alone has no unit (90 seconds is 90s or 1m30s; 90 minutes is 90m or 1h30m; 90 hours is 90h or 3d18h)',
    ]);
    expect(formatIssueIn(r.issues[2], 'vi')).toBe('m.yaml:46:19: error[duration] units[1].mobilisation: số 90 không phải một khoảng thời gian: chỉ ghi số thì không rõ đơn vị (90 giây thì viết 90s hoặc 1m30s; 90 phút thì viết 90m hoặc 1h30m; 90 giờ thì viết 90h hoặc 3d18h)');
    // a number that is no whole count of anything keeps the forms
    const half = parseScenario(minimal.replace('    mobilisation: 5m\n', '    mobilisation: 1.5\n'), 'm.yaml');
    expect(!half.ok && formatIssueIn(half.issues[0], 'en')).toContain("(write it with its unit, like '90s', '45m', '2h30m', '1d6h' or 'T+02:30')");
  });

  it('an inject\'s time written as an MSEL writes the clock (0030, 1830, 18.30) is said as written, with the T+ time and the clock reading', () => {
    // YAML reads them as numbers: they were 'the number 30 is not a duration' and 'the number 18.3', with the list of forms
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const said = (at: string) => {
      const r = parseScenario(minimal.replace('    at: T+00:22\n', `    at: ${at}\n`), 'm.yaml');
      expect(r.ok, at).toBe(false);
      return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en'));
    };
    expect(said('0030')).toEqual(["m.yaml:75:9: error[time] injects[0].at: '0030' is not a time (write T+00:30, that is 30m after the start; the clock time 00:30 the next day would be T+04:30, after the end of the scenario (horizon 4h))"]);
    // written without a leading zero, a number alone: its readings with a unit, then the clock time's
    expect(said('2030')).toEqual(['m.yaml:75:9: error[time] injects[0].at: the number 2030 is not a time: a number alone has no unit (2030 seconds is 2030s or 33m50s, T+00:33:50; if you meant the clock time 20:30, write T+00:30)']);
    expect(said('20.30')).toEqual(["m.yaml:75:9: error[time] injects[0].at: '20.30' is not a time (T+20:30 is after the scenario's end, T+04:00; if you meant the clock time 20:30, write T+00:30)"]);
    // a count of something else is still a number without its unit
    expect(said('30')[0]).toContain('the number 30 is not a time: a number alone has no unit (30 seconds is 30s, T+00:00:30; 30 minutes is 30m, T+00:30)');
    const r = parseScenario(minimal.replace('    at: T+00:22\n', '    at: 20.30\n'), 'm.yaml');
    expect(!r.ok && formatIssueIn(r.issues[0], 'vi')).toContain("'20.30' không phải một thời điểm (T+20:30 là sau khi kịch bản kết thúc (T+04:00); nếu ý bạn là giờ đồng hồ 20:30, hãy viết T+00:30)");
  });

  it('a bare number for a time is a number without its unit wherever it is, 600 as 90: its readings, the clock time\'s among them', () => {
    // `at: 600` was 'write T+06:00' while `at: 90` was 'a number alone has no unit': someone who meant 600 seconds was sent to T+06:00
    const decisions = (...ats: string[]) => {
      const r = parseDecisions(['drillsim_decisions: 1', 'decisions:', ...ats.map((at) => `  - { at: ${at}, role: tc-chair, do: evacuate, zone: ta-ca-riverside }`)].join('\n'), 'd.yaml', kySon);
      return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en').replace(/^d\.yaml:\d+:\d+: error\[time\] decisions\[\d\]\.at: /, ''));
    };
    // Kỳ Sơn starts at 18:00 and runs 18 h: readings past its end are left out
    expect(decisions('600', '90', '5400', '1430', '"600"', '2', '0', '100000')).toEqual([
      'the number 600 is not a time: a number alone has no unit (600 seconds is 600s or 10m, T+00:10; 600 minutes is 600m or 10h, T+10:00; read as hours and minutes, T+06:00; if you meant the clock time 06:00 the next day, write T+12:00)',
      'the number 90 is not a time: a number alone has no unit (90 seconds is 90s or 1m30s, T+00:01:30; 90 minutes is 90m or 1h30m, T+01:30)',
      'the number 5400 is not a time: a number alone has no unit (5400 seconds is 5400s or 1h30m, T+01:30)',
      'the number 1430 is not a time: a number alone has no unit (1430 seconds is 1430s or 23m50s, T+00:23:50; read as hours and minutes, T+14:30; the clock time 14:30 the next day would be T+20:30, after the end of the scenario (horizon 18h))',
      "the text '600' is not a time: a number alone has no unit (600 seconds is 600s or 10m, T+00:10; 600 minutes is 600m or 10h, T+10:00; read as hours and minutes, T+06:00; if you meant the clock time 06:00 the next day, write T+12:00)",
      'the number 2 is not a time: a number alone has no unit (2 seconds is 2s, T+00:00:02; 2 minutes is 2m, T+00:02; 2 hours is 2h, T+02:00)',
      'the number 0 is not a time: a number alone has no unit (0 seconds is 0s, T+00:00)',
      "the number 100000 is not a time: a number alone has no unit (write it with its unit, like '90s', '45m', '2h30m', '1d6h' or 'T+02:30')",
    ]);
    // a JSON decisions file, and a scenario's own times, say the same
    const json = parseDecisions('{ "drillsim_decisions": 1, "decisions": [ { "at": 600, "role": "tc-chair", "do": "evacuate", "zone": "ta-ca-riverside" } ] }', 'd.json', kySon);
    expect(!json.ok && formatIssueIn(json.issues[0], 'en')).toBe(`d.json:1:51: error[time] decisions[0].at: ${decisions('600')[0]}`);
    const scenario = parseScenario(readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').replace(/^    at: T\+00:30$/m, '    at: 600'), 'k.yaml');
    expect(!scenario.ok && scenario.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([expect.stringMatching(/^k\.yaml:\d+:9: error\[time\] injects\[1\]\.at: the number 600 is not a time: a number alone has no unit \(600 seconds is 600s or 10m, T\+00:10; /)]);
    const vi = parseDecisions('drillsim_decisions: 1\ndecisions:\n  - { at: 90, role: tc-chair, do: evacuate, zone: ta-ca-riverside }\n', 'd.yaml', kySon);
    expect(!vi.ok && formatIssueIn(vi.issues[0], 'vi')).toContain('số 90 không phải một thời điểm: chỉ ghi số thì không rõ đơn vị (90 giây là 90s hoặc 1m30s, T+00:01:30; 90 phút là 90m hoặc 1h30m, T+01:30)');
  });

  it('several units in one decision are told to be one decision each, named, with the rest of the decision the same', () => {
    const text = [
      'drillsim_decisions: 1',
      'decisions:',
      '  - { at: T+03:15, role: tc-chair, do: dispatch, unit: [tc-militia, tc-health], incident: ta-ca-houses }',
      '  - { at: T+03:15, role: tc-chair, do: evacuate, zone: [ta-ca-riverside] }',
    ].join('\n');
    const r = parseDecisions(text, 'd.yaml', kySon);
    expect(!r.ok && r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      'd.yaml:3:56: error[type] decisions[0].unit: expected a text, got a list (a decision names one unit: write one `do: dispatch` decision for each unit, tc-militia and tc-health, each with the same `at:`, `role:` and `incident:`)',
      'd.yaml:4:56: error[type] decisions[1].zone: expected a text, got a list (a command names one zone: write it without the brackets, `zone: ta-ca-riverside`)',
    ]);
    expect(!r.ok && formatIssueIn(r.issues[0], 'vi')).toContain('mỗi quyết định chỉ ghi một unit: hãy viết một quyết định `do: dispatch` cho mỗi unit, tc-militia và tc-health');
    // an inject's expected action: it expects one; an option's command: one command each
    const scenario = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8')
      .replace('            - { do: evacuate, zone: muong-xen-lowland }', '            - { do: evacuate, zone: [muong-xen-lowland, ta-ca-riverside] }')
      .replace('expected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }', 'expected: { do: evacuate, zone: [ta-ca-riverside, muong-xen-lowland], within: 1h30m }');
    const s = parseScenario(scenario, 'k.yaml');
    expect(!s.ok && s.issues.map((i) => `${i.path}: ${i.hint}`)).toEqual([
      'injects[1].expected.zone: an expected action names one zone (an inject expects one action): keep the one it is about, ta-ca-riverside or muong-xen-lowland',
      'injects[3].decision.options[0].commands[0].zone: a command names one zone: write one `do: evacuate` command for each zone, muong-xen-lowland and ta-ca-riverside',
    ]);
  });

  it('a format version drillsim does not read names the one it reads, in both languages', () => {
    const text = readFileSync('scenarios/minimal.yaml', 'utf8').replace(/^drillsim: 1$/m, 'drillsim: 2');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual(['m.yaml:5:11: error[version] drillsim: the number 2 is a format version this drillsim does not read (it reads 1) (write drillsim: 1; a file made for a newer drillsim needs that drillsim)']);
    expect(formatIssueIn(r.issues[0], 'vi')).toContain('số 2 là phiên bản định dạng mà drillsim này không đọc được (nó đọc 1)');
    const d = parseDecisions('drillsim_decisions: 3\ndecisions: []\n', 'd.yaml', kySon);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(formatIssueIn(d.issues[0], 'en')).toContain('error[version] drillsim_decisions: the number 3 is a format version this drillsim does not read (it reads 1)');
  });

  it('a value not among a short list gets the whole list; a long one, its start and how many more', () => {
    const text = readFileSync('scenarios/minimal.yaml', 'utf8').replace(/owner: [a-z-]+/, 'owner: drones') + 'bogus_key: 1\n';
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const [owner, key] = r.issues.map((i) => formatIssueIn(i, 'en'));
    // all fifteen owners, none cut
    expect(owner).toMatch(/units\[0\]\.owner: the text 'drones' is not allowed here \(known: military, border-guard, .*, civilian, other\)$/);
    expect(owner.match(/known: (.*)\)$/)![1].split(', ')).toHaveLength(15);
    expect(key).toMatch(/unknown key 'bogus_key' \(the keys here are drillsim, id, title, (\w+, ){13}and \d+ more: remove it, or write it as one of them\)$/);
    expect(formatIssueIn(r.issues[1], 'vi')).toMatch(/và \d+ khóa khác; hãy bỏ nó đi, hoặc viết thành một trong các khóa đó\)$/);
  });

  it('an alias whose anchor is not set before it is placed at its line and column, each one, with its name', () => {
    const text = readFileSync('scenarios/minimal.yaml', 'utf8') + 'q: *b\nr: [1, *c]\n';
    const lines = text.split('\n').length;
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      `m.yaml:${lines - 2}:4: error[yaml] (syntax): the alias '*b' names no anchor set before it (set the anchor first ('&b' before the value it names), or write the value itself here)`,
      `m.yaml:${lines - 1}:8: error[yaml] (syntax): the alias '*c' names no anchor set before it (set the anchor first ('&c' before the value it names), or write the value itself here)`,
    ]);
  });

  it('a generator of more than one incident a second is warned of: whole seconds would put them at one instant', () => {
    // the shipped generator stops after 6 (max: 6): without it
    const text = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').replace(/rate_per_hour: [\d.]+/, 'rate_per_hour: 100000').replace(/\n    max: 6\n/, '\n');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const lines = r.warnings.map((i) => formatIssueIn(i, 'en'));
    expect(lines.filter((l) => l.includes('warning[rate]'))).toEqual([expect.stringMatching(/^k\.yaml:\d+:\d+: warning\[rate\] generators\[0\]\.rate_per_hour: 100000 incidents an hour is more than one a second: .* \(give at most 3600 an hour \(one a second\)\)$/)]);
    // the shipped rate: no such warning
    const shipped = parseScenario(readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8'), 'k.yaml');
    expect(shipped.ok && shipped.warnings.some((w) => w.code === 'rate')).toBe(false);
  });

  it("a generator whose max ends it first is not warned of for its rate (max: 6 at 5000 an hour: six incidents at once, and the run is normal)", () => {
    const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
    expect(kySon).toMatch(/\n    max: 6\n/);
    const rated = (text: string) => { const r = parseScenario(text, 'k.yaml'); expect(r.ok).toBe(true); return r.ok ? r.warnings.filter((w) => w.code === 'rate').length : -1; };
    expect(rated(kySon.replace(/rate_per_hour: [\d.]+/, 'rate_per_hour: 5000'))).toBe(0);
    expect(rated(kySon.replace(/rate_per_hour: [\d.]+/, 'rate_per_hour: 5000').replace(/\n    max: 6\n/, '\n    max: 100000\n'))).toBe(1);
  });

  it('an inject given both at and when is told to keep one of them, not to say when it is delivered (it says so twice)', () => {
    const text = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').replace('    at: T+00:30\n    from: province-board\n', '    at: T+00:30\n    when: { hazard: rain-nam-mo, above: 100 }\n    from: province-board\n');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const trigger = r.issues.filter((i) => i.code === 'trigger');
    expect(trigger.map((i) => formatIssueIn(i, 'en'))).toEqual([expect.stringMatching(/^k\.yaml:\d+:5: error\[trigger\] injects\[1\]: inject 'province-directive' needs exactly one of at, when, contingency \(has at, when\) \(keep one of them and take the rest out: each says on its own when the inject is delivered\)$/)]);
    expect(formatIssueIn(trigger[0], 'vi')).toContain('(đang có: at, when) (hãy giữ một trong số đó và bỏ phần còn lại');
  });

  it('an inject with neither at nor when is shown both, written with the scenario\'s own ids, and Vietnamese says it has none (not "đang có: không có")', () => {
    const text = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').replace('    at: T+00:30\n    from: province-board\n', '    from: province-board\n');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const trigger = r.issues.filter((i) => i.code === 'trigger');
    expect(trigger.map((i) => formatIssueIn(i, 'en'))).toEqual([expect.stringMatching(/^k\.yaml:558:5: error\[trigger\] injects\[1\]: inject 'province-directive' has no time of delivery: it needs one of at, when, contingency \(write a time counted from the start, such as `at: T\+00:30`, or a condition, such as `when: \{ incident_kind: houses-swept \}`, to deliver it when an incident of that kind is reported\)$/)]);
    const vi = formatIssueIn(trigger[0], 'vi');
    expect(vi).toContain("tình huống 'province-directive' chưa có thời điểm phát: cần một trong at, when, contingency (hãy viết một thời điểm tính từ lúc bắt đầu, ví dụ `at: T+00:30`, hoặc một điều kiện, ví dụ `when: { incident_kind: houses-swept }`");
    expect(vi).not.toContain('không có');
  });

  it('a level past the three there are is one error, not also a warning that the role may not declare it', () => {
    const text = 'drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+00:10, role: tc-chair, do: declare_level, area: ta-ca, level: 5 }\n';
    const r = parseDecisions(text, 'd.yaml', kySon);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.severity}[${i.code}] ${i.path}`)).toEqual(['error[range] decisions[0].level']);
    // a level there is, that the role may not declare: the warning
    const two = parseDecisions(text.replace('level: 5', 'level: 3'), 'd.yaml', kySon);
    expect(two.ok && two.warnings.map((w) => w.code)).toEqual(['no-authority']);
  });

  it("a list entry written without its '- ' is said once, at its first key, with the line to write", () => {
    // it was one 'written a second time' per key of the entry (eight here), then an unknown unit for the entry it hid
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const text = minimal.replace('  - id: mx-police\n', '    id: mx-police\n');
    const line = text.split('\n').indexOf('    id: mx-police') + 1;
    const first = text.split('\n').indexOf('  - id: mx-militia') + 1;
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      `m.yaml:${line}:5: error[yaml] (syntax): 'id' is written a second time in the list entry that starts on line ${first}: this line starts a new entry without its '-' (start the entry with '- ', lined up with the '-' of line ${first}: '  - id: mx-police')`,
    ]);
    expect(formatIssueIn(r.issues[0], 'vi')).toContain("dòng này bắt đầu một mục mới nhưng thiếu dấu '-'");
    // one key written twice, and nothing after it: that, as before
    const once = parseScenario(minimal.replace('    crew: 12\n', '    crew: 12\n    id: mx-militia-2\n'), 'm.yaml');
    expect(!once.ok && once.issues.map((i) => i.message)).toContain(`'id' is written a second time here: line ${first} has it already`);
  });

  it('a key written twice: what is wrong with the value YAML keeps (the last) is not placed at the first', () => {
    // `crew: twelve` a few lines under `crew: 12`: "expected a number, got the text 'twelve'" was placed at `crew: 12`
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const text = minimal.replace('    mobilisation: { uniform: [10m, 30m] }\n', '$&    crew: twelve\n');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const first = text.split('\n').indexOf('    crew: 12') + 1;
    const second = text.split('\n').indexOf('    crew: twelve') + 1;
    expect(second - first).toBeGreaterThan(2);
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      `m.yaml:${second}:5: error[yaml] (syntax): 'crew' is written a second time here: line ${first} has it already (keep one of them; YAML would keep only the last)`,
    ]);
  });

  it('a force named in Vietnamese, or a comparator typed as a word processor types it, gets the value to write', () => {
    // they got the list of fifteen owners, and of the five comparators, with nothing picked out
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const text = minimal.replace('owner: militia', 'owner: Dân quân').replace('owner: commune-police', 'owner: Công an xã').replace('comparator: "<="', 'comparator: ≤');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.hint}`)).toEqual([
      "units[0].owner: Dân quân is written 'militia'",
      "units[1].owner: Công an xã is written 'commune-police'",
      "objectives[0].criterion.comparator: did you mean '<='?",
    ]);
    expect(formatIssueIn(r.issues[1], 'vi')).toContain("(Công an xã ghi là 'commune-police')");
  });

  it('an inject\'s method and type written as the MSEL says them in Vietnamese (công điện, chỉ đạo), with or without diacritics, get the value to write', () => {
    // they got the list of eight methods, or of four types, with nothing picked out
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const text = minimal.replace('    method: phone\n', '    method: cong dien\n    type: Chỉ đạo\n');
    const r = parseScenario(text, 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.path}: ${i.hint}`)).toEqual([
      "injects[0].method: cong dien is written 'dispatch'",
      "injects[0].type: Chỉ đạo is written 'directive'",
    ]);
    expect(formatIssueIn(r.issues[0], 'vi')).toBe("m.yaml:78:13: error[enum] injects[0].method: chữ 'cong dien' không phải giá trị hợp lệ ở đây (cong dien ghi là 'dispatch')");
  });

  it("evacuation's 'shelters:' indented under the last zone is said once, at that line, with where to move it", () => {
    // it was "'shelters' is written a second time (keep one of them)", then 'expected a text, got a mapping' for each
    // shelter and an unknown shelter for every zone that named one: the list is read where it belongs, and said once
    const lines = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').split('\n');
    const from = lines.indexOf('  shelters:');
    let to = from + 1;
    while (lines[to].startsWith('    ')) to++;
    const indented = [...lines.slice(0, from), ...lines.slice(from, to).map((l) => '    ' + l), ...lines.slice(to)];
    const zones = indented.indexOf('  zones:') + 1;
    const zone = indented.indexOf('    - id: muong-xen-lowland') + 1;
    const own = indented.indexOf('      shelters: [muong-xen-school, mx-commune-hall]') + 1;
    const r = parseScenario(indented.join('\n'), 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const said = `k.yaml:${from + 1}:7: error[indentation] evacuation.zones[1].shelters: 'shelters:' is indented under 'muong-xen-lowland' (line ${zone}), the last entry of 'zones:', but it holds a list of 3 entries such as 'ta-ca-school': it looks like the 'shelters:' list of 'evacuation:', indented one level too deep (move 'shelters:' and its list out by 4 spaces, to line up with 'zones:' (line ${zones})`;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([`${said}; 'muong-xen-lowland' keeps its own 'shelters:' on line ${own})`]);
    expect(formatIssueIn(r.issues[0], 'vi')).toContain("có vẻ đây là danh sách 'shelters:' của 'evacuation:', bị thụt vào sâu thêm một bậc (hãy dời 'shelters:' cùng danh sách của nó ra ngoài 4 dấu cách");
    // the zone without a 'shelters:' of its own: the same, and no 'missing shelters' for it
    const alone = parseScenario(indented.filter((_, k) => k !== own - 1).join('\n'), 'k.yaml');
    expect(!alone.ok && alone.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      `${said.replace(`k.yaml:${from + 1}:`, `k.yaml:${from}:`)}; then give 'muong-xen-lowland' its own 'shelters: [...]', with the ids it uses from that list)`,
    ]);
    // a mistake inside the shelters is still said, at its line, as the shelter it is
    const wrong = parseScenario(indented.join('\n').replace('capacity_people: 900', 'capacity_people: 900x'), 'k.yaml');
    expect(!wrong.ok && wrong.issues.map((i) => i.path)).toEqual(['evacuation.zones[1].shelters', 'evacuation.shelters[1].capacity_people']);
  });

  it('a count written with words and a thousands separator, or a share as a percentage (with or without %), gets the value the field reads', () => {
    // '1.400 người' got 'write the number alone: 1.400', which reads as 1.4 people; '35%' for a share got
    // 'write the number alone: 35', which is then out of range (a share runs from 0 to 1)
    const flood = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
    const hints = (from: string, to: string): string[] => {
      expect(flood).toContain(from);
      const r = parseScenario(flood.replace(from, to), 'k.yaml');
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en').replace(/^k\.yaml:\d+:\d+: /, ''));
    };
    expect(hints('population: 1400', 'population: 1.400 người')).toEqual(["error[type] evacuation.zones[1].population: expected a number, got the text '1.400 người' (write 1400, with no thousands separator)"]);
    expect(hints('population: 1400', 'population: 1,400 người')).toEqual(["error[type] evacuation.zones[1].population: expected a number, got the text '1,400 người' (write 1400, with no thousands separator)"]);
    expect(hints('population: 1400', 'population: 1.400.000 người')).toEqual(["error[type] evacuation.zones[1].population: expected a number, got the text '1.400.000 người' (write 1400000, with no thousands separator)"]);
    expect(hints('rate_people_per_hour: 450', 'rate_people_per_hour: 1.200 người/giờ')).toEqual(["error[type] evacuation.zones[0].rate_people_per_hour: expected a number, got the text '1.200 người/giờ' (write 1200, with no thousands separator)"]);
    expect(hints('vulnerable_share: 0.35', 'vulnerable_share: 35%')).toEqual(["error[type] evacuation.zones[0].vulnerable_share: expected a number, got the text '35%' (for 35 %, write 0.35)"]);
    // as before: a count with its unit, a decimal comma, a length with a unit
    expect(hints('population: 1400', 'population: 1400 người')).toEqual(["error[type] evacuation.zones[1].population: expected a number, got the text '1400 người' (write the number alone: 1400)"]);
    expect(hints('vulnerable_share: 0.35', 'vulnerable_share: 0,35')).toEqual(["error[type] evacuation.zones[0].vulnerable_share: expected a number, got the text '0,35' (write it with a decimal point: 0.35)"]);
    // the percentage without its sign: the same share to write, as an objective's threshold has it
    expect(hints('vulnerable_share: 0.35', 'vulnerable_share: 35')).toEqual(['error[range] evacuation.zones[0].vulnerable_share: the number 35 is too large: it must be at most 1 (for 35 %, write 0.35)']);
    expect(hints('probability: 0.6', 'probability: 60')).toEqual(['error[range] rules[1].probability: the number 60 is too large: it must be at most 1 (for 60 %, write 0.6)']);
    expect(hints('population: 1400', 'population: -1400')[0]).not.toContain('%');
    const r = parseScenario(flood.replace('vulnerable_share: 0.35', 'vulnerable_share: 35 %'), 'k.yaml');
    expect(!r.ok && formatIssueIn(r.issues[0], 'vi')).toContain('(để ghi 35 %, hãy viết 0.35)');
  });

  it("a decision's command written in Vietnamese, as drill play takes it, gets the command to write", () => {
    // `do: sơ tán` was 'unknown command' with the sixteen commands to pick from, though `drill play` takes `sơ tán`
    const text = [
      'drillsim_decisions: 1',
      'players: [tc-chair]',
      'decisions:',
      '  - { at: T+00:40, role: tc-chair, do: sơ tán, zone: ta-ca-riverside }',
      '  - { at: T+03:15, role: tc-chair, do: Điều động, unit: tc-militia, incident: ta-ca-houses }',
      '  - { at: T+03:20, role: tc-chair, do: xin ho tro, area: ta-ca }',
    ].join('\n');
    const r = parseDecisions(text, 'd.yaml', kySon);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([
      "d.yaml:4:40: error[unknown-command] decisions[0].do: unknown command 'sơ tán' (did you mean 'evacuate'?)",
      "d.yaml:5:40: error[unknown-command] decisions[1].do: unknown command 'Điều động' (did you mean 'dispatch'?)",
      "d.yaml:6:40: error[unknown-command] decisions[2].do: unknown command 'xin ho tro' (did you mean 'request_support'?)",
    ]);
    expect(formatIssueIn(r.issues[0], 'vi')).toContain("(có phải 'evacuate'?)");
  });
});

describe('an inject numbered or addressed as a paper MSEL does it', () => {
  const said = (from: string, to: string) => refusedEdit('ky-son-flash-flood', from, to);

  it('a number between two others (2.5) is told the next free number, in both languages', () => {
    // it read 'expected a whole number, got the number 2.5', with nothing to do
    const [e, ...rest] = said('    seq: 2\n', '    seq: 2.5\n');
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe("k.yaml:559:10: error[type] injects[1].seq: an inject's number is a whole number, not 2.5 (injects are delivered by their time, not their number: give it the next free number, 19, or renumber those after it)");
    expect(formatIssueIn(e!, 'vi')).toContain('số thứ tự của tình huống là số nguyên, không phải 2.5 (tình huống được phát theo thời điểm, không theo số thứ tự: hãy cho nó số tiếp theo còn trống, 19,');
  });

  it('a list of roles in to: is told an inject goes to one role, and to copy it for the others', () => {
    // it read 'expected a text, got a list'
    const [e, ...rest] = said('    to: tc-chair\n    method: dispatch\n', '    to: [tc-chair, mx-chair]\n    method: dispatch\n');
    expect(rest).toEqual([]);
    expect(formatIssueIn(e!, 'en')).toBe("k.yaml:562:9: error[type] injects[1].to: inject 'province-directive' goes to one role, not to a list (write one role id, as `to: tc-chair`, and copy the inject for each other role, each copy with its own id and number)");
    expect(formatIssueIn(e!, 'vi')).toContain("tình huống 'province-directive' chỉ gửi tới một vai, không gửi tới một danh sách (hãy viết một mã vai, như `to: tc-chair`,");
  });
});

describe('an inject whose at: or when: is misspelt', () => {
  it('is said once, at the misspelt key with the key meant, not also as an inject with no time of delivery', () => {
    const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
    const said = (from: string, to: string) => {
      const r = parseScenario(kySon.replace(from, to), 'k.yaml');
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, 'en'));
    };
    expect(said('    when: { incident_kind: houses-swept }', '    whne: { incident_kind: houses-swept }')).toEqual(["k.yaml:621:5: error[unknown-key] injects[5].whne: unknown key 'whne' (did you mean 'when'?)"]);
    expect(said('    at: T+00:30\n', '    time: T+00:30\n')).toEqual(["k.yaml:560:5: error[unknown-key] injects[1].time: unknown key 'time' (did you mean 'at'?)"]);
    // a key that means neither: the inject has no time, and that is said too
    expect(said('    at: T+00:30\n', '    note: T+00:30\n').map((l) => l.split(' ')[1])).toEqual(['error[trigger]', 'error[unknown-key]']);
  });
});

describe('a key written in capitals', () => {
  it('is told the key itself (At: is at), not another that means the same in a rule (from:)', () => {
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const r = parseScenario(minimal.replace('    at: T+00:22\n', '    At: T+00:22\n'), 'm.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const key = r.issues.find((i) => i.code === 'unknown-key')!;
    expect(formatIssueIn(key, 'en')).toBe("m.yaml:75:5: error[unknown-key] injects[0].At: unknown key 'At' (did you mean 'at'?)");
    expect(formatIssueIn(key, 'vi')).toBe("m.yaml:75:5: error[unknown-key] injects[0].At: không có khóa 'At' (có phải 'at'?)");
  });
});

describe('an inject before the start of the drill', () => {
  it('at: -30m or T-00:30 is told nothing comes before T0, not to remove the minus sign (which would make it 30 min after)', () => {
    const minimal = readFileSync('scenarios/minimal.yaml', 'utf8');
    const said = (at: string, lang: 'en' | 'vi' = 'en') => {
      const r = parseScenario(minimal.replace('    at: T+00:22\n', `    at: ${at}\n`), 'm.yaml');
      expect(r.ok).toBe(false);
      return r.ok ? [] : r.issues.map((i) => formatIssueIn(i, lang));
    };
    expect(said('-30m')).toEqual(["m.yaml:75:9: error[negative-duration] injects[0].at: '-30m' is a time before the start, T0 (times count forward from T0, the `start:` of the scenario, and nothing comes before it: write T+00:00 for the start, or move `start:` earlier)"]);
    expect(said('T-00:30')).toEqual(["m.yaml:75:9: error[time] injects[0].at: 'T-00:30' is not a time (times count forward from T0, the `start:` of the scenario, and nothing comes before it: write T+00:00 for the start, or move `start:` earlier)"]);
    expect(said('-30m', 'vi')[0]).toContain("'-30m' là một thời điểm trước lúc bắt đầu, T0 (thời điểm tính tới từ T0, tức `start:` của kịch bản, và không có gì đến trước đó: hãy viết T+00:00 cho lúc bắt đầu, hoặc đưa `start:` lên sớm hơn)");
    // a length of time (a mobilisation) keeps its own: there the minus sign is what is wrong
    const r = parseScenario(minimal.replace('mobilisation: 5m', 'mobilisation: -5m'), 'm.yaml');
    expect(!r.ok && r.issues[0].hint).toBe('durations and times count forward from T0; remove the minus sign');
  });
});

describe('a civil-defence level of 4 or 5', () => {
  it('is told the levels go to 3 and that 4 is a level of disaster risk, in a scenario and in a decisions file, in both languages', () => {
    // it read 'the number 4 is too large: it must be at most 3', with no word of the two scales a bulletin puts side by side
    const text = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8').replace('area: ta-ca, level: 1, within: 1h', 'area: ta-ca, level: 4, within: 1h');
    const r = parseScenario(text, 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual(['k.yaml:668:56: error[range] injects[8].expected.level: the number 4 is too large: it must be at most 3 (civil-defence levels go from 1 to 3, as the Law on Civil Defence sets them; 4 is a level of disaster risk, another scale, which a condition reads with `risk_at_least`)']);
    expect(formatIssueIn(r.issues[0], 'vi')).toContain('(cấp độ phòng thủ dân sự chỉ từ 1 đến 3, theo Luật Phòng thủ dân sự; 4 là cấp độ rủi ro thiên tai, một thang khác, mà điều kiện đọc bằng `risk_at_least`)');
    const d = parseDecisions('drillsim_decisions: 1\nplayers: [tc-chair]\ndecisions:\n  - { at: T+00:10, role: tc-chair, do: declare_level, area: ta-ca, level: 5 }\n', 'd.yaml', kySon);
    expect(!d.ok && d.issues[0].hint).toContain('5 is a level of disaster risk');
  });
});
