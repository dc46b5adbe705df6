/**
 * The replay viewer: opens run logs (from `drill view`, a file picker, or a
 * drop), replays them with the engine itself, and keeps the map, timeline and
 * panels on one clock. The address holds the runs and the time
 * (#run=0&cmp=1&t=12600), so a reviewer can send a moment.
 */
import { KeyframeRestoreError } from '../../engine/core/errors.js';
import { findDivergence, type Divergence } from '../../engine/replay/divergence.js';
import { nextEventTime, previousEventTime } from '../../engine/replay/history.js';
import { HistoryFolder } from '../../engine/replay/history.js';
import { IntegrityCheck } from '../../engine/replay/integrity.js';
import { KeyframeCheck } from '../../engine/replay/keyframe-check.js';
import { finishRun, openRead, openRunHead, prepareRun } from '../../engine/replay/open.js';
import { stoppedEarly } from '../../engine/review/review.js';
import { textIn } from '../../engine/scenario/text.js';
import type { World } from '../../engine/sim/world.js';
import { ENGINE_VERSION } from '../../engine/version.js';
import { h } from './dom.js';
import { openFailure, say, type Failure } from './failure.js';
import { STRINGS, type Lang, type StringKey } from './i18n.js';
import { parseHash } from './address.js';
import { loadOpened, runLabel, shortName, type LoadedRun } from './loaded.js';
import { clock, wallClock } from './look.js';
import { MapView } from './map.js';
import { renderBoard, renderDecisions, renderMessages, renderMetrics, renderObjectives, revealCurrentMessage, updateMessages, type PanelHost } from './panels.js';
import { rovingTimes } from './roving.js';
import { Arrival, startServed } from './served.js';
import { Timeline } from './timeline.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const SPEEDS = [1, 10, 60, 600, 3600];
const TABS = ['messages', 'decisions', 'objectives', 'metrics', 'board'] as const;
/** what a line in the notices says it is about (its heading, a word of i18n.ts) */
type NoticeKind = 'cannotOpen' | 'cannotReplay' | 'badLink' | 'cannotCompare';
/** How often the Metrics tab's figures at this time are redrawn while the run plays. */
const METRICS_PLAYING_MS = 250;

/**
 * How long opening the first served run took (the bench reads them), in ms. `*_at` are times since
 * the page was requested; the rest count from the log's request: its head and events in (`head_ms`),
 * opened, drawn (`open_ms`), painted (`painted_ms`), and its last byte in and checked (`complete_ms`);
 * `settled_at`: the last run's idle-time work done (see checkLater).
 */
interface Timings {
  fetch_start_at?: number; painted_at?: number; painted_ms?: number; compressed?: boolean; bytes?: number;
  head_ms?: number; fetch_ms?: number; complete_ms?: number; settled_at?: number; parse_ms?: number; model_ms?: number; fold_ms?: number;
  map_ms?: number; timeline_ms?: number; panels_ms?: number; seek_ms?: number; first_render_ms?: number; open_ms?: number;
  /** a file picked or dropped (the last one opened): its events in, shown, painted, and read to its end, from the moment it was given */
  file_head_ms?: number; file_open_ms?: number; file_painted_ms?: number; file_complete_ms?: number;
}

class App implements PanelHost {
  runs: LoadedRun[] = [];
  a: LoadedRun | null = null;
  b: LoadedRun | null = null;
  layout: 'side' | 'overlay' = 'side';
  t = 0;
  playing = false;
  speed = 600;
  language: Lang = 'en';
  tab: (typeof TABS)[number] = 'messages';
  divergence: Divergence | null = null;
  mapA: MapView | null = null;
  mapB: MapView | null = null;
  timeline: Timeline;
  worldA: World | null = null;
  worldB: World | null = null;
  timings: Timings = {};
  private lastFrame = 0;
  private metricsDrawnAt = 0;
  private hashTimer = 0;
  private applyingHash = false;

  constructor() {
    const saved = localStorage.getItem('drillsim.lang');
    this.language = saved === 'vi' || saved === 'en' ? saved : navigator.language.startsWith('vi') ? 'vi' : 'en';
    this.timeline = new Timeline($('timeline-slider'), (t) => this.seek(t), () => this.language);
    this.wire();
    this.relabel();
    this.fillSelects();
  }

  lang(): Lang { return this.language; }
  S() { return STRINGS[this.language]; }

  // ------------------------------------------------------------ opening

  /**
   * The files that could not be opened or replayed: one line each, kept until the reviewer dismisses it (another
   * log loading does not clear them); a second failure of the same kind for the same file replaces its line.
   */
  private notices: { key: string; kind: NoticeKind; name: string; failure: Failure }[] = [];
  /** served runs (by their number on the server) that could not be opened: they keep their number */
  private failedServed = new Map<number, string>();

  showError(name: string, failure: Failure, kind: NoticeKind = 'cannotOpen'): void {
    const key = `${kind}\n${name}`;
    const i = this.notices.findIndex((n) => n.key === key);
    const notice = { key, kind, name, failure };
    if (i >= 0) this.notices[i] = notice; else this.notices.push(notice);
    this.renderNotices();
  }

  dismissError(key: string): void {
    const i = this.notices.findIndex((n) => n.key === key);
    if (i < 0) return;
    this.notices.splice(i, 1);
    this.renderNotices();
    // keep the keyboard where it was: on the next line's button, or back on the page's first control
    const buttons = $('error').querySelectorAll<HTMLButtonElement>('button.dismiss');
    (buttons[Math.min(i, buttons.length - 1)] ?? $('run-select')).focus();
  }

  /** Take away, without moving the keyboard, the notices of this kind (what they said no longer holds). */
  private forgetNotices(kind: NoticeKind): void {
    if (!this.notices.some((n) => n.kind === kind)) return;
    this.notices = this.notices.filter((n) => n.kind !== kind);
    this.renderNotices();
  }

