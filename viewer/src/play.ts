/**
 * The play page: `drill play` in the browser. The session is the engine's
 * own PlaySession (engine/play/session.ts), driven here as engine/cli/play.ts
 * drives it from a terminal: each line goes to `handle`, its reply is shown,
 * `save` writes the run log (here: the browser downloads it, the same bytes
 * `drill play --out` writes), `quit` ends. The scenario comes from `drill
 * view --play` (play/index.json names it) or from a file opened in the page.
 * Scenario texts are shown as text only (textContent): never as HTML.
 */
// first: before the engine's modules load zod (see there)
import './zod-jitless.js';
// the transcript's monospace font, served with the page (see play.css): Latin and Vietnamese, regular and bold
import '@fontsource/noto-sans-mono/latin-400.css';
import '@fontsource/noto-sans-mono/latin-700.css';
import '@fontsource/noto-sans-mono/vietnamese-400.css';
import '@fontsource/noto-sans-mono/vietnamese-700.css';
import { SimBoundError } from '../../engine/core/errors.js';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { formatClock } from '../../engine/scenario/duration.js';
import { parseScenario } from '../../engine/scenario/parse.js';
import type { Scenario } from '../../engine/scenario/schema.js';
import { textIn } from '../../engine/scenario/text.js';
import { sayCliProblem } from '../../engine/play/cli-problems.js';
import { m } from '../../engine/play/messages.js';
import { PlaySession, sayLimit } from '../../engine/play/session.js';
import { CONTROLLER } from '../../engine/sim/commands.js';
import { readRunLog, serializeRunLog } from '../../engine/sim/run.js';
import { shellArg } from '../../engine/cli/shell.js';
import { h } from './dom.js';
import type { Lang } from './i18n.js';
import { PLAY_LINES, PLAY_STRINGS } from './play-i18n.js';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => document.getElementById(id) as T;

/** The page's language before a session starts: the address (#lang=), then the viewer's saved choice, then the browser's. */
function startLang(): Lang {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('lang');
  if (fromHash === 'vi' || fromHash === 'en') return fromHash;
  let saved: string | null = null;
  try { saved = localStorage.getItem('drillsim.lang'); } catch { /* storage may be off */ }
  if (saved === 'vi' || saved === 'en') return saved;
  return navigator.language.startsWith('vi') ? 'vi' : 'en';
}

/** The last part of a path typed after `save` (the browser chooses the folder): `runs/a.json` downloads as a.json. */
export function downloadName(file: string, fallback: string): string {
  const base = file.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? fallback : base;
}

