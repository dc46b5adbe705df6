/**
 * The side panels: the MSEL and messages with the decisions they called for
 * and their latency; the decisions taken up to now; the objectives with their
 * rating and evidence (a click jumps to the time); the metrics; the board
 * (every unit and open incident as the engine holds them now).
 */
import type { DecisionRecord } from '../../engine/replay/history.js';
import { refusalsAt, type RefusalWords } from '../../engine/replay/refusal-words.js';
import { textIn } from '../../engine/scenario/text.js';
import { answerOrders, type AnswerOrder } from '../../engine/review/answer-orders.js';
import { DecisionMetrics } from '../../engine/review/decision-metrics.js';
import { isInjectSpec } from '../../engine/review/inject-spec.js';
import type { Evidence } from '../../engine/review/evidence.js';
import { Metrics, type LogEvent, type ObjectiveResult } from '../../engine/review/metrics.js';
import { stoppedEarly } from '../../engine/review/review.js';
import { unreachedIncidents, type Unreached } from '../../engine/review/unreached.js';
import { metricParam, Words } from '../../engine/review/words.js';
import type { World } from '../../engine/sim/world.js';
import type { Inject } from '../../engine/scenario/schema.js';
import { h } from './dom.js';
import { STRINGS, type Lang } from './i18n.js';
import type { LoadedRun } from './loaded.js';
import { focusedIn, moveStop, rerender } from './roving.js';
import { UNIT_COLOUR, clock, duration, severityColour, severityInk } from './look.js';

export interface PanelHost {
  lang(): Lang;
  seek(t: number): void;
}

/** The review's words for a run in a language (commands in plain words, names for ids), made once each. */
const wordsMade = new WeakMap<LoadedRun, Map<Lang, Words>>();
const cap = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

/**
 * An incident as every part of the viewer names it (timeline lane, board, map tooltip), the way the report does:
 * its name in the scenario, or its kind's with its id (people caught in a zone and follow-ons say so).
 */
export function incidentName(run: LoadedRun, lang: Lang, id: string): string {
  return cap(wordsFor(run, lang).name('incident', id));
}

export function wordsFor(run: LoadedRun, lang: Lang): Words {
  let by = wordsMade.get(run);
  if (!by) wordsMade.set(run, (by = new Map()));
  let w = by.get(lang);
  if (!w) by.set(lang, (w = new Words(lang, run.data.scenario).learnIncidents([...run.history.incidents.values()])));
  // injects added in play are known once their add_inject has been read (a log may still be arriving)
  if (run.history.added.size) w.learnAdded(run.history.added.values());
  return w;
}

/** The decisions an answer's option ordered (answer-orders.ts), found once per run (again if more events arrived). */
const ordersMade = new WeakMap<LoadedRun, { n: number; orders: Map<number, AnswerOrder> }>();
function ordersFor(run: LoadedRun): Map<number, AnswerOrder> {
  const made = ordersMade.get(run);
  if (made && made.n === run.data.events.length) return made.orders;
  const orders = answerOrders(run.data.scenario.injects, run.data.events, isInjectSpec);
  ordersMade.set(run, { n: run.data.events.length, orders });
  return orders;
}

/** The report's rows of decisions and injects (decision-metrics.ts), read once per run (again if more events arrived). */
const rowsMade = new WeakMap<LoadedRun, { n: number; rows: ReturnType<DecisionMetrics['finish']> }>();
function rowsFor(run: LoadedRun): ReturnType<DecisionMetrics['finish']> {
  const made = rowsMade.get(run);
  if (made && made.n === run.data.events.length) return made.rows;
  const dm = new DecisionMetrics(run.data.scenario);
  for (const e of run.data.events) dm.observe(e as LogEvent);
  const rows = dm.finish();
  rowsMade.set(run, { n: run.data.events.length, rows });
  return rows;
}

/** The injects whose expected action a default did: the answer that did it was the default applied at the deadline (as words.ts learns them). */
function doneByDefault(run: LoadedRun): Set<string> {
  const { injects, decisions } = rowsFor(run);
  const byDefault = new Set(decisions.filter((d) => d.author === 'default').map((d) => d.index));
  return new Set(injects.filter((i) => i.decision !== null && byDefault.has(i.decision)).map((i) => i.id));
}

/**
 * The words taught, as the report's are (report-doc.ts), which decisions an answer's option ordered and which
 * injects a default did: for the events read as the report reads them (the evidence, the timeline's markers), which
 * dropped "(the order of the answer "Evacuate now")". A pass over the events: not made before one is read.
 */
export function reportWords(run: LoadedRun, lang: Lang): Words {
  const { injects, decisions } = rowsFor(run);
  return wordsFor(run, lang).learnDefaults(injects, decisions);
}

/**
 * The injects whose expected action was already in effect when they arrived (the engine marks them done at
 * delivery, latency 0), each with the earlier decision that did it when there is one: found by the report's own
 * reducer (decision-metrics.ts), once per run (again if more events arrived), so the panel says what the report says.
 */
