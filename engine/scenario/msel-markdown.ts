/**
 * The MSEL as a Markdown table for reading and printing (`drill msel export
 * --format md`), not for import: every cell in words, in Vietnamese, English
 * or both. Roles, zones, roads and hazards are shown by their names, methods
 * and commands in the language's own words (the after-action report's
 * catalogue, engine/review/messages.ts), and the time column as a sentence
 * ("khi QL7 Tà Cạ - Mường Xén bị chia cắt"), where the CSV keeps the notation
 * that import reads. HTML in texts is escaped. Pure: no I/O.
 */
import { Words } from '../review/words.js';
import { formatDuration } from './duration.js';
import { textCells } from './msel-cells.js';
import type { Inject, Scenario, Text } from './schema.js';
import { textIn, type Lang } from './text.js';
import { withUnit } from './unit-words.js';

/** The table's own phrases; names, methods, commands and times come from the report's catalogue. */
const PHRASES: Record<Lang, Record<string, string>> = {
  en: {
    title: 'MSEL: {title}',
    'col.seq': '#', 'col.time': 'time', 'col.from': 'from', 'col.to': 'to', 'col.method': 'method', 'col.subject': 'subject',
    'col.message': 'message', 'col.expected': 'expected action', 'col.objectives': 'objectives', 'col.decision': 'decision options',
    when: 'when {cond}',
    and: ' and ',
    at: ' at {area}',
    'hazard.above': '{hazard}{at} is above {value}',
    'hazard.alarm': '{hazard}{at} reaches alarm level {n}',
    'hazard.risk': 'the risk from {hazard}{at} reaches level {n}',
    'hazard.any': '{hazard}{at} has a reading',
    'area.risk': 'the risk in {area} reaches level {n}',
    'incident.kind': 'an incident "{kind}" is reported{severity}{at}',
    'incident.any': 'an incident is reported{severity}{at}',
    'incident.severity': ' with severity {n} or more',
    'road.cut': '{road} is cut',
    contingency: 'if {inject} is not acted on within {after}',
    'inject.seq': 'inject #{seq}',
    'inject.id': 'inject {id}',
    within: '{cmd}, within {within}',
    option: '{label} → {commands}',
    deadline: 'deadline {deadline}, default: {option}',
  },
  vi: {
    title: 'MSEL: {title}',
    'col.seq': '#', 'col.time': 'thời điểm', 'col.from': 'người gửi', 'col.to': 'người nhận', 'col.method': 'phương thức', 'col.subject': 'chủ đề',
    'col.message': 'nội dung', 'col.expected': 'hành động mong đợi', 'col.objectives': 'mục tiêu', 'col.decision': 'phương án quyết định',
    when: 'khi {cond}',
    and: ' và ',
    at: ' tại {area}',
    'hazard.above': '{hazard}{at} vượt {value}',
    'hazard.alarm': '{hazard}{at} đạt mức báo động {n}',
    'hazard.risk': 'rủi ro do {hazard}{at} đạt cấp {n}',
    'hazard.any': '{hazard}{at} có số đo',
    'area.risk': 'mức rủi ro tại {area} đạt cấp {n}',
    'incident.kind': 'có sự cố "{kind}"{severity}{at}',
    'incident.any': 'có sự cố{severity}{at}',
    'incident.severity': ' mức độ {n} trở lên',
    'road.cut': '{road} bị chia cắt',
    contingency: 'nếu {inject} chưa được xử lý sau {after}',
    'inject.seq': 'tình huống số {seq}',
    'inject.id': 'tình huống {id}',
    within: '{cmd}, trong vòng {within}',
    option: '{label} → {commands}',
    deadline: 'hạn {deadline}, mặc định: {option}',
  },
};

