import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importMsel, injectsToRows, MSEL_COLUMNS, mselToCsv, readMselCsv, replaceInjectsInText } from '../../engine/scenario/msel.js';
import { mselToMarkdown } from '../../engine/scenario/msel-markdown.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import { formatLabel, readLabel, readWords, formatValue } from '../../engine/scenario/msel-cells.js';
import { COMMANDS, Inject, METHODS, type Scenario, type Text } from '../../engine/scenario/schema.js';
import { ROOT } from '../helpers/cli.js';
import { kySonWithMarkup, loadNamed, scenarioFiles } from '../helpers/scenarios.js';

const ksn = loadNamed('ky-son-flash-flood');

// ---------------------------------------------------------------- generators

/** Texts that bite: Vietnamese diacritics, commas, quotes, semicolons, pipes, arrows, newlines, leading formula signs. */
const piece = fc.constantFrom(
  'Sơ tán', 'ngay', 'lũ quét', 'Mường Xén', 'Tà Cạ', 'đập thủy điện', 'Đài KTTV', 'người', 'ĐƯỜNG', 'ữ', 'ặ', 'evacuate', 'now',
  ',', ', ', '"', '""', "'", ';', '|', '->', '\n', '\r\n', ' ', '=', '+84', '-', '@', '<img src=x onerror=alert(1)>', '#3', '\t', 'T+02:30', 'ờ', '…',
);
const str = fc.array(piece, { minLength: 1, maxLength: 8 }).map((a) => a.join('')).filter((s) => s.trim() !== '');
/** A text as the schema holds it; `{ vi: a, en: a }` is left out: it comes back as the plain string `a` (documented). */
const text: fc.Arbitrary<Text> = fc.oneof(
  str,
  fc.record({ vi: str, en: str }).filter((t) => t.vi !== t.en),
  fc.record({ vi: str }),
  fc.record({ en: str }),
);

function scenarioNames(s: Scenario) {
  return {
    role: s.roles.map((r) => r.id), objective: s.objectives.map((o) => o.id), zone: s.evacuation.zones.map((z) => z.id),
    unit: s.units.map((u) => u.id), area: s.areas.map((a) => a.id), hazard: s.hazards.map((h) => h.id), kind: s.incident_kinds.map((k) => k.id),
    edge: s.travel.edges.map((e) => e.id), shelter: s.evacuation.shelters.map((x) => x.id),
  };
}
const N = scenarioNames(ksn);
const pick = (list: string[]) => fc.constantFrom(...list);
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const duration = fc.integer({ min: 1, max: 6 * 3600 });

const command = fc.oneof(
  fc.record({ do: fc.constant('evacuate' as const), zone: pick(N.zone) }),
  fc.record({ do: fc.constant('declare_level' as const), area: pick(N.area), level: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ do: fc.constant('request_support' as const), area: pick(N.area) }),
  fc.record({ do: fc.constant('public_info' as const), area: pick(N.area), message: text }),
  fc.record({ do: fc.constant('dispatch' as const), unit: pick(N.unit), incident: id }),
  fc.record({ do: fc.constant('close_road' as const), edge: pick(N.edge) }),
  fc.record({ do: fc.constant('open_shelter' as const), shelter: pick(N.shelter) }),
);

const expected = fc.record(
  { do: fc.constantFrom(...COMMANDS), zone: pick(N.zone), area: pick(N.area), unit: pick(N.unit), incident: id, level: fc.integer({ min: 0, max: 3 }), message: text, within: duration },
  { requiredKeys: ['do'] },
);

const when = fc.oneof(
  fc.record({ hazard: pick(N.hazard), alarm: fc.constantFrom('bd1', 'bd2', 'bd3') }),
  fc.record({ hazard: pick(N.hazard), above: fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((v) => (v === 0 ? 0 : v)) /* a sheet has no -0 */, area: pick(N.area) }, { requiredKeys: ['hazard', 'above'] }),
  fc.record({ incident_kind: pick(N.kind), severity_at_least: fc.integer({ min: 1, max: 5 }) }, { requiredKeys: ['incident_kind'] }),
  fc.record({ road_cut: pick(N.edge) }),
  fc.record({ area: pick(N.area), risk_at_least: fc.integer({ min: 1, max: 5 }) }),
);