  renderNotices(): void {
    const el = $('error');
    const S = this.S();
    el.replaceChildren(...this.notices.map((n) => {
      const { text, hint } = say(n.failure, this.language);
      const close = h('button', { type: 'button', class: 'dismiss', 'aria-label': `${S.dismiss}: ${n.name}`, title: S.dismiss }, '×');
      close.addEventListener('click', () => this.dismissError(n.key));
      return h('p', { class: 'error-line', 'data-file': n.name, 'data-kind': n.kind }, h('strong', {}, `${S[n.kind]}: `), text, hint ? h('span', { class: 'hint' }, ` (${hint})`) : '', close);
    }));
    el.hidden = this.notices.length === 0;
  }

  /** A run that could not be opened: say why; a served one keeps its number (shown as failed in the run list). */
  private openFailed(arrival: Arrival, failure: Failure): null {
    this.showError(arrival.entry.name, failure);
    if (arrival.index !== null) { this.failedServed.set(arrival.index, arrival.entry.name); this.fillSelects(); }
    return null;
  }

  /** The warnings about the runs shown: a log whose hash chain, stored summary, head or play session's save time does not match its events, or with a keyframe that cannot be read or was edited. */
  renderWarnings(): void {
    const el = $('warning');
    const S = this.S();
    const lines: HTMLElement[] = [];
    for (const run of [this.a, this.b]) {
      const i = run?.integrity;
      if (!run || !i) continue;
      if (!i.hashOk) lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'hash' }, h('strong', {}, `${run.data.name}: `), S.warnHash));
      if (!i.summaryAgrees) lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'summary' }, h('strong', {}, `${run.data.name}: `), S.warnSummary));
      if (run.damagedKeyframe !== undefined) lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'keyframe' }, h('strong', {}, `${run.data.name}: `), S.warnKeyframe(clock(run.damagedKeyframe))));
      if (run.editedKeyframe !== undefined) lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'keyframe-edited' }, h('strong', {}, `${run.data.name}: `), S.warnKeyframeEdited(clock(run.editedKeyframe))));
      if (!i.headAgrees) lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'head' }, h('strong', {}, `${run.data.name}: `), S.warnHead(String(run.data.events[0]?.seed ?? '?'))));
      if (!i.sessionAgrees) {
        const t = (run.data.sessionField as { t?: unknown } | null | undefined)?.t;
        lines.push(h('p', { class: 'warn-line', 'data-file': run.data.name, 'data-warning': 'session' }, h('strong', {}, `${run.data.name}: `), S.warnSession(typeof t === 'number' && Number.isFinite(t) ? clock(t) : String(t))));
      }
    }
    if (lines.length) lines.push(h('p', { class: 'warn-note' }, S.warnFigures));
    el.replaceChildren(...lines);
    el.hidden = lines.length === 0;
  }

  /**
   * In idle time, once a log is complete: check its hash chain and stored summary against its events (hashing a
   * big log takes a few hundred milliseconds: it must not delay drawing or seeking) and warn when they do not
   * match; then parse its keyframes ahead, so that a seek restores a keyframe parsed already (parsing it was most of
   * a seek's cost the first time the seek landed in its stretch of the run); then run it again from its start,
   * a keyframe at a time, and warn of a keyframe that is not the world the run had then (the hash chain does not
   * cover keyframes: one edited by hand would show a seek what never happened). A log of another engine version is
   * not run again: its replay says so itself.
   */
  private checkLater(run: LoadedRun): void {
    const check = new IntegrityCheck(run.data);
    const keyframes = run.data.keyframes;
    const rerun = run.data.engine === ENGINE_VERSION ? new KeyframeCheck(run.data, run.replay.model) : null;
    let next = 0;
    this.background++;
    const finish = () => {
      if (--this.background > 0) return;
      this.timings.settled_at = performance.now();
      for (const f of this.settledWaiters.splice(0)) f();
    };
    /** one piece of the work; true when all is done */
    const step = (): boolean => {
      if (!run.integrity) {
        if (check.step(500)) {
          run.integrity = check.result!;
          if (run === this.a || run === this.b) this.renderWarnings();
        }
        return false;
      }
      while (next < keyframes.length && keyframes.has(next)) next++;
      if (next < keyframes.length) {
        try { keyframes.get(next++); } catch {
          // a damaged keyframe: warned of now (a seek into its stretch says so too), not only when a seek lands there
          run.damagedKeyframe = keyframes.times[next - 1];
          if (run === this.a || run === this.b) this.renderWarnings();
          return true;
        }
        return false;
      }
      // a head edited by hand (warned of above) gives the replay another seed: its keyframes would all differ
      if (!rerun || !run.integrity.headAgrees) return true;
      if (!rerun.step()) return false;
      if (rerun.edited !== null) {
        run.editedKeyframe = rerun.edited;
        if (run === this.a || run === this.b) this.renderWarnings();
      }
      return true;
    };
    const idle = (f: (d?: IdleDeadline) => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 2000 }) : setTimeout(f, 0));
    const go = (deadline?: IdleDeadline) => {
      if (!this.runs.includes(run)) return finish();
      // while the reviewer scrubs or plays, wait: the work can come a few seconds later, and its steps (and the
      // garbage they leave) would cost the frames of the seeks
      if (this.playing || performance.now() - this.lastSeekAt < 400) { setTimeout(() => idle(go), 400); return; }
      do {
        if (step()) return finish();
      } while (deadline && !deadline.didTimeout && deadline.timeRemaining() > 4);
      idle(go);
    };
    idle(go);
  }

  /** runs whose idle-time work (checkLater) is not done yet, and who waits for none to be left */
  private background = 0;
  private readonly settledWaiters: (() => void)[] = [];

  /** Resolves once no run's idle-time work is left (the bench seeks after it, as a reviewer does a moment after opening). */
  settled(): Promise<void> {
    return this.background === 0 ? Promise.resolve() : new Promise((ok) => this.settledWaiters.push(ok));
  }

  /** performance.now() at the last seek (a background check waits while the reviewer scrubs) */
  private lastSeekAt = -Infinity;

  addLoaded(run: LoadedRun): LoadedRun {
    this.runs.push(run);
    Object.assign(this.timings, run.timings);
    this.fillSelects();
    return run;
  }

  /** A run shown while it arrived turned out damaged at its end: take it away again. */
  dropRun(run: LoadedRun): void {
    this.runs = this.runs.filter((r) => r !== run);
    if (this.a === run || this.b === run) {
      const a = this.a === run ? this.runs[0] ?? null : this.a;
      if (a) this.select(a, this.b === run ? null : this.b);
      else {
        this.mapA?.destroy(); this.mapB?.destroy(); this.mapA = this.mapB = null;
        this.a = this.b = null; this.worldA = this.worldB = null;
        $('empty').hidden = false;
      }
    }
    this.fillSelects();
  }

  /** Open the runs `drill view` serves (boot.ts has started fetching them): each is shown once its head and events are in. */
  async openServed(): Promise<void> {
    const served = startServed();
    // the address as the page was opened: the page rewrites it (time, language) while the runs arrive, and the
    // run to compare with may come after that, so it is read here, not after (the time only while nobody has moved it)
    const want = parseHash();
    if ((await served.list) === null) return this.applyHash(want); // opened from a file, not from `drill view`: use the picker
    for (const arrival of await served.arrivals()) await this.openArrival(arrival, this.a === null ? () => this.shown(arrival, want) : null);
    // none served, or none opened: the address's language still holds (its other parts need a run)
    if (this.a === null) return this.applyHash(want);
    const byServed = (i: number | null) => (i === null ? null : this.runs.find((r) => r.served === i) ?? null);
    if ((byServed(want.run) ?? this.a) !== this.a || byServed(want.cmp) !== this.b) this.applyHash({ ...want, t: null });
    this.scheduleHash(); // an address written while the runs were arriving may lack the one compared with
    this.arrived = (await served.list)?.length ?? 0;
    this.checkLink(want);
  }

  /** how many runs `drill view` serves, once every one has arrived (or failed): links are checked against it then */
  private arrived: number | null = null;

  /**
   * A link naming a run this server does not serve, a time that is no time or one past the run's end was followed
   * in silence (the first run shown, T+00:00 or the end, the address rewritten): say what was asked for and what is
   * shown instead.
   */
  private checkLink(want: ReturnType<typeof parseHash>): void {
    const count = this.arrived;
    if (count === null || !this.a) return;
    for (const i of [want.run, want.cmp]) {
      if (i === null || i < count) continue;
      const last = count - 1;
      this.showError(`#${i}`, { message: `the link names run #${i}, but drill view serves ${count === 1 ? 'only run #0' : `runs #0 to #${last}`}: showing ${this.a.data.name}`, code: 'linkRun', args: { n: i, last, name: this.a.data.name } }, 'badLink');
    }
    // a time past the run's end (a session saved part-way, a run stopped early, a link to a longer run): shown at the end
    const a = (want.run === null ? null : this.runs.find((r) => r.served === want.run)) ?? this.a;
    if (want.t !== null && want.t > a.data.end) {
      const early = stoppedEarly(a.data, a.data.scenario.horizon);
      const how = !early ? 'ends' : early.by === 'session' ? 'saved' : 'stopped';
      const words = { ends: 'which ends at', saved: 'a session saved at', stopped: 'which stopped at' }[how];
      this.showError(`t=${clock(want.t)}`, { message: `the link's time ${clock(want.t)} is past the end of ${a.data.name}, ${words} ${clock(a.data.end)}: showing ${clock(a.data.end)}`, code: 'linkPast', args: { t: clock(want.t), name: a.data.name, how, end: clock(a.data.end) } }, 'badLink');
    }
    if (want.badTime !== null) this.showError(`t=${want.badTime}`, { message: `the link's time '${want.badTime}' is no time of the run: showing ${clock(this.t)}`, hint: 'write t=T+03:00, t=3h or t=10800 (seconds)', code: 'linkTime', args: { t: want.badTime, shown: clock(this.t) }, hintCode: 'linkTime' }, 'badLink');
  }

  /**
   * Read a run log as it arrives (served, or a file read from the disk) and add it; `show` is called with the run
   * once its head and events are in (or, for a log in another layout, once it has been read whole).
   */
  private async openArrival(arrival: Arrival, show: ((run: LoadedRun) => void) | null): Promise<LoadedRun | null> {
    const name = arrival.entry.name;
    // while the events arrive: parse the scenario once it is in, and fold the events in so far
    const reader = arrival.reader;
    const folder = new HistoryFolder();
    let prepared = false;
    const early = () => {
      if (!prepared && reader.prelude) { prepared = true; prepareRun(reader, name); }
      if (reader.layout === 'events') folder.add(reader.events);
    };
    early();
    const stopEarly = arrival.watch(early);
    await arrival.head();
    stopEarly();
    let run: LoadedRun | null = null;
    if (!arrival.done || reader.hasHead) {
      const t0 = performance.now();
      const head = openRunHead(reader, name);
      const r = head?.ok ? loadOpened(head.run, arrival.index, t0, folder) : null;
      if (r?.ok) run = this.addLoaded(r.run);
      if (run) show?.(run);
    }
    // a seek to a time whose keyframe is still on its way goes on once it is in
    const stop = arrival.watch(() => this.resumeSeek());
    await arrival.fetch();
    stop();
    if (arrival.error) {
      if (run) this.dropRun(run);
      return this.openFailed(arrival, arrival.error);
    }
    if (run) {
      const fin = finishRun(run.data, arrival.reader, name);
      if (!fin.ok) { this.dropRun(run); return this.openFailed(arrival, openFailure(fin)); }
      if (run === this.a || run === this.b) this.renderPanels(); // the summary (objectives, metrics at the end) came last
      this.resumeSeek();
    } else {
      const t0 = performance.now();
      const opened = openRead(arrival.reader, name);
      const r = opened.ok ? loadOpened(opened.run, arrival.index, t0) : opened;
      if (!r.ok) return this.openFailed(arrival, openFailure(r));
      run = this.addLoaded(r.run);
      show?.(run);
    }
    this.checkLater(run);
    if (show && arrival.index !== null) {
      this.timings.fetch_ms = arrival.ended! - arrival.started;
      this.timings.complete_ms = performance.now() - arrival.started;
      this.timings.bytes = arrival.reader.length;
    }
    return run;
  }

  /** The first served run is in: show it, and note how long that took. */
  private shown(arrival: Arrival, want: ReturnType<typeof parseHash>): void {
    const t0 = arrival.started;
    this.timings.fetch_start_at = t0;
    this.timings.compressed = arrival.compressed;
    this.timings.head_ms = (arrival.headAt ?? arrival.ended ?? t0) - t0;
    this.applyHash(want);
    this.timings.open_ms = performance.now() - t0;
    arrival.holdKeyframes(new Promise((ok) => afterPaint(() => { this.timings.painted_at = performance.now(); this.timings.painted_ms = this.timings.painted_at - t0; ok(); })));
  }

  /**
   * Run logs picked or dropped: read as they come off the disk, like the served ones, and the last shown once
   * its events are in (its keyframes, most of the bytes, are read after that frame is drawn).
   */
  async openFiles(files: FileList | File[]): Promise<void> {
    const list = Array.from(files);
    let last: LoadedRun | null = null;
    for (const [i, f] of list.entries()) {
      const at = performance.now();
      const arrival = new Arrival(null, { url: '', name: f.name, bytes: f.size }, { response: Promise.resolve(new Response(f)), at });
      const show = i === list.length - 1 ? (run: LoadedRun) => {
        this.select(run, this.b);
        this.timings.file_head_ms = (arrival.headAt ?? arrival.ended ?? at) - at;
        this.timings.file_open_ms = performance.now() - at;
        arrival.holdKeyframes(new Promise((ok) => afterPaint(() => { this.timings.file_painted_ms = performance.now() - at; ok(); })));
      } : null;
      const run = await this.openArrival(arrival, show);
      if (show) this.timings.file_complete_ms = performance.now() - at;
      if (run) last = run;
    }
    // the last file could not be opened: the last one that could is shown instead
    if (last && this.a !== last) this.select(last, this.b);
  }

  // ------------------------------------------------------------ choosing runs

  /**
   * The run lists. A closed select shows its chosen option's text in a box too narrow for a scenario's title
   * (Vietnamese ones especially): each option reads as the run's number and file name (shortName), and says all
   * of it (file, scenario, seed) in its tooltip, as the select does for the run chosen. With no run open, the
   * run lists, the layout, Copy link and the timeline's controls have nothing to act on: they are disabled, the
   * run list saying why.
   */
  fillSelects(): void {
    const S = this.S();
    if (this.runs.length > 1) this.forgetNotices('cannotCompare');
    const sa = $<HTMLSelectElement>('run-select'), sb = $<HTMLSelectElement>('compare-select');
    // served runs by their number on the server (those that failed keep theirs, listed as failed), then files opened in the page
    type Item = { n: number; option: () => HTMLOptionElement };
    const items: Item[] = this.runs.map((r, i) => {
      const number = r.served !== null ? `#${r.served} ` : '';
      return { n: r.served ?? Infinity, option: () => h('option', { value: i, title: `${number}${runLabel(r, this.language)}` }, `${number}${shortName(r.data.name)}`) };
    });
    for (const [n, name] of this.failedServed) items.push({ n, option: () => h('option', { value: `failed-${n}`, disabled: true, 'data-failed': n, title: `#${n} ${name}: ${S.failedRun}` }, `#${n} ${name}: ${S.failedRun}`) });
    const sorted = items.map((it, k) => ({ it, k })).sort((x, y) => x.it.n - y.it.n || x.k - y.k).map((x) => x.it);
    const open = this.a !== null;
    sa.replaceChildren(...(open ? [] : [h('option', { value: '' }, S.noRun)]), ...sorted.map((it) => it.option()));
    sb.replaceChildren(h('option', { value: '' }, open ? S.none : S.noRun), ...(open ? sorted.map((it) => it.option()) : []));
    sa.value = open ? String(this.runs.indexOf(this.a!)) : '';
    sb.value = this.b ? String(this.runs.indexOf(this.b)) : '';
    for (const el of [sa, sb, $<HTMLSelectElement>('compare-layout'), $<HTMLButtonElement>('copy-link')]) el.disabled = !open;
    // a run opened in the page has no number in the address: the link copied opened the first served run in its place
    const unlinkable = [this.a, this.b].find((r) => r && r.served === null);
    const copy = $<HTMLButtonElement>('copy-link');
    if (unlinkable) copy.disabled = true;
    copy.title = unlinkable ? S.noLink(unlinkable.data.name) : S.copyLink;
    // the timeline's controls too: with no run there is no time to play or step through
    for (const id of ['play', 'prev-event', 'next-event', 'speed']) $<HTMLButtonElement | HTMLSelectElement>(id).disabled = !open;
    $('timeline-slider').setAttribute('aria-disabled', String(!open));
    sa.title = sa.selectedOptions[0]?.title ?? '';
    sb.title = sb.selectedOptions[0]?.title ?? '';
  }

  select(a: LoadedRun, b: LoadedRun | null): void {
    const changedA = a !== this.a, changedB = b !== this.b;
    this.a = a;
    this.b = b === a ? null : b;
    $('empty').hidden = true;
    document.body.classList.toggle('comparing', this.b !== null);
    document.body.classList.toggle('overlaid', this.b !== null && this.layout === 'overlay');
    // the timeline first: its height sets the maps' (a map laid out before it would be laid out again)
    const t0 = performance.now();
    this.divergence = this.b ? findDivergence(a.data, this.b.data) : null;
    this.timeline.setRun(a, this.divergence?.t ?? null);
    const t1 = performance.now();
    // compared runs share one view: each pane frames both runs' incidents, and side by side a zoom or pan moves both
    const withA = this.b ? [this.b] : [];
    if (changedA || !this.mapA) { this.mapA?.destroy(); this.mapA = new MapView($('map-a'), a, () => this.language, 'a', withA); }
    else this.mapA.setCompanions(withA);
    const side = this.b !== null && this.layout === 'side';
    $('map-b').hidden = !side;
    if (side && (changedB || !this.mapB)) { this.mapB?.destroy(); this.mapB = new MapView($('map-b'), this.b!, () => this.language, 'b', [a]); }
    else if (side) this.mapB!.setCompanions([a]);
    if (!side) { this.mapB?.destroy(); this.mapB = null; }
    this.mapA.link(this.mapB);
    this.mapB?.link(this.mapA);
    this.captions();
    const t2 = performance.now();
    this.fillSelects();
    this.renderPanels();
    this.renderWarnings();
    const t3 = performance.now();
    if (this.timings.map_ms === undefined) Object.assign(this.timings, { timeline_ms: t1 - t0, map_ms: t2 - t1, panels_ms: t3 - t2 });
    this.showTitle();
    const t4 = performance.now();
    this.seek(Math.min(this.t, a.data.end), true);
    this.timings.seek_ms ??= performance.now() - t4;
    this.timings.first_render_ms ??= performance.now() - t0;
    this.updateDivergenceLabel();
  }

  /** Each pane says which run it shows when comparing: its letter and its file (overlaid: both, B as outlines). */
  captions(): void {
    const S = this.S(), a = this.a, b = this.b;
    if (!a) return;
    const overlaid = b !== null && this.layout === 'overlay';
    // past the end of B (stopped or saved sooner), B is shown as it was then: its pane says so, as the controls do
    const ended = b !== null && this.t > b.data.end ? ` · ${this.endWords(b, 'B')}` : '';
    this.mapA?.caption(b === null ? '' : overlaid ? `A: ${a.data.name} · B: ${b.data.name} (${S.outlines})${ended}` : `A: ${a.data.name}`);
    this.mapB?.caption(b === null ? '' : `B: ${b.data.name}${ended}`);
  }

  /** "B stopped at T+03:00": by --until, a session saved part-way, or a shorter scenario played to its end, told apart as drill compare does. */
  endWords(run: LoadedRun, who: 'A' | 'B'): string {
    const S = this.S();
    const early = stoppedEarly(run.data, run.data.scenario.horizon);
    return `${(!early ? S.endsAt : early.by === 'session' ? S.savedAt : S.stoppedAt).replace('{run}', who)} ${clock(run.data.end)}`;
  }

  updateDivergenceLabel(): void {
    const el = $('divergence-label');
    const d = this.divergence;
    if (!this.b || !d) { el.hidden = true; el.removeAttribute('data-t'); return; }
    const S = this.S();
    el.hidden = false;
    el.replaceChildren();
    if (d.t === null) { el.textContent = S.identical; el.removeAttribute('data-t'); return; }
    el.dataset.t = String(d.t);
    el.dataset.index = String(d.index);
    const b = h('button', { type: 'button', class: 'time', 'data-t': d.t }, clock(d.t));
    b.addEventListener('click', () => this.seek(d.t!));
    // runs of two seeds part at their first event whatever was decided: say why, as drill compare does
    // two runs of a sweep replayed alone (drill run --vary): which parameter each was played with
    const va = this.a!.data.varied, vb = this.b.data.varied;
    const vary = (who: string, v: typeof va) => `${who} ${v ? `--vary ${v.key}=${v.value}` : S.noVary}`;
    const varied = (va || vb) && JSON.stringify(va) !== JSON.stringify(vb) ? `: ${vary('A', va)}, ${vary('B', vb)}` : '';
    el.append(`${S.diverges} `, b, d.sameScenario ? '' : ` (${S.differentScenario}${varied})`, ` · ${S.event} #${d.index}`, d.sameSeed ? '' : ` · ${S.differentSeeds}`);
    // a run that ended sooner (drill run --until, a session saved part-way): what follows is not comparable, as drill compare says
    const endA = this.a!.data.end, endB = this.b.data.end;
    if (endA !== endB) {
      const [who, t, run] = endA < endB ? ['A', endA, this.a!] : ['B', endB, this.b];
      const stop = h('button', { type: 'button', class: 'time', 'data-t': t }, clock(t));
      stop.addEventListener('click', () => this.seek(t));
      // stopped by --until, a session saved part-way, or a shorter scenario played to its end: told apart as drill compare does
      const early = stoppedEarly(run.data, run.data.scenario.horizon);
      el.append(` · ${(!early ? S.endsAt : early.by === 'session' ? S.savedAt : S.stoppedAt).replace('{run}', who)} `, stop);
      el.dataset.stopped = `${who} ${t}`;
    } else el.removeAttribute('data-stopped');
  }

  // ------------------------------------------------------------ the clock

  /** a seek waiting for the keyframe it needs, still on its way */
  private pending: number | null = null;

  seek(t: number, force = false): void {
    this.lastSeekAt = performance.now();
    if (!this.a) return;
    // a session saved part-way ends where it was saved: the replay past it would be a future no one played
    const nt = Math.max(0, Math.min(this.a.data.end, t));
    if (nt === this.t && !force && this.worldA) return;
    if (!this.covered(this.a, nt) || (this.b && !this.covered(this.b, Math.min(nt, this.b.data.end)))) {
      this.pending = nt;
      return;
    }
    this.pending = null;
    this.t = nt;
    let failing: LoadedRun = this.a;
    try {
      this.worldA = this.a.replay.stateAt(nt);
      failing = this.b ?? this.a;
      this.worldB = this.b ? this.b.replay.stateAt(Math.min(nt, this.b.data.end)) : null;
    } catch (e) {
      // a keyframe this engine cannot restore: most likely a log from another engine version
      const name = failing.data.name, engine = failing.data.engine || '?';
      // the older-engine case is said in the page's language; any other error in the engine's own words
      const old: Record<string, string> | null = e instanceof KeyframeRestoreError
        ? (e.shelter !== undefined ? { keyframe: clock(e.t), shelter: e.shelter }
          : e.zone !== undefined ? { keyframe: clock(e.t), zone: e.zone, ...(e.ways ? { ways: 'true' } : {}) } : { keyframe: clock(e.t), incident: e.incident ?? '?' })
        : null;
      const detail = (e as Error).message;
      this.showError(name, {
        message: `${name}: the engine cannot replay it at ${clock(nt)} (${detail})`,
        ...(old ? { code: 'shelter' in old ? 'replayOlderShelter' : 'ways' in old ? 'replayOlderZoneWays' : 'zone' in old ? 'replayOlderZone' : 'replayOlder', args: { name, time: clock(nt), ...old } } : { code: 'replay', args: { name, time: clock(nt), detail } }),
        hint: `the log was written by drillsim ${engine} and this viewer runs ${ENGINE_VERSION}: view it with the drillsim that wrote it, or run the scenario again`,
        hintCode: 'replay', hintArgs: { engine, ours: ENGINE_VERSION },
      }, 'cannotReplay');
      return;
    }
    const overlay = this.b && this.layout === 'overlay' && this.worldB ? { run: this.b, world: this.worldB } : null;
    this.mapA!.render(nt, this.worldA, overlay);
    // B's world at its own end, drawn at that time: at A's time its zones were hatched by a flood it never reached
    if (this.mapB && this.worldB) this.mapB.render(Math.min(nt, this.b!.data.end), this.worldB);
    this.captions();
    this.timeline.setTime(nt);
    const c = $('clock');
    // one time in both forms: playing leaves the time between two seconds, and the wall clock cut 179.6 s to 18:02
    const shown = Math.round(nt);
    c.textContent = `${clock(shown)} · ${wallClock(this.a.data.scenario.start, shown)}`;
    c.dataset.t = String(shown);
    updateMessages($('panel-messages'), nt);
    this.updateLivePanels();
    if (!this.applyingHash) this.scheduleHash();
  }

  /** Is the keyframe a seek to t would restore in (the log may still be arriving)? */
  private covered(run: LoadedRun, t: number): boolean {
    return run.data.keyframes.covers(Math.floor(t), run.data.keyframe_every);
  }

  private resumeSeek(): void {
    if (this.pending === null || !this.a) return;
    const t = this.pending;
    if (this.covered(this.a, t) && (!this.b || this.covered(this.b, Math.min(t, this.b.data.end)))) this.seek(t, true);
  }

  updateLivePanels(): void {
    if (!this.a || !this.worldA) return;
    if (this.tab === 'decisions') renderDecisions($('panel-decisions'), this.a, this, this.t);
    // while playing, the figures at this time are redrawn a few times a second, not every frame (two tables rebuilt)
    if (this.tab === 'metrics' && (!this.playing || performance.now() - this.metricsDrawnAt >= METRICS_PLAYING_MS)) this.renderMetricsNow();
    if (this.tab === 'board') renderBoard($('panel-board'), this.a, this.worldA, this);
  }

  renderMetricsNow(): void {
    if (!this.a || !this.worldA) return;
    this.metricsDrawnAt = performance.now();
    const runs = this.b ? [this.a, this.b] : [this.a];
    const worlds = this.b && this.worldB ? [this.worldA, this.worldB] : [this.worldA];
    renderMetrics($('panel-metrics'), runs, worlds, this, this.t);
  }

  renderPanels(): void {
    if (!this.a) return;
    renderMessages($('panel-messages'), this.a, this);
    renderObjectives($('panel-objectives'), this.a, this, this.b);
    delete $('panel-decisions').dataset.count;
    updateMessages($('panel-messages'), this.t);
    this.updateLivePanels();
  }

  play(on: boolean): void {
    if (!this.a) return;
    this.playing = on;
    if (on && this.t >= this.a.data.end) this.seek(0);
    const btn = $('play');
    btn.textContent = on ? '‖' : '▶';
    btn.setAttribute('aria-label', on ? this.S().pause : this.S().play);
    btn.setAttribute('aria-pressed', String(on));
    if (on) { this.lastFrame = performance.now(); requestAnimationFrame((n) => this.frame(n)); }
    else { this.updateLivePanels(); this.scheduleHash(); }
  }

  private frame(now: number): void {
    if (!this.playing || !this.a) return;
    const dt = Math.min(0.25, (now - this.lastFrame) / 1000);
    this.lastFrame = now;
    const next = this.t + dt * this.speed;
    if (next >= this.a.data.end) { this.seek(this.a.data.end); this.play(false); return; }
    this.seek(next);
    requestAnimationFrame((n) => this.frame(n));
  }

  step(dir: 1 | -1): void {
    if (!this.a) return;
    const t = dir > 0 ? nextEventTime(this.a.history.times, this.t) : previousEventTime(this.a.history.times, this.t);
    if (t !== null) this.seek(t);
  }

  setSpeed(s: number): void {
    this.speed = s;
    $<HTMLSelectElement>('speed').value = String(s);
  }

  // ------------------------------------------------------------ the address

  scheduleHash(): void {
    clearTimeout(this.hashTimer);
    this.hashTimer = window.setTimeout(() => this.writeHash(), this.playing ? 1000 : 150);
  }

  writeHash(): void {
    if (!this.a) return;
    const p = new URLSearchParams();
    if (this.a.served !== null) p.set('run', String(this.a.served));
    if (this.b?.served !== null && this.b) p.set('cmp', String(this.b.served));
    if (this.b && this.layout === 'overlay') p.set('layout', 'overlay');
    p.set('t', String(Math.round(this.t)));
    // English too: an address without it opens in the reader's saved or browser language, so a page opened at
    // `drill view --lang en`'s #lang=en in a Vietnamese browser came back in Vietnamese on a reload, and so did the
    // link Copy link gave a colleague (the play page's address says lang=en as well)
    p.set('lang', this.language);
    const hash = '#' + p.toString();
    if (location.hash !== hash) history.replaceState(null, '', hash);
  }

  applyHash(want = parseHash(), fromLink = false): void {
    if (fromLink) this.checkLink(want);
    if (want.lang) this.setLang(want.lang, false);
    if (want.layout) { this.layout = want.layout; $<HTMLSelectElement>('compare-layout').value = want.layout; }
    const byServed = (i: number | null) => (i === null ? null : this.runs.find((r) => r.served === i) ?? null);
    const a = byServed(want.run) ?? this.a ?? this.runs[0] ?? null;
    if (!a) return;
    const b = want.cmp !== null ? byServed(want.cmp) : null;
    this.applyingHash = true;
    if (want.t !== null) this.t = want.t;
    this.select(a, b);
    this.applyingHash = false;
  }

  // ------------------------------------------------------------ language and labels

  setLang(l: Lang, persist = true): void {
    this.language = l;
    if (persist) localStorage.setItem('drillsim.lang', l);
    this.relabel();
    this.renderNotices();
    this.renderWarnings();
    this.fillSelects();
    if (this.a) {
      this.renderPanels();
      this.timeline.relabel();
      this.mapA?.relabel();
      this.mapB?.relabel();
      this.captions();
      this.showTitle();
      this.seek(this.t, true);
      this.updateDivergenceLabel();
    }
    this.scheduleHash();
  }

  /** The scenario's title in the header, cut short there if need be: the whole of it in its tooltip, and as the page's title. */
  showTitle(): void {
    if (!this.a) return;
    const title = textIn(this.a.data.scenario.title, this.language);
    $('title').textContent = title;
    $('title').title = title;
    document.title = `${title} · drillsim`;
  }

  relabel(): void {
    const S = this.S();
    document.documentElement.lang = this.language;
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = S[el.dataset.i18n as StringKey] ?? el.textContent;
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-label]')) el.setAttribute('aria-label', S[el.dataset.i18nLabel as StringKey]);
    for (const el of document.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = S[el.dataset.i18nTitle as StringKey];
    $('lang').textContent = this.language === 'vi' ? 'EN' : 'VI';
    $('play').setAttribute('aria-label', this.playing ? S.pause : S.play);
    const keys: [string, string][] = [['Space', S.keyPlay], ['← →', S.keyStep], ['Shift + ← →', S.keyJump], ['Home End', S.keyHomeEnd], ['[ ]', S.keySpeed], ['1 – 5', S.keyTabs], ['↑ ↓ Home End', S.keyPanelTimes], ['Enter', S.keyPanelGo], ['+ − 0', S.keyZoom], ['L', S.keyLang], ['C', S.keyCompare], ['?', S.keyHelp]];
    $('help-keys').replaceChildren(...keys.flatMap(([k, v]) => [h('dt', {}, h('kbd', {}, k)), h('dd', {}, v)]));
  }

  showTab(tab: (typeof TABS)[number]): void {
    this.tab = tab;
    for (const name of TABS) {
      const btn = $(`tab-${name}`), panel = $(`panel-${name}`);
      btn.setAttribute('aria-selected', String(name === tab));
      btn.tabIndex = name === tab ? 0 : -1;
      panel.hidden = name !== tab;
    }
    if (tab === 'metrics') this.renderMetricsNow();
    // the objectives' evidence events are found when the panel is first shown
    if (tab === 'objectives' && this.a && $('panel-objectives').dataset.evidence === 'later') renderObjectives($('panel-objectives'), this.a, this, this.b);
    // the time may have moved while the list was hidden (a hidden panel does not scroll)
    if (tab === 'messages') revealCurrentMessage($('panel-messages'));
    this.updateLivePanels();
  }

  // ------------------------------------------------------------ wiring

  wire(): void {
    $('play').addEventListener('click', () => this.play(!this.playing));
    $('prev-event').addEventListener('click', () => this.step(-1));
    $('next-event').addEventListener('click', () => this.step(1));
    $<HTMLSelectElement>('speed').addEventListener('change', (e) => this.setSpeed(Number((e.target as HTMLSelectElement).value)));
    $('lang').addEventListener('click', () => this.setLang(this.language === 'vi' ? 'en' : 'vi'));
    $<HTMLSelectElement>('run-select').addEventListener('change', (e) => { const r = this.runs[Number((e.target as HTMLSelectElement).value)]; if (r) this.select(r, this.b); });
    $<HTMLSelectElement>('compare-select').addEventListener('change', (e) => {
      const v = (e.target as HTMLSelectElement).value;
      if (this.a) this.select(this.a, v === '' ? null : this.runs[Number(v)] ?? null);
    });
    $<HTMLSelectElement>('compare-layout').addEventListener('change', (e) => {
      this.layout = (e.target as HTMLSelectElement).value === 'overlay' ? 'overlay' : 'side';
      if (this.a) { this.mapB?.destroy(); this.mapB = null; this.select(this.a, this.b); }
    });
    $<HTMLInputElement>('file-input').addEventListener('change', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.files) void this.openFiles(input.files).then(() => { input.value = ''; });
    });
    $('copy-link').addEventListener('click', async () => {
      this.writeHash();
      try { await navigator.clipboard.writeText(location.href); $('copy-link').textContent = this.S().linkCopied; } catch { prompt('', location.href); }
      setTimeout(() => { $('copy-link').textContent = this.S().copyLinkShort; }, 2000);
    });
    $('help-button').addEventListener('click', () => $<HTMLDialogElement>('help').showModal());
    for (const name of TABS) $(`tab-${name}`).addEventListener('click', () => this.showTab(name));
    // each panel's time buttons are one tab stop, ↑ ↓ Home End within
    for (const name of ['messages', 'decisions', 'objectives']) rovingTimes($(`panel-${name}`));
    $('tabs').addEventListener('keydown', (e) => {
      if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
      e.stopPropagation();
      const i = TABS.indexOf(this.tab);
      const next = TABS[(i + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
      this.showTab(next);
      $(`tab-${next}`).focus();
    });
    // the address typed, not location.hash: a rewrite of the address still pending from before (scheduleHash) may
    // have put the old state back in between; the address the reviewer gave wins, and the next rewrite follows it
    window.addEventListener('hashchange', (e) => { clearTimeout(this.hashTimer); this.applyHash(parseHash(new URL(e.newURL).hash), true); this.scheduleHash(); });
    // drag and drop anywhere
    let depth = 0;
    const drop = $('drop');
    document.addEventListener('dragenter', (e) => { if (e.dataTransfer?.types.includes('Files')) { depth++; drop.hidden = false; } });
    document.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (depth === 0) drop.hidden = true; });
    document.addEventListener('dragover', (e) => { e.preventDefault(); });
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      drop.hidden = true;
      if (e.dataTransfer?.files.length) void this.openFiles(e.dataTransfer.files);
    });
    document.addEventListener('keydown', (e) => this.key(e));
  }

  key(e: KeyboardEvent): void {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea, dialog')) return;
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const onButton = target.tagName === 'BUTTON';
    switch (e.key) {
      case ' ':
        if (onButton) return;
        e.preventDefault(); this.play(!this.playing); break;
      case 'ArrowRight': case 'ArrowLeft': {
        if (target.closest('[role=tablist]')) return;
        e.preventDefault();
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey) this.seek(this.t + dir * 600); else this.step(dir as 1 | -1);
        break;
      }
      case 'Home': e.preventDefault(); this.seek(0); break;
      case 'End': e.preventDefault(); if (this.a) this.seek(this.a.data.end); break;
      case '[': { const i = SPEEDS.indexOf(this.speed); this.setSpeed(SPEEDS[Math.max(0, i - 1)]); break; }
      case ']': { const i = SPEEDS.indexOf(this.speed); this.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, i + 1)]); break; }
      case '+': case '=': this.mapA?.zoomBy(1.5); this.mapB?.zoomBy(1.5); break;
      case '-': this.mapA?.zoomBy(1 / 1.5); this.mapB?.zoomBy(1 / 1.5); break;
      case '0': this.mapA?.zoomReset(); this.mapB?.zoomReset(); break;
      case 'l': case 'L': this.setLang(this.language === 'vi' ? 'en' : 'vi'); break;
      case 'c': case 'C': {
        if (!this.a) break;
        const other = this.runs.find((r) => r !== this.a) ?? null;
        // with one run open the key did nothing, and nothing said why
        if (!this.b && !other) { this.showError(this.a.data.name, { message: `only one run is open (${this.a.data.name}): there is no other run to compare it with`, code: 'compareOne', args: { name: this.a.data.name }, hintCode: 'compareOne' }, 'cannotCompare'); break; }
        this.select(this.a, this.b ? null : other);
        break;
      }
      case '?': $<HTMLDialogElement>('help').showModal(); break;
      case '1': case '2': case '3': case '4': case '5': this.showTab(TABS[Number(e.key) - 1]); break;
      default: return;
    }
  }
}