const alreadyMade = new WeakMap<LoadedRun, { n: number; already: Map<string, { t: number; role: string } | null> }>();
function alreadyFor(run: LoadedRun): Map<string, { t: number; role: string } | null> {
  const made = alreadyMade.get(run);
  if (made && made.n === run.data.events.length) return made.already;
  const { decisions, injects } = rowsFor(run);
  const already = new Map<string, { t: number; role: string } | null>();
  for (const r of injects) {
    if (!r.already) continue;
    const d = r.already_by === null ? undefined : decisions.find((x) => x.index === r.already_by);
    already.set(r.id, d ? { t: d.t, role: d.role } : null);
  }
  alreadyMade.set(run, { n: run.data.events.length, already });
  return already;
}

/** A command in words, as the report writes it: "evacuate Tà Cạ riverside", not "do evacuate, zone ta-ca-riverside". */
function commandText(run: LoadedRun, lang: Lang, cmd: string, args: Record<string, unknown>): string {
  return wordsFor(run, lang).command(cmd, args);
}

function tag<T extends HTMLElement>(el: T, kind: string): T {
  el.dataset.kind = kind;
  return el;
}

/** A button that jumps to a time; out of the Tab order but for its panel's one stop (see roving.ts). */
function timeButton(host: PanelHost, t: number, label?: string): HTMLButtonElement {
  const b = h('button', { type: 'button', class: 'time', 'data-t': t, tabindex: -1 }, label ?? clock(t));
  b.addEventListener('click', () => host.seek(t));
  return b;
}

// ------------------------------------------------------------ messages (MSEL)

export function renderMessages(el: HTMLElement, run: LoadedRun, host: PanelHost): void {
  const lang = host.lang();
  const S = STRINGS[lang];
  const roleName = (id: string) => textIn(run.data.scenario.roles.find((r) => r.id === id)?.name, lang) || id;
  const from = (inj: Inject) => (typeof inj.from === 'string' && run.data.scenario.roles.some((r) => r.id === inj.from) ? roleName(inj.from) : textIn(inj.from, lang));
  const dur = (s: number) => wordsFor(run, lang).dur(s);
  // the scenario's injects and those exercise control added in play (their specs are in the log's add_inject decisions)
  const added = run.history.added;
  const injects = [...run.data.scenario.injects, ...[...added.values()].map((a) => a.spec)].sort((a, b) => a.seq - b.seq || (a.id < b.id ? -1 : 1));
  const list = h('ol', { class: 'msel' });
  for (const inj of injects) {
    const isAdded = added.has(inj.id);
    const rec = run.history.messages.get(inj.id);
    const outcome: (Node | string)[] = [];
    // each outcome from the time the log settled it on (updateMessages hides it before): a message still to come
    // stays in the list, but how it will be answered is not known yet
    if (rec?.answered) outcome.push(h('p', { class: 'outcome', ...settled(rec.answered.t) }, rec.answered.expired ? `${S.expired}: ` : `${S.answered}: `, h('strong', {}, optionLabel(inj, rec.answered.option, lang)), ` (${clock(rec.answered.t)}${rec.answered.by ? `, ${S.by} ${roleName(rec.answered.by)}${rec.answered.author === 'doctrine' ? ` (${S.authors.doctrine})` : ''}` : ''})`));
    // what it asked was already in effect when it arrived: nothing was owed, and no latency to read (the report's "already done before it arrived")
    const before = rec?.done ? alreadyFor(run) : null;
    if (rec?.done && before?.has(inj.id)) {
      const d = before.get(inj.id);
      outcome.push(h('p', { class: 'outcome done already', ...settled(rec.done.t) }, S.alreadyDone, ...(d ? [` (${S.by} ${roleName(d.role)} `, timeButton(host, d.t), ')'] : [])));
    } else if (rec?.done) {
      // the report's words ("taken by X after 25 min"): "done by X latency 25 min" was no sentence in either language;
      // done by a default applied at a deadline, the role took no action: say so, as the report does
      const byDefault = doneByDefault(run).has(inj.id);
      // taken the moment it arrived (doctrine acts at once): "after 0 s" read as a measurement, not as at once
      if (!byDefault && rec.done.latency_s === 0) {
        outcome.push(h('p', { class: 'outcome done at-once', ...settled(rec.done.t) }, `${S.doneAtOnce.replace('{by}', roleName(rec.done.by))} `, timeButton(host, rec.done.t)));
      } else {
        const [before, after] = (byDefault ? S.doneByDefault : S.doneBy).replace('{by}', roleName(rec.done.by)).split('{latency}');
        // to the second where it would round onto the time allowed, as the report writes it: 'after 30 min' beside
        // 'within 30 min' read as on time for an answer 30 min 6 s after the message
        const latency = Number.isFinite(rec.done.latency_s) ? wordsFor(run, lang).injectLatency(inj.id, rec.done.latency_s) : S.never;
        // after the time allowed: said, as the report's injects table says it (late), not shown in the green of an
        // action on time ('after 1 h 45 min' beside 'within 1 h 30 min' was left to the reader to subtract)
        const row = byDefault ? undefined : rowsFor(run).injects.find((r) => r.id === inj.id);
        const late = row !== undefined && row.on_time === false && row.within_s !== null && !row.expired && row.option === null;
        outcome.push(h('p', { class: `outcome done${late ? ' late' : ''}`, ...settled(rec.done.t) }, before, h('strong', { 'data-latency-s': rec.done.latency_s }, latency), `${after ?? ''} `,
          ...(late ? [h('strong', { class: 'late-mark' }, `(${S.lateBy.replace('{within}', duration(row.within_s!, S.never, dur))})`), ' '] : []), timeButton(host, rec.done.t)));
      }
    }
    // never taken: known only once the run is over (until then it may yet be)
    else if (rec && inj.expected) outcome.push(h('p', { class: 'outcome missing', ...settled(run.data.end) }, S.notDone));
    const e = inj.expected as (Record<string, unknown> & { do: string; within?: number }) | undefined;
    const exp = e ? `${S.expected}: ${commandText(run, lang, e.do, e)}${typeof e.within === 'number' ? `, ${S.within} ${duration(e.within, S.never, dur)}` : ''}` : null;
    list.append(h('li', { class: `msg ${rec ? 'delivered' : 'undelivered'}${isAdded ? ' added' : ''}`, 'data-inject': inj.id, 'data-delivered-t': rec?.delivered_t ?? null },
      h('div', { class: 'msg-head' }, h('span', { class: 'seq' }, `#${inj.seq}`), ' ', rec ? timeButton(host, rec.delivered_t) : notSent(run, inj.id, S), rec ? ' ' : ' · ', h('span', { class: 'method' }, S.methods[inj.method] ?? inj.method), ' · ', h('span', { class: 'type' }, S.injectTypes[inj.type] ?? inj.type),
        ...(isAdded ? [' · ', h('span', { class: 'added-by', 'data-added-t': added.get(inj.id)!.added_t }, `${S.addedByControl} ${clock(added.get(inj.id)!.added_t)}`)] : [])),
      h('h3', { class: 'subject' }, textIn(inj.subject, lang)),
      h('p', { class: 'route' }, `${S.from} ${from(inj)} ${S.to} ${roleName(inj.to)}`),
      h('p', { class: 'message' }, textIn(inj.message, lang)),
      exp ? h('p', { class: 'expected' }, exp) : null,
      ...outcome,
    ));
  }
  // an added inject whose spec the log does not hold (a hand-edited log): known by its id only
  for (const rec of run.history.messages.values()) {
    if (injects.some((i) => i.id === rec.id)) continue;
    list.append(h('li', { class: 'msg delivered', 'data-inject': rec.id, 'data-delivered-t': rec.delivered_t }, h('div', { class: 'msg-head' }, `#${rec.seq} `, timeButton(host, rec.delivered_t)), h('h3', { class: 'subject' }, rec.id)));
  }
  // Tab into the list lands on the message of the moment
  rerender(el, () => el.replaceChildren(list), () => el.querySelector<HTMLElement>('li.msg[aria-current] button.time'));
}

