/**
 * `drill report` in one call: a run log (and its embedded scenario) to an
 * AAR/IP in Markdown or HTML, in Vietnamese or English. Pure: text in, text out.
 */
import { parseScenario } from '../scenario/parse.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import type { Scenario } from '../scenario/schema.js';
import type { Lang } from '../scenario/text.js';
import type { RunLog } from '../sim/run.js';
import { buildAar, type Aar } from './aar.js';
import { damagedEventField, FIELD_KIND_EN, shownValue } from './event-fields.js';
import type { LogEvent } from './metrics.js';
import { buildDoc } from './report-doc.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-md.js';

export type ReportFormat = 'md' | 'html';
export const FORMATS: readonly ReportFormat[] = ['md', 'html'];

/**
 * The first event that is not an event (no integer `t`, no `type`, or out of time order), or one of whose fields is
 * not as drill writes it (`field`: a route's `"km": {}` was drawn as 'NaN km'), or null.
 */
export function badEvent(events: unknown[]): { index: number; message: string; field?: string } | null {
  let last = 0;
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown> | null;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) return { index: i, message: `event #${i} is not an object` };
    if (!('t' in e)) return { index: i, message: `event #${i} has no time 't' (whole seconds since T0)` };
    if (!Number.isInteger(e.t) || (e.t as number) < 0) return { index: i, message: `event #${i} has a time 't' that is not whole seconds since T0 (${JSON.stringify(e.t)})` };
    if (typeof e.type !== 'string') return { index: i, message: `event #${i} has no 'type'` };
    if ((e.t as number) < last) return { index: i, message: `event #${i} is out of time order (t ${String(e.t)} after ${last})` };
    last = e.t as number;
  }
  // the fields after the times: an event out of order is said as such, whatever it holds
  for (let i = 0; i < events.length; i++) {
    const e = events[i] as Record<string, unknown>;
    const bad = damagedEventField(e);
    if (bad) {
      const what = bad.value === undefined ? `'${bad.field}' is missing` : `'${bad.field}' is ${shownValue(bad.value)}`;
      return { index: i, field: bad.field, message: `event #${i} (${String(e.type)}): ${what} where drill writes ${FIELD_KIND_EN[bad.kind]}` };
    }
  }
  return null;
}

/** The scenario a run log carries, or why it cannot be read (`issue`, the first problem, to say it in another language). */
export function embeddedScenario(log: RunLog): { ok: true; scenario: Scenario } | { ok: false; message: string; issue?: ScenarioIssue } {
  const r = parseScenario(log.scenario.text, '<embedded scenario>', { embedded: true });
  if (!r.ok) return { ok: false, message: `the scenario embedded in the run log does not load: ${r.issues[0]?.message ?? 'unknown problem'}`, issue: r.issues[0] };
  return { ok: true, scenario: r.scenario };
}

export function renderReport(aar: Aar, format: ReportFormat, lang: Lang): string {
  const doc = buildDoc(aar, lang);
  return format === 'html' ? renderHtml(doc) : renderMarkdown(doc);
}

export function reportOf(log: RunLog, scenario: Scenario, events: LogEvent[], format: ReportFormat, lang: Lang): { text: string; aar: Aar } {
  const aar = buildAar(log, scenario, events);
  return { text: renderReport(aar, format, lang), aar };
}