/** The longest start the words share (Tab fills it in when several fit). */
function commonPrefix(words: string[]): string {
  let p = words[0] ?? '';
  for (const w of words) while (!w.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Let the browser paint (a "working…" mark) before a long synchronous step such as `advance until end`. */
function nextPaint(): Promise<void> {
  return new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
}

class PlayPage {
  lang: Lang = startLang();
  scenario: Scenario | null = null;
  scenarioName = '';
  session: PlaySession | null = null;
  /** the session's revision when its log was last saved or downloaded: anything newer is unsaved */
  savedRevision = 0;
  warnedUnsaved = false;
  closed = false;
  /** `save` was typed at least once: the download stays on offer */
  savedOnce = false;
  /** the file name the run log downloads as (the last `save`'s, else one made from the scenario and roles) */
  fileName = '';
  history: string[] = [];
  historyAt = 0;
  /** the line being typed when ↑ went into the history, given back by ↓ */
  draft = '';
  busy = false;
  /** the replay viewer window opened with "Open it in the replay viewer", waiting to be handed the log */
  private handOver: { win: Window; name: string; text: string } | null = null;
  /** resolves when the first scenario (served, or none) has been dealt with: the tests wait for it */
  ready: Promise<void>;

  constructor() {
    this.applyLang();
    this.wire();
    this.ready = this.loadServed();
  }

  get S() { return PLAY_STRINGS[this.lang]; }

  // ------------------------------------------------------------ language

  applyLang(): void {
    const S = this.S as unknown as Record<string, unknown>;
    document.documentElement.lang = this.lang;
    for (const el of document.querySelectorAll<HTMLElement>('[data-p]')) {
      const v = S[el.dataset.p!];
      if (typeof v === 'string') el.textContent = v;
    }
    for (const el of document.querySelectorAll<HTMLElement>('[data-p-label]')) {
      const v = S[el.dataset.pLabel!];
      if (typeof v === 'string') el.setAttribute('aria-label', v);
    }
    document.title = this.scenario ? `${this.scenarioTitle()} · drillsim` : this.S.title;
    if (this.scenario && !this.session) this.fillSetup();
    this.showDownload();
  }

  scenarioTitle(): string {
    return this.scenario ? textIn(this.scenario.title, this.lang) : '';
  }

  // ------------------------------------------------------------ the scenario

  async loadServed(): Promise<void> {
    let index: { scenario: { url: string; name: string } | null } | null = null;
    try {
      const res = await fetch('play/index.json', { cache: 'no-store' });
      if (res.ok) index = await res.json();
    } catch { /* not served by drill view (a copy of the page): the file button is the way in */ }
    if (!index?.scenario) return;
    this.notice(this.S.reading, false);
    try {
      const res = await fetch(index.scenario.url, { cache: 'no-store' });
      if (!res.ok) return this.notice(this.S.fetchFailed({ detail: `HTTP ${res.status}`, status: res.status }));
      this.open(await res.text(), index.scenario.name);
    } catch (e) {
      this.notice(this.S.fetchFailed({ detail: (e as Error).message }));
    }
  }

  async openFile(file: File): Promise<void> {
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.clearFileMessages();
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return this.notice(this.S.notText({ name: file.name }));
    }
    if (text.includes('\0')) return this.notice(this.S.notText({ name: file.name }));
    if (this.session && !this.closed && this.session.revision !== this.savedRevision && !confirm(this.S.leaveUnsaved)) return;
    this.open(text, file.name);
  }

  /** Parse a scenario's text and offer its roles; a scenario with issues shows them (file:line:col), as `drill validate` says them, in the page's language. */
  open(text: string, name: string): void {
    const r = parseScenario(text.replace(/^\uFEFF/, ''), name);
    if (!r.ok) {
      const errors = r.issues.filter((i) => i.severity === 'error').length || r.issues.length;
      this.notice([this.S.badScenario({ name, count: errors }), ...r.issues.map((i) => formatIssueIn(i, this.lang))].join('\n'));
      return;
    }
    this.notice(null);
    this.take(r.scenario, name);
    this.endSession();
    $('console').hidden = true;
    $('setup').hidden = false;
    $('role-list').querySelector<HTMLInputElement>('input')?.focus();
  }

  /**
   * Make `scenario` the page's: its title, roles and seed in the setup (which the caller shows, or a session in its
   * place). A scenario opened, served, or the one inside a run log resumed on a page that had none.
   */
  private take(scenario: Scenario, name: string): void {
    this.scenario = scenario;
    this.scenarioName = name;
    // the scenario's seed to start with; a language switch (fillSetup again) keeps what was typed
    ($('seed') as HTMLInputElement).value = String(scenario.seed ?? 1);
    this.fillSetup();
    $('empty').hidden = true;
    document.title = `${this.scenarioTitle()} · drillsim`;
  }

  /**
   * A file picked (a scenario to open, a run log to resume) is the one the page speaks of now: what was said of the
   * file before (a log that could not be resumed, under the seed; a scenario's issues, above the page) goes, or
   * a resume error stayed under the seed beside the issues of the scenario picked after it.
   */
  private clearFileMessages(): void {
    this.notice(null);
    this.setupProblem = null;
    const err = $('setup-error');
    err.textContent = '';
    err.hidden = true;
  }

  /** An error (or a passing word) above the page; null clears it. Text only. */
  notice(text: string | null, alert = true): void {
    const el = $('error');
    el.textContent = text ?? '';
    el.hidden = text === null;
    el.classList.toggle('info', !alert);
  }

  // ------------------------------------------------------------ setting up

  fillSetup(): void {
    const s = this.scenario!;
    const checked = new Set([...document.querySelectorAll<HTMLInputElement>('#role-list input:checked')].map((i) => i.value));
    $('setup-title').textContent = this.scenarioTitle();
    $('setup-summary').textContent = textIn(s.hazard_summary, this.lang);
    const list = $('role-list');
    list.replaceChildren(
      ...s.roles.map((r) => h('label', { class: 'role' }, h('input', { type: 'checkbox', name: 'role', value: r.id, checked: checked.has(r.id) }), h('code', {}, r.id), ' ', textIn(r.name, this.lang))),
      h('label', { class: 'role controller' }, h('input', { type: 'checkbox', name: 'role', value: CONTROLLER, checked: checked.has(CONTROLLER) }), h('code', {}, CONTROLLER), ' ', this.S.controller),
    );
    // the ids in a column as wide as the longest (controller included), the names lined up after them
    list.style.setProperty('--id-width', `${Math.max(CONTROLLER.length, ...s.roles.map((r) => r.id.length)) + 1}ch`);
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=lang]')) radio.checked = radio.value === this.lang;
    $('setup-seed').textContent = this.S.seed({ seed: s.seed ?? 1, until: formatClock(s.horizon) });
    if (this.setupProblem) $('setup-error').textContent = this.setupProblem(this.lang);
  }

  /**
   * The setup's problem (no role ticked, a seed that is no number), kept to be said again in the language then
   * chosen: switched after it, the page read English with the problem still in Vietnamese.
   */
  private setupProblem: ((lang: Lang) => string) | null = null;
  private sayProblem(say: (lang: Lang) => string): void {
    this.setupProblem = say;
    const err = $('setup-error');
    err.textContent = say(this.lang);
    err.hidden = false;
  }

  start(): void {
    const s = this.scenario;
    if (!s) return;
    const chosen = [...document.querySelectorAll<HTMLInputElement>('#role-list input:checked')].map((i) => i.value);
    const controller = chosen.includes(CONTROLLER);
    const players = chosen.filter((r) => r !== CONTROLLER);
    const err = $('setup-error');
    if (players.length === 0 && !controller) {
      this.sayProblem((l) => PLAY_STRINGS[l].noRole);
      $('role-list').querySelector<HTMLInputElement>('input')?.focus();
      return;
    }
    // as `drill play --seed N`: a whole number, at most 2^53 - 1 (beyond, the number read is not the one typed)
    const seedInput = $('seed') as HTMLInputElement;
    const typed = seedInput.value.trim();
    const seed = /^\d+$/.test(typed) ? Number(typed) : NaN;
    if (!Number.isSafeInteger(seed)) {
      const value = seedInput.value;
      this.sayProblem((l) => PLAY_STRINGS[l].badSeed({ value }));
      seedInput.focus();
      return;
    }
    err.hidden = true;
    this.setupProblem = null;
    // as `drill play --role A --role B`: the players sorted (the run log's order), the first chosen seated first
    let session: PlaySession;
    try {
      session = new PlaySession(s, { seed, players: players.slice().sort(), controller, lang: this.lang, surface: 'page' });
    } catch (e) {
      // limits so low that the run stops while it is set up, at T0: said as drill play says it
      if (!(e instanceof SimBoundError)) throw e;
      this.sayProblem((l) => sayLimit(e, 0, l).text);
      return;
    }
    if (players.length) session.seat = players[0];
    this.begin(session, `${s.id}-${players.length ? players.join('+') : CONTROLLER}.json`);
    this.print(session.intro(), 'out');
    this.afterBegin();
  }

  /**
   * A run log picked with "Resume a saved session…": as `drill play --resume F`, the session goes on from where the
   * log was saved, with its roles and seed. The log must be of the scenario this page plays (a log of another would
   * carry on a scenario other than the one on the page). A page with no scenario (drill view without --play, or a
   * copy of the page) takes the log's own, as `drill play --resume F` does in a terminal, as if it had been opened.
   * A log that cannot be resumed is said (why, and what to do) in the engine's words, in the page's language: under
   * the setup's buttons, or above the page when there is no setup.
   */
  async resumeFile(file: File): Promise<void> {
    // a scenario still being fetched (drill view --play) is the page's: the log must be of it
    if (!this.scenario) await this.ready;
    const s = this.scenario;
    const bytes = new Uint8Array(await file.arrayBuffer());
    this.clearFileMessages();
    const name = file.name;
    const arg = shellArg(name);
    const cannot = (l: Lang, reason: string, todo: string) => `${m(l, 'cli.resume-failed', { file: name, reason })}\n${todo}`;
    // no scenario, no setup: the problem goes above the page, and what to do names the way to open one
    const sayProblem = s ? (say: (l: Lang) => string) => this.sayProblem(say) : (say: (l: Lang) => string) => this.notice(say(this.lang));
    const other = (l: Lang) => (s ? PLAY_STRINGS[l].resumeOther : PLAY_STRINGS[l].resumeOtherNoScenario);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return sayProblem((l) => cannot(l, sayCliProblem('this file is not UTF-8 text', l), other(l)));
    }
    if (text.includes('\0')) return sayProblem((l) => cannot(l, sayCliProblem('this is a binary file, not a text file', l), other(l)));
    const read = readRunLog(text);
    if (!read.ok) return sayProblem((l) => cannot(l, sayCliProblem(read.message, l), other(l)));
    const log = read.log;
    // the controller's seat is not part of the run (as --controller on resume): ticked here, or taken by the log's controller
    const ticked = [...document.querySelectorAll<HTMLInputElement>('#role-list input:checked')].map((i) => i.value);
    const controller = ticked.includes(CONTROLLER) || log.decisions.some((d) => d.author === 'controller');
    let r: ReturnType<typeof PlaySession.resume>;
    try {
      r = PlaySession.resume(log, { lang: this.lang, controller, ...(s ? { of: s } : {}), surface: 'page' });
    } catch (e) {
      // the re-simulation failed (a log edited so that the run meets a limit before its save): said, not left to the console
      const detail = (e as Error).message;
      return sayProblem((l) => cannot(l, PLAY_LINES[l].fault(detail), other(l)));
    }
    if (!r.ok) {
      const { key, params, paramsIn } = r;
      return sayProblem((l) => {
        const S = PLAY_STRINGS[l];
        const todo = key === 'resume.other-scenario' ? S.resumeOtherScenario({ arg }) : key === 'resume.other-version' ? S.resumeOtherVersion({ arg }) : other(l);
        return cannot(l, m(l, key, paramsIn?.(l) ?? params), todo);
      });
    }
    $('setup-error').hidden = true;
    this.setupProblem = null;
    const session = r.session;
    // the page had no scenario: the log's own is now the page's (New session sets up a session of it)
    if (!s) {
      this.notice(null);
      this.take(session.scenario, name);
    }
    // as --role on resume: a ticked role of the run sits first
    const first = ticked.find((t) => session.opts.players.includes(t));
    if (first) session.seat = first;
    this.begin(session, downloadName(name, `${session.scenario.id}.json`));
    this.print(session.intro(), 'out');
    this.print(PLAY_LINES[session.lang].resumed({ file: this.fileName, t: formatClock(session.t), decisions: session.decisions.length }), 'note');
    this.afterBegin();
  }

  /** Make `session` the page's: nothing unsaved yet (a resumed one is its log), a fresh transcript and history. */
  private begin(session: PlaySession, fileName: string): void {
    this.session = session;
    this.savedRevision = session.revision;
    this.warnedUnsaved = false;
    this.closed = false;
    this.savedOnce = false;
    this.history = [];
    this.historyAt = 0;
    this.fileName = fileName;
    $('transcript').replaceChildren();
    $('setup').hidden = true;
    $('console').hidden = false;
  }

  /** The session shown: its prompt, and the command line ready. */
  private afterBegin(): void {
    this.setPrompt();
    this.showDownload();
    const line = $<HTMLInputElement>('line');
    line.disabled = false;
    line.value = '';
    line.focus();
  }

  endSession(): void {
    this.session = null;
    this.closed = false;
    this.showDownload();
  }

  // ------------------------------------------------------------ the transcript

  /** Add text to the transcript (as text: nothing in it is markup), and bring the start of it into view. */
  print(text: string, kind: 'out' | 'cmd' | 'refused' | 'note'): HTMLElement {
    const box = $('transcript');
    const el = h('div', { class: kind }, text.replace(/\n$/, ''));
    box.append(el);
    return el;
  }

  /** Show the newest output: its start when it is taller than the transcript (a board), else the bottom. */
  reveal(first: HTMLElement): void {
    const box = $('transcript');
    const top = first.offsetTop - box.offsetTop;
    box.scrollTop = box.scrollHeight - top > box.clientHeight ? top : box.scrollHeight;
  }

  setPrompt(): void {
    $('prompt').textContent = this.session ? this.session.prompt() : '';
  }

  // ------------------------------------------------------------ lines

  async send(line: string): Promise<void> {
    const session = this.session;
    if (!session || this.closed || this.busy) return;
    if (line.trim() !== '' && this.history[this.history.length - 1] !== line) this.history.push(line);
    this.historyAt = this.history.length;
    this.draft = '';
    $('completions').textContent = '';
    // echoed after its prompt, as `drill play` echoes a piped line: the transcript reads the same
    const first = this.print(`${session.prompt()}${line}`, 'cmd');
    const input = $<HTMLInputElement>('line');
    this.busy = true;
    input.readOnly = true;
    $('prompt').textContent = this.S.working;
    await nextPaint();
    try {
      const reply = session.handle(line);
      if (reply.text) this.print(reply.text, reply.refused ? 'refused' : 'out');
      if (reply.limit) this.stoppedAtLimit();
      else {
        if (reply.save !== undefined) this.save(reply.save);
        if (reply.quit) this.quit();
        else this.warnedUnsaved = false;
      }
    } catch (e) {
      // a fault of the program, not of the line: say it in the transcript (the session stays as it was before the line)
      this.print(PLAY_LINES[session.lang].fault((e as Error).message), 'refused');
    } finally {
      this.busy = false;
      input.readOnly = false;
    }
    this.setPrompt();
    this.showDownload();
    this.reveal(first);
    input.value = '';
    if (this.closed) input.disabled = true;
    else input.focus();
  }

  /** `save <file>`: the browser downloads the run log as <file>'s name, and the transcript says so. */
  save(file: string): void {
    const session = this.session!;
    this.fileName = downloadName(file, this.fileName);
    this.savedOnce = true;
    const log = session.log();
    this.download(serializeRunLog(log));
    const L = PLAY_LINES[session.lang];
    this.print(session.finished
      ? L.written({ file: this.fileName, events: log.events.length, hash: log.hash.slice(0, 16) })
      : L.saved({ file: this.fileName, arg: shellArg(this.fileName), t: formatClock(session.t) }), 'note');
  }

  /** `quit`: as at a terminal, a first quit with unsaved decisions only warns; then the session closes, its log still on offer. */
  quit(): void {
    const session = this.session!;
    if (session.revision !== this.savedRevision && !this.warnedUnsaved) {
      this.warnedUnsaved = true;
      this.print(m(session.lang, 'cli.unsaved'), 'note');
      return;
    }
    this.closed = true;
    this.print(`${m(session.lang, 'cli.bye', { t: formatClock(session.t) })}\n${PLAY_LINES[session.lang].closed}`, 'note');
  }

  /**
   * The run reached a limit of the scenario (the reply said which, when, and what to do): as `drill play` ends, the
   * session closes, with no run log on offer (there is none, as `drill run` writes none at a bound) and nothing left
   * to lose by leaving the page or starting anew.
   */
  stoppedAtLimit(): void {
    this.closed = true;
    this.savedRevision = this.session!.revision;
    this.print(PLAY_LINES[this.session!.lang].limit, 'note');
  }

  /** The run log as `drill play --out` writes it, downloaded by the browser. */
  download(chunks = serializeRunLog(this.session!.log())): void {
    const url = URL.createObjectURL(new Blob(chunks, { type: 'application/json' }));
    const a = h('a', { href: url, download: this.fileName, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    this.savedRevision = this.session!.revision;
  }

  /** The log on offer once it was saved, the run is over, or the session closed. */
  showDownload(): void {
    const s = this.session;
    const show = s !== null && (this.closed || s.finished || this.savedOnce);
    $('after').hidden = !show;
    // stopped at a limit: New session only (no log to download, or to open in the viewer)
    const noLog = s?.stoppedAtLimit !== undefined;
    $('download').hidden = noLog;
    $('to-viewer').hidden = noLog;
    if (show && !noLog) $('download').textContent = this.S.download({ file: this.fileName });
  }

  /**
   * Open the replay viewer in a new window and hand it the run log: the viewer says it is ready (a message to
   * the window that opened it) and is sent the log, which it opens as a file dropped on it. Both pages are
   * from the same server; a page opened from a file (no origin) gets the download only.
   */
  openInViewer(): void {
    const s = this.session;
    if (!s) return;
    const win = window.open(`./index.html#lang=${this.lang}`, '_blank');
    if (!win) return;
    this.handOver = { win, name: this.fileName, text: serializeRunLog(s.log()).join('') };
  }

  private onMessage(e: MessageEvent): void {
    const o = this.handOver;
    if (!o || e.source !== o.win || e.origin !== location.origin) return;
    if ((e.data as { drillsim?: string } | null)?.drillsim !== 'viewer-ready') return;
    o.win.postMessage({ drillsim: 'run-log', name: o.name, text: o.text }, location.origin);
    this.handOver = null;
  }

  // ------------------------------------------------------------ keys

  /** Tab: complete the word before the caret with session.complete, as readline does in `drill play`. */
  complete(input: HTMLInputElement): void {
    const session = this.session!;
    const caret = input.selectionStart ?? input.value.length;
    const before = input.value.slice(0, caret), after = input.value.slice(caret);
    const [hits, word] = session.complete(before);
    const out = $('completions');
    if (hits.length === 0) { out.textContent = this.S.noChoices; return; }
    const fill = hits.length === 1 ? hits[0] : commonPrefix(hits);
    if (fill.length > word.length) {
      const head = before.slice(0, before.length - word.length) + fill;
      input.value = head + after;
      input.setSelectionRange(head.length, head.length);
    }
    out.textContent = hits.length > 1 ? `${this.S.choices} ${hits.join('  ')}` : '';
  }

  onKey(e: KeyboardEvent): void {
    const input = e.target as HTMLInputElement;
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey) {
      // an empty line lets Tab move on through the page (no keyboard trap); `help` lists the commands
      if (input.value.trim() === '' || !this.session) return;
      e.preventDefault();
      this.complete(input);
      return;
    }
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      // scroll the transcript without leaving the line, as Shift+PageUp does in a terminal
      e.preventDefault();
      const box = $('transcript');
      box.scrollBy({ top: (e.key === 'PageUp' ? -1 : 1) * Math.max(40, box.clientHeight - 40) });
      return;
    }
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      if (this.history.length === 0) return;
      e.preventDefault();
      if (this.historyAt === this.history.length) this.draft = input.value;
      this.historyAt = Math.max(0, Math.min(this.history.length, this.historyAt + (e.key === 'ArrowUp' ? -1 : 1)));
      input.value = this.historyAt === this.history.length ? this.draft : this.history[this.historyAt];
      input.setSelectionRange(input.value.length, input.value.length);
    }
  }

  // ------------------------------------------------------------ wiring

  wire(): void {
    const picker = $<HTMLInputElement>('scenario-input');
    picker.addEventListener('change', () => {
      const f = picker.files?.[0];
      if (f) void this.openFile(f).finally(() => { picker.value = ''; });
    });
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name=lang]')) {
      radio.addEventListener('change', () => {
        if (!radio.checked || (radio.value !== 'vi' && radio.value !== 'en')) return;
        this.lang = radio.value;
        try { localStorage.setItem('drillsim.lang', this.lang); } catch { /* storage may be off */ }
        // an address that asked for a language (drill view --lang vi prints #lang=vi) now says the one chosen:
        // reloading the page, or sharing its address, keeps the choice
        const p = new URLSearchParams(location.hash.replace(/^#/, ''));
        if (p.has('lang')) { p.set('lang', this.lang); history.replaceState(null, '', '#' + p.toString()); }
        this.applyLang();
        radio.focus();
      });
    }
    // beside Start, and on the page with no scenario yet (the log brings its own)
    for (const resume of [$<HTMLInputElement>('resume-input'), $<HTMLInputElement>('empty-resume-input')]) {
      resume.addEventListener('change', () => {
        const f = resume.files?.[0];
        if (f) void this.resumeFile(f).finally(() => { resume.value = ''; });
      });
    }
    $('setup-form').addEventListener('submit', (e) => { e.preventDefault(); this.start(); });
    $('line-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.send($<HTMLInputElement>('line').value);
    });
    $('line').addEventListener('keydown', (e) => this.onKey(e));
    $('line').addEventListener('input', () => { $('completions').textContent = ''; });
    $('download').addEventListener('click', () => this.download());
    $('to-viewer').addEventListener('click', () => this.openInViewer());
    $('restart').addEventListener('click', () => {
      if (this.session && this.session.revision !== this.savedRevision && !confirm(this.S.leaveUnsaved)) return;
      this.endSession();
      $('console').hidden = true;
      $('setup').hidden = false;
      this.fillSetup();
      $('role-list').querySelector<HTMLInputElement>('input')?.focus();
    });
    window.addEventListener('message', (e) => this.onMessage(e));
    // an hour of decisions must not go with a closed tab unasked
    window.addEventListener('beforeunload', (e) => {
      if (!this.session || this.session.revision === this.savedRevision) return;
      e.preventDefault();
      // the older form of the same request, which some browsers still need
      e.returnValue = '';
    });
  }
}

const page = new PlayPage();
(window as any).drillPlay = { page, get session() { return page.session; }, ready: page.ready.then(() => true) };
