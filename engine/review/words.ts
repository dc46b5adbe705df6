/**
 * Putting the review into words, in one language: message keys from the
 * catalogue with typed parameters (times, durations, shares, names of
 * scenario things), event descriptions for the timeline and the evidence,
 * and numbers in the language's own notation. Every string comes from
 * messages.ts; a key missing there shows as ⟦key⟧ so that a test can find it.
 */
import { localNumber } from '../batch/format.js';
import { localTime, pad2 } from '../scenario/calendar.js';
import { formatClock } from '../scenario/duration.js';
import type { Inject, Objective, Scenario, Text } from '../scenario/schema.js';
import { textIn, type Lang } from '../scenario/text.js';
import type { AnswerOrder } from './answer-orders.js';
import type { Evidence } from './evidence.js';
import type { LogEvent, Rating } from './metrics.js';
import type { EarlyStop } from './review.js';
import { MESSAGES } from './messages.js';
import { crossesUnmeasured, unmeasuredPairs } from './unit-metrics.js';

export type RefKind = 'zone' | 'unit' | 'role' | 'area' | 'shelter' | 'incident' | 'inject' | 'objective' | 'kind' | 'road';

/** A parameter of a message, typed so that each language formats it its own way. */
/** The number a parameter stands for, for `{k:one|other}` (NaN when it is not a number). */
/** Parameters that hold a name describing a thing (a zone, an incident, its kind) rather than a proper name. */
const DESCRIBED = new Set(['zone', 'incident', 'kind', 'parent']);
const SENTENCE_START = /(^|[.!?]\s+|\n\s*)$/;

/**
 * A described name as it reads inside a sentence: a label written in sentence case ("Các bản ven suối Tà Cạ",
 * "Houses swept away") loses its capital ("ập đến các bản ven suối Tà Cạ"); one whose second word is capitalised
 * starts with a proper name ("Hồ Bản Vẽ", "Mường Xén low-lying quarter", "Trường THCS Tà Cạ") and keeps it.
 */
export function midSentence(name: string): string {
  return /^\p{Lu}\p{Ll}*\s+\p{Ll}/u.test(name) ? name[0].toLowerCase() + name.slice(1) : name;
}

function countOf(v: P | string | number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'n' in v) return v.n;
  return NaN;
}

export type P =
  | { n: number }
  | { t: number }
  | { s: number | null; fine?: boolean }
  | { pct: number | null; digits?: number }
  | { days: number; digits?: number }
  | { km: number }
  | { ref: RefKind; id: string }
  | { text: Text }
  | { raw: string }
  | { list: P[] }
  | { rating: Rating }
  | { cmd: string; args: Record<string, unknown> }
  | { code: string; reason: string }
  | { msg: string; params: Record<string, P> };

export const MISSING = '⟦';

/** A metric's value as a typed parameter: a time of day for the moments, a duration, a share, days, a count. */
export function metricParam(metric: string, v: number | null, bounds: readonly number[] = []): P {
  if (metric === 'level_declared_s' || metric === 'support_requested_s') return v === null ? { s: null } : { t: v };
  if (metric.endsWith('_s')) return durationNear(v, bounds) ? { s: v, fine: true } : { s: v };
  if (metric.endsWith('_share')) return { pct: v, digits: shareDigits(v, bounds) };
  if (metric === 'stock_days_min') return v === null ? { s: null } : { days: v, digits: numberDigits(v, v < 10 ? 1 : 0, bounds) };
  return v === null ? { s: null } : { n: v };
}

/** What kind of thing an objective's `of` names, for a metric. */
export function refKindOf(sc: Scenario, metric: string, of: string): RefKind {
  switch (metric) {
    case 'evacuated_share': return 'zone';
    case 'decision_latency_s': return 'inject';
    case 'shelter_peak_share': return 'shelter';
    case 'people_lost': case 'level_declared_s': case 'support_requested_s': case 'stock_days_min': return 'area';
    default:
      if (sc.incident_kinds.some((k) => k.id === of)) return 'kind';
      if (sc.areas.some((a) => a.id === of)) return 'area';
      return 'incident';
  }
}

/**
 * A length of time as the report writes it: 90 s, 45 min, 1 h 38 min, 3 h. One formatter for the report and the
 * summaries the commands print (drill run, fork, compare), so that a wait reads the same in both. Needs no scenario.
 */
