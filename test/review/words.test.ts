/** Orders in words, as the report and the viewer give them: an expected action may leave a slot open. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { midSentence, Words } from '../../engine/review/words.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const file = 'scenarios/ky-son-flash-flood.yaml';
const r = parseScenario(readFileSync(file, 'utf8'), file);
if (!r.ok) throw new Error('scenario does not load');
const sc = r.scenario;

describe('Words.command', () => {
  it('an expected dispatch without a unit reads "a unit", not an empty slot, in both languages', () => {
    expect(new Words('en', sc).command('dispatch', { incident: 'ta-ca-houses' })).toBe('send a unit to houses swept away at Huồi Cọ village');
    expect(new Words('vi', sc).command('dispatch', { incident: 'ta-ca-houses' })).toMatch(/^điều một lực lượng đến \S/);
    expect(new Words('en', sc).command('dispatch', { unit: 'tc-militia', incident: 'ta-ca-houses' })).toMatch(/^send Tà Cạ .* to houses swept away/);
  });

  it('expected public information without a message names the area and stops there', () => {
    expect(new Words('en', sc).command('public_info', { area: 'muong-xen' })).toBe('inform the public in Mường Xén');
    expect(new Words('vi', sc).command('public_info', { area: 'muong-xen' })).toBe('thông tin cho người dân Mường Xén');
    expect(new Words('en', sc).command('public_info', { area: 'muong-xen', message: { en: 'Stay away from the river.' } })).toBe('inform the public in Mường Xén: Stay away from the river.');
  });
});

describe('names inside a sentence', () => {
  it('a zone or an incident named in sentence case loses its capital there; a name that starts with a proper name keeps it', () => {
    const vi = new Words('vi', sc), en = new Words('en', sc);
    expect(vi.event({ t: 18000, type: 'zone.struck', id: 'ta-ca-riverside', caught: 12 }, 0)).toContain('Hiểm hoạ ập đến các bản ven suối Tà Cạ: còn 12 người');
    expect(en.event({ t: 18000, type: 'zone.struck', id: 'ta-ca-riverside', caught: 12 }, 0)).toContain('reaches Tà Cạ riverside villages');
    // at the start of a sentence the name is as the scenario writes it
    expect(vi.event({ t: 18000, type: 'zone.progress', id: 'ta-ca-riverside', sheltered: 600, moving: 0, remaining: 0 }, 0)).toMatch(/^(T\S+ )?Các bản ven suối Tà Cạ/);
    expect(midSentence('Khu thấp trũng xã Mường Xén')).toBe('khu thấp trũng xã Mường Xén');
    expect(midSentence('Hồ Bản Vẽ')).toBe('Hồ Bản Vẽ');
    expect(midSentence('Trường THCS Tà Cạ')).toBe('Trường THCS Tà Cạ');
    expect(midSentence('Mường Xén low-lying quarter')).toBe('Mường Xén low-lying quarter');
    expect(midSentence('PC07 rescue team')).toBe('PC07 rescue team');
    expect(midSentence('Landslide')).toBe('Landslide');
  });
});

describe('an incident whose kind is about people, in a Vietnamese event line', () => {
  // "Đã khống chế dân mắc kẹt trong vùng ngập" said the stranded people were subdued, and "có mặt tại người ..." put
  // the first unit "at" a person: the kind's words are now the incident's name, after "sự cố"
  const vi = new Words('vi', sc).learnIncidents([{ id: 'stranded-1', kind: 'stranded' }]), en = new Words('en', sc).learnIncidents([{ id: 'stranded-1', kind: 'stranded' }]);
  const phase = (w: Words, p: string) => w.event({ t: 3600, type: 'incident.phase', id: 'stranded-1', kind: 'stranded', phase: p }, 0);

  it('is contained, resolved and reached as an incident ("sự cố ..."), not as the people it is about', () => {
    expect(vi.name('kind', 'stranded')).toBe('Dân mắc kẹt trong vùng ngập');
    expect(phase(vi, 'contained')).toBe('Đã khống chế sự cố dân mắc kẹt trong vùng ngập (stranded-1)');
    expect(phase(vi, 'resolved')).toBe('Đã giải quyết xong sự cố dân mắc kẹt trong vùng ngập (stranded-1)');
    expect(phase(vi, 'responding')).toBe('Lực lượng đầu tiên có mặt tại hiện trường sự cố dân mắc kẹt trong vùng ngập (stranded-1)');
    expect(phase(vi, 'assessed')).toBe('Đã đánh giá sự cố dân mắc kẹt trong vùng ngập (stranded-1)');
    // the people caught in a zone the hazard reached, and English, as before
    const zone = sc.evacuation.zones[0];
    expect(vi.event({ t: 3600, type: 'incident.phase', id: `${zone.id}-caught`, phase: 'contained' }, 0)).toBe(`Đã khống chế sự cố người còn kẹt lại tại ${midSentence(vi.name('zone', zone.id))}`);
    expect(phase(en, 'contained')).toBe('People stranded by flood water (stranded-1) contained');
    expect(phase(en, 'responding')).toBe('First unit on scene at people stranded by flood water (stranded-1)');
  });

  it('what had not happened by a time is said of the incident too, in lower case inside the sentence', () => {
    const absent = (w: Words, what: 'not_contained' | 'no_unit_on_scene', of: string | null) => w.evidence({ t: 7200, index: null, absent: what, of });
    expect(absent(vi, 'not_contained', 'stranded')).toBe('Đến T+02:00 (20:00) chưa khống chế được sự cố dân mắc kẹt trong vùng ngập.');
    expect(absent(vi, 'no_unit_on_scene', 'stranded')).toBe('Đến T+02:00 (20:00) chưa có lực lượng nào có mặt tại hiện trường sự cố dân mắc kẹt trong vùng ngập.');
    expect(absent(en, 'not_contained', 'stranded')).toBe(en.m('absent.not_contained', { of: 'People stranded by flood water', t: en.time(7200) }));
  });
});

describe('comparators in words', () => {
  it('a moment is "before" or "at or before" a time, not "less than" it; other figures keep their words', () => {
    const en = new Words('en', sc), vi = new Words('vi', sc);
    expect(en.comparator('level_declared_s', '<')).toBe('before');
    expect(en.comparator('support_requested_s', '<=')).toBe('at or before');
    expect(vi.comparator('level_declared_s', '<')).toBe('trước');
    expect(en.comparator('first_on_scene_s', '<=')).toBe('at most');
    const level = sc.objectives.find((o) => o.criterion.metric === 'level_declared_s')!;
    expect(en.criterion(level.criterion)).toMatch(/^time a civil-defence level was declared \(Tà Cạ\): before T\+04:00 \(22:00\), read at the end of the run$/);
  });

  it('a criterion without a deadline is read at the stop of a run stopped early, where the log ends, not "at the end of the run"', () => {
    const lives = sc.objectives.find((o) => o.criterion.by === undefined)!;
    const stop = { t: 3600, end: sc.horizon, by: 'until' as const };
    expect(new Words('en', sc).criterion(lives.criterion)).toMatch(/, read at the end of the run$/);
    expect(new Words('en', sc).learnStop(stop).criterion(lives.criterion)).toMatch(/, read at T\+01:00 \(19:00\), where the log ends$/);
    expect(new Words('vi', sc).learnStop(stop).criterion(lives.criterion)).toMatch(/, tính lúc T\+01:00 \(19:00\), khi nhật ký kết thúc$/);
    // a deadline stays the deadline
    const due = sc.objectives.find((o) => o.criterion.by === 3 * 3600)!;
    expect(new Words('en', sc).learnStop(stop).criterion(due.criterion)).toMatch(/, read at T\+03:00 \(21:00\)$/);
  });
});

describe('numbers and the words that agree with them', () => {
  it('one person is "1 person", in events and findings; other counts say "people"', () => {
    const en = new Words('en', sc);
    expect(en.event({ t: 0, type: 'zone.struck', id: sc.evacuation.zones[0].id, caught: 1 })).toMatch(/: 1 person still there$/);
    expect(en.event({ t: 0, type: 'zone.struck', id: sc.evacuation.zones[0].id, caught: 12 })).toMatch(/: 12 people still there$/);
    expect(en.event({ t: 0, type: 'incident.reported', id: 'x', kind: sc.incident_kinds[0].id, area: sc.areas[0].id, severity: 2, people: 1 })).toMatch(/, 1 person at risk$/);
    expect(en.m('f.incident.lost', { incident: 'A', lost: { n: 1 }, people: { n: 1 }, first: '5 min' })).toBe('A: 1 of 1 person at risk was lost; the first unit was on scene after 5 min.');
    expect(en.m('f.incident.lost', { incident: 'A', lost: { n: 2 }, people: { n: 3 }, first: '5 min' })).toBe('A: 2 of 3 people at risk were lost; the first unit was on scene after 5 min.');
    // Vietnamese does not inflect: the same word for any count
    expect(new Words('vi', sc).event({ t: 0, type: 'zone.struck', id: sc.evacuation.zones[0].id, caught: 1 })).toMatch(/còn 1 người chưa sơ tán$/);
  });
});

describe('findings about injects in words', () => {
  it("one inject acted on in time is 'inject was', not 'injects were'; a late one says the time allowed", () => {
    const en = new Words('en', sc);
    expect(en.m('f.inject.on_time', { n: { n: 1 }, list: 'inject #2' })).toBe('1 inject was acted on within the time allowed: inject #2.');
    expect(en.m('f.inject.on_time', { n: { n: 2 }, list: 'inject #2, inject #3' })).toBe('2 injects were acted on within the time allowed: inject #2, inject #3.');
    expect(en.m('f.inject.late', { inject: 'inject #3', role: 'Trường Vinh ward chair', latency: '1 h 26 min', within: '1 h' }))
      .toBe('inject #3: Trường Vinh ward chair took the expected action after 1 h 26 min; the time allowed was 1 h.');
  });
});

describe('an expected action taken the moment its message arrived', () => {
  // doctrine acts at the instant a message reaches it: "taken by X after 0 s" read as a measured delay
  it('reads "as soon as it arrived", in both languages; a later one keeps its delay', () => {
    const inject = sc.injects.find((i) => i.expected)!.id, by = sc.roles[0].id;
    const en = new Words('en', sc), vi = new Words('vi', sc);
    expect(en.event({ t: 600, type: 'inject.done', id: inject, by, latency_s: 0 })).toMatch(/: expected action taken by .+ as soon as it arrived$/);
    expect(vi.event({ t: 600, type: 'inject.done', id: inject, by, latency_s: 0 })).toMatch(/ đã xử lý ngay khi nhận được$/);
    expect(en.event({ t: 600, type: 'inject.done', id: inject, by, latency_s: 300 })).toMatch(/ after 5 min$/);
    expect(en.event({ t: 600, type: 'inject.done', id: inject, by, latency_s: 0 })).not.toMatch(/after/);
  });
});