const decision = fc.uniqueArray(fc.record({ id, label: text, commands: fc.array(command, { maxLength: 2 }) }), { minLength: 2, maxLength: 4, selector: (o) => o.id })
  .chain((options) => fc.record({ options: fc.constant(options), deadline: duration, default: fc.constantFrom(...options.map((o) => o.id)) }));

const injectBody = fc.record({
  from: fc.oneof(text, pick(N.role)),
  to: pick(N.role),
  method: fc.constantFrom(...METHODS),
  type: fc.constantFrom('information', 'directive', 'request', 'contingency' as const),
  subject: text,
  message: text,
  expected: fc.option(expected, { nil: undefined }),
  objectives: fc.uniqueArray(pick(N.objective), { maxLength: 3 }),
  decision: fc.option(decision, { nil: undefined }),
  controller: fc.option(str, { nil: undefined }),
  trigger: fc.oneof(
    fc.record({ at: fc.integer({ min: 0, max: ksn.horizon }) }),
    fc.record({ when }),
    fc.record({ contingency: fc.record({ after: duration, target: fc.nat() }) }),
  ),
});

/** A whole MSEL: unique ids, some numbers shared, contingencies chasing an inject with an expected action. */
const msel = fc.uniqueArray(fc.record({ id, seq: fc.integer({ min: 1, max: 60 }), body: injectBody }), { minLength: 1, maxLength: 12, selector: (x) => x.id })
  .map((list) => {
    const withExpected = list.filter((x) => x.body.expected !== undefined);
    return list.map(({ id, seq, body }) => {
      const { trigger, expected, decision, controller, ...rest } = body;
      let t: Record<string, unknown> = trigger;
      if ('contingency' in trigger) {
        const targets = withExpected.filter((x) => x.id !== id);
        t = targets.length ? { contingency: { for: targets[trigger.contingency.target % targets.length].id, after: trigger.contingency.after } } : { at: 0 };
      }
      const inj: Record<string, unknown> = { id, seq, ...t, ...rest };
      if (expected) inj.expected = expected;
      if (decision) inj.decision = decision;
      if (controller) inj.controller = controller;
      return Inject.parse(z_encodeable(inj));
    });
  });

