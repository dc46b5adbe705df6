/**
 * What a trainee or controller may type in `drill play`, as data: each verb
 * with its words and arguments. One table drives parsing, `help` and tab
 * completion, so the three cannot disagree. Pure: a line in, a parse out;
 * ids are not checked here (the engine does that, with the reason).
 */
import { localTime } from '../scenario/calendar.js';
import { formatClock, formatDuration, parseDuration, suggestTime, tooLongToBeDuration } from '../scenario/duration.js';
import { editDistance } from '../scenario/issues.js';
import type { MsgKey } from './messages.js';

export type ArgKind = 'unit' | 'incident' | 'zone' | 'shelter' | 'area' | 'road' | 'level' | 'inject' | 'option' | 'role' | 'time' | 'step' | 'text' | 'file' | 'topic';

export interface ArgSpec {
  kind: ArgKind;
  /** may be left out (the session fills a default, or there is none) */
  optional?: boolean;
  /** a word that may (or, for an optional argument, must) come before it: "dispatch u to i", "inject r at T+01:00 ..." */
  filler?: string;
}

export type Who = 'trainee' | 'controller' | 'anyone';

export type VerbId =
  | 'help' | 'board' | 'messages' | 'role' | 'advance' | 'undo' | 'save' | 'quit'
  | 'dispatch' | 'recall' | 'evacuate' | 'open_shelter' | 'declare_level' | 'request_support' | 'close_road' | 'open_road' | 'sea_ban' | 'public_info' | 'answer'
  | 'pause' | 'resume' | 'hold' | 'release' | 'inject' | 'jump' | 'breakdown' | 'repair';

export interface Verb {
  id: VerbId;
  words: string[];
  /** other ways to write it (the engine's own names: open_shelter, declare_level, ...) */
  aliases: string[][];
  /** the Vietnamese forms (VI_FORMS): read, but not offered as a guess for an English typo */
  vi: string[][];
  args: ArgSpec[];
  who: Who;
}

/**
 * The commands in Vietnamese, with and without diacritics (many keyboards at a drill table have no Vietnamese
 * input): a trainee types `sơ tán ta-ca-riverside` or `so tan ta-ca-riverside` as naturally as `evacuate`. The
 * session echoes the accepted line in the English form, so the two are learnt together.
 */
export const VI_FORMS: Partial<Record<VerbId, string[]>> = {
  dispatch: ['điều động', 'dieu dong', 'điều', 'dieu'],
  recall: ['rút về', 'rut ve', 'gọi về', 'goi ve'],
  evacuate: ['sơ tán', 'so tan'],
  open_shelter: ['mở nơi trú', 'mo noi tru', 'mở điểm trú', 'mo diem tru'],
  // "ban bố cấp độ 1" is how the law and every directive say it; "cấp" alone is the short form
  declare_level: ['ban bố cấp', 'ban bo cap', 'công bố cấp', 'cong bo cap', 'ban bố cấp độ', 'ban bo cap do', 'công bố cấp độ', 'cong bo cap do'],
  request_support: ['xin hỗ trợ', 'xin ho tro', 'đề nghị hỗ trợ', 'de nghi ho tro'],
  close_road: ['đóng đường', 'dong duong', 'cấm đường', 'cam duong'],
  open_road: ['mở đường', 'mo duong', 'thông đường', 'thong duong'],
  sea_ban: ['cấm biển', 'cam bien'],
  public_info: ['thông báo', 'thong bao', 'thông tin', 'thong tin'],
  answer: ['trả lời', 'tra loi'],
  // `cho`: chờ typed with no Vietnamese input (as the table's other forms); not `doi`, which is also đổi (change)
  advance: ['tiếp', 'tiep', 'tiếp tục', 'tiep tuc', 'chờ', 'cho', 'đợi'],
  board: ['bảng', 'bang', 'tình hình', 'tinh hinh', 'trạng thái', 'trang thai'],
  messages: ['tin nhắn', 'tin nhan'],
  role: ['vai', 'vai trò', 'vai tro'],
  undo: ['hoàn tác', 'hoan tac'],
  save: ['lưu', 'luu'],
  help: ['giúp', 'giup', 'trợ giúp', 'tro giup'],
  quit: ['thoát', 'thoat', 'kết thúc', 'ket thuc'],
  // the controller's (ban đạo diễn), in the words of the play page's controller box: tạm dừng, giữ và phát tin, thêm
  // tin tình huống, chuyển thời gian. `tiếp tục` alone is advance (a trainee's word): resume is `tiếp tục diễn tập`
  pause: ['tạm dừng', 'tam dung', 'dừng', 'dừng lại', 'dung lai'],
  resume: ['tiếp tục diễn tập', 'tiep tuc dien tap', 'hủy tạm dừng', 'huy tam dung', 'bỏ tạm dừng', 'bo tam dung'],
  hold: ['giữ', 'giu', 'giữ lại', 'giu lai', 'giữ tin', 'giu tin'],
  release: ['thả', 'tha', 'thả tin', 'tha tin', 'phát', 'phat', 'phát tin', 'phat tin'],
  inject: ['thêm tình huống', 'them tinh huong', 'thêm tin tình huống', 'them tin tinh huong', 'thêm tin', 'them tin'],
  jump: ['chuyển thời gian', 'chuyen thoi gian', 'chuyển giờ', 'chuyen gio', 'nhảy', 'nhay', 'tua'],
  breakdown: ['hỏng', 'hong', 'báo hỏng', 'bao hong', 'ngừng hoạt động', 'ngung hoat dong'],
  repair: ['sửa', 'sua', 'sửa chữa', 'sua chua', 'khôi phục', 'khoi phuc'],
};