/** Attributes of a part of a message known only from time t on: updateMessages hides it before. */
function settled(t: number): { 'data-from-t': number; hidden: boolean } {
  return { 'data-from-t': t, hidden: true };
}

/**
 * The head of a message the run did not send: 'not yet' until that is settled (a contingency skipped when its
 * expected action was taken first, or any other at the end of the run), 'not delivered' from then on.
 */
function notSent(run: LoadedRun, id: string, S: (typeof STRINGS)[Lang]): HTMLElement {
  const t = run.history.skipped.get(id) ?? run.data.end;
  return h('span', { class: 'time muted', 'data-settled-t': t, 'data-before': S.pending, 'data-after': S.notDelivered }, S.pending);
}

function optionLabel(inj: Inject, option: string, lang: Lang): string {
  const o = inj.decision?.options.find((x) => x.id === option);
  return o ? textIn(o.label, lang) : option;
}

/**
 * Dim messages not yet delivered at t, and show of their outcomes only those
 * settled by t; mark the message of the moment: the one delivered last by t
 * (the list is in the MSEL's order, which is not the order of delivery: #16
 * may arrive before #6), the later in the list of those delivered at the
 * same time. When that changes, the list scrolls to it, so
 * the panel follows the time as it plays or is scrubbed (not while the
 * keyboard is in the list, where the reviewer is reading).
 */