/** The generator builds decoded values; Inject.parse reads the written form, so write times back as text first. */
function z_encodeable(inj: Record<string, any>): Record<string, unknown> {
  const clock = (s: number) => `T+${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const dur = (s: number) => `${s}s`;
  const out: Record<string, any> = { ...inj };
  if (typeof out.at === 'number') out.at = clock(out.at);
  if (out.contingency) out.contingency = { ...out.contingency, after: dur(out.contingency.after) };
  if (out.expected?.within !== undefined) out.expected = { ...out.expected, within: dur(out.expected.within) };
  if (out.decision) out.decision = { ...out.decision, deadline: dur(out.decision.deadline) };
  return out;
}

// ---------------------------------------------------------------- properties

describe('MSEL export then import', () => {
  it('gives back the same injects for every generated MSEL (Vietnamese text, commas, quotes, newlines included)', () => {
    fc.assert(
      fc.property(msel, (injects) => {
        const csv = mselToCsv(injects);
        const back = importMsel(csv, { ...ksn, injects: [] });
        if (!back.ok) throw new Error(back.issues.map((i) => `row ${i.row} ${i.column}: ${i.message}`).join('\n') + '\n' + csv);
        expect(back.injects).toEqual(injects);
      }),
      { numRuns: 150 },
    );
  });

  it('gives back the example scenario\'s injects exactly', () => {
    const back = importMsel(mselToCsv(ksn.injects), ksn);
    expect(back.ok && back.injects).toEqual(ksn.injects);
  });

  /** every shipped scenario, and a planner's scenario whose expected public_info carries a message */
  const files = [...scenarioFiles(), join(ROOT, 'test/fixtures/msel/expected-public-info.yaml')];
  it.each(files.map((f) => [basename(f), f]))('gives back the same parsed scenario for %s (export, import into the file, load)', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const loaded = parseScenario(text, file);
    if (!loaded.ok) throw new Error(`${file} does not load`);
    const s = loaded.scenario;
    if (s.injects.length === 0) {
      // nothing to carry: the sheet has only its header, which import refuses rather than emptying the MSEL
      expect(importMsel(mselToCsv(s.injects), s).ok).toBe(false);
      return;
    }
    const back = importMsel(mselToCsv(s.injects), s);
    if (!back.ok) throw new Error(back.issues.map((i) => `row ${i.row} ${i.column}: ${i.message}`).join('\n'));
    const again = parseScenario(replaceInjectsInText(text, back.written, 'yaml'), file);
    expect(again.ok && again.scenario).toEqual(s);
  });

  it('carries the message of an expected public_info (what doctrine says when it plays the role) both ways', () => {
    const inj = Inject.parse({
      id: 'rumour', seq: 5, at: 'T+09:00', from: 'Facebook', to: 'tc-chair', method: 'social-media', subject: 'Tin đồn', message: 'Tin đồn sạt lở',
      expected: { do: 'public_info', area: 'ta-ca', message: { vi: 'Không có sạt lở mới', en: 'No new landslide' }, within: '30m' },
    });
    const cell = injectsToRows([inj])[0][MSEL_COLUMNS.indexOf('expected action')];
    expect(cell).toBe('public_info area=ta-ca message.vi="Không có sạt lở mới" message.en="No new landslide" within=30m');
    const back = importMsel(mselToCsv([inj]), ksn);
    expect(back.ok && back.injects[0].expected).toEqual(inj.expected);
  });

  it('reads a text given the same in both languages as one plain text', () => {
    const inj = Inject.parse({ id: 'a', seq: 1, at: 'T+00:10', from: 'x', to: 'tc-chair', method: 'phone', subject: { vi: 'Lũ', en: 'Lũ' }, message: 'm' });
    const back = importMsel(mselToCsv([inj]), ksn);
    expect(back.ok && back.injects[0].subject).toBe('Lũ');
  });

  it('writes a UTF-8 byte-order mark, CRLF rows and RFC 4180 quoting', () => {
    const inj = Inject.parse({ id: 'a', seq: 1, at: 'T+00:10', from: 'x', to: 'tc-chair', method: 'phone', subject: 'Mưa, lũ "lớn"', message: 'dòng 1\ndòng 2' });
    const csv = mselToCsv([inj]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('\r\n1,a,');
    expect(csv).toContain('"Mưa, lũ ""lớn"""');
    expect(csv).toContain('"dòng 1\ndòng 2"');
    expect(csv.slice(1).split('\r\n')[0]).toBe(MSEL_COLUMNS.join(','));
  });

  it('guards cells a spreadsheet would run as a formula, and reads them back unchanged', () => {
    const inj = Inject.parse({ id: 'a', seq: 1, at: 'T+00:10', from: '=HYPERLINK("http://x")', to: 'tc-chair', method: 'phone', subject: '+84 912 345 678', message: "'quoted" });
    const row = injectsToRows([inj])[0];
    expect(row[MSEL_COLUMNS.indexOf('from (vi)')]).toBe(`'=HYPERLINK("http://x")`);
    const back = importMsel(mselToCsv([inj]), ksn);
    expect(back.ok && back.injects[0]).toEqual(inj);
  });

  it('escapes HTML in the Markdown table (the rumour inject carries an <img> tag)', () => {
    const md = mselToMarkdown(kySonWithMarkup());
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBe(ksn.injects.length + 1);
  });
});

describe('MSEL cells', () => {
  it('labels read back as written (property)', () => {
    fc.assert(fc.property(text, (t) => {
      const r = readLabel(formatLabel(t));
      expect(r.ok && r.label).toEqual(t);
      expect(r.ok && r.rest).toBe('');
    }));
  });

  it('quoted values read back as written (property)', () => {
    fc.assert(fc.property(str, (s) => {
      const r = readWords(`public_info message=${formatValue(s)}`);
      expect(r.ok && r.words[1].value).toBe(s);
    }));
  });
});