/** The small words between arguments (`dispatch u to i`), in Vietnamese too (`điều động u đến i`). */
const FILLERS: Record<string, string[]> = {
  to: ['to', 'đến', 'den', 'tới', 'toi'],
  in: ['in', 'tại', 'tai', 'ở'],
  for: ['for', 'cho'],
  at: ['at', 'lúc', 'luc'],
};
const isFiller = (word: string, filler: string | undefined): boolean => filler !== undefined && (FILLERS[filler] ?? [filler]).includes(word.normalize('NFC').toLowerCase());

const v = (id: VerbId, words: string, args: ArgSpec[], who: Who, aliases: string[] = []): Verb => ({
  id, words: words.split(' '), aliases: aliases.map((a) => a.split(' ')), vi: (VI_FORMS[id] ?? []).map((a) => a.split(' ')), args, who,
});

/** In the order `help` lists them. */
export const VERBS: Verb[] = [
  v('dispatch', 'dispatch', [{ kind: 'unit' }, { kind: 'incident', filler: 'to' }], 'trainee'),
  v('recall', 'recall', [{ kind: 'unit' }], 'trainee'),
  v('evacuate', 'evacuate', [{ kind: 'zone' }], 'trainee'),
  v('open_shelter', 'open shelter', [{ kind: 'shelter' }], 'trainee', ['open_shelter']),
  v('declare_level', 'declare level', [{ kind: 'level' }, { kind: 'area', optional: true, filler: 'in' }], 'trainee', ['declare_level']),
  v('request_support', 'request support', [{ kind: 'area', optional: true, filler: 'for' }], 'trainee', ['request_support']),
  v('close_road', 'close road', [{ kind: 'road' }], 'trainee', ['close_road']),
  v('open_road', 'open road', [{ kind: 'road' }], 'trainee', ['open_road']),
  v('sea_ban', 'sea ban', [{ kind: 'area', optional: true, filler: 'in' }], 'trainee', ['sea_ban']),
  v('public_info', 'public info', [{ kind: 'area', optional: true, filler: 'in' }, { kind: 'text' }], 'trainee', ['public_info']),
  v('answer', 'answer', [{ kind: 'inject', optional: true }, { kind: 'option' }], 'trainee'),
  v('advance', 'advance', [{ kind: 'step', optional: true }], 'anyone', ['next', 'wait']),
  v('board', 'board', [], 'anyone', ['status']),
  v('messages', 'messages', [], 'anyone'),
  v('role', 'role', [{ kind: 'role' }], 'anyone'),
  v('undo', 'undo', [], 'anyone'),
  v('save', 'save', [{ kind: 'file' }], 'anyone'),
  v('help', 'help', [{ kind: 'topic', optional: true }], 'anyone', ['?']),
  v('quit', 'quit', [], 'anyone', ['exit']),
  v('pause', 'pause', [], 'controller'),
  v('resume', 'resume', [], 'controller'),
  v('hold', 'hold', [{ kind: 'inject' }], 'controller', ['hold_inject']),
  v('release', 'release', [{ kind: 'inject' }], 'controller', ['release_inject']),
  v('inject', 'inject', [{ kind: 'role' }, { kind: 'time', optional: true, filler: 'at' }, { kind: 'text' }], 'controller', ['add inject', 'add_inject']),
  v('jump', 'jump', [{ kind: 'time', filler: 'to' }], 'controller'),
  v('breakdown', 'breakdown', [{ kind: 'unit' }], 'controller'),
  v('repair', 'repair', [{ kind: 'unit' }], 'controller'),
];

/** How far `advance` goes. */
export type Step = { kind: 'next' } | { kind: 'end' } | { kind: 'by'; s: number } | { kind: 'at'; t: number };

export interface Parsed {
  verb: Verb;
  args: Partial<Record<ArgKind, string>>;
  /** `advance`: how far; `inject`/`jump`: the time, in seconds */
  step?: Step;
  at?: number;
  /** `advance`: how to play to the end in the words typed (`tiếp đến hết`, `advance until end`), and the start of a line to a time or a length (`tiếp đến`, `advance`): what a refusal past the end suggests */
  toEnd?: { toend: string; lead: string; verb: string };
}

/** Arguments that are ids: always lower case in a scenario, so read case-insensitively. */
const ID_KINDS = new Set<ArgKind>(['unit', 'incident', 'zone', 'shelter', 'area', 'road', 'inject', 'option', 'role']);

/**
 * One way to read a time typed in a form that does not read as one (`5:00`, `22h30`, `tiếp đến 23 giờ`): the
 * figures on the exercise clock (T+05:00), a step forward from now (5h), or the time of day on the scenario's wall
 * clock (the next 05:00 after now). The session says them in the person's language.
 */
export interface Reading {
  kind: 'at' | 'by' | 'clock';
  /** where it would take the clock, in seconds since T0 */
  t: number;
  /** the line to type for it: `advance T+05:00`, `tiếp 5h`, `jump T+11:00`, `T+05:00` (an inject's time) */
  write: string;
  /** by: the step (5h); clock: the time of day (05:00) */
  what?: string;
}

