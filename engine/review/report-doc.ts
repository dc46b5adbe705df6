/**
 * The AAR/IP as a document in one language: headings, paragraphs, lists,
 * tables and charts, with every text already in words (words.ts) but not
 * yet escaped. render-md.ts and render-html.ts write it out, each escaping
 * for its own format, so both formats say exactly the same things.
 */
import { formatClock } from '../scenario/duration.js';
import type { Lang } from '../scenario/text.js';
import type { Scenario } from '../scenario/schema.js';
import { BESIDE_FAR_SHARE, BESIDE_FAR_SOONER_BY_S } from '../sim/doctrine.js';
import { objectiveOpenAtEnd, type Aar, type Finding, type ObjectiveRow } from './aar.js';
import type { Evidence } from './evidence.js';
import type { Rating } from './metrics.js';
import { openAtEnd } from './decision-metrics.js';
import { stoppedEarly } from './review.js';
import { durationNear, metricParam, objectiveBounds, Words } from './words.js';

export interface Seg { text: string; b?: boolean; i?: boolean; code?: boolean; rating?: Rating; small?: boolean; br?: boolean }
export type Rich = Seg[];

export type Chart =
  | { kind: 'evacuation' }
  | { kind: 'shelters' }
  | { kind: 'incidents' }
  | { kind: 'units' };

export type Block =
  | { kind: 'h'; level: 1 | 2 | 3 | 4; text: string; id?: string }
  | { kind: 'p'; rich: Rich; cls?: 'note' | 'warn' | 'subtitle' }
  | { kind: 'list'; items: Rich[]; cls?: 'evidence' }
  | { kind: 'table'; head: string[]; rows: Rich[][]; cls?: 'kv' | 'plan' | 'timeline'; align?: ('l' | 'r')[] }
  | { kind: 'chart'; chart: Chart; title: string; desc: string };

export interface ReportDoc { lang: Lang; title: string; blocks: Block[]; aar: Aar; words: Words }

const txt = (text: string, more: Omit<Seg, 'text'> = {}): Rich => [{ text, ...more }];