export function durationIn(s: number | null, lang: Lang): string {
  const cat = MESSAGES[lang];
  const m = (key: string, n: Record<string, string>) => cat[key].replace(/\{(\w+)\}/g, (_, k: string) => n[k]);
  if (s === null || !Number.isFinite(s)) return cat['fmt.never'];
  const r = Math.round(s);
  if (r < 120) return m('fmt.s', { n: String(r) });
  const min = Math.round(r / 60);
  if (min < 60) return m('fmt.min', { n: String(min) });
  const h = Math.floor(min / 60), mm = min % 60;
  const hours = String(h).replace(/\B(?=(\d{3})+(?!\d))/g, cat['fmt.group']);
  return mm === 0 ? m('fmt.h', { n: hours }) : m('fmt.h_min', { h: hours, min: String(mm) });
}

/** What a reader sets an objective's value against: its threshold and the bounds of its ratings. */
export function objectiveBounds(o: { criterion: { threshold: number }; rating: { P: number; S: number; M: number } }): number[] {
  return [o.criterion.threshold, o.rating.P, o.rating.S, o.rating.M];
}

/** The reading durationIn gives a length of time, rounded as it rounds: two lengths with the same key read the same. */
function durationKey(s: number): number {
  const r = Math.round(s);
  return r < 120 ? r : Math.round(r / 60) * 60;
}

/**
 * Whether a length of time needs its seconds not to read as a bound it is not: an answer 30 min 6 s after the
 * inject, beside the 30 min allowed, read '30 min; target at most 30 min; rated M' and '30 min | 30 min | late'.
 * The bounds are what the reader sets it against (an objective's threshold and rating bounds, an inject's time allowed).
 */
export function durationNear(s: number | null, bounds: readonly number[]): boolean {
  if (s === null || !Number.isFinite(s)) return false;
  return bounds.some((b) => Number.isFinite(b) && Math.round(s) !== Math.round(b) && durationKey(s) === durationKey(b));
}

/** The decimals a number written with `usual` of them needs (up to 3) not to read as a bound it is not: 2.96 days beside 3, not 3.0. */
export function numberDigits(v: number, usual: number, bounds: readonly number[]): number {
  let d = usual;
  while (d < 3 && bounds.some((b) => Number.isFinite(b) && b !== v && v.toFixed(d) === b.toFixed(d))) d++;
  return d;
}

/** The decimals a share needs (0, as a share is written, up to 3) not to read as a bound it is not: 89.7 % beside 90 %, not 90 %. */
export function shareDigits(v: number | null, bounds: readonly number[]): number {
  if (v === null || !Number.isFinite(v)) return 0;
  const near = (d: number) => bounds.some((b) => Number.isFinite(b) && b !== v && (v * 100).toFixed(d) === (b * 100).toFixed(d));
  let d = 0;
  while (d < 3 && near(d)) d++;
  return d;
}

/** A length of time to the second, for a value that durationIn would round onto a bound: '30 min 6 s', '2 h 0 min 6 s'. */
export function durationFine(s: number, lang: Lang): string {
  const cat = MESSAGES[lang];
  const m = (key: string, n: string) => cat[key].replace('{n}', n);
  const r = Math.round(s);
  if (r < 120) return durationIn(r, lang);
  const h = Math.floor(r / 3600), min = Math.floor((r % 3600) / 60), sec = r % 60;
  const hours = String(h).replace(/\B(?=(\d{3})+(?!\d))/g, cat['fmt.group']);
  return [h > 0 ? m('fmt.h', hours) : '', h > 0 || min > 0 ? m('fmt.min', String(min)) : '', sec > 0 ? m('fmt.s', String(sec)) : ''].filter(Boolean).join(' ');
}

/**
 * An objective's value as the summaries write it (drill run's, drill play's hot wash): a moment on the exercise
 * clock, a length of time, a share, or a number; written finely enough not to read as one of the `bounds` it is
 * set against (objectiveBounds).
 */
export function objectiveValue(metric: string, v: number | null, lang: Lang, bounds: readonly number[] = []): string {
  const cat = MESSAGES[lang];
  if (v === null) return cat['fmt.never'];
  // these two are moments (seconds since T0), not lengths of time
  if (metric === 'level_declared_s' || metric === 'support_requested_s') return formatClock(Math.round(v));
  if (metric.endsWith('_s')) return durationNear(v, bounds) ? durationFine(v, lang) : durationIn(Math.round(v), lang);
  if (metric.endsWith('_share')) return cat['fmt.pct'].replace('{n}', localNumber((v * 100).toFixed(shareDigits(v, bounds)), lang));
  const k = 10 ** numberDigits(v, 2, bounds);
  return localNumber(String(Math.round(v * k) / k), lang);
}