export interface Problem {
  key: MsgKey;
  params?: Record<string, string | number>;
  /** `parse.time-readings*`: the readings to offer (those that lie ahead within the exercise), or, when none does, all of them to say why */
  readings?: Reading[];
}

export type ParseResult = { ok: true; value: Parsed } | { ok: false; problem: Problem; verb?: Verb } | { ok: true; value: null };

export interface Token { text: string; start: number; end: number }

/** Split a line into words; "double quoted" parts stay one word. */
export function tokenize(line: string): Token[] {
  const out: Token[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) out.push({ text: m[1] ?? m[2], start: m.index, end: m.index + m[0].length });
  return out;
}

/** The verb a line starts with, and how many words it took. Longest match wins ("open shelter" before "open"). */
export function matchVerb(words: string[]): { verb: Verb; used: number } | undefined {
  let best: { verb: Verb; used: number } | undefined;
  const lower = words.map((w) => w.normalize('NFC').toLowerCase());
  for (const verb of VERBS) {
    for (const form of [verb.words, ...verb.aliases, ...verb.vi]) {
      if (form.length <= lower.length && form.every((w, i) => lower[i] === w) && (!best || form.length > best.used)) best = { verb, used: form.length };
    }
  }
  return best;
}

export interface ParseContext {
  /** is this an area id? (decides whether "public info X ..." names an area or starts the message) */
  isArea(id: string): boolean;
  /** is this one of the scenario's ids (a unit, a role)? `điều don ...` then dispatches unit `don`, not a misspelt `điều động` */
  isId?(id: string): boolean;
  /** the exercise's end (seconds since T0): a time suggested for a slip is never past it, where it would be refused */
  end?: number;
  /** the session's time (seconds since T0): a time suggested for a slip is after it, and a step is counted from it */
  now?: number;
  /** the scenario's start (ISO 8601 with its offset): a time typed as the clock (23:00, 22h30) is read on the wall clock too */
  start?: string;
}