export function updateMessages(el: HTMLElement, t: number): void {
  // called at every seek: change only what differs (each change restyles the list)
  let latest: HTMLElement | null = null;
  let latestT = -Infinity;
  for (const li of el.querySelectorAll<HTMLElement>('li.msg')) {
    const d = li.dataset.deliveredT;
    const future = d === undefined || Number(d) > t;
    if (li.classList.contains('future') !== future) li.classList.toggle('future', future);
    if (!future && Number(d) >= latestT) { latest = li; latestT = Number(d); }
  }
  for (const p of el.querySelectorAll<HTMLElement>('[data-from-t]')) {
    const hide = Number(p.dataset.fromT) > t;
    if (p.hidden !== hide) p.hidden = hide;
  }
  for (const s of el.querySelectorAll<HTMLElement>('[data-settled-t]')) {
    const text = Number(s.dataset.settledT) > t ? s.dataset.before! : s.dataset.after!;
    if (s.textContent !== text) s.textContent = text;
  }
  for (const li of el.querySelectorAll('li.msg[aria-current]')) if (li !== latest) li.removeAttribute('aria-current');
  const moved = latest !== null && !latest.hasAttribute('aria-current');
  if (latest && moved) latest.setAttribute('aria-current', 'true');
  // the list's tab stop follows the moment while the keyboard is elsewhere
  const b = latest?.querySelector<HTMLElement>('button.time');
  if (b && b.tabIndex !== 0 && !focusedIn(el)) moveStop(el, b);
  if (moved && !focusedIn(el)) revealCurrentMessage(el);
}

/** Scroll the messages panel (only it, not the page) so that the message of the moment is in view; nothing if hidden. */
export function revealCurrentMessage(el: HTMLElement): void {
  const li = el.querySelector<HTMLElement>('li.msg[aria-current]');
  if (!li || el.hidden) return;
  const box = el.getBoundingClientRect(), at = li.getBoundingClientRect();
  if (at.top >= box.top && at.bottom <= box.bottom) return;
  // its top at the top of the panel (a long message shows its head), a little below the edge
  el.scrollTop += at.top - box.top - 8;
}

// ------------------------------------------------------------ decisions

const refusalsMade = new WeakMap<LoadedRun, Map<string, RefusalWords[]>>();

/**
 * A refused decision's reason in `lang` with its particulars, as `drill run --lang` gives it ("zone
 * 'ta-ca-riverside' already has its order: ordered"), put into words by replaying the run to the refusal (once
 * per time and language); undefined when that cannot be done.
 */
function refusalWords(run: LoadedRun, lang: Lang, d: DecisionRecord): string | undefined {
  let made = refusalsMade.get(run);
  if (!made) refusalsMade.set(run, made = new Map());
  const key = `${lang} ${d.t}`;
  let at = made.get(key);
  if (!at) {
    try { at = refusalsAt(run.replay, d.t, lang); } catch { at = []; }
    made.set(key, at);
  }
  // the k-th refusal of this role, order and code at this time is the k-th the replay put into words
  const alike = (x: { role: string; do: string; code?: string }) => x.role === d.role && x.do === d.do && x.code === d.code;
  const k = run.history.decisions.filter((x) => x.t === d.t && x.refused && alike(x)).indexOf(d);
  return at.filter(alike)[k]?.why || undefined;
}

/**
 * Why a decision was refused, in the interface's language and in drill run's
 * words, read from the run at the refusal: they name the role and the area
 * ("Mường Xén commune chair may not ..."). The log keeps the engine's own
 * short English sentence, by ids ("role 'mx-chair' may not ..."): kept as the
 * tooltip, and said when the replay cannot put the refusal into words.
 */
function refusedReason(run: LoadedRun, w: Words, lang: Lang, d: DecisionRecord, label: string): HTMLElement {
  const { code, reason } = d;
  if (code === undefined) return h('span', { class: 'refused-reason' }, ` (${label}: ${reason ?? ''})`);
  // a refusal the replay cannot put into words keeps the code's general words, or (a newer engine's code) the sentence
  const said = refusalWords(run, lang, d) ?? (lang !== 'en' && w.has(`refused.${code}`) ? w.m(`refused.${code}`) : reason ?? '');
  return h('span', { class: 'refused-reason', title: reason ?? '' }, ` (${label}: ${said})`);
}