/** Escape a text for a Markdown table cell: HTML, Markdown signs, the column bar; line breaks as <br>. */
export function mdCell(s: string): string {
  return s
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\').replace(/([|*_`[\]])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

/** One language's words for the table. */
class TableWords {
  readonly w: Words;
  private readonly phrases: Record<string, string>;

  constructor(readonly lang: Lang, readonly scenario: Scenario) {
    this.w = new Words(lang, scenario);
    this.phrases = PHRASES[lang];
  }

  t(key: string, params: Record<string, string> = {}): string {
    return this.phrases[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
  }

  /** A duration in words; one that whole minutes would round keeps its exact notation (2m30s). */
  dur(s: number): string {
    return s < 120 || s % 60 === 0 ? this.w.dur(s) : formatDuration(s);
  }

  /** A number as the language writes it, with as many decimals as it has (up to 3). */
  num(v: number): string {
    const decimals = Math.min(3, (String(v).split('.')[1] ?? '').length);
    return this.w.num(v, decimals);
  }

  text(t: Text | undefined): string {
    return textIn(t, this.lang);
  }

  /** A sender: a role by its name, else the text as written. */
  from(inj: Inject): string {
    if (typeof inj.from === 'string' && this.scenario.roles.some((r) => r.id === inj.from)) return this.w.name('role', inj.from);
    return this.text(inj.from);
  }

  hazard(id: string): string {
    const h = this.scenario.hazards.find((x) => x.id === id);
    return h ? this.text(h.name) : id;
  }

  condition(c: NonNullable<Inject['when']>): string {
    const parts: string[] = [];
    const at = c.area !== undefined ? this.t('at', { area: this.w.name('area', c.area) }) : '';
    let areaUsed = false;
    if (c.hazard !== undefined) {
      const h = this.scenario.hazards.find((x) => x.id === c.hazard);
      const hazard = this.hazard(c.hazard);
      areaUsed = true;
      if (c.above !== undefined) parts.push(this.t('hazard.above', { hazard, at, value: withUnit(this.num(c.above), h?.unit, this.lang) }));
      if (c.alarm !== undefined) parts.push(this.t('hazard.alarm', { hazard, at, n: c.alarm.slice(2) }));
      if (c.risk_at_least !== undefined) parts.push(this.t('hazard.risk', { hazard, at, n: String(c.risk_at_least) }));
      if (parts.length === 0) parts.push(this.t('hazard.any', { hazard, at }));
    } else if (c.risk_at_least !== undefined && c.area !== undefined) {
      areaUsed = true;
      parts.push(this.t('area.risk', { area: this.w.name('area', c.area), n: String(c.risk_at_least) }));
    }
    if (c.incident_kind !== undefined || c.severity_at_least !== undefined) {
      const severity = c.severity_at_least !== undefined ? this.t('incident.severity', { n: String(c.severity_at_least) }) : '';
      const inArea = areaUsed ? '' : at;
      areaUsed = true;
      parts.push(c.incident_kind !== undefined
        ? this.t('incident.kind', { kind: this.w.name('kind', c.incident_kind), severity, at: inArea })
        : this.t('incident.any', { severity, at: inArea }));
    }
    if (c.road_cut !== undefined) parts.push(this.t('road.cut', { road: this.w.name('road', c.road_cut) }));
    return this.t('when', { cond: parts.join(this.t('and')) });
  }

  time(inj: Inject): string {
    if (inj.at !== undefined) return this.w.time(inj.at);
    if (inj.when) return this.condition(inj.when);
    if (inj.contingency) {
      const target = this.scenario.injects.find((i) => i.id === inj.contingency!.for);
      const unique = target && this.scenario.injects.filter((i) => i.seq === target.seq).length === 1;
      const ref = unique ? this.t('inject.seq', { seq: String(target.seq) }) : this.t('inject.id', { id: inj.contingency.for });
      return this.t('contingency', { inject: ref, after: this.dur(inj.contingency.after) });
    }
    return '';
  }

  /** A command in words; an expected action may leave its target out (any unit, any zone, ...). */
  command(c: Record<string, unknown>): string {
    const any = this.w.m('fmt.any');
    const args = { ...c };
    const needs: Record<string, string[]> = {
      recall: ['unit'], evacuate: ['zone'], open_shelter: ['shelter'], declare_level: ['area', 'level'], request_support: ['area'],
      sea_ban: ['area'], public_info: ['area'], close_road: ['edge'], open_road: ['edge'], dispatch: ['incident'],
    };
    for (const k of needs[String(c.do)] ?? []) if (args[k] === undefined) args[k] = any;
    return this.w.command(String(c.do), args);
  }

  expected(e: NonNullable<Inject['expected']>): string {
    const cmd = this.command(e as Record<string, unknown>);
    // a message's closing full stop before ', within': 'do not go home., within 30 min' read as a slip
    return e.within !== undefined ? this.t('within', { cmd: cmd.replace(/(?<!\.)\.$/, ''), within: this.dur(e.within) }) : cmd;
  }

  decision(d: NonNullable<Inject['decision']>): string[] {
    const label = (id: string) => this.text(d.options.find((o) => o.id === id)?.label) || id;
    return [
      ...d.options.map((o) => (o.commands.length ? this.t('option', { label: this.text(o.label), commands: o.commands.map((c) => this.command(c as Record<string, unknown>)).join('; ') }) : this.text(o.label))),
      this.t('deadline', { deadline: this.dur(d.deadline), option: label(d.default) }),
    ];
  }
}

/** A cell in one language, or in both (Vietnamese, then English in italics when it differs). */
function cell(words: TableWords[], f: (w: TableWords) => string | string[]): string {
  const lines = (v: string | string[]) => (Array.isArray(v) ? v : [v]).map(mdCell).join('<br>');
  const [first, second] = words.map(f);
  if (second === undefined) return lines(first);
  const [a, b] = [lines(first), lines(second)];
  if (a === b || b === '') return a;
  if (a === '') return b;
  return `${a}<br>*${b}*`;
}

/** A scenario text in one language or both (a text in one language only is shown once). */
function textCell(t: Text | undefined, lang: Lang | 'both'): string {
  if (t === undefined) return '';
  if (lang !== 'both') return mdCell(textIn(t, lang));
  const [vi, en] = textCells(t);
  if (vi === en || en === '') return mdCell(vi || en);
  if (vi === '') return mdCell(en);
  return `${mdCell(vi)}<br>*${mdCell(en)}*`;
}

/** The MSEL as a Markdown table for reading (not for import), in `lang` or in both languages. */
export function mselToMarkdown(scenario: Scenario, lang: Lang | 'both' = 'both'): string {
  const words = lang === 'both' ? [new TableWords('vi', scenario), new TableWords('en', scenario)] : [new TableWords(lang, scenario)];
  // headings in the one language asked for; English when both (the texts under them are in both)
  const head = lang === 'both' ? words[1] : words[0];
  const cols = ['seq', 'time', 'from', 'to', 'method', 'subject', 'message', 'expected', 'objectives', 'decision'].map((c) => head.t(`col.${c}`));
  const title = lang === 'both' ? textIn(scenario.title, 'vi') : textIn(scenario.title, lang);
  const lines = [`# ${mdCell(head.t('title', { title }))}`, '', `| ${cols.join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`];
  for (const inj of scenario.injects) {
    lines.push(`| ${[
      String(inj.seq),
      cell(words, (w) => w.time(inj)),
      cell(words, (w) => w.from(inj)),
      cell(words, (w) => w.w.name('role', inj.to)),
      cell(words, (w) => w.w.m(`method.${inj.method}`)),
      textCell(inj.subject, lang),
      textCell(inj.message, lang),
      inj.expected ? cell(words, (w) => w.expected(inj.expected!)) : '',
      mdCell(inj.objectives.join(', ')),
      inj.decision ? cell(words, (w) => w.decision(inj.decision!)) : '',
    ].join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