/** Read one typed line. Blank lines and `#` comments give `value: null`. */
export function parseLine(line: string, ctx: ParseContext): ParseResult {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return { ok: true, value: null };
  const toks = tokenize(line);
  const m = matchVerb(toks.map((t) => t.text));
  // a Vietnamese command misspelt in a later word (`so tann`), or where its first word alone is another form
  // (`dieu dongg u-01` read as dispatching unit `dongg`): say the command meant, as for an English one
  const vi = nearestViForm(toks.map((t) => t.text));
  if (vi && (!m || (vi.used > m.used && !ctx.isId?.(toks[m.used].text.toLowerCase())))) {
    return { ok: false, problem: { key: 'parse.unknown-verb-guess', params: { word: toks.slice(0, vi.used).map((t) => t.text).join(' '), guess: vi.guess } } };
  }
  if (!m) {
    const first = toks[0].text;
    const guess = nearestVerb(toks.map((t) => t.text));
    return { ok: false, problem: guess ? { key: 'parse.unknown-verb-guess', params: { word: first, guess } } : { key: 'parse.unknown-verb', params: { word: first } } };
  }
  const { verb, used } = m;
  const rest = toks.slice(used);
  // the command as typed (`tiếp`, `wait`, `advance`): a line suggested for a slip starts with it
  const typedVerb = toks.slice(0, used).map((t) => t.text).join(' ');
  const args: Partial<Record<ArgKind, string>> = {};
  let i = 0;
  for (let a = 0; a < verb.args.length; a++) {
    const spec = verb.args[a];
    const required = verb.args.slice(a + 1).filter((s) => !s.optional).length;
    if (spec.kind === 'text') {
      if (i < rest.length && isFiller(rest[i].text, spec.filler)) i++;
      if (i >= rest.length) return { ok: false, verb, problem: { key: 'parse.missing', params: { arg: spec.kind } } };
      const raw = line.slice(rest[i].start).trim();
      // a quote opened and never closed: the message would go out with a stray quote mark in it
      if (raw.startsWith('"') && raw.indexOf('"', 1) < 0) return { ok: false, verb, problem: { key: 'parse.unclosed-quote' } };
      args.text = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"') && rest.length - i === 1 ? raw.slice(1, -1) : raw;
      i = rest.length;
      continue;
    }
    if (spec.kind === 'topic' && i < rest.length) {
      // a command may be several words (`help open shelter`, `help sơ tán`): the topic is the rest of the line
      args.topic = rest.slice(i).map((t) => t.text).join(' ');
      i = rest.length;
      continue;
    }
    if (spec.kind === 'file' && a === verb.args.length - 1 && i < rest.length) {
      // a file name is the rest of the line: planners' folders have spaces ("Diễn tập 2025/ky son.json"); one quoted word loses its quotes
      args.file = rest.length - i === 1 ? rest[i].text : line.slice(rest[i].start).trim();
      i = rest.length;
      continue;
    }
    const hasFiller = i < rest.length && isFiller(rest[i].text, spec.filler);
    if (spec.optional) {
      let take: boolean;
      if (hasFiller) take = true;
      else if (i >= rest.length) take = false;
      else if (verb.args[a + 1]?.kind === 'text') take = spec.kind === 'area' && ctx.isArea(rest[i].text.toLowerCase());
      else if (spec.filler !== undefined && spec.kind === 'time') take = false;
      else take = rest.length - i > required;
      if (!take) continue;
    }
    if (hasFiller) i++;
    if (i >= rest.length) return { ok: false, verb, problem: { key: 'parse.missing', params: { arg: spec.kind } } };
    if (spec.kind === 'step') {
      const r = readStep(rest.slice(i).map((t) => t.text), ctx, typedVerb, verb.vi.some((f) => f.join(' ') === typedVerb.normalize('NFC').toLowerCase()));
      if (!r.ok) return { ok: false, verb, problem: r.problem };
      const first = rest[i].text;
      i = rest.length;
      return finish(verb, args, { step: r.step, toEnd: typedToEnd(typedVerb, first, verb) });
    }
    // ids are lower case by the scenario format (ID_RE): TA-CA-RIVERSIDE typed with Caps Lock on means ta-ca-riverside
    args[spec.kind] = ID_KINDS.has(spec.kind) ? rest[i].text.toLowerCase() : rest[i].text;
    i++;
  }
  if (i < rest.length) return { ok: false, verb, problem: { key: 'parse.unexpected', params: { word: rest[i].text } } };
  const extra: { step?: Step; at?: number; toEnd?: Parsed['toEnd'] } = {};
  if (verb.id === 'advance') Object.assign(extra, { step: { kind: 'next' }, toEnd: typedToEnd(typedVerb, undefined, verb) });
  if (args.level !== undefined && !/^[0-3]$/.test(args.level)) return { ok: false, verb, problem: { key: 'parse.bad-level', params: { value: args.level } } };
  if (args.time !== undefined) {
    const t = readTime(args.time);
    // `jump T+99999999999999999999d00:00`: more seconds than a number holds exactly (it was 'not a time; write it like T+03:00')
    if (t === undefined && tooLong(args.time)) {
      const now = ctx.now ?? 0;
      return { ok: false, verb, problem: ctx.end === undefined ? { key: 'parse.time-too-long-noend', params: { value: args.time } }
        : { key: 'parse.time-too-long', params: { value: args.time, now: formatClock(now), end: formatClock(ctx.end) } } };
    }
    if (t === undefined) {
      // `jump 23:00`, `inject r at 22h30 ...`: on the exercise clock (T+23:00) or the wall clock (the next 23:00),
      // whichever lies ahead within the exercise; `jump to 25:00` in a 16-hour drill says the end instead
      const guess = suggestTime(args.time);
      const s = guess ? parseDuration(guess) : undefined;
      const readings: Reading[] = [];
      const write = (at: number) => (verb.id === 'jump' ? `${typedVerb} ${formatClock(at)}` : formatClock(at));
      if (s?.ok) readings.push({ kind: 'at', t: s.seconds, write: write(s.seconds) });
      const c = /^[Tt+]/.test(args.time) ? undefined : clockOfDay(args.time, false);
      const ct = c === undefined ? undefined : clockAt(c, ctx);
      if (ct !== undefined) readings.push({ kind: 'clock', t: ct, write: write(ct), what: dayClock(c!) });
      if (readings.length) return { ok: false, verb, problem: readingsProblem(args.time, readings, ctx, verb.id === 'inject' ? 'inject' : 'jump') };
      return { ok: false, verb, problem: { key: 'parse.bad-time', params: { value: args.time } } };
    }
    // `jump 5m` went to T+00:05, where `advance 5m` moves on by 5m: a length alone is not taken as a time here
    if (verb.id === 'jump' && !/^T\+/i.test(args.time)) return { ok: false, verb, problem: { key: 'parse.jump-length', params: { value: args.time, step: formatDuration(t) } } };
    extra.at = t;
  }
  return finish(verb, args, extra);
}

function finish(verb: Verb, args: Partial<Record<ArgKind, string>>, extra: { step?: Step; at?: number; toEnd?: Parsed['toEnd'] }): ParseResult {
  return { ok: true, value: { verb, args, ...extra } };
}

/** A time or a length written in the notation with more seconds than a number holds exactly (`99999999999999999999h`), or a number alone of more minutes. */
function tooLong(s: string): boolean {
  return tooLongToBeDuration(s) || (/^\d+$/.test(s) && !Number.isSafeInteger(Number(s) * 60));
}

/** A time since T0: T+02:30 (or 2h30m, read the same way). */
function readTime(s: string): number | undefined {
  const r = parseDuration(s);
  return r.ok && r.seconds >= 0 ? r.seconds : undefined;
}

/** The words before a time to advance until: `until`, `to`, and Vietnamese `đến`, `tới` (with or without their marks). */
const UNTIL = ['until', 'to', 'đến', 'den', 'tới', 'toi'];