export function renderDecisions(el: HTMLElement, run: LoadedRun, host: PanelHost, t: number): void {
  const S = STRINGS[host.lang()];
  const all = run.history.decisions;
  let n = 0;
  { let lo = 0, hi = all.length; while (lo < hi) { const m = (lo + hi) >> 1; if (all[m].t <= t) lo = m + 1; else hi = m; } n = lo; }
  if (el.dataset.count === String(n) && el.dataset.lang === host.lang() && el.dataset.run === run.key) return;
  el.dataset.count = String(n); el.dataset.lang = host.lang(); el.dataset.run = run.key;
  const shown = all.slice(Math.max(0, n - 100), n).reverse();
  const list = h('ol', { class: 'decisions' });
  const w = wordsFor(run, host.lang());
  const orders = ordersFor(run);
  for (const d of shown) {
    // an order an answer's option gave says so; one that found the thing already so changed nothing, and is no refusal of the answer
    const order = orders.get(d.index);
    const noChange = order !== undefined && d.refused && d.code === 'no-change';
    list.append(h('li', { class: `decision ${d.author}${d.refused ? (noChange ? ' no-change' : ' refused') : ''}`, 'data-author': d.author },
      // exercise control's own orders: the tag says who, and "controller exercise control" would say it twice
      timeButton(host, d.t), ' ', h('span', { class: 'author' }, S.authors[d.author] ?? d.author),
      ...(d.role === 'controller' && d.author === 'controller' ? [] : [' ', h('span', { class: 'role', title: d.role }, w.name('role', d.role))]), ': ',
      h('strong', {}, commandText(run, host.lang(), d.do, d.fields)),
      order ? h('span', { class: 'order-of' }, ` (${w.m(order.by_default ? 'order.default' : 'order.answer', { option: w.optionLabel(order.inject, order.option) })})`) : null,
      d.refused ? refusedReason(run, w, host.lang(), d, noChange ? S.noChange : S.refused) : null));
  }
  rerender(el, () => el.replaceChildren(h('p', { class: 'muted' }, S.decisionsNear.replace('{shown}', figure(w, shown.length)).replace('{n}', figure(w, n))), list));
}

// ------------------------------------------------------------ objectives

/**
 * The moment an objective's value points at, where the value itself says it:
 * a time since T0 (level declared, support requested), or a duration from an
 * incident's report or an inject's delivery. Read from the result and the
 * log's history; no metric is computed here.
 */
function momentOf(r: { metric: string; of: string | null; value: number | null }, run: LoadedRun): number | null {
  if (r.value === null || !Number.isFinite(r.value)) return null;
  switch (r.metric) {
    case 'level_declared_s':
    case 'support_requested_s':
      return r.value;
    case 'first_on_scene_s':
    case 'contained_s': {
      const inc = r.of ? run.history.incidents.get(r.of) : undefined;
      return inc ? inc.reported_t + r.value : null;
    }
    case 'decision_latency_s': {
      const m = r.of ? run.history.messages.get(r.of) : undefined;
      return m ? m.delivered_t + r.value : null;
    }
  }
  return null;
}

interface EvidenceItem { t: number; text?: string; event?: unknown }

/**
 * The events that decided each objective's value, as the report lists them
 * (engine/review/metrics.ts reads them with the value): found once per run,
 * when the objectives panel is first shown (a pass over every event, which
 * opening a run does not wait for). The log's summary holds the values, not
 * these events, so an objective whose value read again differs from the
 * stored one (an edited log, which the page warns of) gets none.
 */
const evidenceMade = new WeakMap<LoadedRun, { n: number; results: Map<string, ObjectiveResult>; evidence: Map<string, Evidence[]> }>();
function evidenceOf(run: LoadedRun, stored: ObjectiveResult): Evidence[] | null {
  let made = evidenceMade.get(run);
  if (!made || made.n !== run.data.events.length) {
    const m = new Metrics(run.data.scenario, true, isInjectSpec);
    for (const e of run.data.events) m.observe(e as LogEvent);
    const summary = m.finish(run.data.end);
    made = { n: run.data.events.length, results: new Map(summary.objectives.map((o) => [o.id, o])), evidence: m.evidence };
    evidenceMade.set(run, made);
  }
  const again = made.results.get(stored.id);
  if (!again || again.value !== stored.value || again.rating !== stored.rating || again.at !== stored.at) return null;
  return made.evidence.get(stored.id) ?? [];
}

/**
 * Each objective as the report gives it, in its words (engine/review/messages.ts: obj.*): its rating, the
 * criterion, the result (the value, when it was read: a button that goes there, and the rating), and the
 * evidence. Comparing: B's rating and value beside A's.
 */