describe('MSEL import problems', () => {
  const header = MSEL_COLUMNS.join(',');
  const row = (cells: Partial<Record<(typeof MSEL_COLUMNS)[number], string>>) =>
    MSEL_COLUMNS.map((c) => {
      const v = cells[c] ?? '';
      return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    }).join(',');
  const good = (n: number) => ({ number: String(n), time: `T+0${n % 10}:00`, method: 'phone', 'from (vi)': 'Ban chỉ huy', to: 'tc-chair', 'subject (vi)': 'Tin', 'message (vi)': 'Nội dung' });

  it('names the row and column of each problem, all of them', () => {
    const csv = [header,
      row({ ...good(1), time: '25:99' }),
      row({ ...good(2), to: 'tc-chiar' }),
      row({ ...good(3), method: 'fax', objectives: 'evac-ta-ka' }),
      row({ ...good(4), 'expected action': 'evacute zone=ta-ca-riverside' }),
      row({ ...good(5), time: 'if not done 1h after #9' }),
      row({ ...good(6), 'decision options': 'a: A -> evacuate zone=nowhere\nb: B', 'decision deadline': '30m', 'decision default': 'c' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const where = r.issues.map((i) => `${i.row}/${i.column}`);
    expect(where).toEqual(['2/time', '3/to', '4/method', '4/objectives', '5/expected action', '6/time', '7/decision options', '7/decision default']);
    expect(r.issues[0].message).toBe("'25:99' is not a time");
    expect(r.issues[1].hint).toContain("did you mean 'tc-chair'");
    expect(r.issues[4].hint).toContain("did you mean 'evacuate'");
  });

  it('a contingency chasing a row whose expected action does not read is not also told that row has none', () => {
    const csv = [header,
      row({ ...good(1), 'expected action': 'evacuate zone=nowhere within=1h' }),
      row({ ...good(2), time: 'if not done 1h after #1' }),
      row({ ...good(3) }),
      row({ ...good(4), time: 'if not done 1h after #3' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // row 2's own problem; row 5 chases row 4, which has no expected action at all: that is said
    expect(r.issues.map((i) => `${i.row}/${i.column}`)).toEqual(['2/expected action', '5/time']);
    expect(r.issues[1].message).toContain("the inject in row 4 ('");
  });

  it('a contingency chasing a row whose id another row gives too is not told of the other row (which it may not mean)', () => {
    const csv = [header,
      row({ ...good(1), id: 'bulletin' }),
      row({ ...good(2), id: 'bulletin', 'expected action': 'evacuate zone=ta-ca-riverside within=1h' }),
      row({ ...good(3), time: 'if not done 1h after #2' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // the id given twice, said at the second row; not 'the inject in row 2 has no expected action' (row 3's has one)
    expect(r.issues.map((i) => `${i.row}/${i.column}: ${i.message}`)).toEqual(["3/id: id 'bulletin' is also used in row 2"]);
  });

  it('says what to write for a time, a deadline or a delay written in words, and for a method written as the Markdown MSEL names it', () => {
    const csv = [header,
      row({ ...good(1), time: '7h30' }),
      row({ ...good(2), 'decision options': 'a: A\nb: B', 'decision deadline': '30 phút', 'decision default': 'a' }),
      row({ ...good(3), time: 'if not done 1 giờ after #1' }),
      row({ ...good(4), method: 'Công điện' }),
      row({ ...good(5), 'expected action': 'evacuate zone=ta-ca-riverside within=1.5h' }),
      row({ ...good(6), time: 'T+90m' }),
      // the cell splits at the space: 'within=1' alone has no good guess
      row({ ...good(7), 'expected action': 'evacuate zone=ta-ca-riverside within=1 hour' }),
      row({ ...good(8), 'expected action': 'evacuate zone=ta-ca-riverside within=30 phút' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.row}/${i.column}: ${i.message} (${i.hint})`)).toEqual([
      "2/time: '7h30' is not a time (write T+07:30 (7h30m after the start); if you meant the clock time 07:30 the next day, write T+13:30)",
      "3/decision deadline: '30 phút' is not a duration (write 30m)",
      "4/time: '1 giờ' is not a duration (write 1h)",
      "5/method: 'Công điện' is not a delivery method ('công điện' is written dispatch in the sheet)",
      "6/expected action: within=1.5h: not a duration (write 1h30m)",
      // T+ and a length: the time it says, as a decisions file's reader gives it, not the generic forms
      "7/time: 'T+90m' is not a time (write T+01:30 (1h30m after the start))",
      '8/expected action: within=1 hour: not a duration (write 1h)',
      '9/expected action: within=30 phút: not a duration (write 30m)',
    ]);
  });

  it('counts rows as a spreadsheet does even when a cell holds line breaks', () => {
    const csv = [header, row({ ...good(1), 'message (vi)': 'một\nhai\nba' }), row({ ...good(2), to: 'nobody' })].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(!r.ok && r.issues.map((i) => i.row)).toEqual([3]);
  });

  it('reads a semicolon-separated sheet (Excel in a locale with a decimal comma)', () => {
    const csv = [header.replace(/,/g, ';'), MSEL_COLUMNS.map((c) => (good(1) as Record<string, string>)[c] ?? '').join(';')].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(r.ok && r.injects[0]).toMatchObject({ id: 'inject-1', at: 3600, to: 'tc-chair', subject: { vi: 'Tin' } });
  });

  it('reads message=, message.vi= and message.en= in an expected action, as docs/msel.md shows them', () => {
    const csv = [header,
      row({ ...good(1), 'expected action': 'public_info area=ta-ca message="Đập an toàn." within=30m' }),
      row({ ...good(2), 'expected action': 'public_info area=ta-ca message.vi="Đập an toàn." message.en="The dam is safe."' }),
      row({ ...good(3), 'expected action': 'public_info area=ta-ca message.en="The dam is safe."' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('\n'));
    expect(r.injects.map((i) => i.expected)).toEqual([
      { do: 'public_info', area: 'ta-ca', message: 'Đập an toàn.', within: 1800 },
      { do: 'public_info', area: 'ta-ca', message: { vi: 'Đập an toàn.', en: 'The dam is safe.' } },
      { do: 'public_info', area: 'ta-ca', message: { en: 'The dam is safe.' } },
    ]);
    expect(Object.keys(r.written[0].expected as object)).toEqual(['do', 'area', 'message', 'within']);
  });

  it('refuses a message given twice or in both forms, naming the row and column', () => {
    const csv = [header,
      row({ ...good(1), 'expected action': 'public_info area=ta-ca message="a" message.vi="b"' }),
      row({ ...good(2), 'expected action': 'public_info area=ta-ca message.vi="a" message.vi="b"' }),
      row({ ...good(3), 'decision options': 'a: A -> public_info area=ta-ca message.en="x" message="y"\nb: B', 'decision deadline': '30m', 'decision default': 'b' }),
    ].join('\r\n');
    const r = importMsel(csv, ksn);
    expect(!r.ok && r.issues.map((i) => `${i.row}/${i.column}: ${i.message}`)).toEqual([
      "2/expected action: give message=... (both languages) or message.vi=... message.en=..., not both",
      "3/expected action: 'message.vi' is given twice",
      "4/decision options: option 'a': give message=... (both languages) or message.vi=... message.en=..., not both",
    ]);
  });

  it('says which columns are unknown or missing', () => {
    const r = readMselCsv('number,time,whom,method\r\n1,T+00:00,x,phone\r\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const msgs = r.issues.map((i) => i.message);
    expect(msgs).toContain("unknown column 'whom'");
    expect(msgs.some((m) => m.includes("no 'to' column"))).toBe(true);
  });

  it("a column it does not know (a 'priority' column) hides no problem of the rows: all are said at once", () => {
    const sheet = mselToCsv(ksn.injects).split('\r\n');
    const lines = [`${sheet[0]},priority`, ...sheet.slice(1).filter((l) => l !== '').map((l) => `${l},high`)];
    const csv = lines.join('\r\n').replace(',phone,', ',pigeon,');
    const r = importMsel(csv, ksn);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.row}/${i.column}: ${i.message}`)).toEqual([
      "1/priority: unknown column 'priority'",
      `${ksn.injects.findIndex((i) => i.method === 'phone') + 2}/method: 'pigeon' is not a delivery method`,
    ]);
  });
});