/** advance | advance 30m | advance T+03:00 | advance until next [inject] | advance until end | advance until T+03:00 */
function readStep(words: string[], ctx: ParseContext, verb: string, vi: boolean): { ok: true; step: Step } | { ok: false; problem: Problem } {
  const w = words.map((x) => x.normalize('NFC').toLowerCase());
  const bad = { ok: false as const, problem: { key: 'parse.bad-step' as const, params: { value: words.join(' ') } } };
  // `tiếp đến T+03:15` as `advance until T+03:15`, `tiếp đến hết` as `advance until end`
  const until = UNTIL.includes(w[0]);
  if (until) w.shift();
  if (w.length === 0) return bad;
  if (w[0] === 'next' && (w.length === 1 || (w.length === 2 && w[1] === 'inject'))) return { ok: true, step: { kind: 'next' } };
  if ((w[0] === 'end' || w[0] === 'hết' || w[0] === 'het') && w.length === 1) return { ok: true, step: { kind: 'end' } };
  // what a suggested line starts with: the command as typed, and its until (`tiếp đến`, `advance until`) when one was
  const lead = until ? `${verb} ${words[0]}` : verb;
  const now = ctx.now ?? 0;
  // with how to play to the end, in the words typed
  const fail = (problem: Problem) => ({ ok: false as const, problem: { ...problem, params: { ...problem.params, ...toEnd(verb, words[0], until, vi, ctx) } } });
  // a step as Vietnamese write it: `tiếp 10p`, `tiếp 10 phút`, `tiếp 2 giờ`, `tiếp 1 giờ 30 phút` (after until, a time is meant)
  const viSteps = until ? undefined : viStep(w.join(' '));
  if (viSteps !== undefined) {
    if (viSteps === 0) return bad;
    const clockMeant = hoursPastEnd(words.join(' '), viSteps, clockOfDay(w.join(' '), true), ctx, lead);
    return clockMeant ? fail(clockMeant) : { ok: true, step: { kind: 'by', s: viSteps } };
  }
  if (w.length !== 1) {
    // `tiếp đến 23 giờ 30`: the time of day in words, on the exercise clock (T+23:30) or the wall clock (the next 23:30)
    const typed = words.slice(1).join(' ');
    const c = until ? clockOfDay(typed, true) : undefined;
    if (c === undefined) return bad;
    return fail(readingsProblem(typed, withClock([{ kind: 'at', t: c, write: `${lead} ${formatClock(c)}` }], c, ctx, lead), ctx));
  }
  const last = words[words.length - 1];
  const explicitT = /^[Tt+]/.test(last);
  // `advance 99999999999999999999h`, `advance 99999999999999999999` (minutes): it was 'cannot advance by', or a reading at T+1666666666666666800:40
  if (tooLong(last)) return ctx.end === undefined ? { ok: false, problem: { key: 'parse.step-too-long-noend', params: { value: last } } } : fail({ key: 'parse.step-too-long', params: { value: last } });
  const r = parseDuration(last);
  if (r.ok && r.seconds >= 0) {
    // T+ is a time on the exercise clock (the session says so if it has passed); 30m is a step forward from now
    if (explicitT || until) {
      // `tiếp đến 23h` in a drill of 4 hours: T+23:00 would be refused as past the end, where the clock time 23:00
      // (Vietnamese write the hour so) lies within it
      const hours = /^(\d{1,2})h$/i.exec(last);
      if (!explicitT && hours && Number(hours[1]) <= 23 && ctx.end !== undefined && r.seconds > ctx.end) {
        const ahead = withClock([], r.seconds, ctx, lead).filter((x) => x.t > now && x.t <= ctx.end!);
        if (ahead.length) return fail({ key: 'parse.until-hours-clock', params: { value: last, t: hoursClock(r.seconds), end: formatClock(ctx.end) }, readings: ahead });
      }
      return { ok: true, step: { kind: 'at', t: r.seconds } };
    }
    if (r.seconds === 0) return bad;
    const clockMeant = /^\d{1,2}h$/i.test(last) ? hoursPastEnd(last, r.seconds, clockOfDay(last, true), ctx, lead) : undefined;
    return clockMeant ? fail(clockMeant) : { ok: true, step: { kind: 'by', s: r.seconds } };
  }
  // not a time or a length as written (`5:00`, `22h30`, `1030` after until): every way it may be read, as far as
  // it lies ahead within the exercise
  const guess = suggestTime(last);
  const s = guess ? parseDuration(guess) : undefined;
  const readings: Reading[] = [];
  // `advance until 10:30`, `advance until 10`, `tiếp đến 10h30`: until says a time is meant
  const at = s?.ok ? s.seconds : until ? untilSeconds(last) : undefined;
  if (at !== undefined) readings.push({ kind: 'at', t: at, write: `${lead} ${formatClock(at)}` });
  if (!until && !explicitT) {
    // `advance 5:00` forward by 5h; `advance 1h30`, `tiếp 1g30` forward by 1h30m (the minutes' unit left out)
    const hm = /^(\d+)[hg](\d{1,2})$/i.exec(last);
    const by = s?.ok ? s.seconds : hm && Number(hm[2]) <= 59 ? Number(hm[1]) * 3600 + Number(hm[2]) * 60 : undefined;
    if (by) readings.push({ kind: 'by', t: now + by, write: `${verb} ${inHours(by)}`, what: inHours(by) });
  }
  const c = explicitT ? undefined : clockOfDay(last, until);
  if (readings.length || c !== undefined) return fail(readingsProblem(last, c === undefined ? readings : withClock(readings, c, ctx, lead), ctx));
  // `advance 10`: a number alone, most likely minutes (the step people take most); a time needs until or T+
  if (!until && /^\d+$/.test(last) && Number(last) > 0) {
    const n = Number(last);
    if (ctx.end !== undefined && now + n * 60 > ctx.end) {
      return fail(readingsProblem(last, [{ kind: 'by', t: now + n * 60, write: `${verb} ${n}m`, what: `${n}m` }], ctx));
    }
    // `advance 10` with 4 hours left: 10h is no way on
    if (ctx.end !== undefined && now + n * 3600 > ctx.end) return { ok: false, problem: { key: 'parse.bad-step-number-minutes', params: { value: last, step: `${n}m`, end: formatClock(ctx.end) } } };
    return { ok: false, problem: { key: 'parse.bad-step-number', params: { value: last, step: `${n}m` } } };
  }
  return bad;
}