export function renderObjectives(el: HTMLElement, run: LoadedRun, host: PanelHost, other: LoadedRun | null): void {
  const lang = host.lang();
  const S = STRINGS[lang];
  const w = wordsFor(run, lang);
  const results = run.data.summary?.objectives ?? [];
  const otherRes = new Map((other?.data.summary?.objectives ?? []).map((o) => [o.id, o]));
  const list = h('ol', { class: 'objectives' });
  const rated = (x: ObjectiveResult | undefined) => (x?.rating ? w.p({ rating: x.rating }) : x?.not_tested ? S.notTested : '');
  for (const o of run.data.scenario.objectives) {
    const r = results.find((x) => x.id === o.id);
    const c = o.criterion;
    const evidence: EvidenceItem[] = Array.isArray((r as any)?.evidence) ? (r as any).evidence.filter((e: any) => e && Number.isFinite(e.t)) : [];
    const b = r ? otherRes.get(o.id) : undefined;
    // the events behind the value only once the panel is shown (see evidenceOf)
    const events = r && !el.hidden ? evidenceOf(run, r) : null;
    const moment = r ? momentOf(r, run) : null;
    const result = w.m('obj.result');
    list.append(h('li', { class: 'objective', 'data-objective': o.id, 'data-rating': r?.rating ?? '' },
      h('div', { class: 'obj-head' },
        h('span', { class: `rating r-${r?.rating ?? 'none'}`, title: rated(r) }, r?.rating ?? '–'),
        // comparing: each run's value beside its own rating, so that B's value is not read as A's
        b && r ? h('span', { class: 'own-value', title: `${S.runA}: ${result}` }, r.not_tested ? S.notTested : w.p(metricParam(r.metric, r.value))) : null,
        b ? h('span', { class: `rating r-${b.rating ?? 'none'} other`, title: `${S.runB}: ${rated(b)}` }, `B ${b.rating ?? '–'}`) : null,
        b ? h('span', { class: 'other-value', title: `${S.runB}: ${result}` }, b.not_tested ? S.notTested : wordsFor(other!, lang).p(metricParam(b.metric, b.value))) : null,
        b ? ' ·' : null,
        ' ', h('span', { class: 'obj-text' }, textIn(o.text, lang))),
      h('p', { class: 'criterion' }, h('span', { class: 'label' }, `${w.m('obj.criterion')}: `), w.criterion(c)),
      h('p', { class: 'result' }, h('span', { class: 'label' }, `${result}: `),
        // not tested: what it measures did not come about in the run; neither met nor missed. Read against the
        // scenario's end, as the report does: a session saved at T+01:01 says "by T+01:01", not "in this run"
        !r ? '?' : r.not_tested ? h('strong', { class: 'not-tested' }, w.m('obj.result_not_tested', { reason: w.notTestedReason(c, r, Math.max(run.data.end, run.data.scenario.horizon)) }))
          : resultNodes(w, r, tag(timeButton(host, r.at, w.time(r.at)), 'read')),
        r && !r.not_tested ? ` (${r.met ? S.met : S.notMet})` : ''),
      // the evidence the log's summary holds (older logs), or the moment the value names, when the events are not listed
      r && (evidence.length || (moment !== null && !events)) ? h('p', { class: 'evidence' }, h('span', { class: 'label' }, `${w.m('obj.evidence')}: `),
        ...evidence.flatMap((e) => [timeButton(host, e.t, `${clock(e.t)}${e.text ? ` ${e.text}` : ''}`), ' ']),
        ...(moment === null || evidence.length || events ? [] : [`${S.happened} `, tag(timeButton(host, moment), 'moment')])) : null,
      r && events?.length && !evidence.length ? h('p', { class: 'evidence' }, h('span', { class: 'label' }, `${w.m('obj.evidence')}:`)) : null,
      r && events?.length ? evidenceList(host, reportWords(run, lang), events, moment) : null,
    ));
  }
  el.dataset.evidence = el.hidden ? 'later' : 'shown';
  rerender(el, () => el.replaceChildren(list));
}

/**
 * The report's result sentence (obj.result_value: "{value}, read at {at}: rated {rating}"), the value in bold
 * and the time it was read a button.
 */
function resultNodes(w: Words, r: ObjectiveResult, at: HTMLElement): Node {
  const value = w.p(metricParam(r.metric, r.value)), rating = r.rating ? w.p({ rating: r.rating }) : '–';
  const out = document.createDocumentFragment();
  const tpl = w.m('obj.result_value', { value: '\u0001', at: '\u0002', rating });
  for (const part of tpl.split(/([\u0001\u0002])/)) out.append(part === '\u0001' ? h('strong', {}, value) : part === '\u0002' ? at : part);
  return out;
}

/**
 * The report's evidence for an objective, each event with its time (a button
 * that goes there), what it was in the report's words, and its place in the
 * log; the one at the moment the value names (the level declared...) is that
 * moment's button.
 */
function evidenceList(host: PanelHost, w: Words, events: Evidence[], moment: number | null): HTMLElement {
  let momentTagged = false;
  return h('ul', { class: 'evidence-events' }, ...events.map((ev) => {
    const b = timeButton(host, ev.t);
    if (moment !== null && ev.t === moment && ev.index !== null && !momentTagged) { tag(b, 'moment'); momentTagged = true; }
    return h('li', { 'data-index': ev.index },
      b, ' ', h('span', { class: 'evidence-text' }, w.evidence(ev)),
      ev.index !== null ? h('span', { class: 'event-ref' }, ` [${w.m('fmt.event_ref', { index: String(ev.index) })}]`) : null);
  }));
}

// ------------------------------------------------------------ metrics

/** A count as the report writes it, its thousands grouped in the language's way (1,108; vi 1.108); a fraction to two places. */
function figure(w: Words, n: number): string {
  return w.num(n, Number.isInteger(n) ? 0 : 2);
}

/** Incidents no unit reached in a run, counted once per run (the metrics panel is drawn again at every seek). */
const unreachedCache = new WeakMap<object, Unreached>();
function unreachedOf(run: LoadedRun): Unreached {
  let u = unreachedCache.get(run.data.events);
  if (!u) unreachedCache.set(run.data.events, (u = unreachedIncidents(run.data.events as Record<string, unknown>[])));
  return u;
}