/** Call back once the next frame has been drawn (style, layout and paint included): a message posted from a frame callback runs after that frame's rendering. */
function afterPaint(done: () => void): void {
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => done();
    ch.port2.postMessage(null);
  });
}

const app = new App();

/**
 * A run log handed over by the play page (its "Open it in the replay viewer" button opened this window): say
 * we are ready to the window that opened us, and open what it sends as a file dropped here. Only from a page
 * of this same server, and only from the window that opened this one.
 */
window.addEventListener('message', (e) => {
  if (!window.opener || e.source !== window.opener || e.origin !== location.origin) return;
  const d = e.data as { drillsim?: unknown; name?: unknown; text?: unknown } | null;
  if (d?.drillsim !== 'run-log' || typeof d.name !== 'string' || typeof d.text !== 'string') return;
  void app.openFiles([new File([d.text], d.name, { type: 'application/json' })]);
});
if (window.opener) {
  try { window.opener.postMessage({ drillsim: 'viewer-ready' }, location.origin); } catch { /* a page without an origin (opened from a file): nothing is handed over */ }
}

(window as any).drillViewer = {
  app,
  get t() { return app.t; },
  get timings() { return app.timings; },
  /** seek and report how long the engine and the drawing took (the bench uses it) */
  timedSeek(t: number) { const t0 = performance.now(); app.seek(t); return performance.now() - t0; },
  /** seek at the start of a frame; resolves with [script ms, ms until that frame is drawn (style, layout, paint)] (the bench uses it) */
  paintedSeek(t: number): Promise<[number, number]> {
    return new Promise((ok) => requestAnimationFrame(() => {
      const t0 = performance.now();
      app.seek(t);
      const t1 = performance.now();
      const ch = new MessageChannel();
      ch.port1.onmessage = () => ok([t1 - t0, performance.now() - t0]);
      ch.port2.postMessage(null);
    }));
  },
  /** what a pane's map draws now on its canvas: incidents and units by id, where (page pixels) and how (see MapView.markers) */
  markers(pane: 'a' | 'b' = 'a') { return (pane === 'b' ? app.mapB : app.mapA)?.markers() ?? null; },
  /** the engine's part of a seek alone */
  timedState(t: number) { const t0 = performance.now(); app.a?.replay.stateAt(t); return performance.now() - t0; },
  ready: app.openServed().then(() => true),
  /** resolves once the runs' idle-time work (integrity check, keyframes read ahead) is done */
  settled: () => app.settled(),
};