/**
 * A step in hours that goes past the end (`chờ 22h`, `tiếp 23 giờ` with 4 hours left), where the clock time it also
 * reads as (22:00, Vietnamese write the hour so) lies within the exercise: that reading to type; else undefined (the
 * session refuses the step, with the length left).
 */
function hoursPastEnd(value: string, step: number, ofDay: number | undefined, ctx: ParseContext, lead: string): Problem | undefined {
  const now = ctx.now ?? 0;
  if (ofDay === undefined || ctx.end === undefined || now + step <= ctx.end) return undefined;
  const ahead = withClock([], ofDay, ctx, lead).filter((x) => x.t > now && x.t <= ctx.end!);
  return ahead.length ? { key: 'parse.step-hours-clock', params: { value, t: hoursClock(now + step), end: formatClock(ctx.end) }, readings: ahead } : undefined;
}

/**
 * The readings of a typed time that lie ahead within the exercise (after now, for an inject from now; up to the
 * end), said as the lines to type (`parse.time-readings`); when none does, all of them, with where the exercise
 * stands and ends (`parse.time-readings-none`). Without a known end, every reading is offered.
 */
function readingsProblem(value: string, readings: Reading[], ctx: ParseContext, use: 'step' | 'jump' | 'inject' = 'step'): Problem {
  const now = ctx.now ?? 0;
  const seen = new Set<string>();
  // two readings with one line to type (the wall clock at a start at midnight) are offered once
  const unique = readings.filter((x) => !seen.has(x.write) && seen.add(x.write));
  // an inject may be for now; a step or a jump goes forward
  const ahead = unique.filter((x) => (use === 'inject' ? x.t >= now : x.t > now) && (ctx.end === undefined || x.t <= ctx.end));
  if (ahead.length || ctx.end === undefined) return { key: 'parse.time-readings', params: { value }, readings: ahead.length ? ahead : unique };
  return { key: use === 'step' ? 'parse.time-readings-none' : 'parse.time-readings-none-time', params: { value, now: formatClock(now), end: formatClock(ctx.end) }, readings: unique };
}

/** How to play to the end, in the words typed: `advance until end` (`tiếp đến hết`), or the length left (`advance 2h30m`) or the end's time (`tiếp đến T+04:00`). */
function toEnd(verb: string, untilWord: string, until: boolean, vi: boolean, ctx: ParseContext): Record<string, string> {
  if (ctx.end === undefined) return {};
  const plain = !/[^\x00-\x7f]/.test(verb);
  const word = until ? untilWord : vi ? (plain ? 'den' : 'đến') : 'until';
  const end = vi ? (plain ? 'het' : 'hết') : 'end';
  const left = ctx.end - (ctx.now ?? 0);
  return { toend: `${verb} ${word} ${end}`, alt: until || left <= 0 ? `${verb} ${word} ${formatClock(ctx.end)}` : `${verb} ${inHours(left)}` };
}

/**
 * The words of an advance as typed (`tiếp`, `tiep den`, `advance until`), for a refusal past the end that the session
 * says (parseLine does not always know the end): how to play to the end, the start of a line to a time (with the
 * until word when one was typed), and the command alone (for a length).
 */
function typedToEnd(typedVerb: string, first: string | undefined, verb: Verb): Parsed['toEnd'] {
  const vi = verb.vi.some((f) => f.join(' ') === typedVerb.normalize('NFC').toLowerCase());
  const until = first !== undefined && UNTIL.includes(first.normalize('NFC').toLowerCase());
  const plain = !/[^\x00-\x7f]/.test(typedVerb);
  const word = until ? first! : vi ? (plain ? 'den' : 'đến') : 'until';
  const end = vi ? (plain ? 'het' : 'hết') : 'end';
  return { toend: `${typedVerb} ${word} ${end}`, lead: until ? `${typedVerb} ${first}` : typedVerb, verb: typedVerb };
}

/** The readings and the wall clock's: the next time after now that the clock shows this time of day (seconds of the day), if the start is known. */
function withClock(readings: Reading[], ofDay: number, ctx: ParseContext, lead: string): Reading[] {
  const t = clockAt(ofDay, ctx);
  return t === undefined ? readings : [...readings, { kind: 'clock', t, write: `${lead} ${formatClock(t)}`, what: dayClock(ofDay) }];
}

/** When, in seconds since T0, the wall clock next shows this time of day (seconds of the day), now if it shows it now (an inject may be for now): undefined when the start is not known. */
function clockAt(ofDay: number, ctx: ParseContext): number | undefined {
  if (ctx.start === undefined) return undefined;
  const now = ctx.now ?? 0;
  const l = localTime(ctx.start, now);
  if (!l) return undefined;
  const wall = l.hour * 3600 + l.minute * 60 + l.second;
  return now + ((ofDay - wall + 86_400) % 86_400);
}