export function renderMetrics(el: HTMLElement, runs: LoadedRun[], worlds: World[], host: PanelHost, t = 0): void {
  const S = STRINGS[host.lang()];
  const cols = runs.length;
  // durations in the language's units, as the report writes them (the two runs share a language; A's words do)
  const dur = (s: number) => wordsFor(runs[0], host.lang()).dur(s);
  // figures with their thousands grouped as drill run, the report and the play page write them: 1,108 (vi 1.108)
  const num = (n: number) => figure(wordsFor(runs[0], host.lang()), n);
  const head = h('tr', {}, h('th', {}, ''), ...runs.map((_, i) => h('th', {}, cols > 1 ? (i === 0 ? S.runA : S.runB) : '')));
  // a run compared past its end (stopped or saved sooner) is shown as it stood then: its column says when
  const nowHead = h('tr', {}, h('th', {}, ''), ...runs.map((r, i) => h('th', {}, cols > 1 ? `${i === 0 ? S.runA : S.runB}${t > r.data.end ? ` (${clock(r.data.end)})` : ''}` : '')));
  const row = (label: string, vals: (string | number)[]) => h('tr', {}, h('th', { scope: 'row' }, label), ...vals.map((v) => h('td', {}, typeof v === 'number' ? num(v) : v)));
  const now: HTMLElement[] = [];
  const phases = (w: World) => { const c: Record<string, number> = {}; for (const inc of Object.values(w.incidents)) { const p = (inc.m.value as Record<string, string>).lifecycle; c[p] = (c[p] ?? 0) + 1; } return c; };
  const states = (w: World) => { const c: Record<string, number> = {}; for (const u of Object.values(w.units)) { const s = String(u.m.value); c[s] = (c[s] ?? 0) + 1; } return c; };
  now.push(row(`${S.incidents}: ${S.reported}`, worlds.map((w) => w.counts.reported)));
  now.push(row(`${S.incidents}: ${S.open}`, worlds.map((w) => Object.keys(w.incidents).length)));
  now.push(row(`${S.incidents}: ${S.resolved}`, worlds.map((w) => w.counts.resolved)));
  for (const p of ['reported', 'assessed', 'responding', 'contained']) now.push(row(`${S.openByPhase}: ${S.phases[p]}`, worlds.map((w) => phases(w)[p] ?? 0)));
  for (const s of Object.keys(UNIT_COLOUR)) now.push(row(`${S.units}: ${S.unitStates[s]}`, worlds.map((w) => states(w)[s] ?? 0)));
  now.push(row(`${S.decisions}: ${S.taken}`, worlds.map((w) => w.counts.decisions)));
  const fin: HTMLElement[] = [];
  const sum = runs.map((r) => r.data.summary);
  const v = (f: (s: NonNullable<(typeof sum)[number]>) => string | number) => sum.map((s) => (s ? f(s) : '–'));
  fin.push(row(`${S.incidents}: ${S.reported}`, v((s) => s.incidents.reported)));
  fin.push(row(`${S.incidents}: ${S.contained}`, v((s) => s.incidents.contained)));
  fin.push(row(`${S.incidents}: ${S.resolved}`, v((s) => s.incidents.resolved)));
  fin.push(row(`${S.people}: ${S.atRisk}`, v((s) => s.people.at_risk)));
  fin.push(row(`${S.people}: ${S.rescued}`, v((s) => s.people.rescued)));
  fin.push(row(`${S.people}: ${S.lost}`, v((s) => s.people.lost)));
  fin.push(row(`${S.people}: ${S.stillAtRisk}`, v((s) => s.people.still_at_risk)));
  fin.push(row(`${S.people}: ${S.evacuated}`, v((s) => s.people.evacuated)));
  // a run in which no unit reached a scene (no dispatch, or stopped before any arrived) says so, in the report's words;
  // 'never' read as a time that never came, and its 'worst' has no value at all
  const noneReached = wordsFor(runs[0], host.lang()).m('sum.response_none');
  fin.push(row(`${S.response}: ${S.meanFirst}`, v((s) => s.response.mean_first_on_scene_s === null ? noneReached : duration(s.response.mean_first_on_scene_s, S.never, dur))));
  fin.push(row(`${S.response}: ${S.worstFirst}`, v((s) => s.response.max_first_on_scene_s === null ? '–' : duration(s.response.max_first_on_scene_s, S.never, dur))));
  // the mean is over the incidents reached: how many were not, as drill run and the report say
  fin.push(row(`${S.response}: ${S.neverReached}`, runs.map((r) => { const u = unreachedOf(r); return u.n === 0 ? '0' : `${num(u.n)} (${S.ofPeople.replace('{n}', num(u.people))})`; })));
  fin.push(row(`${S.decisions}: ${S.taken}`, v((s) => s.decisions.taken)));
  fin.push(row(`${S.decisions}: ${S.refused}`, v((s) => s.decisions.refused)));
  // answers' orders that found the thing already so (none in a log written before the summary counted them)
  fin.push(row(`${S.decisions}: ${S.noChange}`, v((s) => s.decisions.no_change ?? 0)));
  // in the words of drill run, the hot wash and the report: met out of those tested, then those not tested apart
  // ('2 of the 5 tested met; 1 not tested in this run'); '2 / 6' read as 4 failed. A run stopped early: not tested by then
  fin.push(row(S.objectives, runs.map((r) => {
    const s = r.data.summary;
    if (!s) return '–';
    const met = s.objectives.filter((o) => o.met).length;
    const nt = s.objectives.filter((o) => o.rating === null).length;
    const fill = (text: string, p: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => (typeof p[k] === 'number' ? num(p[k]) : p[k]));
    if (nt === 0) return fill(S.objectivesMet, { met, n: s.objectives.length });
    return fill(stoppedEarly(r.data, r.data.scenario.horizon) ? S.objectivesMetNtBy : S.objectivesMetNt, { met, tested: s.objectives.length - nt, nt, t: clock(r.data.end) });
  })));
  // a row head as the others are ('Incidents: reported'), not a bare lower-case 'events'
  fin.push(row(S.eventsInLog, runs.map((r) => r.data.events.length)));
  el.replaceChildren(
    h('h3', {}, S.atTime), h('table', { class: 'metrics now' }, h('thead', {}, nowHead), h('tbody', {}, ...now)),
    h('h3', {}, finalHead(runs, S)), h('table', { class: 'metrics final' }, h('thead', {}, head), h('tbody', {}, ...fin)),
  );
}