export class Words {
  private readonly cat: Record<string, string>;
  private readonly names = new Map<string, Text | undefined>();
  /** incident id -> kind, learnt from the run (generated incidents are not in the scenario) */
  private readonly incidentKinds = new Map<string, string>();
  /** node pairs joined only by edges of unknown length: a route over one is not "a 0 km route" */
  private readonly unmeasured: Set<string>;

  constructor(readonly lang: Lang, readonly scenario: Scenario) {
    this.cat = MESSAGES[lang];
    this.unmeasured = unmeasuredPairs(scenario);
    const put = (kind: RefKind, id: string, t: Text | undefined) => this.names.set(`${kind}:${id}`, t);
    for (const a of scenario.areas) put('area', a.id, a.name);
    for (const u of scenario.units) put('unit', u.id, u.name);
    for (const r of scenario.roles) put('role', r.id, r.name);
    for (const z of scenario.evacuation.zones) put('zone', z.id, z.name);
    for (const s of scenario.evacuation.shelters) put('shelter', s.id, s.name);
    for (const k of scenario.incident_kinds) put('kind', k.id, k.name);
    for (const e of scenario.travel.edges) put('road', e.id, e.name);
    for (const i of scenario.incidents) put('incident', i.id, i.name);
    for (const o of scenario.objectives) put('objective', o.id, o.text);
  }

  /** Where a run stopped early (drill run --until, a session saved part-way) ends, or null for a run to its end. */
  private stop: EarlyStop | null = null;

  /**
   * Teach the words where a run stopped before the scenario's end: its "at the end" (still at risk, unfinished, an
   * objective read at the end of the run) is then "at T+06:10, where the log ends", as the rest of the report says.
   */
  learnStop(stop: EarlyStop | null): this {
    this.stop = stop;
    return this;
  }

  /** Teach the words the kinds of the run's incidents, so that unnamed ones read by their kind. */
  learnIncidents(list: { id: string; kind: string }[]): this {
    for (const i of list) this.incidentKinds.set(i.id, i.kind);
    return this;
  }

  /**
   * Teach the words which injects were done by a default (an unanswered decision point's default, applied at its
   * deadline), so that their `inject.done` does not credit the role with an action nobody at that seat took.
   */
  learnDefaults(injects: readonly { id: string; decision: number | null }[], decisions: readonly { index: number; author: string; order_of?: AnswerOrder | null; refused?: { code: string } | null }[]): this {
    const author = new Map(decisions.map((d) => [d.index, d.author]));
    for (const i of injects) if (i.decision !== null && author.get(i.decision) === 'default') this.doneByDefault.add(i.id);
    // and which decisions an answer's option ordered, so that event() can say so
    for (const d of decisions) if (d.order_of) this.orders.set(d.index, d.order_of);
    // and the code each refusal is read by, where the review reads it otherwise than the log (decision-metrics.ts)
    for (const d of decisions) if (d.refused) this.refusals.set(d.index, d.refused.code);
    return this;
  }
  private readonly refusals = new Map<number, string>();
  private readonly doneByDefault = new Set<string>();
  private readonly orders = new Map<number, AnswerOrder>();

  /**
   * Teach the words the injects exercise control added in play (their specs from the log, added-injects.ts),
   * so that they are named, and their options read, like the scenario's own.
   */
  learnAdded(list: Iterable<{ spec: Inject }>): this {
    for (const a of list) if (!this.scenario.injects.some((i) => i.id === a.spec.id)) this.added.set(a.spec.id, a.spec);
    return this;
  }
  private readonly added = new Map<string, Inject>();

  /** An inject's spec: the scenario's, or one added in play that the words were taught. */
  injectSpec(id: string): Inject | undefined {
    return this.scenario.injects.find((i) => i.id === id) ?? this.added.get(id);
  }

  /**
   * How long an inject waited for its expected action, as a reader sets it beside the time the inject allows (the
   * injects table, the finding): to the second where it would round onto that time, '30 min 6 s' with 30 min
   * allowed, not '30 min' for an answer that came late.
   */
  injectLatency(id: string, s: number): string {
    const spec = this.injectSpec(id), within = spec?.expected?.within ?? spec?.decision?.deadline ?? null;
    return within !== null && durationNear(s, [within]) ? durationFine(s, this.lang) : this.dur(s);
  }

  /** Was this inject added by exercise control in play (and taught with learnAdded)? */
  isAdded(id: string): boolean {
    return this.added.has(id);
  }

  /** An HSEEP core capability in this language (scenarios name them in English). */
  capability(name: string): string {
    return this.cat[`cap.${name}`] ?? name;
  }

  /** Whether this language has a message for the key (codes from a newer engine may have none). */
  has(key: string): boolean {
    return this.cat[key] !== undefined;
  }