/** 05:00 */
function dayClock(ofDay: number): string {
  return `${String(Math.floor(ofDay / 3600)).padStart(2, '0')}:${String(Math.floor((ofDay % 3600) / 60)).padStart(2, '0')}`;
}

/**
 * Seconds of the day of a time typed as the clock: `23:00`, `9:30`, `22h30`, `22g30`, `23 giờ 30 (phút)`, and after
 * until also `22h`, `22g`, `23 giờ`, `10`, `1030` (as untilSeconds reads them); undefined for anything else, or a
 * time no clock shows (24:00, minutes past 59).
 */
function clockOfDay(text: string, until: boolean): number | undefined {
  const t = text.normalize('NFC').toLowerCase().trim();
  // figures alone after until (`10`, `1030`), as they read on the exercise clock, if a clock shows them
  if (until && /^\d+$/.test(t)) {
    const x = untilSeconds(t);
    return x !== undefined && x < 86_400 ? x : undefined;
  }
  const m = /^(\d{1,2}):(\d{2})$/.exec(t)
    ?? /^(\d{1,2})\s*(?:h|g|giờ|gio)\s*(\d{1,2})\s*(?:phút|phut|p)?$/.exec(t)
    ?? (until ? /^(\d{1,2})\s*(?:h|g|giờ|gio)$/.exec(t) : null);
  if (!m) return undefined;
  const h = Number(m[1]), min = Number(m[2] ?? 0);
  if (h > 23 || min > 59) return undefined;
  return h * 3600 + min * 60;
}

/** Seconds of a step written with Vietnamese units (`10p`, `10 phút`, `2 giờ`, `1 giờ 30 phút`, `1g30p`); undefined for anything else. */
function viStep(text: string): number | undefined {
  const m = /^(?:(\d+)\s*(?:giờ|gio|g))?\s*(?:(\d+)\s*(?:phút|phut|p))?$/.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60;
}

/**
 * The time on the exercise clock (seconds since T0) a number after `until` most likely means: hours alone (`10`, `10g`), or hours and
 * minutes run together or split by h/g as Vietnamese write the time of day (`1030`, `10h30`, `10g30`); undefined for
 * anything else, or for no time at all (`0`, minutes past 59, `3000`).
 */
function untilSeconds(text: string): number | undefined {
  const m = /^(\d{1,2})(?:[hg](\d{2})?|[hg]?(\d{2}))?$/i.exec(text.normalize('NFC'));
  if (!m) return undefined;
  const h = Number(m[1]), min = Number(m[2] ?? m[3] ?? 0);
  // a four-figure time is a time of day's figures: past 23 they are no time anyone writes
  if (min > 59 || (m[3] !== undefined && h > 23) || h * 60 + min === 0) return undefined;
  return h * 3600 + min * 60;
}