/**
 * 'At the end of the run', and of a run stopped early (--until, a session saved part-way) when it stopped, as drill
 * run says it ('stopped at T+02:00 ... every figure and rating is as it stood then'): 'People lost 0' read as the
 * whole run's.
 */
function finalHead(runs: LoadedRun[], S: (typeof STRINGS)[Lang]): string {
  const ends = runs.flatMap((r, i) => {
    const early = stoppedEarly(r.data, r.data.scenario.horizon);
    if (!early) return [];
    const who = runs.length > 1 ? (i === 0 ? S.runA : S.runB) : '';
    return [`${(early.by === 'session' ? S.savedAt : S.stoppedAt).replace('{run}', who).trim()} ${clock(r.data.end)}`];
  });
  return ends.length ? `${S.final} (${ends.join('; ')})` : S.final;
}

// ------------------------------------------------------------ board

/** A cell opens with a capital, as the report's tables do: 'people caught in X' is a name written mid-sentence. */

export function renderBoard(el: HTMLElement, run: LoadedRun, world: World, host: PanelHost): void {
  const lang = host.lang();
  const S = STRINGS[lang];
  const units = h('tbody', {});
  for (const [id, u] of Object.entries(world.units)) {
    const state = String(u.m.value);
    units.append(h('tr', { 'data-unit': id, 'data-state': state },
      h('th', { scope: 'row' }, textIn(run.replay.model.unit.get(id)?.name, lang) || id),
      h('td', {}, h('span', { class: 'swatch', style: `background:${UNIT_COLOUR[state] ?? '#888'}` }), ' ', S.unitStates[state] ?? state),
      // the incident by name, as the report and the map's lanes name it; its id in the title
      h('td', { class: 'incident', title: u.incident ?? null }, u.incident ? incidentName(run, lang, u.incident) : '')));
  }
  const incs = h('tbody', {});
  for (const inc of Object.values(world.incidents)) {
    const phase = (inc.m.value as Record<string, string>).lifecycle;
    incs.append(h('tr', { 'data-incident': inc.id, 'data-phase': phase, 'data-severity': inc.severity },
      // by name as the units' table and the report give it (its id in the title), not by its id
      h('th', { scope: 'row', title: inc.id }, incidentName(run, lang, inc.id)),
      h('td', {}, textIn(run.replay.model.kind.get(inc.kind)?.name, lang) || inc.kind),
      h('td', {}, h('span', { class: 'sev', style: `background:${severityColour(inc.severity)};color:${severityInk(inc.severity)}` }, String(inc.severity))),
      h('td', {}, S.phases[phase] ?? phase),
      h('td', {}, figure(wordsFor(run, lang), inc.people))));
  }
  el.replaceChildren(
    h('h3', {}, S.units),
    h('table', { class: 'board units' }, h('thead', {}, h('tr', {}, h('th', {}, S.unit), h('th', {}, S.state), h('th', {}, S.incident))), units),
    h('h3', {}, `${S.incidents} (${S.open})`),
    // a column head of its own, with a capital as the others (the metric's words are mid-sentence: "People: at risk")
    h('table', { class: 'board incidents' }, h('thead', {}, h('tr', {}, h('th', {}, S.incident), h('th', {}, S.kind), h('th', {}, S.severity), h('th', {}, S.phase), h('th', {}, cap(S.atRisk)))), incs),
  );
}