export function buildDoc(aar: Aar, lang: Lang): ReportDoc {
  const sc = aar.scenario;
  const rv = aar.review;
  const w = new Words(lang, sc).learnIncidents(rv.incidents).learnDefaults(rv.injects, rv.decisions).learnAdded(rv.added);
  const B: Block[] = [];
  const h = (level: 1 | 2 | 3 | 4, text: string, id?: string) => B.push({ kind: 'h', level, text, ...(id ? { id } : {}) });
  const p = (rich: Rich, cls?: 'note' | 'warn' | 'subtitle') => B.push({ kind: 'p', rich, ...(cls ? { cls } : {}) });
  const time = (t: number | null) => (t === null ? w.m('fmt.none') : w.time(t));
  const dur = (s: number | null) => (s === null ? w.m('fmt.none') : w.dur(s));
  const role = (id: string | null) => (id === null ? w.m('fmt.none') : w.name('role', id));
  const title = w.text(sc.title);

  h(1, `${w.m('report.title')}: ${title}`);
  p(txt(w.m('report.subtitle', { id: sc.id, seed: String(aar.run.seed), engine: `drillsim ${aar.run.engine}` })), 'subtitle');
  // a run stopped early (drill run --until) is read at its stop like a session saved part-way: an objective due later
  // rated U at T+00:10 is no finding about the players unless the report says when it was read
  const stop = stoppedEarly({ until: aar.run.until, session: aar.run.session_t === null ? null : { t: aar.run.session_t } }, sc.horizon);
  w.learnStop(stop);
  if (stop) p(txt(w.m(stop.by === 'session' ? 'warn.session' : 'warn.until', { t: { t: stop.t }, end: { t: stop.end } })), 'warn');
  if (!aar.integrity.hash_ok) p(txt(w.m('warn.hash')), 'warn');
  if (!aar.integrity.scenario_ok) p(txt(w.m('warn.scenario')), 'warn');
  if (!aar.integrity.head_ok) p(txt(w.m('warn.head', { seed: String(aar.integrity.recorded_seed ?? '?') })), 'warn');
  if (!aar.integrity.session_ok) {
    const t = aar.run.session_t;
    p(txt(w.m('warn.session_edited', { t: typeof t === 'number' && Number.isFinite(t) ? { t } : String(t) })), 'warn');
  }
  if (!aar.integrity.summary_agrees) p(txt(w.m('warn.summary')), 'warn');

  // ---------------------------------------------------------- 1. overview
  h(2, w.m('h.overview'), 'overview');
  const communes = sc.areas.filter((a) => a.tier !== 'province' && a.tier !== 'national');
  // each area's tier only where the list mixes tiers: 'Hải Châu commune (commune)', 'Phường Cửa Lò (xã)' said it twice or wrong
  const listed = communes.length ? communes : sc.areas, mixed = new Set(listed.map((a) => a.tier)).size > 1;
  const areaList = listed.map((a) => (mixed ? `${w.text(a.name)} (${w.m(`tier_level.${a.tier}`)})` : w.text(a.name))).join(w.m('fmt.list_sep'));
  // a summary written as a sentence ends in its own full stop: not '... stream.. Heavy rain over ...'
  const hazards = [w.text(sc.hazard_summary).replace(/(?<!\.)\.\s*$/, ''), sc.hazards.map((x) => w.m('hz.item', { name: w.text(x.name), kind: w.m(`hz.${x.kind}`) })).join(w.m('fmt.list_sep'))].filter((x) => x !== '').join('. ');
  const roles = (ids: string[]) => (ids.length ? ids.map((id) => w.name('role', id)).join(w.m('fmt.list_sep')) : w.m('ov.none'));
  const kv: [string, Rich][] = [
    [w.m('ov.name'), txt(title, { b: true })],
    [w.m('ov.type'), txt(w.m(`ex.${sc.exercise}`))],
    // a session saved part-way simulated only up to its save
    [w.m('ov.date'), txt(aar.run.session_t !== null && aar.run.session_t < aar.run.until
      ? w.m('ov.date_value_part', { date: w.wall(0), played: w.dur(aar.run.session_t), duration: w.dur(aar.run.until) })
      : w.m('ov.date_value', { date: w.wall(0), duration: w.dur(aar.run.until) }))],
    [w.m('ov.mission'), txt(w.m('ov.mission_value'))],
    [w.m('ov.scope'), txt(w.m('ov.scope_value', { areas: areaList, tiers: w.m(`tiers.${sc.tiers}`) }))],
    [w.m('ov.hazard'), txt(hazards || w.m('fmt.none'))],
    [w.m('ov.summary'), txt(w.text(sc.summary) || w.m('fmt.none'))],
    // a run of a sweep replayed alone: the scenario file says otherwise, and the figures below follow the change
    ...(aar.run.varied ? [[w.m('ov.varied'), txt(w.m('ov.varied_value', { ...aar.run.varied }))] as [string, Rich]] : []),
    [w.m('ov.capabilities'), txt(aar.overview.capabilities.map((c) => w.capability(c)).join(w.m('fmt.list_sep')) || w.m('fmt.none'))],
    [w.m('ov.players'), txt(aar.overview.trainee_roles.length
      ? aar.overview.trainee_roles.map((id) => aar.overview.joined[id] !== undefined ? w.m('ov.joined', { role: w.name('role', id), t: formatClock(aar.overview.joined[id]) }) : w.name('role', id)).join(w.m('fmt.list_sep'))
      : w.m('ov.none'))],
    [w.m('ov.doctrine'), txt(roles(aar.overview.doctrine_roles))],
    // what the auto-player did for those roles follows from these: a reviewer reads its choices against them
    ...(aar.overview.doctrine_roles.length ? [[w.m('ov.plan'), txt(doctrinePlan(sc.doctrine, w))] as [string, Rich]] : []),
    [w.m('ov.run'), txt(w.m('ov.run_value', { seed: String(aar.run.seed), decisions: w.num(aar.run.decisions), nd: aar.run.decisions, events: w.num(aar.run.events), ne: aar.run.events, hash: aar.run.hash.slice(0, 16) }))],
  ];
  B.push({ kind: 'table', head: [w.m('col.label'), w.m('col.value')], rows: kv.map(([k, v]) => [txt(k, { b: true }), v]), cls: 'kv' });
  h(3, w.m('h.glance'));
  const sm = rv.summary;
  // the mean is over the incidents reached: say how many were not, as `drill run` does
  const never = rv.incidents.filter((i) => i.first_on_scene_s === null);
  const neverPeople = never.reduce((n, i) => n + i.people, 0);
  const unreachedText = never.length === 0 || sm.response.mean_first_on_scene_s === null ? '' : w.m(never.length === 1 ? 'sum.unreached_1' : 'sum.unreached', { n: w.num(never.length), people: w.m(neverPeople === 1 ? 'sum.persons_1' : 'sum.persons', { n: w.num(neverPeople) }) });
  const met = sm.objectives.filter((o) => o.met).length;
  const ratings = (['P', 'S', 'M', 'U'] as const).map((r) => `${r} ${sm.objectives.filter((o) => o.rating === r).length}`).join(' · ');
  const untested = sm.objectives.filter((o) => o.not_tested !== undefined).length;
  B.push({
    kind: 'table', cls: 'kv', head: [w.m('col.label'), w.m('col.value')],
    rows: ([
      ['sum.objectives', untested === 0 ? w.m('sum.objectives_value', { met: w.num(met), n: w.num(sm.objectives.length), ratings }) : w.m(stop ? 'sum.objectives_value_nt_by' : 'sum.objectives_value_nt', { met: w.num(met), tested: w.num(sm.objectives.length - untested), ratings, nt: w.num(untested), ...(stop ? { t: { t: stop.t } } : {}) })],
      ['sum.people', w.m(stop ? 'sum.people_value_stopped' : 'sum.people_value', { ...(stop ? { t: { t: stop.t } } : {}), at_risk: w.num(sm.people.at_risk), rescued: w.num(sm.people.rescued), lost: w.num(sm.people.lost), still: w.num(sm.people.still_at_risk) })],
      ['sum.evacuated', w.m('sum.evacuated_value', { n: sm.people.evacuated })],
      ['sum.incidents', w.m('sum.incidents_value', { reported: w.num(sm.incidents.reported), contained: w.num(sm.incidents.contained), resolved: w.num(sm.incidents.resolved) })],
      ['sum.response', (sm.response.mean_first_on_scene_s === null ? w.m('sum.response_none') : w.m('sum.response_value', { mean: w.dur(sm.response.mean_first_on_scene_s), max: w.dur(sm.response.max_first_on_scene_s) })) + unreachedText],
      ['sum.decisions', (sm.decisions.no_change
        ? w.m('sum.decisions_value_nc', { taken: w.num(sm.decisions.taken), refused: w.num(sm.decisions.refused), no_change: sm.decisions.no_change })
        : w.m('sum.decisions_value', { taken: w.num(sm.decisions.taken), refused: w.num(sm.decisions.refused) }))
        + (aar.run.after_stop ? w.m('sum.decisions_after_stop', { n: w.num(aar.run.after_stop.n), nd: aar.run.after_stop.n, first: { t: aar.run.after_stop.first } }) : '')],
    ] as [string, string][]).map(([k, v]) => [txt(w.m(k), { b: true }), txt(v)]),
  });
  if (sc.objectives.length) {
    h(3, w.m('ov.objectives'));
    B.push({ kind: 'list', items: sc.objectives.map((o) => [{ text: w.text(o.text) }, { text: ` (${w.capability(o.capability)})`, small: true }]) });
  }
  h(3, w.m('h.forces'));
  B.push({
    kind: 'table', head: [w.m('col.organisation'), w.m('col.units'), w.m('col.crew')], align: ['l', 'l', 'r'],
    rows: aar.overview.forces.map((f) => [txt(w.m(`owner.${f.owner}`)), txt(f.units.map((u) => w.name('unit', u)).join(w.m('fmt.list_sep'))), txt(w.num(f.crew))]),
  });

  // ---------------------------------------------------------- 2. timeline
  h(2, w.m('h.timeline'), 'timeline');
  p(txt(w.m('timeline.note')), 'note');
  B.push({
    kind: 'table', cls: 'timeline', head: [w.m('col.time'), w.m('col.event'), '#'], align: ['l', 'l', 'r'],
    rows: aar.timeline.map((r) => {
      // a row reads as a sentence: 'people caught in X contained' opened it in lower case
      const rich: Rich = [{ text: sentence(w.event(r.event, r.index)), b: r.event.type === 'decision' && r.event.author === 'trainee' }];
      if (r.event.type === 'inject.delivered') {
        const spec = w.injectSpec(String(r.event.id));
        if (spec) rich.push({ text: w.m('timeline.message', { message: w.text(spec.message) }), i: true, small: true, br: true });
      }
      return [txt(w.time(r.t)), rich, txt(String(r.index), { small: true })];
    }),
  });
  if (aar.timeline_cut > 0) p(txt(w.m('timeline.cut', { n: w.num(aar.timeline_cut) })), 'note');

  // ---------------------------------------------------------- 3. capabilities and objectives
  h(2, w.m('h.analysis'), 'analysis');
  p(txt(w.m('rating.scale')), 'note');
  for (const cap of aar.capabilities) {
    h(3, w.capability(cap.name));
    if (cap.rating === null) p(txt(w.m('obj.capability_not_tested')));
    else p([{ text: w.m('obj.capability_rating', { rating: { rating: cap.rating } }), rating: cap.rating }]);
    for (const id of cap.objectives) {
      const o = aar.objectives.find((x) => x.spec.id === id)!;
      const c = o.spec.criterion;
      h(4, w.text(o.spec.text));
      const criterion = w.criterion(c);
      const th = (v: number) => w.p(metricParam(c.metric, v));
      B.push({
        kind: 'table', cls: 'kv', head: [w.m('col.label'), w.m('col.value')],
        rows: [
          [txt(w.m('obj.criterion'), { b: true }), txt(criterion)],
          [txt(w.m('obj.thresholds'), { b: true }), txt(w.m('obj.thresholds_value', { cmp: w.comparator(c.metric, c.comparator), p: th(o.spec.rating.P), s: th(o.spec.rating.S), m: th(o.spec.rating.M) }))],
          [txt(w.m('obj.result'), { b: true }), o.result.rating === null
            ? txt(w.m('obj.result_not_tested', { reason: notTestedReason(w, aar, o) }), { b: true })
            : [{ text: w.m('obj.result_value', { value: metricParam(c.metric, o.result.value, objectiveBounds(o.spec)), at: { t: o.result.at }, rating: { rating: o.result.rating } }), rating: o.result.rating }, ...openNote(w, aar, o)]],
        ],
      });
      p(txt(w.m('obj.evidence'), { b: true }));
      B.push({ kind: 'list', cls: 'evidence', items: o.evidence.map((ev) => evidenceItem(w, ev)) });
    }
  }

  // ---------------------------------------------------------- 4, 5. strengths and areas for improvement
  h(2, w.m('h.strengths'), 'strengths');
  if (aar.strengths.length) B.push({ kind: 'list', items: aar.strengths.map((f) => findingItem(w, f)) });
  else p(txt(w.m('strengths.none')));
  h(2, w.m('h.improvements'), 'improvements');
  if (aar.improvements.length) B.push({ kind: 'list', items: aar.improvements.map((f) => findingItem(w, f)) });
  else p(txt(w.m('improvements.none')));
  const notTested = aar.objectives.filter((o) => o.result.rating === null);
  if (notTested.length) {
    p(txt(w.m('not_tested.note')), 'note');
    B.push({ kind: 'list', items: notTested.map((o) => txt(w.m('not_tested.item', { objective: { ref: 'objective', id: o.spec.id }, reason: notTestedReason(w, aar, o) }))) });
  }

  // ---------------------------------------------------------- 6. figures
  h(2, w.m('h.figures'), 'figures');
  p(txt(w.m('figures.note')), 'note');

  h(3, w.m('h.zones'));
  B.push({ kind: 'chart', chart: { kind: 'evacuation' }, title: w.m('chart.evacuation'), desc: w.m('chart.evacuation_desc') });
  B.push({
    kind: 'table', head: ['col.zone', 'col.population', 'col.ordered', 'col.by', 'col.moving', 'col.struck', 'col.caught', 'col.sheltered_share'].map((k) => w.m(k)), align: ['l', 'r', 'l', 'l', 'l', 'l', 'r', 'r'],
    rows: rv.zones.map((z) => [txt(w.name('zone', z.id)), txt(w.num(z.population)), txt(time(z.ordered_t)), txt(role(z.ordered_by)), txt(time(z.moving_t)), txt(time(z.struck_t)), txt(z.caught === null ? w.m('fmt.none') : w.num(z.caught)), txt(w.pct(z.share))]),
  });

  h(3, w.m('h.shelters'));
  // own supplies: none listed (supplies_person_days left out, read as 0) is no reading, not "0.0 days" to last
  B.push({ kind: 'chart', chart: { kind: 'shelters' }, title: w.m('chart.shelters'), desc: w.m('chart.shelters_desc') });
  B.push({
    kind: 'table', head: ['col.shelter', 'col.area', 'col.capacity', 'col.peak', 'col.peak_share', 'col.full_at', 'col.supplies_days'].map((k) => w.m(k)), align: ['l', 'l', 'r', 'r', 'r', 'l', 'r'],
    rows: rv.shelters.map((s) => [txt(w.name('shelter', s.id)), txt(w.name('area', s.area)), txt(w.num(s.capacity)), txt(w.num(s.peak)), txt(w.pct(s.peak_share)), txt(time(s.full_t)), txt(s.supplies_days_at_peak === null || s.supplies_person_days === 0 ? w.m('fmt.none') : w.days(s.supplies_days_at_peak))]),
  });

  h(3, w.m('h.incidents'));
  B.push({ kind: 'chart', chart: { kind: 'incidents' }, title: w.m('chart.incidents'), desc: w.m('chart.incidents_desc') });
  B.push({
    kind: 'table', head: ['col.incident', 'col.area', 'col.reported', 'col.first_on_scene', 'col.contained', 'col.resolved', 'col.people', 'col.rescued', 'col.lost', 'col.severity'].map((k) => w.m(k)),
    align: ['l', 'l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: rv.incidents.map((i) => [txt(sentence(w.name('incident', i.id))), txt(w.name('area', i.area)), txt(w.time(i.reported_t)), txt(dur(i.first_on_scene_s)), txt(dur(i.contained_s)), txt(dur(i.resolved_s)), txt(w.num(i.people)), txt(w.num(i.rescued)), txt(w.num(i.lost)), txt(`${i.severity_first} → ${i.severity_max}`)]),
  });

  h(3, w.m('h.units'));
  B.push({ kind: 'chart', chart: { kind: 'units' }, title: w.m('chart.units'), desc: w.m('chart.units_desc') });
  B.push({
    kind: 'table', head: ['col.unit', 'col.trips', 'col.busy_share', 'col.km', 'col.blocked', 'col.resting'].map((k) => w.m(k)), align: ['l', 'r', 'r', 'r', 'r', 'r'],
    rows: rv.units.map((u) => [txt(w.name('unit', u.id)), txt(w.num(u.trips)), txt(w.pct(u.busy_share)), txt(w.m(u.unmeasured_legs === 0 ? 'fmt.km' : u.unmeasured_legs === 1 ? 'fmt.km-unmeasured-1' : 'fmt.km-unmeasured', { n: w.num(u.km, 1), legs: u.unmeasured_legs })), txt(u.blocked_s ? w.dur(u.blocked_s) : w.m('fmt.none')), txt(u.resting_s ? w.dur(u.resting_s) : w.m('fmt.none'))]),
  });

  h(3, w.m('h.areas'));
  B.push({
    kind: 'table', head: ['col.area', 'col.risk_max', 'col.evacuated', 'col.isolated', 'col.stock_first', stop ? 'col.stock_left_stopped' : 'col.stock_left', 'col.stock_out'].map((k) => w.m(k)), align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'],
    rows: rv.areas.map((a) => [
      txt(w.name('area', a.id)), txt(a.risk_max ? String(a.risk_max) : w.m('fmt.none')), txt(a.zone_population ? w.pct(a.evacuated_share) : w.m('fmt.none')),
      txt(a.isolated_s ? w.dur(a.isolated_s) : w.m('fmt.none')), txt(a.stock_days_first === null ? w.m('fmt.none') : w.days(a.stock_days_first)),
      txt(a.stock_days_left === null ? w.m('fmt.none') : w.days(a.stock_days_left)), txt(time(a.stock_out_t)),
    ]),
  });

  h(3, w.m('h.injects'));
  B.push({
    kind: 'table', head: ['col.inject', 'col.to', 'col.delivered', 'col.expected', 'col.done', 'col.latency', 'col.within', 'col.status'].map((k) => w.m(k)), align: ['l', 'l', 'l', 'l', 'l', 'r', 'r', 'l'],
    rows: rv.injects.map((r) => {
      const spec = w.injectSpec(r.id);
      const e = spec?.expected as Record<string, unknown> | undefined;
      const expected = e ? w.command(String(e.do), e) : spec?.decision ? spec.decision.options.map((o) => w.text(o.label)).join(' / ') : w.m('fmt.none');
      let status: string;
      if (r.delivered_t === null) status = w.m(r.skipped ? 'status.skipped' : 'status.not_delivered');
      else if (!r.expects) status = w.m('status.info');
      else if (r.already) status = w.m('status.already');
      else if (r.expired) status = w.m('status.expired');
      else if (openAtEnd(r, rv.t_end)) status = w.m('status.open', { elapsed: { s: rv.t_end - r.delivered_t }, within: { s: r.within_s } });
      else if (r.done_t === null) status = w.m('status.never');
      else if (r.option !== null) status = w.m('status.answered', { option: w.optionLabel(r.id, r.option) });
      else status = w.m(r.on_time === false ? 'status.late' : 'status.on_time');
      // done before it arrived: the time of the decision that did it (when there is one), not the delivery's, and no "0 s"
      const prior = r.already && r.already_by !== null ? rv.decisions.find((d) => d.index === r.already_by) : undefined;
      const done = r.already ? (prior ? time(prior.t) : w.m('fmt.before_delivery'))
        // taken by another role than the one it came to: say whose action it was, or the row reads as the addressee's
        : r.done_t !== null && r.done_by !== null && r.done_by !== r.to && !r.expired ? w.m('fmt.done_by', { time: time(r.done_t), role: role(r.done_by) }) : time(r.done_t);
      const after = r.already ? w.m('fmt.before_delivery') : r.within_s !== null && durationNear(r.latency_s, [r.within_s]) ? w.p({ s: r.latency_s, fine: true }) : dur(r.latency_s);
      // a row opens with a capital, as the key events' and incidents' do ('inject #1 ...' is mid-sentence's)
      const injectName = sentence(w.name('inject', r.id));
      const name: Rich = r.added_t === null ? txt(injectName) : [{ text: injectName }, { text: ` (${w.m('inject.added_mark')})`, small: true }];
      return [name, txt(w.name('role', r.to)), txt(time(r.delivered_t)), txt(expected), txt(done), txt(after), txt(dur(r.within_s)), txt(status, { b: status === w.m('status.never') || status === w.m('status.late') })];
    }),
  });

  h(3, w.m('h.levels'));
  const levelRows = rv.levels.filter((l) => l.first_short_t !== null || l.declarations.length || l.support);
  // a header with no row reads as a table that failed to fill: say that none of it happened
  if (!levelRows.length) p(txt(w.m('levels.none')));
  else B.push({
    kind: 'table', head: ['col.area', 'col.short_since', 'col.level', 'col.declared', 'col.by', 'col.author', 'col.delay', 'col.support', 'col.support_delay'].map((k) => w.m(k)), align: ['l', 'l', 'r', 'l', 'l', 'l', 'r', 'l', 'r'],
    rows: levelRows.map((l) => {
      const d = l.declarations.find((x) => x.level >= 1) ?? null;
      return [
        txt(w.name('area', l.area)), txt(time(l.first_short_t)), txt(d ? String(d.level) : w.m('fmt.none')), txt(time(d?.t ?? null)), txt(role(d?.by ?? null)),
        txt(d?.author ? w.m(`author.${d.author}`) : w.m('fmt.none')), txt(dur(d?.delay_s ?? null)), txt(time(l.support?.t ?? null)), txt(dur(l.support?.delay_s ?? null)),
      ];
    }),
  });
  // the delays are not from the first column's time when an area ran short more than once: say from what, and
  // which shortfalls call for a level at all (the rule the findings apply)
  if (levelRows.some((l) => l.first_short_t !== null)) p(txt(w.m('levels.note', { within: { s: sc.doctrine.declare_when_short ?? 3600 } })), 'note');

  h(3, w.m('h.decisions'));
  const given = rv.decisions.filter((d) => d.author === 'trainee' || d.author === 'controller');
  if (given.length) {
    B.push({
      kind: 'table', head: ['col.time', 'col.role', 'col.command', 'col.status', 'col.answers'].map((k) => w.m(k)),
      rows: given.map((d) => {
        // an order an answer's option gave: say so; one that found the thing already so changed nothing, and is no mistake
        const order = d.order_of ? w.m(d.order_of.by_default ? 'order.default' : 'order.answer', { option: w.optionLabel(d.order_of.inject, d.order_of.option) }) : null;
        const noChange = d.order_of !== null && d.refused?.code === 'no-change';
        const status = !d.refused ? '✓' : noChange ? w.m('status.order_no_change', { reason: w.m(`refused.${d.refused.code}`) }) : w.m(`refused.${d.refused.code}`);
        return [
        // exercise control's orders in a role doctrine plays: say who gave them
        // a cell opens with a capital, as the plan's 'Exercise control' does ('exercise control' is mid-sentence's)
        txt(w.time(d.t)), txt(sentence(d.author === 'controller' && d.role !== 'controller' ? w.m('decisions.role_control', { role: w.name('role', d.role) }) : w.name('role', d.role))), order ? [{ text: w.command(d.do, d.args) }, { text: ` (${order})`, small: true }] : txt(w.command(d.do, d.args)),
        txt(status, { b: d.refused !== null && !noChange }),
        txt(d.answers.map((a) => w.m('answers.item', { inject: w.name('inject', a.inject), latency: w.injectLatency(a.inject, a.latency_s) })).join(w.m('fmt.list_sep'))),
        ];
      }),
    });
  } else p(txt(w.m('decisions.none')));
  const byDoctrine = rv.decisions.filter((d) => d.author === 'doctrine' || d.author === 'default').length;
  if (byDoctrine) p(txt(w.m('decisions.doctrine', { n: w.num(byDoctrine) })), 'note');

  // ---------------------------------------------------------- 7. improvement plan
  h(2, w.m('h.plan'), 'plan');
  p(txt(w.m('plan.note')), 'note');
  if (aar.improvements.length) {
    // the organisation owns the corrective action either way; the reader is told no trainee sat in that role
    const doctrine = new Set(aar.overview.doctrine_roles);
    B.push({
      kind: 'table', cls: 'plan', head: ['col.capability', 'col.issue', 'col.action', 'col.element', 'col.org', 'col.start', 'col.end'].map((k) => w.m(k)),
      rows: aar.improvements.map((f) => [
        txt(f.capability === null ? '' : w.capability(f.capability)), txt(sentence(w.m(f.key, f.params))), f.action ? txt(w.m('plan.suggested', { action: w.m(f.action.key, f.action.params) }), { i: true }) : [],
        txt(f.element ? w.m(`el.${f.element}`) : ''), txt(f.org === 'controller' ? w.m('plan.org_controller') : f.org ? (doctrine.has(f.org) ? w.m('plan.org_doctrine', { role: w.name('role', f.org) })
          : f.doctrine_until !== undefined ? w.m('plan.org_doctrine_until', { role: w.name('role', f.org), t: formatClock(f.doctrine_until) }) : w.name('role', f.org)) : ''), [], [],
      ]),
    });
  } else p(txt(w.m('plan.none')));
  p(txt(w.m('report.generated', { hash: aar.run.hash.slice(0, 16), engine: aar.run.engine })), 'note');

  return { lang, title: `${w.m('report.title')}: ${title}`, blocks: B, aar, words: w };
}

function evidenceItem(w: Words, ev: Evidence): Rich {
  const out: Rich = [{ text: w.time(ev.t), b: true }, { text: ': ' }, { text: w.evidence(ev) }];
  if (ev.index !== null) out.push({ text: ` [${w.m('fmt.event_ref', { index: String(ev.index) })}]`, small: true });
  return out;
}

/**
 * A finding opens a list item or a cell of the plan: as a sentence, with a capital, even when it starts with a name
 * written in lower case mid-sentence ('inject #10 ...', 'people caught in ...', 'tình huống số 10 ...').
 */
function sentence(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

function findingItem(w: Words, f: Finding): Rich {
  const out: Rich = [{ text: sentence(w.m(f.key, f.params)) }];
  if (f.capability) out.push({ text: ` (${w.capability(f.capability)})`, small: true });
  return out;
}

/** Why an objective was not tested, in words: "no incident of the kind "Chlorine leak" in this run". */
export function notTestedReason(w: Words, aar: Aar, o: ObjectiveRow): string {
  // read against the scenario's own end: a session saved at T+01:01 says "by T+01:01", not "in this run"
  return w.notTestedReason(o.spec.criterion, o.result, Math.max(aar.review.t_end, aar.scenario.horizon));
}

/** Doctrine's settings in a line: how it dispatches, when it asks for support, declares, evacuates, when and what it keeps at home. */
function doctrinePlan(d: Scenario['doctrine'], w: Words): string {
  const keep = d.keep_home;
  const parts = [
    w.m(`ov.plan.${d.dispatch}`),
    w.m('ov.plan.support', { d: w.dur(d.request_support_after) }),
    d.declare_when_short === undefined ? w.m('ov.plan.no_declare') : w.m('ov.plan.declare', { d: w.dur(d.declare_when_short) }),
    d.evacuate_at_risk === undefined ? w.m('ov.plan.no_evacuate') : w.m('ov.plan.evacuate', { n: String(d.evacuate_at_risk) }),
    // the level doctrine.ts holds at: hold_at_risk, else evacuate_at_risk, else 3
    d.hold_at_risk === false ? w.m('ov.plan.no_hold') : w.m('ov.plan.hold', { n: String(d.hold_at_risk ?? d.evacuate_at_risk ?? 3) }),
  ];
  if (typeof keep === 'number' && keep > 0) parts.push(keep === 1 ? w.m('ov.plan.keep_all_1') : w.m('ov.plan.keep_all', { n: String(keep) }));
  else if (keep && typeof keep === 'object') {
    const list = Object.entries(keep).filter(([, n]) => n > 0).map(([area, n]) => `${w.name('area', area)} ${n}`);
    if (list.length) parts.push(w.m('ov.plan.keep', { list: list.join(w.m('fmt.list_sep')) }));
  }
  // said only when the scenario sets it: the rule's defaults (1 h, a half) are in every plan and would only lengthen the line
  if (d.beside_far_sooner_by !== undefined || d.beside_far_share !== undefined) {
    parts.push(w.m('ov.plan.far', { d: w.dur(d.beside_far_sooner_by ?? BESIDE_FAR_SOONER_BY_S), p: String(Math.round((d.beside_far_share ?? BESIDE_FAR_SHARE) * 100)) }));
  }
  return parts.join('; ');
}

/** An objective still open where the log ends (objectiveOpenAtEnd): what its rating "as it stood" leaves unsaid. */
function openNote(w: Words, aar: Aar, o: ObjectiveRow): { text: string }[] {
  const open = objectiveOpenAtEnd(aar.review, o);
  if (!open) return [];
  return [{ text: open.from === null ? w.m('obj.result_open_by', { by: { t: open.by } }) : w.m('obj.result_open', { elapsed: { s: aar.review.t_end - open.from }, within: { s: open.by - open.from } }) }];
}