  /** A message with its parameters filled in. */
  m(key: string, params: Record<string, P | string | number> = {}): string {
    const tpl = this.cat[key];
    if (tpl === undefined) return `${MISSING}${key}⟧`;
    // `{k}` is a value; `{k:one|other}` the word that agrees with the number k ("1 person", "2 people")
    return tpl.replace(/\{(\w+)(?::([^|{}]*)\|([^{}]*))?\}/g, (_, k: string, one: string | undefined, other: string | undefined, at: number) => {
      const v = params[k];
      if (v === undefined) return `${MISSING}${key}.${k}⟧`;
      if (one !== undefined) return countOf(v) === 1 ? one : other!;
      if (typeof v === 'string') return DESCRIBED.has(k) && !SENTENCE_START.test(tpl.slice(0, at)) ? midSentence(v) : v;
      // a described thing given by reference reads the same inside a sentence ("Ra lệnh sơ tán các bản ven suối Tà Cạ")
      if (typeof v === 'object' && 'ref' in v && DESCRIBED.has(v.ref) && !SENTENCE_START.test(tpl.slice(0, at))) return midSentence(this.p(v));
      return typeof v === 'number' ? this.num(v) : this.p(v);
    });
  }

  text(t: Text | undefined): string {
    return textIn(t, this.lang);
  }

  // ------------------------------------------------------------ numbers and times