/** A length as a step is typed: 25h, 1h30m, 45m (hours, not days: formatDuration would say 1d1h; a step past the end is counted in them too). */
export function inHours(s: number): string {
  if (s % 60 !== 0) return formatDuration(s);
  const h = Math.floor(s / 3600), m = (s % 3600) / 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h${m}m`;
}

/** T+hh:mm in hours however many (T+25:00, as the slip was typed; the clock would say T+1d01:00). */
export function hoursClock(t: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `T+${two(Math.floor(t / 3600))}:${two(Math.floor((t % 3600) / 60))}`;
}

/** The verb someone probably meant, for "did you mean": a Vietnamese form when the words read as Vietnamese. */
export function nearestVerb(words: string[]): string | undefined {
  const vi = nearestViForm(words);
  if (vi) return vi.guess;
  const first = words[0].toLowerCase();
  let best: string | undefined;
  let bestD = 3;
  for (const verb of VERBS) {
    for (const form of [verb.words, ...verb.aliases]) {
      const d = editDistance(first, form[0]);
      if (d < bestD && d < Math.max(2, form[0].length / 2)) { bestD = d; best = form.join(' '); }
    }
  }
  return best;
}

/**
 * The Vietnamese form (VI_FORMS) someone probably meant, and how many of their words it stands for; only when the
 * words read as Vietnamese: a diacritic typed (`điều độngg`), or a form of several words with one of them exact
 * (`so tann`, `dieu dongg`). So an English typo (`tie 30m`) is not answered with `tiep`.
 */
function nearestViForm(words: string[]): { guess: string; used: number } | undefined {
  const lower = words.map((w) => w.normalize('NFC').toLowerCase());
  let best: { guess: string; used: number } | undefined;
  let bestD = 3;
  for (const verb of VERBS) {
    for (const form of verb.vi) {
      if (form.length > lower.length) continue;
      const typed = lower.slice(0, form.length);
      if (!/[^\x00-\x7f]/.test(typed.join('')) && !(form.length > 1 && form.some((w, i) => typed[i] === w))) continue;
      // words that are a command already (`tiếp` in `tiếp tụcc`) are not a misspelling of another
      if (matchVerb(typed)?.used === form.length) continue;
      // nor is a number (`ban bố cấp 1` is no misspelt `ban bố cấp độ`): no command word has a digit
      if (typed.some((w) => /\d/.test(w))) continue;
      const want = form.join(' ');
      const d = editDistance(typed.join(' '), want);
      if (d < bestD && d < Math.max(2, want.length / 4)) { bestD = d; best = { guess: want, used: form.length }; }
    }
  }
  return best;
}

/** The small words of a syntax in Vietnamese (FILLERS): with diacritics, and as written without them. */
const VI_FILLER: Record<string, [string, string]> = { to: ['đến', 'den'], in: ['tại', 'tai'], for: ['cho', 'cho'], at: ['lúc', 'luc'] };

/**
 * The Vietnamese form of this verb (VI_FORMS, as the table writes it) that the words start with, the longest:
 * `tiếp` for `tiếp abc`, `so tan` for `So tan z`; undefined when they start with an English form.
 */
export function viFormOf(verb: Verb, words: string[]): string[] | undefined {
  const lower = words.map((w) => w.normalize('NFC').toLowerCase());
  let best: string[] | undefined;
  for (const form of verb.vi) {
    if (form.length <= lower.length && form.every((w, i) => lower[i] === w) && (!best || form.length > best.length)) best = form;
  }
  return best;
}

/**
 * "dispatch <unit> [to] <incident>", with the argument names given by `name`; in a Vietnamese form when one is
 * given (`điều động <unit> [đến] <incident>`, `dieu dong <unit> [den] <incident>`): a trainee who typed
 * `tiếp` is shown the syntax in the words typed, not an English command never typed. Each form shown is one the
 * parser takes (test/play/usage-vi.test.ts).
 */
export function usage(verb: Verb, name: (k: ArgKind) => string, vi?: string[]): string {
  // without diacritics when the command was typed without them: the keyboard at hand has none
  const plain = vi !== undefined && !/[^\x00-\x7f]/.test(vi.join(''));
  const word = (filler: string) => (vi ? VI_FILLER[filler]?.[plain ? 1 : 0] ?? filler : filler);
  // the steps readStep takes in Vietnamese: none (the next message), a length in viStep's units, a time, until (đến) a time or the end
  const steps = !vi ? '[30m | T+03:00 | until next | until end]'
    : plain ? '[30p | T+03:00 | den T+03:00 | den het]' : '[30p | T+03:00 | đến T+03:00 | đến hết]';
  const parts = [...(vi ?? verb.words)];
  for (const a of verb.args) {
    const filler = a.filler ? (a.optional ? `${word(a.filler)} ` : `[${word(a.filler)}] `) : '';
    const body = a.kind === 'step' ? steps : `${filler}<${name(a.kind)}>`;
    parts.push(a.optional && a.kind !== 'step' ? `[${body}]` : body);
  }
  return parts.join(' ');
}

export interface CompletionSource {
  /** ids that fit this argument of this verb, most useful first */
  candidates(kind: ArgKind, verb: VerbId, args: Partial<Record<ArgKind, string>>): string[];
  /** verbs the person at the keyboard may use now */
  allowed(verb: Verb): boolean;
}

/**
 * Tab completion, readline-style: the words that could replace the last
 * (partial) word of the line, and that partial word.
 */
export function complete(line: string, src: CompletionSource): [string[], string] {
  const toks = tokenize(line);
  const endsWithSpace = line.length === 0 || /\s$/.test(line);
  const done = endsWithSpace ? toks.map((t) => t.text) : toks.slice(0, -1).map((t) => t.text);
  const partial = endsWithSpace ? '' : toks[toks.length - 1].text;
  // a unique match gets its trailing space, as in a shell, so the next word can follow
  const pick = (list: string[]) => {
    const hits = [...new Set(list)].filter((c) => c.startsWith(partial));
    return hits.length === 1 ? [`${hits[0]} `] : hits;
  };
  // still in the verb's words?
  const words: string[] = [];
  for (const verb of VERBS) {
    if (!src.allowed(verb)) continue;
    for (const form of [verb.words]) {
      if (done.length < form.length && done.every((w, i) => w.toLowerCase() === form[i])) words.push(form[done.length]);
    }
  }
  const m = matchVerb(done);
  if (!m || m.used > done.length) return [pick(words), partial];
  const { verb, used } = m;
  if (!src.allowed(verb)) return [[], partial];
  const given = done.slice(used);
  if (verb.id === 'advance' && given.length === 1 && given[0].toLowerCase() === 'until') return [pick(['next', 'end']), partial];
  // walk the arguments the same way the parser does, loosely
  const args: Partial<Record<ArgKind, string>> = {};
  let a = 0;
  let fillerSeen = false;
  for (const w of given) {
    while (a < verb.args.length) {
      const spec = verb.args[a];
      if (spec.kind === 'text' || spec.kind === 'step') return [[], partial];
      if (!fillerSeen && isFiller(w, spec.filler)) { fillerSeen = true; break; }
      if (spec.optional && !fillerSeen && (spec.filler !== undefined && spec.kind !== 'area' ? true : !src.candidates(spec.kind, verb.id, args).includes(w))) { a++; continue; }
      args[spec.kind] = w;
      a++;
      fillerSeen = false;
      break;
    }
    if (a > verb.args.length) return [[], partial];
  }
  const out: string[] = [];
  for (let k = a; k < verb.args.length; k++) {
    const spec = verb.args[k];
    if (spec.kind === 'step') out.push('30m', '1h', 'until');
    else if (spec.kind !== 'text') {
      if (spec.filler && !fillerSeen && spec.optional && spec.kind === 'time') out.push(spec.filler);
      else out.push(...src.candidates(spec.kind, verb.id, args));
    }
    if (!spec.optional) break;
  }
  return [pick(out), partial];
}