  num(v: number, digits = 0): string {
    const neg = v < 0;
    const fixed = Math.abs(v).toFixed(digits);
    const [int, frac] = fixed.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, this.cat['fmt.group']);
    return (neg ? '-' : '') + grouped + (frac ? this.cat['fmt.decimal'] + frac : '');
  }

  /** Scenario time: T+03:00 (21:00) */
  time(t: number): string {
    return this.m('fmt.time', { clock: formatClock(t), wall: wallClock(this.scenario.start, t).slice(11, 16) });
  }

  /** Date and time of day, from the scenario's T0 (with its UTC offset). */
  wall(t: number): string {
    return wallClock(this.scenario.start, t);
  }

  dur(s: number | null): string {
    return durationIn(s, this.lang);
  }

  pct(v: number | null, digits = 0): string {
    if (v === null || !Number.isFinite(v)) return this.m('fmt.none');
    return this.m('fmt.pct', { n: this.num(v * 100, digits) });
  }

  days(v: number, digits = v < 10 ? 1 : 0): string {
    return this.m('fmt.days', { n: this.num(v, digits) });
  }

  // ------------------------------------------------------------ names

  name(kind: RefKind, id: string): string {
    const t = this.names.get(`${kind}:${id}`);
    if (t !== undefined) return this.text(t);
    if (kind === 'inject') {
      const i = this.injectSpec(id);
      return i ? this.m('name.inject', { seq: String(i.seq), subject: this.text(i.subject) }) : id;
    }
    if (kind === 'incident') return this.incidentName(id);
    if (kind === 'role' && id === 'controller') return this.m('name.controller');
    return id;
  }

  /**
   * An incident named as the incident it is, where a sentence does something to it or arrives at it ("Đã khống chế
   * sự cố dân mắc kẹt trong vùng ngập (flood-3)"): 'name.the_incident' around its name, or for a follow-on incident
   * 'name.the_secondary', whose name already says it is one. `kind`: the id is an incident kind's (any of that kind).
   */
  theIncident(id: string | null, kind = false): string {
    if (id === null) return this.m('name.the_incident', { incident: this.m('fmt.any') });
    const parent = kind || this.names.has(`incident:${id}`) ? null : this.secondaryParent(id);
    if (parent !== null) return this.m('name.the_secondary', { parent: this.incidentName(parent) });
    return this.m('name.the_incident', { incident: this.name(kind ? 'kind' : 'incident', id) });
  }

  /** A road node by its name in the scenario (else its id): where people wait on the road. */
  private nodeName(id: string): string {
    return this.text(this.scenario.travel.nodes.find((n) => n.id === id)?.name) || id;
  }

  /** The incident a follow-on incident's id (`<parent>.s<n>`) comes of; null for any other id. */
  private secondaryParent(id: string): string | null {
    const sec = /^(.*)\.s\d+$/.exec(id);
    return sec && !this.incidentKinds.has(id) ? sec[1] : null;
  }

  private incidentName(id: string): string {
    const zone = this.scenario.evacuation.zones.find((z) => `${z.id}-caught` === id);
    if (zone) return this.m('name.caught', { zone: this.name('zone', zone.id) });
    const parent = this.secondaryParent(id);
    if (parent !== null) return this.m('name.secondary', { parent: this.incidentName(parent) });
    const kind = this.incidentKinds.get(id) ?? this.scenario.incidents.find((i) => i.id === id)?.kind;
    if (kind !== undefined) return this.m('name.incident', { kind: this.name('kind', kind), id });
    return id;
  }

  // ------------------------------------------------------------ parameters

  p(v: P): string {
    if ('n' in v) return this.num(v.n, Number.isInteger(v.n) ? 0 : 2);
    if ('t' in v) return this.time(v.t);
    if ('s' in v) return v.fine && v.s !== null ? durationFine(v.s, this.lang) : this.dur(v.s);
    if ('pct' in v) return this.pct(v.pct, v.digits);
    if ('days' in v) return this.days(v.days, v.digits);
    if ('km' in v) return this.m('fmt.km', { n: this.num(v.km, 1) });
    if ('ref' in v) return this.name(v.ref, v.id);
    if ('text' in v) return this.text(v.text);
    if ('raw' in v) return v.raw;
    if ('list' in v) return v.list.map((x) => this.p(x)).join(this.m('fmt.list_sep'));
    if ('rating' in v) return this.m('rating.short', { letter: v.rating, label: this.m(`rating.${v.rating}`) });
    if ('cmd' in v) return this.command(v.cmd, v.args);
    if ('code' in v) return this.m(`refused.${v.code}`);
    return this.m(v.msg, v.params);
  }

  // ------------------------------------------------------------ commands and events

  /** A comparator in words for a metric: a moment (a level declared, support requested) is "before T+04:00", not "less than". */
  comparator(metric: string, cmp: string): string {
    return this.m(metric === 'level_declared_s' || metric === 'support_requested_s' ? `cmpt.${cmp}` : `cmp.${cmp}`);
  }

  /** An objective's criterion in words: "share of people in shelter (Tà Cạ riverside villages): at least 90 %, read at T+12:00". */
  criterion(c: Objective['criterion']): string {
    const of = c.of === undefined ? '' : this.m('crit.of', { of: this.name(refKindOf(this.scenario, c.metric, c.of), c.of) });
    return this.m('crit.text', { metric: this.m(`metric.${c.metric}`), of, cmp: this.comparator(c.metric, c.comparator), threshold: metricParam(c.metric, c.threshold), when: c.by === undefined ? (this.stop ? this.m('crit.end_stopped', { t: { t: this.stop.t } }) : this.m('crit.end')) : this.m('crit.at', { t: { t: c.by } }) });
  }

  /**
   * Why an objective was not tested, as the report (and the viewer's objectives panel) says it: "no incident of
   * the kind "Chemical leak" in this run", or "... by T+06:00 (00:00)" when it was read before the run's end `tEnd_s`.
   */
  notTestedReason(c: Objective['criterion'], r: { not_tested?: string | null; at: number }, tEnd_s: number): string {
    const why = r.not_tested ?? 'no_incident';
    const when = r.at >= tEnd_s ? this.m('nt.in_run') : this.m('nt.by', { t: { t: r.at } });
    const kind = c.of === undefined ? null : refKindOf(this.scenario, c.metric, c.of);
    const of = c.of === undefined || kind === null ? this.m('fmt.any') : this.name(kind, c.of);
    if (why === 'no_incident') return this.m(`nt.no_incident.${c.of === undefined ? 'any' : kind === 'kind' || kind === 'area' ? kind : 'incident'}`, { of, when });
    return this.m(`nt.${why}`, { of, when });
  }

  command(cmd: string, a: Record<string, unknown>): string {
    const id = (k: string) => String(a[k] ?? '');
    switch (cmd) {
      // an expected action may leave out the unit (any unit) or the message (any message): say so, not an empty slot
      case 'dispatch': return a.unit === undefined ? this.m('cmd.dispatch_any', { incident: this.name('incident', id('incident')) }) : this.m('cmd.dispatch', { unit: this.name('unit', id('unit')), incident: this.name('incident', id('incident')) });
      case 'recall': case 'breakdown': case 'repair': return this.m(`cmd.${cmd}`, { unit: this.name('unit', id('unit')) });
      case 'evacuate': return this.m('cmd.evacuate', { zone: this.name('zone', id('zone')) });
      case 'open_shelter': return this.m('cmd.open_shelter', { shelter: this.name('shelter', id('shelter')) });
      case 'declare_level': return this.m('cmd.declare_level', { level: String(a.level), area: this.name('area', id('area')) });
      case 'request_support': case 'sea_ban': return this.m(`cmd.${cmd}`, { area: this.name('area', id('area')) });
      case 'public_info': return a.message === undefined ? this.m('cmd.public_info_any', { area: this.name('area', id('area')) }) : this.m('cmd.public_info', { area: this.name('area', id('area')), message: this.text(a.message as Text) });
      case 'close_road': case 'open_road': return this.m(`cmd.${cmd}`, { road: this.name('road', id('edge')) });
      case 'answer': return this.m('cmd.answer', { inject: this.name('inject', id('inject')), option: this.optionLabel(id('inject'), id('option')) });
      case 'hold_inject': case 'release_inject': return this.m(`cmd.${cmd}`, { inject: this.name('inject', id('inject')) });
      case 'add_inject': {
        const spec = a.inject as { id?: string; subject?: Text } | undefined;
        return this.m('cmd.add_inject', { subject: spec?.subject !== undefined ? this.text(spec.subject) : String(spec?.id ?? '') });
      }
      default: return this.m('cmd.other', { cmd });
    }
  }

  /**
   * A decision as the report's timeline says it: who (the role's name, and in brackets the trainee, exercise control
   * or doctrine) and the order in words ("Tà Cạ commune chair (trainee): evacuate Tà Cạ riverside villages"); exercise
   * control's own orders are not said twice. `d`: a decision as the log holds it (its role, author, do and arguments).
   */
  decision(d: Record<string, unknown>): string {
    return this.m(d.role === 'controller' && d.author === 'controller' ? 'ev.decision_control' : 'ev.decision', { role: this.name('role', String(d.role)), author: this.m(`author.${String(d.author)}`), cmd: this.command(String(d.do), d) });
  }

  optionLabel(inject: string, option: string): string {
    const o = this.injectSpec(inject)?.decision?.options.find((x) => x.id === option);
    return o ? this.text(o.label) : option;
  }

  private by(v: unknown): string {
    const s = String(v ?? '');
    return s.startsWith('rule:') ? this.m('by.rule', { id: s.slice(5) }) : this.name('role', s);
  }

  /**
   * One event as a sentence. `index`: its place in the log; a decision there that an answer to a decision point
   * (or its default) ordered says so, and one that changed nothing reads as no change, not as a refusal
   * (answer-orders.ts; learnDefaults learns them).
   */
  event(e: LogEvent, index?: number): string {
    const id = String(e.id ?? '');
    const order = index === undefined ? undefined : this.orders.get(index);
    const code = String((index === undefined ? undefined : this.refusals.get(index)) ?? e.code);
    if (order && (e.type === 'decision' || e.type === 'decision.refused')) {
      const p = { role: this.name('role', String(e.role)), author: this.m(`author.${String(e.author)}`), cmd: this.command(String(e.do), e), by: this.m(order.by_default ? 'order.default' : 'order.answer', { option: this.optionLabel(order.inject, order.option) }) };
      if (e.type === 'decision') return this.m('ev.decision.order', p);
      return this.m(code === 'no-change' ? 'ev.decision.order_no_change' : 'ev.decision.order_refused', { ...p, reason: this.m(`refused.${code}`) });
    }
    switch (e.type) {
      case 'inject.delivered': {
        const spec = this.injectSpec(id);
        return this.m(this.added.has(id) ? 'ev.inject.delivered_added' : 'ev.inject.delivered', { seq: String(e.seq), to: this.name('role', String(e.to)), method: spec ? this.m(`method.${spec.method}`) : '-', subject: spec ? this.text(spec.subject) : id });
      }
      case 'inject.expired': return this.m('ev.inject.expired', { inject: this.name('inject', id), option: this.optionLabel(id, String(e.option)) });
      case 'inject.answered': return this.m('ev.inject.answered', { inject: this.name('inject', id), option: this.optionLabel(id, String(e.option)) });
      // taken the moment it arrived (doctrine acts at once): "after 0 s" read as a measurement, not as at once
      case 'inject.done': return this.m(this.doneByDefault.has(id) ? 'ev.inject.done_default' : e.latency_s === 0 ? 'ev.inject.done_at_once' : 'ev.inject.done', { inject: this.name('inject', id), by: this.by(e.by), latency: this.injectLatency(id, e.latency_s as number) });
      case 'inject.added': return this.m('ev.inject.added', { inject: this.name('inject', id), to: this.name('role', String(e.to)) });
      case 'inject.skipped': return this.m('ev.inject.skipped', { inject: this.name('inject', id) });
      case 'inject.state': return this.m('ev.inject.state', { inject: this.name('inject', id), state: this.m(`inject_state.${String(e.state)}`) });
      case 'decision': return this.decision(e);
      case 'decision.refused': return this.m('ev.decision.refused', { role: this.name('role', String(e.role)), author: this.m(`author.${String(e.author)}`), cmd: this.command(String(e.do), e), reason: this.m(`refused.${code}`) });
      case 'incident.reported': {
        // an incident named by its kind (the generated ones) is not followed by its kind again
        const incident = this.name('incident', id), kind = this.name('kind', String(e.kind));
        return this.m(incident.startsWith(kind) ? 'ev.incident.reported_named' : 'ev.incident.reported', { incident, kind, area: this.name('area', String(e.area)), severity: String(e.severity), people: e.people as number });
      }
      case 'incident.phase': return this.m(`ev.incident.${String(e.phase)}`, { incident: this.theIncident(id) });
      case 'incident.severity': return this.m('ev.incident.severity', { incident: this.name('incident', id), severity: String(e.severity) });
      case 'incident.people':
        // emitted where the log ends: for a run stopped early that is no "end" of the scenario
        if (e.still_at_risk !== undefined) return this.m(this.stop ? 'ev.incident.people_end_stopped' : 'ev.incident.people_end', { incident: this.name('incident', id), t: { t: e.t }, rescued: this.num(e.rescued as number), lost: this.num(e.lost as number), still: this.num(e.still_at_risk as number) });
        return this.m('ev.incident.people', { incident: this.name('incident', id), rescued: this.num(e.rescued as number), lost: this.num(e.lost as number) });
      case 'unit.state': return this.m('ev.unit.state', { unit: this.name('unit', id), state: this.m(`unit_state.${String(e.state)}`) });
      case 'unit.route': return this.m(crossesUnmeasured(this.unmeasured, e.nodes as string[] | undefined) ? 'ev.unit.route-unmeasured' : 'ev.unit.route', { unit: this.name('unit', id), km: this.num(e.km as number, 1) });
      // a road closed or reopened by someone's order is not a road cut or cleared by the hazard
      case 'road.status': return this.m(typeof e.by === 'string' && !e.by.startsWith('rule:') ? (e.status === 'cut' ? 'ev.road.closed_by' : 'ev.road.reopened_by') : `ev.road.${String(e.status)}`, { road: this.name('road', id), by: this.by(e.by), factor: this.num(Math.round(((e.factor as number) ?? 1) * 100)) });
      case 'area.risk': return e.risk === 0 ? this.m('ev.area.risk_none', { area: this.name('area', id) }) : this.m('ev.area.risk', { area: this.name('area', id), risk: String(e.risk) });
      case 'area.isolated': return this.m(e.isolated ? 'ev.area.isolated' : 'ev.area.reconnected', { area: this.name('area', id) });
      case 'area.stock': return this.m('ev.area.stock', { area: this.name('area', id), days: this.days(e.days as number) });
      case 'area.stock_out': return this.m('ev.area.stock_out', { area: this.name('area', id) });
      case 'area.short': return this.m(e.short ? 'ev.area.short' : 'ev.area.covered', { area: this.name('area', id) });
      case 'level': return this.m('ev.level', { level: String(e.level), area: this.name('area', String(e.area)), by: this.by(e.by) });
      case 'support.requested': return this.m('ev.support.requested', { area: this.name('area', String(e.area)), by: this.by(e.by) });
      case 'zone.state': return this.m(`ev.zone.${String(e.state)}`, { zone: this.name('zone', id), by: this.by(e.by) });
      case 'zone.progress': {
        // the count the hazard's arrival leaves: nobody in the zone because the rest were caught (the 'zone.struck'
        // just before), which '0 still in the zone' right after '560 people still there' reads as a contradiction
        const population = this.scenario.evacuation.zones.find((z) => z.id === id)?.population;
        const sheltered = e.sheltered as number;
        if (e.remaining === 0 && e.moving === 0 && population !== undefined && sheltered < population) {
          return this.m('ev.zone.progress_struck', { zone: this.name('zone', id), sheltered: this.num(sheltered), caught: population - sheltered });
        }
        // stalled with every road to a shelter with room cut (engine 0.7.0): said, since the counts alone do not say why
        const line = this.m(e.cut === true ? 'ev.zone.progress_cut' : 'ev.zone.progress', { zone: this.name('zone', id), sheltered: this.num(sheltered), moving: this.num(e.moving as number), remaining: this.num(e.remaining as number) });
        // those on the way with no open road on (engine 0.8.0)
        return typeof e.stranded === 'number' && e.stranded > 0 ? line + this.m('ev.zone.stranded_note', { stranded: this.num(e.stranded) }) : line;
      }
      // a group on the road re-routed by a road changed on its way, to its shelter or another, or stranded with no open road on (engine 0.8.0)
      case 'zone.trip': {
        const nodes = e.nodes as string[] | undefined;
        // when the group left: two groups of a zone re-routed at once, bound for the same shelter, read as one line
        // twice (Tri Lễ's 34 and 34 at T+04:30) but for when they left, and so when they arrive
        const args = { zone: this.name('zone', id), n: e.n as number, shelter: this.name('shelter', String(e.shelter)), set_off: { t: e.set_off as number } };
        if (e.stranded === true) return this.m('ev.zone.trip_stranded', { ...args, node: this.nodeName(nodes?.[nodes.length - 1] ?? '') });
        // bound for another of the zone's shelters, none of the roads to its own open (engine 0.8.0)
        if (typeof e.from_shelter === 'string') return this.m('ev.zone.trip_elsewhere', { ...args, from: this.name('shelter', e.from_shelter), at: { t: e.t + (e.travel_s as number) } });
        return this.m('ev.zone.trip', { ...args, at: { t: e.t + (e.travel_s as number) } });
      }
      case 'zone.struck': return this.m('ev.zone.struck', { zone: this.name('zone', id), caught: e.caught as number });
      // open again after full, places given up (engine 0.8.0): no opening
      case 'shelter.state': return this.m(e.state === 'open' && e.was === 'full' ? 'ev.shelter.space' : `ev.shelter.${String(e.state)}`, { shelter: this.name('shelter', id) });
      case 'shelter.occupancy': {
        // places held for people on their way (engine 0.6.0; a log of an older engine counted them in the occupancy)
        const incoming = typeof e.incoming === 'number' ? e.incoming : 0;
        const args = { shelter: this.name('shelter', id), occupancy: this.num(e.occupancy as number), capacity: this.num(e.capacity as number) };
        return incoming > 0 ? this.m('ev.shelter.occupancy_incoming', { ...args, incoming: this.num(incoming) }) : this.m('ev.shelter.occupancy', args);
      }
      case 'run.start': return this.m('ev.run.start');
      case 'run.end': return this.m('ev.run.end');
      default: return this.m('ev.other', { type: e.type });
    }
  }

  /**
   * A piece of evidence: the event (with its place in the log) or what was missing. It opens a line of its own (the
   * report's list, the viewer's objectives panel), so with a capital, as the key events write the same event:
   * "People caught in Mường Xén low-lying quarter: 541 rescued", not "people caught ...".
   */
  evidence(ev: Evidence): string {
    if (ev.index !== null) { const line = this.event(ev.event, ev.index); return line.charAt(0).toLocaleUpperCase() + line.slice(1); }
    const of = ev.of ?? '';
    const ofName = (kind: RefKind) => (ev.of === null ? this.m('fmt.any') : this.name(kind, of));
    const kindOf: Record<string, RefKind> = {
      zone_not_ordered: 'zone', no_unit_on_scene: 'incident', not_contained: 'incident', no_incident: 'incident', no_level: 'area', no_support: 'area',
      inject_not_delivered: 'inject', expected_action_not_taken: 'inject', nobody_lost: 'area', nobody_at_risk: 'area', shelter_unused: 'shelter', no_stock_reading: 'area', all_resolved: 'incident',
    };
    // an incident `of` may name a kind or an area as well as an incident
    let kind = kindOf[ev.absent];
    if (kind === 'incident' && this.scenario.incident_kinds.some((k) => k.id === of)) kind = 'kind';
    else if (kind === 'incident' && this.scenario.areas.some((a) => a.id === of)) kind = 'area';
    // not on scene at, or not contained: said of the incident (or of any, or of any of a kind) as an incident
    if ((ev.absent === 'no_unit_on_scene' || ev.absent === 'not_contained') && kind !== 'area') {
      return this.m(ev.absent === 'no_unit_on_scene' ? 'absent.no_unit_on_scene_incident' : 'absent.not_contained', { of: this.theIncident(ev.of, kind === 'kind'), t: this.time(ev.t) });
    }
    return this.m(`absent.${ev.absent}`, { of: ofName(kind), t: this.time(ev.t) });
  }
}

// ------------------------------------------------------------ dates (engine/scenario/calendar.ts: no Date below the CLI)

/** The local date and time (in T0's own offset) `t` seconds after T0: 2022-10-01 21:00. */
export function wallClock(startIso: string, t: number): string {
  const l = localTime(startIso, t);
  if (!l) return formatClock(t);
  return `${l.year}-${pad2(l.month)}-${pad2(l.day)} ${pad2(l.hour)}:${pad2(l.minute)}`;
}
