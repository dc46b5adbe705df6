/**
 * Checks beyond shape: ids that must exist, ids that must be unique, times
 * inside the horizon, bases that can reach somewhere, shelters with room.
 *
 * Works on the raw value read from YAML/JSON (not the parsed scenario), so it
 * still runs, and still finds problems, when the shape check has failed
 * somewhere else in the file. Anything malformed is skipped here: the shape
 * check reports it.
 */
import { within } from './areas.js';
import { formatClock, formatDuration, parseDuration } from './duration.js';
import { didYouMeanSay, formatPath, idFromText, isGuess, nearest, type PathSegment, type Severity } from './issues.js';
import { joined, say, sayIn, type IssueKey, type Param, type Say } from './say.js';
import { METRIC_VI } from './issue-words.js';
import { COMMAND_KEYS, COMMANDS, Evacuation, HORIZON_MAX_S, ID_RE, KEYFRAME_EVERY_DEFAULT_S, KEYFRAMES_MAX, METRICS, Scenario, Travel, type MetricName } from './schema.js';
import { CORE_CAPABILITIES } from './vocabulary.js';

export interface RawIssue {
  path: PathSegment[];
  code: string;
  /** what is wrong, and what to do (issue-words.ts): said in the language the command writes in */
  message: Say;
  hint?: Say;
  severity: Severity;
  /** point at the key rather than the value (unknown keys) */
  atKey?: boolean;
  /** says better what the shape check says about the same value: the shape check's issue there is dropped */
  replaces?: boolean;
  /** other places whose shape problems are this same mistake (a command written as a key: its `do:` is missing too), dropped with it */
  covers?: PathSegment[][];
}

/** The file as written, for what the parsed value no longer shows (`21.000` was read as 21). */
export interface SourceText {
  /** the source text of the single value at a path; undefined when there is none */
  written(path: PathSegment[]): string | undefined;
  /** the line a path is on (a missing key: its parent's), for a message that points at another place in the file */
  line?(path: PathSegment[]): number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
/** An item's id in a message: as written, or "(no id)" when it has none (that is reported on its own), never 'undefined'. */
const idOf = (v: unknown): Param => (typeof v === 'string' || typeof v === 'number' ? String(v) : say('id.none'));

function items(v: unknown): [number, Obj][] {
  if (!Array.isArray(v)) return [];
  const out: [number, Obj][] = [];
  v.forEach((x, i) => { if (isObj(x)) out.push([i, x]); });
  return out;
}

function seconds(v: unknown): number | undefined {
  if (!isStr(v)) return undefined;
  const r = parseDuration(v);
  return r.ok ? r.seconds : undefined;
}

type Collection = 'area' | 'node' | 'edge' | 'unit' | 'hazard' | 'rule' | 'kind' | 'incident' | 'generator' | 'zone' | 'shelter' | 'role' | 'inject' | 'objective';

/** What each collection holds, in words ('road node'), for a message about an id of one kind given where another is asked for. */
const kindWord = (k: string): Say => say(`kind.${k}` as IssueKey);
/** A collection as a reference names it ('unknown zone'): its own name, or the label given ('incident kind', 'road'). */
const labelWord = (k: string): Say => say(`label.${k}` as IssueKey);

/** 'an area', 'a unit': the English article of a word, said in any language (Vietnamese: 'một địa bàn'). */
function withArticle(word: Say): Say {
  const en = sayEn(word);
  return say(/^(?:[aeio]|u(?!ni))/i.test(en) ? 'art.an' : 'art.a', { w: word });
}
const sayEn = (s: Say) => sayIn(s, 'en');

/** How a reference names what it asks for ('zone', 'incident kind', 'base (node or area)'); `base`: a unit's base, which may be a place not written yet. */
type Label = { word: Say; base?: boolean };
const INCIDENT_KIND: Label = { word: labelWord('incident-kind') };
const ROAD: Label = { word: labelWord('road') };

/** What a metric measures (schema.ts METRICS), in words for any language. */
const metricWords = (m: MetricName): Say => say('bi', { en: METRICS[m], vi: METRIC_VI[m] });

/** A text as written, in quotes: 'x'. */
const quoted = (text: string): Say => say('quoted', { text });

const TIER_RANK: Record<string, number> = { national: 0, province: 1, district: 2, commune: 3 };

/**
 * Who declares each civil-defence level, by the tiers a scenario uses. Two tiers (since 1 July 2025):
 * Civil Defence Law 2023 as amended in 2025, the commune chair declares level 1. Legacy three tiers:
 * the law as first passed (No. 18/2023/QH15, Art. 20), the district chair declares level 1.
 */
const DECLARED_BY: Record<'two' | 'three', Record<number, { tiers: string[]; who: Say }>> = {
  two: {
    1: { tiers: ['commune'], who: say('who.1') },
    2: { tiers: ['province'], who: say('who.2') },
    3: { tiers: ['national'], who: say('who.3') },
  },
  three: {
    1: { tiers: ['district'], who: say('who.1.three') },
    2: { tiers: ['province'], who: say('who.2') },
    3: { tiers: ['national'], who: say('who.3') },
  },
};

/** The keyframes a run writes: one at T0 and one every `every_s` up to the horizon (sim.ts; none when 0). */
export function keyframeCount(horizon_s: number, every_s: number): number {
  return every_s > 0 ? Math.floor(horizon_s / every_s) + 1 : 0;
}

/**
 * A horizon no drill runs (HORIZON_MAX_S), or keyframes more than a run log may hold (KEYFRAMES_MAX): refused
 * here, not found out by `drill run` minutes later as a log too long to write. The keyframes are said at
 * `keyframe_every`, or at `horizon` when the default spacing is what makes too many.
 */
function runLogBounds(raw: Obj, horizon: number | undefined): RawIssue[] {
  if (horizon === undefined) return [];
  const text = String(raw.horizon).trim();
  if (horizon > HORIZON_MAX_S) {
    // `10000d` for 10000 s or min: the same number in a smaller unit, where that fits
    const n = /^(\d+)([dh])$/.exec(text);
    const smaller = n ? (n[2] === 'd' ? ['h', 'm', 's'] : ['m', 's']).map((u) => `${n[1]}${u}`).filter((w) => seconds(w)! <= HORIZON_MAX_S).slice(0, 2) : [];
    const meant = smaller.map((w) => say('horizon-max.reading', { w, d: formatDuration(seconds(w)!) }));
    return [{ path: ['horizon'], code: 'horizon-bound', severity: 'error', message: say('horizon-max.message', { horizon: text, max: formatDuration(HORIZON_MAX_S) }),
      hint: meant.length ? say('horizon-max.hint-meant', { max: formatDuration(HORIZON_MAX_S), meant: joined(meant, 'sep.and') }) : say('horizon-max.hint', { max: formatDuration(HORIZON_MAX_S) }) }];
  }
  const given = raw.keyframe_every !== undefined;
  const every = given ? seconds(raw.keyframe_every) : KEYFRAME_EVERY_DEFAULT_S;
  if (every === undefined) return [];
  const n = keyframeCount(horizon, every);
  if (n <= KEYFRAMES_MAX) return [];
  // the least spacing within the bound, rounded up to a whole minute past one (2m, not 1m5s)
  const least = Math.floor(horizon / KEYFRAMES_MAX) + 1;
  const min = formatDuration(least > 60 ? Math.ceil(least / 60) * 60 : least);
  const params = { n, max: KEYFRAMES_MAX, horizon: text, every: given ? String(raw.keyframe_every).trim() : formatDuration(every), min };
  if (!given) return [{ path: ['horizon'], code: 'keyframes', severity: 'error', message: say('keyframes.default-message', params), hint: say('keyframes.default-hint', params) }];
  const byDefault = keyframeCount(horizon, KEYFRAME_EVERY_DEFAULT_S);
  const hint = byDefault <= KEYFRAMES_MAX ? say('keyframes.hint-default', { ...params, default: formatDuration(KEYFRAME_EVERY_DEFAULT_S), n_default: byDefault }) : say('keyframes.hint', params);
  return [{ path: ['keyframe_every'], code: 'keyframes', severity: 'error', message: say('keyframes.message', params), hint }];
}

/**
 * A severity outside 1-5 in an incident kind's severity (a number or a
 * distribution's bounds): the engine rounds a draw and holds it to 1-5, so
 * `severity: 7` quietly means 5. Undefined when it stays within.
 */
function severityOutside(v: unknown): number | undefined {
  // a fixed severity must be whole too; a distribution's parameters need not be (its draws are rounded)
  const out = (xs: unknown[], whole = false) => xs.find((x): x is number => typeof x === 'number' && (x < 1 || x > 5 || (whole && !Number.isInteger(x))));
  if (typeof v === 'number') return out([v], true);
  if (!isObj(v)) return undefined;
  if (typeof v.fixed === 'number') return out([v.fixed], true);
  if (Array.isArray(v.uniform)) return out(v.uniform);
  if (Array.isArray(v.triangular)) return out(v.triangular);
  if (isObj(v.normal)) return out([v.normal.mean, v.normal.min, v.normal.max]);
  if (isObj(v.lognormal)) return out([v.lognormal.median]);
  if (typeof v.exponential === 'number') return out([v.exponential]);
  return undefined;
}

/**
 * `embedded`: the scenario a run log carries. Its log is written already, so the bounds on writing one
 * (runLogBounds) are not checked: a log an older drill wrote with keyframes every 10 s still opens.
 */
export interface CheckOptions { embedded?: boolean }

export function checkScenario(raw: unknown, source?: SourceText, opts: CheckOptions = {}): RawIssue[] {
  const issues: RawIssue[] = [];
  if (!isObj(raw)) return issues;
  const err = (path: PathSegment[], code: string, message: Say, hint?: Say) => issues.push({ path, code, message, hint, severity: 'error' });
  const warn = (path: PathSegment[], code: string, message: Say, hint?: Say) => issues.push({ path, code, message, hint, severity: 'warning' });

  if (source) issues.push(...thousandsSeparators(raw, source));

  const travel = isObj(raw.travel) ? raw.travel : {};
  const evac = isObj(raw.evacuation) ? raw.evacuation : {};
  const collections: Record<Collection, { path: PathSegment[]; list: [number, Obj][] }> = {
    area: { path: ['areas'], list: items(raw.areas) },
    node: { path: ['travel', 'nodes'], list: items(travel.nodes) },
    edge: { path: ['travel', 'edges'], list: items(travel.edges) },
    unit: { path: ['units'], list: items(raw.units) },
    hazard: { path: ['hazards'], list: items(raw.hazards) },
    rule: { path: ['rules'], list: items(raw.rules) },
    kind: { path: ['incident_kinds'], list: items(raw.incident_kinds) },
    incident: { path: ['incidents'], list: items(raw.incidents) },
    generator: { path: ['generators'], list: items(raw.generators) },
    zone: { path: ['evacuation', 'zones'], list: items(evac.zones) },
    shelter: { path: ['evacuation', 'shelters'], list: items(evac.shelters) },
    role: { path: ['roles'], list: items(raw.roles) },
    inject: { path: ['injects'], list: items(raw.injects) },
    objective: { path: ['objectives'], list: items(raw.objectives) },
  };

  // ids: unique per collection
  const ids: Record<string, Map<string, Obj>> = {};
  // ids that are not valid ids ('tri-lễ'), by the id the planner meant ('tri-le'): the shape check reports the id
  // once; the references written the valid way are then right, and a 'did you mean' must not point at the invalid one
  const misspeltIds: Record<string, Map<string, string>> = {};
  for (const [what, { path, list }] of Object.entries(collections) as [Collection, (typeof collections)[Collection]][]) {
    const seen = new Map<string, Obj>();
    const firstIndex = new Map<string, number>();
    for (const [i, item] of list) {
      if (!isStr(item.id)) continue;
      if (seen.has(item.id)) {
        err([...path, i, 'id'], 'duplicate-id', say('dup.message', { what: labelWord(what), id: item.id }), say('dup.hint', { first: `${path.join('.')}[${firstIndex.get(item.id)}]`, what: labelWord(what) }));
      } else {
        seen.set(item.id, item);
        firstIndex.set(item.id, i);
      }
    }
    ids[what] = seen;
    misspeltIds[what] = new Map([...seen.keys()].filter((id) => !ID_RE.test(id)).flatMap((id) => {
      const meant = idFromText(id);
      return meant ? [[meant, id] as const] : [];
    }));
  }
  // time is whole seconds: a stream of more than one incident a second puts most of them in the same second as
  // another (gaps round to 0), and a run of it grinds until limits.max_cascade stops it, said as a loop. A `max`
  // of no more than an hour of one a second ends the stream first (`max: 6`: six incidents at once, a burst)
  for (const [i, g] of collections.generator.list) {
    const capped = typeof g.max === 'number' && g.max <= 3600;
    if (typeof g.rate_per_hour === 'number' && g.rate_per_hour > 3600 && !capped) {
      warn(['generators', i, 'rate_per_hour'], 'rate', say('rate.too-high', { rate: String(g.rate_per_hour) }), say('rate.too-high-hint'));
    }
  }
  // generated incidents and spawned ones may be named too, but scripted incident ids are what decisions refer to
  const ref = (path: PathSegment[], value: unknown, kinds: Collection[], label: Label = { word: labelWord(kinds[0]) }) => {
    if (!isStr(value)) return;
    for (const k of kinds) if (ids[k].has(value) || misspeltIds[k].has(value)) return;
    // the invalid ids by the way they are meant to be written, which the fix will give them
    // once each: a node and an area often share an id (a unit's base may be either), and the hint lists them
    const candidates = [...new Set(kinds.flatMap((k) => [...[...ids[k].keys()].filter((id) => ID_RE.test(id)), ...misspeltIds[k].keys()]))];
    const inList = typeof path[path.length - 1] === 'number';
    if (!ID_RE.test(value)) {
      // a name (or a text with diacritics) where an id goes: the shape check said 'not a valid id, write <the text made an id>';
      // when that id exists, that is the answer, said once; otherwise it names nothing, and one message says what to write instead
      const meant = idFromText(value);
      if (meant !== undefined && candidates.includes(meant)) return;
      const named = namedLike(value, kinds);
      issues.push({
        path, code: 'unknown-id', severity: 'error', replaces: true,
        message: named?.exact ? say('ref.name-not-id', { value, label: label.word, id: named.id }) : say('ref.unknown', { label: label.word, value }),
        hint: named
          ? (named.exact ? say('ref.named', { id: named.id }) : say('ref.named-guess', { label: label.word, id: named.id, name: named.name }))
          : say('ref.not-a-name', { more: unknownIdHint(value, candidates, kinds, label, inList) ?? say('ref.none-yet', { label: label.word }) }),
      });
      return;
    }
    err(path, 'unknown-id', say('ref.unknown', { label: label.word, value }), unknownIdHint(value, candidates, kinds, label, inList));
  };
  /** The evacuation zones in an area (its own, not those of areas within it), as a zone names its area. */
  const zonesIn = (area: string): string[] => collections.zone.list.filter(([, z]) => z.area === area && isStr(z.id)).map(([, z]) => z.id as string);
  /**
   * What to write for an evacuation given an area (`area: ta-ca`, an expected action's or an order's): the zones in
   * that area; the zone, when the id is a zone's; else the zones there are, or where to add one.
   */
  const evacuateAreaHint = (value: string): Say => {
    const zones = [...ids.zone.keys()].filter((id) => ID_RE.test(id));
    const inArea = zonesIn(value);
    if (inArea.length > 0) return say('expected-key.zones', { zones: joined(inArea, 'sep.or'), n: inArea.length, area: value });
    if (ids.zone.has(value)) return say('evacuate-area.is-zone', { value });
    if (zones.length === 0) return say('evacuate-area.none');
    if (ids.area.has(value)) return say('evacuate-area.no-zone-in', { area: value, zones: joined(zones) });
    const near = nearest(value, zones);
    return near ? say('evacuate-area.guess', { near }) : say('evacuate-area.choose', { zones: joined(zones) });
  };
  /** The words of a text without case or diacritics: 'Chủ tịch UBND xã' -> chu, tich, ubnd, xa. */
  const words = (text: string) => (idFromText(text) ?? '').split(/[-._]+/).filter(Boolean);
  const namesOf = (o: Obj): string[] => (isStr(o.name) ? [o.name] : isObj(o.name) ? [o.name.vi, o.name.en].filter(isStr) : []);
  /**
   * The one thing of these kinds whose name a reference was written as: the name itself (case and diacritics aside), or,
   * failing that, the one name that holds every word written ('Chủ tịch xã Lượng Minh' for 'Chủ tịch UBND xã Lượng Minh').
   */
  const namedLike = (value: string, kinds: Collection[]): { id: string; name: string; exact: boolean } | undefined => {
    const want = words(value);
    if (want.length === 0) return undefined;
    const all = kinds.flatMap((k) => [...ids[k].entries()].flatMap(([id, o]) => namesOf(o).map((name) => ({ id, name, has: words(name) }))));
    const exact = all.filter((n) => n.has.join('-') === want.join('-'));
    if (new Set(exact.map((n) => n.id)).size === 1) return { ...exact[0], exact: true };
    const holding = all.filter((n) => want.every((w) => n.has.includes(w)));
    return new Set(holding.map((n) => n.id)).size === 1 ? { ...holding[0], exact: false } : undefined;
  };
  /**
   * What to do about an id that names nothing of the kind asked for: the near miss; else, when it names
   * something of another kind (an area where a zone is asked for), say so; else the ids there are, or,
   * when there are none yet, where to add one. An item of a list (a role's `commands`) may also
   * just go: a planner who removed a unit left its id there, and the known ids alone did not say so.
   */
  const unknownIdHint = (value: string, candidates: string[], kinds: Collection[], label: Label, inList = false): Say | undefined => {
    const near = didYouMeanSay(value, candidates);
    if (isGuess(near)) return near;
    const other = (Object.keys(collections) as Collection[]).find((k) => !kinds.includes(k) && ids[k].has(value));
    const where = joined(kinds.map((k) => say('ref.key', { path: collections[k].path.join('.') })), 'sep.or');
    // a unit based at a place the scenario does not have yet (another district's town), or a road or zone that names
    // one, needs that place written first
    const misspelt = candidates.length === 0 ? misspeltList(kinds) : undefined;
    const list = misspelt ? say('ref.none-misspelt', { written: say('ref.key', { path: misspelt.written }), where: say('ref.key', { path: misspelt.meant }) })
      : candidates.length === 0 ? say(inList ? 'ref.none-add-or-out' : 'ref.none-add', { where })
      : kinds.includes('node') && (label.base || kinds.length === 1) ? say('ref.base-add', { near: near!, where })
      : inList ? say('ref.list-add', { near: near!, a_label: withArticle(label.word), label: label.word, where }) : near;
    // an area where a zone is asked for: the zones in that area, rather than every zone
    const inArea = other === 'area' && kinds.length === 1 && kinds[0] === 'zone' ? zonesIn(value) : [];
    const then = inArea.length > 0 ? say('ref.zones-in', { zones: joined(inArea), n: inArea.length }) : list!;
    return other ? say('ref.other-kind', { value, a_kind: withArticle(kindWord(other)), a_label: withArticle(label.word), then }) : list;
  };

  /**
   * A list the scenario does not have because its key is misspelt (`injcets:`): the reference is fine, the key
   * is not, and 'add it under `injects:`' would have the planner write the list twice.
   */
  const misspeltList = (kinds: Collection[]): { written: string; meant: string } | undefined => {
    for (const k of kinds) {
      const path = collections[k].path as string[];
      const [holder, shape]: [unknown, object] = path.length === 1 ? [raw, Scenario.shape] : path[0] === 'travel' ? [travel, Travel.shape] : [evac, Evacuation.shape];
      if (!isObj(holder)) continue;
      const key = path[path.length - 1];
      // only a key the format does not have: `rules:` is one letter from `roles:`, and is no misspelling of it
      const written = Object.keys(holder).find((w) => !(w in shape) && Array.isArray(holder[w]) && nearest(w, [key]) === key);
      if (written !== undefined) return { written: [...path.slice(0, -1), written].join('.'), meant: path.join('.') };
    }
    return undefined;
  };

  // a node that names its area must lie in the area something placed at it is said to be in (or in an area under it)
  const parentOf = (a: string) => {
    const parent: unknown = ids.area.get(a)?.parent;
    return isStr(parent) ? parent : undefined;
  };
  const nodeInArea = (p: PathSegment[], what: Say, area: unknown, node: unknown) => {
    if (!isStr(area) || !isStr(node) || !ids.area.has(area)) return;
    const nodeArea = ids.node.get(node)?.area;
    if (!isStr(nodeArea) || !ids.area.has(nodeArea) || within(nodeArea, area, parentOf)) return;
    const here = collections.node.list.filter(([, n]) => isStr(n.id) && isStr(n.area) && within(n.area, area, parentOf)).map(([, n]) => n.id as string);
    err([...p, 'area'], 'node-area', say('node-area.message', { what, area, node, nodeArea }),
      here.length ? say('node-area.place', { nodeArea, area, nodes: joined(here.slice(0, 4)) }) : say('node-area.give', { nodeArea, area }));
  };

  // a place given twice: the engine uses the node, so the coordinates would be silently ignored
  for (const [kind, what] of [['incident', 'incident'], ['zone', 'zone'], ['shelter', 'shelter']] as const) {
    for (const [i, o] of collections[kind].list) {
      if (isStr(o.node) && o.coords !== undefined) {
        warn([...collections[kind].path, i, 'coords'], 'node-and-coords', say('node-and-coords.message', { what: labelWord(what), id: idOf(o.id), node: o.node }), say('node-and-coords.hint'));
      }
    }
  }

  const horizon = seconds(raw.horizon);
  const inHorizon = (path: PathSegment[], v: unknown, what: Say, asWarning = false) => {
    const s = seconds(v);
    if (s === undefined || horizon === undefined) return;
    if (s > horizon) (asWarning ? warn : err)(path, 'outside-horizon', say('horizon.message', { what, at: String(v), horizon: String(raw.horizon) }), say('horizon.hint'));
  };
  if (!opts.embedded) issues.push(...runLogBounds(raw, horizon));

  // areas and tiers
  const tiers = raw.tiers ?? 'two';
  for (const [i, a] of collections.area.list) {
    const p = [...collections.area.path, i];
    ref([...p, 'parent'], a.parent, ['area']);
    ref([...p, 'node'], a.node, ['node']);
    if (tiers === 'two' && a.tier === 'district') {
      err([...p, 'tier'], 'tier', say('tier.district-in-two', { id: idOf(a.id) }), say('tier.district-in-two.hint'));
    }
    if (isStr(a.parent) && ids.area.has(a.parent)) {
      const parent = ids.area.get(a.parent)!;
      if (isStr(a.tier) && isStr(parent.tier) && TIER_RANK[parent.tier] >= TIER_RANK[a.tier]) {
        err([...p, 'parent'], 'tier', say('tier.parent', { id: idOf(a.id), tier: a.tier, parent: a.parent, parentTier: parent.tier }), say('tier.parent.hint'));
      }
      if (tiers === 'three' && a.tier === 'commune' && parent.tier === 'province') {
        warn([...p, 'parent'], 'tier', say('tier.commune-under-province', { id: idOf(a.id) }), say('tier.commune-under-province.hint'));
      }
    }
    if (isStr(a.id) && a.id === a.parent) err([...p, 'parent'], 'cycle', say('cycle.message', { id: idOf(a.id) }));
    // groups may overlap (disabled elderly), so only one group larger than the whole area is sure to be a slip
    if (isObj(a.vulnerable) && typeof a.population === 'number' && a.population >= 0) {
      for (const [group, n] of Object.entries(a.vulnerable)) {
        if (typeof n === 'number' && n > a.population) err([...p, 'vulnerable', group], 'vulnerable', say('vulnerable.more', { group, n, id: idOf(a.id), population: a.population }), say('vulnerable.more.hint'));
      }
    }
  }

  // travel network
  const speeds = isObj(travel.speed_kmh) ? travel.speed_kmh : { road: 40 };
  for (const [i, n] of collections.node.list) ref([...collections.node.path, i, 'area'], n.area, ['area']);
  const adjacency = new Map<string, string[]>();
  for (const [i, e] of collections.edge.list) {
    const p = [...collections.edge.path, i];
    ref([...p, 'from'], e.from, ['node']);
    ref([...p, 'to'], e.to, ['node']);
    if (e.from === e.to && isStr(e.from)) err([...p, 'to'], 'loop', say('loop.message', { id: idOf(e.id), node: e.from }));
    const hasTime = isObj(e.time) && Object.keys(e.time).length > 0;
    const hasSpeed = (isObj(e.speed_kmh) && Object.keys(e.speed_kmh).length > 0) || Object.keys(speeds).length > 0;
    // a length written wrongly (`25km`) is the shape check's to say: here it counts as given
    if (!hasTime && !(e.length_km !== undefined && e.length_km !== null && hasSpeed)) {
      err(p, 'edge-no-time', say('edge-no-time.message', { id: idOf(e.id) }), say('edge-no-time.hint'));
    }
    if (isStr(e.from) && isStr(e.to)) {
      if (!adjacency.has(e.from)) adjacency.set(e.from, []);
      adjacency.get(e.from)!.push(e.to);
      if (e.two_way !== false) {
        if (!adjacency.has(e.to)) adjacency.set(e.to, []);
        adjacency.get(e.to)!.push(e.from);
      }
    }
  }
  const network = collections.edge.list.length > 0;
  // nodes that stand for an area: area.node and nodes that name their area
  const areaNodes = new Set<string>();
  for (const [, a] of collections.area.list) if (isStr(a.node)) areaNodes.add(a.node);
  for (const [, n] of collections.node.list) if (isStr(n.area) && isStr(n.id)) areaNodes.add(n.id);

  // units
  for (const [i, u] of collections.unit.list) {
    const p = [...collections.unit.path, i];
    ref([...p, 'base'], u.base, network ? ['node', 'area'] : ['area', 'node'], { word: labelWord('base'), base: true });
    ref([...p, 'home'], u.home, ['area']);
    if (network && isStr(u.base) && ids.node.has(u.base)) {
      // the base must reach at least one node that stands for an area
      const seen = new Set([u.base]);
      const todo = [u.base];
      let reaches = areaNodes.has(u.base) && (adjacency.get(u.base)?.length ?? 0) > 0;
      while (todo.length && !reaches) {
        for (const next of adjacency.get(todo.pop()!) ?? []) {
          if (seen.has(next)) continue;
          if (areaNodes.has(next)) { reaches = true; break; }
          seen.add(next);
          todo.push(next);
        }
      }
      if (!reaches) err([...p, 'base'], 'unreachable-base', say('unreachable-base.message', { id: idOf(u.id), base: u.base }), say('unreachable-base.hint'));
    }
    const own = isObj(u.speed_kmh) ? Object.keys(u.speed_kmh).length : 0;
    if (own === 0 && Object.keys(speeds).length === 0) err([...p], 'no-speed', say('no-speed.message', { id: idOf(u.id) }), say('no-speed.hint'));
  }

  // hazards and rules
  for (const [i, h] of collections.hazard.list) {
    const p = [...collections.hazard.path, i];
    if (Array.isArray(h.areas)) h.areas.forEach((a, j) => ref([...p, 'areas', j], a, ['area']));
    if (h.kind === 'typhoon' && !Array.isArray(h.track)) err(p, 'missing-track', say('missing-track.message', { id: idOf(h.id) }), say('missing-track.hint'));
    if (h.kind !== 'typhoon' && !Array.isArray(h.series)) err(p, 'missing-series', say('missing-series.message', { id: idOf(h.id) }), say('missing-series.hint'));
    if (h.kind === 'river' && !isObj(h.alarms)) warn(p, 'missing-alarms', say('missing-alarms.message', { id: idOf(h.id) }), say('missing-alarms.hint'));
    if (isObj(h.alarms)) {
      const { bd1, bd2, bd3 } = h.alarms as Record<string, unknown>;
      if (typeof bd1 === 'number' && typeof bd2 === 'number' && typeof bd3 === 'number' && !(bd1 < bd2 && bd2 < bd3)) {
        err([...p, 'alarms'], 'alarm-order', say('alarm-order.message', { id: idOf(h.id), bd1: String(bd1), bd2: String(bd2), bd3: String(bd3) }), say('alarm-order.hint'));
      }
    }
    for (const key of ['series', 'track', 'discharge'] as const) {
      let last = -Infinity;
      for (const [j, pt] of items(h[key])) {
        const s = seconds(pt.at);
        if (s === undefined) continue;
        if (s < last) err([...p, key, j, 'at'], 'unsorted', say('unsorted.message', { key, id: idOf(h.id), at: String(pt.at) }), say('unsorted.hint'));
        last = Math.max(last, s);
        inHorizon([...p, key, j, 'at'], pt.at, say('what.point', { key }), true);
      }
    }
  }
  for (const [i, r] of collections.rule.list) {
    const p = [...collections.rule.path, i];
    ref([...p, 'hazard'], r.hazard, ['hazard']);
    ref([...p, 'area'], r.area, ['area']);
    ref([...p, 'while_incident'], r.while_incident, ['kind'], INCIDENT_KIND);
    inHorizon([...p, 'from'], r.from, say('what.rule-start'));
    const when = isObj(r.when) ? r.when : {};
    if (isStr(when.alarm) && isStr(r.hazard)) {
      const h = ids.hazard.get(r.hazard);
      if (h && !isObj(h.alarms)) err([...p, 'when', 'alarm'], 'no-alarms', say('no-alarms.message', { id: idOf(r.id), alarm: when.alarm, hazard: r.hazard }));
    }
    const conditional = when.above !== undefined || when.below !== undefined || when.alarm !== undefined || when.risk_at_least !== undefined;
    if (conditional && r.hazard === undefined) {
      err([...p, 'when'], 'no-hazard', say('no-hazard.message', { id: idOf(r.id) }), say('no-hazard.hint'));
    }
    // the engine reads a rule's hazard only through its condition: without one, the hazard changes nothing
    if (!conditional && isStr(r.hazard)) {
      err([...p, isObj(r.when) ? 'when' : 'hazard'], 'no-condition', say('no-condition.message', { id: idOf(r.id), hazard: r.hazard }), say('no-condition.hint'));
    }
    checkEffect(r.effect, [...p, 'effect']);
  }
  function checkEffect(e: unknown, p: PathSegment[]) {
    if (!isObj(e)) return;
    ref([...p, 'cut_road'], e.cut_road, ['edge'], ROAD);
    ref([...p, 'degrade_road'], e.degrade_road, ['edge'], ROAD);
    ref([...p, 'reopen_road'], e.reopen_road, ['edge'], ROAD);
    ref([...p, 'strike_zone'], e.strike_zone, ['zone']);
    if (isObj(e.spawn)) {
      ref([...p, 'spawn', 'kind'], e.spawn.kind, ['kind'], INCIDENT_KIND);
      ref([...p, 'spawn', 'area'], e.spawn.area, ['area']);
      ref([...p, 'spawn', 'node'], e.spawn.node, ['node']);
      nodeInArea([...p, 'spawn'], say('what.spawned'), e.spawn.area, e.spawn.node);
    }
  }

  // incidents
  for (const [i, k] of collections.kind.list) {
    const p = [...collections.kind.path, i];
    if (isObj(k.need) && Object.keys(k.need).length === 0) err([...p, 'need'], 'no-need', say('no-need.message', { id: idOf(k.id) }), say('no-need.hint'));
    for (const [j, s] of items(k.secondary)) ref([...p, 'secondary', j, 'kind'], s.kind, ['kind'], INCIDENT_KIND);
    const outside = severityOutside(k.severity);
    if (outside !== undefined) {
      const runs = Math.min(5, Math.max(1, Math.round(outside)));
      const fixed = typeof k.severity === 'number' || (isObj(k.severity) && 'fixed' in k.severity);
      const what = say(!fixed ? 'severity.draws' : outside >= 1 && outside <= 5 ? 'severity.not-whole' : 'severity.outside', { v: outside, runs });
      err([...p, 'severity'], 'severity', say('severity.message', { id: idOf(k.id), what }), say('severity.hint'));
    }
  }
  for (const [i, inc] of collections.incident.list) {
    const p = [...collections.incident.path, i];
    ref([...p, 'kind'], inc.kind, ['kind'], INCIDENT_KIND);
    ref([...p, 'area'], inc.area, ['area']);
    ref([...p, 'node'], inc.node, ['node']);
    nodeInArea(p, say('what.incident', { id: idOf(inc.id) }), inc.area, inc.node);
    inHorizon([...p, 'at'], inc.at, say('what.incident', { id: idOf(inc.id) }));
  }
  for (const [i, g] of collections.generator.list) {
    const p = [...collections.generator.path, i];
    if (isObj(g.kinds)) for (const k of Object.keys(g.kinds)) ref([...p, 'kinds', k], k, ['kind'], INCIDENT_KIND);
    if (Array.isArray(g.areas)) g.areas.forEach((a, j) => ref([...p, 'areas', j], a, ['area']));
    const from = seconds(g.from) ?? 0, until = seconds(g.until);
    if (until !== undefined && until <= from) err([...p, 'until'], 'empty-window', say('empty-window.message', { id: idOf(g.id), until: String(g.until), from: String(g.from ?? 'T+00:00') }));
    inHorizon([...p, 'from'], g.from, say('what.generator-start', { id: idOf(g.id) }));
  }

  // evacuation
  const zonePeople = new Map<string, number>();
  for (const [i, z] of collections.zone.list) {
    const p = [...collections.zone.path, i];
    ref([...p, 'area'], z.area, ['area']);
    if (Array.isArray(z.shelters)) z.shelters.forEach((s, j) => ref([...p, 'shelters', j], s, ['shelter']));
    ref([...p, 'if_caught'], z.if_caught, ['kind'], INCIDENT_KIND);
    ref([...p, 'node'], z.node, ['node']);
    nodeInArea(p, say('what.zone', { id: idOf(z.id) }), z.area, z.node);
    inHorizon([...p, 'hazard_arrives'], z.hazard_arrives, say('what.hazard-arrival'));
    if (isStr(z.area) && typeof z.population === 'number') zonePeople.set(z.area, (zonePeople.get(z.area) ?? 0) + z.population);
  }
  for (const [area, people] of zonePeople) {
    const a = ids.area.get(area);
    // an area's population the schema refuses (-9000) has its own error: comparing with it would add a second
    if (a && typeof a.population === 'number' && a.population >= 0 && people > a.population) {
      const [i] = collections.zone.list.find(([, z]) => z.area === area)!;
      err([...collections.zone.path, i, 'population'], 'population', say('population.message', { area, people, population: a.population }), say('population.hint'));
    }
  }
  const m2 = isObj(evac) && typeof evac.m2_per_person === 'number' ? evac.m2_per_person : 3.5;
  for (const [i, s] of collections.shelter.list) {
    const p = [...collections.shelter.path, i];
    ref([...p, 'area'], s.area, ['area']);
    ref([...p, 'node'], s.node, ['node']);
    if (s.capacity_people === 0) err([...p, 'capacity_people'], 'zero-capacity', say('zero-capacity.message', { id: idOf(s.id) }), say('zero-capacity.hint'));
    if (s.area_m2 === 0) {
      err([...p, 'area_m2'], 'zero-capacity', say('zero-floor.message', { id: idOf(s.id) }),
        typeof s.capacity_people === 'number' ? say('zero-floor.hint', { m2, people: s.capacity_people, need: s.capacity_people * m2 }) : say('zero-floor.hint-its', { m2 }));
    } else if (typeof s.area_m2 === 'number' && typeof s.capacity_people === 'number' && s.area_m2 / m2 < s.capacity_people) {
      warn([...p, 'area_m2'], 'crowded', say('crowded.message', { id: idOf(s.id), area: s.area_m2, people: s.capacity_people, m2, holds: Math.floor(s.area_m2 / m2) }), say('crowded.hint'));
    }
  }
  // a zone moves its people only into its own shelters: those must hold them, with any other zone that shares them
  const holds = (id: string) => {
    const s = ids.shelter.get(id);
    if (!s || typeof s.capacity_people !== 'number') return undefined;
    return typeof s.area_m2 === 'number' ? Math.min(s.capacity_people, Math.floor(s.area_m2 / m2)) : s.capacity_people;
  };
  const zoneShelters = (z: Obj) => [...new Set(Array.isArray(z.shelters) ? z.shelters.filter(isStr) : [])];
  const shortZones = new Set<string>();
  for (const [i, z] of collections.zone.list) {
    const mine = zoneShelters(z);
    const room = mine.map(holds);
    if (typeof z.population !== 'number' || mine.length === 0 || room.some((n) => n === undefined)) continue;
    const total = (room as number[]).reduce((a, b) => a + b, 0);
    if (total >= z.population) continue;
    shortZones.add(String(z.id));
    const each = joined(mine.map((id, k) => say(holds(id) !== ids.shelter.get(id)!.capacity_people ? 'room.item-floor' : 'room.item', { id, n: room[k]! })));
    warn([...collections.zone.path, i, 'shelters'], 'shelter-room', say('shelter-room.message', { id: idOf(z.id), population: z.population, total, each, short: z.population - total }), say('shelter-room.hint'));
  }
  // zones that share a shelter: together, the shelters they use must hold them all
  const seenGroup = new Set<string>();
  for (const [i, z] of collections.zone.list) {
    if (!isStr(z.id) || seenGroup.has(z.id)) continue;
    const group = [z];
    const shelters = new Set(zoneShelters(z));
    for (let grew = true; grew;) {
      grew = false;
      for (const [, other] of collections.zone.list) {
        if (group.includes(other) || !zoneShelters(other).some((s) => shelters.has(s))) continue;
        group.push(other);
        zoneShelters(other).forEach((s) => shelters.add(s));
        grew = true;
      }
    }
    group.forEach((g) => isStr(g.id) && seenGroup.add(g.id));
    if (group.length < 2 || group.some((g) => shortZones.has(String(g.id)) || typeof g.population !== 'number')) continue;
    const room = [...shelters].map(holds);
    if (room.some((n) => n === undefined)) continue;
    const people = group.reduce((a, g) => a + (g.population as number), 0);
    const total = (room as number[]).reduce((a, b) => a + b, 0);
    if (total < people) warn([...collections.zone.path, i, 'shelters'], 'shelter-room', say('shelter-room.shared', { zones: joined(group.map((g) => quoted(String(g.id)))), total, people, short: people - total }), say('shelter-room.shared-hint'));
  }

  // evacuees go by road (engine 0.7.0): a shelter no road leads to from where a zone's people set off, by the modes
  // evacuees use, with every road open, is one they never go to. Places given by coordinates (a nearest node) are
  // not looked at here.
  if (network) {
    const evacModes = isObj(evac) && isObj(evac.speed_kmh) ? Object.keys(evac.speed_kmh) : ['road'];
    // the roads each set of modes can use (a zone's own speed_kmh may list other modes than evacuation's)
    const roadsOf = new Map<string, Map<string, string[]>>();
    const roadsFor = (modes: string[]): Map<string, string[]> => {
      const key = modes.join(',');
      let roads = roadsOf.get(key);
      if (roads) return roads;
      roads = new Map<string, string[]>();
      roadsOf.set(key, roads);
      const usable = (e: Obj) => {
        const restricted = isObj(e.time) || isObj(e.speed_kmh);
        // a road with neither time nor length is its own error (edge-no-time): once given one it links its ends, so
        // it counts as a link here, or the warning would send the planner to build a road that is there already
        const timeless = !(isObj(e.time) && Object.keys(e.time).length > 0) && (e.length_km === undefined || e.length_km === null);
        return modes.some((m) => (isObj(e.time) && e.time[m] !== undefined)
          || ((e.length_km !== undefined || timeless) && (!restricted || (isObj(e.speed_kmh) && e.speed_kmh[m] !== undefined))));
      };
      const link = (a: string, b: string) => { if (!roads!.has(a)) roads!.set(a, []); roads!.get(a)!.push(b); };
      for (const [, e] of collections.edge.list) {
        if (!isStr(e.from) || !isStr(e.to) || !usable(e)) continue;
        link(e.from, e.to);
        if (e.two_way !== false) link(e.to, e.from);
      }
      return roads;
    };
    const placeNode = (x: Obj): string | undefined => {
      if (isStr(x.node)) return ids.node.has(x.node) ? x.node : undefined;
      if (x.coords !== undefined || !isStr(x.area)) return undefined;
      const a = ids.area.get(x.area);
      if (a && isStr(a.node)) return ids.node.has(a.node) ? a.node : undefined;
      for (const [, n] of collections.node.list) if (n.area === x.area && isStr(n.id)) return n.id;
      return undefined;
    };
    for (const [i, z] of collections.zone.list) {
      const from = placeNode(z);
      if (from === undefined) continue;
      const own = isObj(z.speed_kmh);
      const modes = own ? Object.keys(z.speed_kmh as Obj) : evacModes;
      const roads = roadsFor(modes);
      const seen = new Set([from]);
      for (const todo = [from]; todo.length;) {
        for (const next of roads.get(todo.pop()!) ?? []) if (!seen.has(next)) { seen.add(next); todo.push(next); }
      }
      zoneShelters(z).forEach((sid) => {
        const s = ids.shelter.get(sid);
        const to = s ? placeNode(s) : undefined;
        if (to === undefined || seen.has(to)) return;
        const j = (z.shelters as unknown[]).indexOf(sid);
        warn([...collections.zone.path, i, 'shelters', j], 'unreachable-shelter', say('unreachable-shelter.message', { id: idOf(z.id), shelter: sid, from, to, modes: modes.join(', ') }), say(own ? 'unreachable-shelter.zone-hint' : 'unreachable-shelter.hint'));
      });
    }
  }

  // roles and authority
  const commander = new Map<string, number>();
  const meantCommanded = new Set<string>();
  for (const [i, r] of collections.role.list) {
    const p = [...collections.role.path, i];
    ref([...p, 'area'], r.area, ['area']);
    if (Array.isArray(r.commands)) r.commands.forEach((u, j) => {
      ref([...p, 'commands', j], u, ['unit']);
      if (isStr(u) && commander.has(u)) err([...p, 'commands', j], 'two-commanders', say('two-commanders.message', { unit: u, role: String(collections.role.list.find(([k]) => k === commander.get(u))?.[1].id) }), say('two-commanders.hint'));
      else if (isStr(u)) commander.set(u, i);
      // a misspelt or named unit ('lm-milita', 'Dân quân xã Lượng Minh') has its error here: the unit it means is not also 'commanded by no role'
      if (isStr(u) && !ids.unit.has(u)) {
        const unitIds = [...ids.unit.keys()];
        const meant = [idFromText(u)].find((m) => m !== undefined && ids.unit.has(m)) ?? namedLike(u, ['unit'])?.id ?? nearest(u, unitIds);
        if (meant !== undefined && !commander.has(meant)) meantCommanded.add(meant);
      }
    });
    if (Array.isArray(r.supports)) r.supports.forEach((a, j) => ref([...p, 'supports', j], a, ['area']));
    // (a tier that is not one, `tier: xã`, is the shape check's to say: nothing to weigh against the law)
    if (Array.isArray(r.declares) && isStr(r.tier) && r.tier in TIER_RANK) r.declares.forEach((level, j) => {
      const three = tiers === 'three';
      const may = DECLARED_BY[three ? 'three' : 'two'][level as number];
      if (!may || may.tiers.includes(r.tier as string)) return;
      warn([...p, 'declares', j], 'declares', say('declares.message', { id: idOf(r.id), tier: String(r.tier), level: String(level), who: may.who }), say(three ? 'declares.hint.three' : 'declares.hint', { level: String(level) }));
    });
  }
  if (collections.role.list.length > 0) {
    for (const [i, u] of collections.unit.list) {
      if (isStr(u.id) && !commander.has(u.id) && !meantCommanded.has(u.id)) warn([...collections.unit.path, i, 'id'], 'no-commander', say('no-commander.message', { id: u.id }), say('no-commander.hint'));
    }
  }

  // injects
  const seqs = new Map<number, { i: number; id: string }>();
  const lastSeq = Math.max(0, ...collections.inject.list.map(([, x]) => (typeof x.seq === 'number' ? Math.floor(x.seq) : 0)));
  for (const [i, inj] of collections.inject.list) {
    const p = [...collections.inject.path, i];
    // an inject slipped in between two others (2.5), as a paper MSEL numbers it: the numbers are whole, the order is by time
    if (typeof inj.seq === 'number' && !Number.isInteger(inj.seq) && inj.seq > 0) {
      issues.push({ path: [...p, 'seq'], code: 'type', severity: 'error', replaces: true, message: say('seq-between.message', { n: inj.seq }), hint: say('seq-between.hint', { next: lastSeq + 1 }) });
    }
    // one inject to two roles: the engine delivers each inject to one role
    if (Array.isArray(inj.to)) {
      const first = inj.to.find(isStr);
      issues.push({ path: [...p, 'to'], code: 'type', severity: 'error', replaces: true, message: say('to-list.message', { id: idOf(inj.id) }), hint: first === undefined ? say('to-list.hint-any') : say('to-list.hint', { first }) });
    } else ref([...p, 'to'], inj.to, ['role']);
    // `from` may be free text ("Hydro-Met Centre"), but an id-like text one letter off a role id is a typo of it
    if (isStr(inj.from) && ID_RE.test(inj.from) && !ids.role.has(inj.from)) {
      const role = nearest(inj.from, [...ids.role.keys()].filter((id) => ID_RE.test(id)));
      if (role) warn([...p, 'from'], 'from-role', say('from-role.message', { id: idOf(inj.id), from: inj.from }), say('from-role.hint', { role }));
      else {
        // the id of a unit (or an area...) as the sender: the MSEL and the report would show the bare id
        const other = (['unit', 'area', 'shelter', 'node'] as const).find((k) => ids[k].has(inj.from as string));
        const name = other ? ids[other].get(inj.from)?.name : undefined;
        const written = isStr(name) ? name : isObj(name) ? `{ ${['vi', 'en'].filter((l) => isStr(name[l])).map((l) => `${l}: ${name[l]}`).join(', ')} }` : undefined;
        if (other) warn([...p, 'from'], 'from-id', say('from-id.message', { id: idOf(inj.id), from: inj.from, a_kind: withArticle(kindWord(other)) }), written ? say('from-id.hint-name', { written }) : say('from-id.hint'));
      }
    }
    if (Array.isArray(inj.objectives)) inj.objectives.forEach((o, j) => ref([...p, 'objectives', j], o, ['objective']));
    const triggers = ['at', 'when', 'contingency'].filter((k) => inj[k] !== undefined);
    if (triggers.length > 1) err(p, 'trigger', say('trigger.message', { id: idOf(inj.id), has: joined(triggers) }), say('trigger.hint-keep'));
    if (triggers.length === 0) err(p, 'trigger', say('trigger.none', { id: idOf(inj.id) }), triggerExamples());
    inHorizon([...p, 'at'], inj.at, say('what.inject', { id: idOf(inj.id) }));
    if (typeof inj.seq === 'number') {
      const first = seqs.get(inj.seq);
      // name the other row: in a long MSEL the planner has to decide which of the two to renumber
      if (first) warn([...p, 'seq'], 'duplicate-seq', say('duplicate-seq.message', { seq: inj.seq, id: first.id, first: first.i }), say('duplicate-seq.hint'));
      else seqs.set(inj.seq, { i, id: String(inj.id) });
    }
    if (isObj(inj.when)) {
      ref([...p, 'when', 'hazard'], inj.when.hazard, ['hazard']);
      ref([...p, 'when', 'area'], inj.when.area, ['area']);
      ref([...p, 'when', 'incident_kind'], inj.when.incident_kind, ['kind'], INCIDENT_KIND);
      ref([...p, 'when', 'road_cut'], inj.when.road_cut, ['edge'], ROAD);
      checkInjectCondition(inj.when, p, String(inj.id));
    }
    if (isObj(inj.contingency)) {
      // the MSEL's number of the inject chased (`for: 2`, as the sheet's 'if not done 1h after #2'): the id it has
      const written = inj.contingency.for;
      const n = typeof written === 'number' ? written : isStr(written) && /^#\s*\d+$/.test(written.trim()) ? Number(written.trim().slice(1)) : undefined;
      if (n === undefined) ref([...p, 'contingency', 'for'], written, ['inject']);
      else {
        const target = collections.inject.list.find(([, x]) => x.seq === n && isStr(x.id))?.[1];
        issues.push({ path: [...p, 'contingency', 'for'], code: 'type', severity: 'error', replaces: true,
          message: say(target ? 'for-seq.message' : 'for-number.message', { n, id: idOf(target?.id) }), hint: target ? say('for-seq.hint', { id: idOf(target.id) }) : say('for-number.hint') });
      }
      const target = isStr(inj.contingency.for) ? ids.inject.get(inj.contingency.for) : undefined;
      // `expected` misspelt there (ẽpected, as a Telex keyboard types it) is said at that key: not also here as missing
      const misspelt = target !== undefined && Object.keys(target).some((k) => k !== 'expected' && nearest(k, ['expected']) === 'expected');
      if (target && !isObj(target.expected) && !misspelt) err([...p, 'contingency', 'for'], 'no-expected', say('no-expected.message', { id: String(inj.contingency.for) }), say('no-expected.hint'));
      // chasing an inject at a set time: the earliest it can come is that time and `after`, which may be past the end
      const from = target ? seconds(target.at) : undefined, after = seconds(inj.contingency.after);
      if (from !== undefined && after !== undefined && horizon !== undefined && from + after > horizon) {
        warn([...p, 'contingency', 'after'], 'outside-horizon', say('chase-horizon.message', { id: idOf(inj.id), after: String(inj.contingency.after), target: String(target!.id), at: String(target!.at), t: formatClock(from + after), horizon: String(raw.horizon) }), say('chase-horizon.hint', { latest: formatDuration(horizon - from) }));
      }
    }
    if (isObj(inj.expected)) {
      commandAsKey(inj.expected, [...p, 'expected'], 'expected');
      checkCommandRefs(inj.expected, [...p, 'expected']);
    }
    if (isObj(inj.decision)) {
      const opts = items(inj.decision.options);
      const optIds = [...new Set(opts.map(([, o]) => o.id).filter(isStr))];
      // two options with one id: an answer names an option by its id, and only the first would ever be taken
      const firstOpt = new Map<string, number>();
      for (const [j, o] of opts) {
        if (!isStr(o.id)) continue;
        const first = firstOpt.get(o.id);
        if (first === undefined) { firstOpt.set(o.id, j); continue; }
        err([...p, 'decision', 'options', j, 'id'], 'duplicate-id', say('dup.message', { what: say('label.option'), id: o.id }), say('dup.hint', { first: formatPath([...p, 'decision', 'options', first]), what: say('label.option') }));
      }
      if (isStr(inj.decision.default) && !optIds.includes(inj.decision.default)) {
        err([...p, 'decision', 'default'], 'unknown-id', say('default-option.message', { id: inj.decision.default }), didYouMeanSay(inj.decision.default, optIds));
      }
      for (const [j, o] of opts) {
        for (const [k, c] of items(o.commands)) {
          commandAsKey(c, [...p, 'decision', 'options', j, 'commands', k], 'command');
          evacuateArea(c, [...p, 'decision', 'options', j, 'commands', k], say('coast.option-orders', { option: idOf(o.id), id: idOf(inj.id) }));
          checkCommandRefs(c, [...p, 'decision', 'options', j, 'commands', k]);
        }
      }
      // a deadline past the end: nobody's silence is ever taken for the default
      const at = seconds(inj.at), deadline = seconds(inj.decision.deadline);
      if (at !== undefined && deadline !== undefined && horizon !== undefined && at + deadline > horizon && at <= horizon) {
        warn([...p, 'decision', 'deadline'], 'outside-horizon', say('deadline-horizon.message', { id: idOf(inj.id), at: String(inj.at), deadline: String(inj.decision.deadline), t: formatClock(at + deadline), horizon: String(raw.horizon), option: String(inj.decision.default) }), say('deadline-horizon.hint', { latest: formatDuration(horizon - at) }));
      }
    }
  }
  /**
   * A condition that waits for nothing holds at the first check: the engine reads `above` and `alarm` only of
   * the hazard named, and `risk_at_least` only of a hazard or an area, so one without them is delivered at T+00:00.
   */
  function checkInjectCondition(w: Obj, p: PathSegment[], id: string) {
    // an alarm is read only of a river with alarm levels: those are the hazards it can mean
    const hazardHint = (key: string): Say => {
      const hazards = [...ids.hazard].filter(([, h]) => key !== 'alarm' || isObj(h.alarms)).map(([hid]) => hid);
      if (hazards.length === 1) return say('when-no-hazard.hint', { hazard: hazards[0] });
      return hazards.length > 0 ? say('when-no-hazard.hint-which', { hazards: joined(hazards) }) : say('when-no-hazard.none');
    };
    let said = false;
    if (w.hazard === undefined) {
      for (const key of ['above', 'alarm']) {
        if (w[key] === undefined) continue;
        err([...p, 'when', key], 'when-no-hazard', say('when-no-hazard.message', { id, key, value: String(w[key]) }), hazardHint(key));
        said = true;
      }
      if (w.risk_at_least !== undefined && w.area === undefined) {
        err([...p, 'when', 'risk_at_least'], 'when-no-hazard', say('when-risk-where.message', { id, value: String(w.risk_at_least) }), say('when-risk-where.hint'));
        said = true;
      }
    }
    // alarm levels are a river gauge's: on any other hazard the alarm is never reached
    const h = isStr(w.hazard) ? ids.hazard.get(w.hazard) : undefined;
    if (isStr(w.alarm) && h && !isObj(h.alarms)) {
      const rivers = [...ids.hazard].filter(([, x]) => isObj(x.alarms)).map(([hid]) => hid);
      err([...p, 'when', 'alarm'], 'no-alarms', say('inject-no-alarms.message', { id, alarm: w.alarm, hazard: String(w.hazard) }),
        rivers.length > 0 ? say('inject-no-alarms.hint', { rivers: joined(rivers), hazard: String(w.hazard) }) : say('inject-no-alarms.hint-none', { hazard: String(w.hazard) }));
    }
    const onHazard = w.above !== undefined || w.alarm !== undefined || w.risk_at_least !== undefined;
    const waits = (w.hazard !== undefined && onHazard) || (w.area !== undefined && w.risk_at_least !== undefined)
      || w.incident_kind !== undefined || w.severity_at_least !== undefined || w.road_cut !== undefined;
    if (waits || said) return;
    if (isStr(w.hazard)) err([...p, 'when'], 'when-empty', say('when-hazard-only.message', { id, hazard: w.hazard }), say(isObj(ids.hazard.get(w.hazard)?.alarms) ? 'when-hazard-only.hint-alarms' : 'when-hazard-only.hint', { hazard: w.hazard }));
    else err([...p, 'when'], 'when-empty', say('when-empty.message', { id }), say('when-empty.hint'));
  }
  /**
   * An order with its command written as a key (`{ evacuate: zone }`, as one says it): the shape check found `do:`
   * missing and `evacuate` unknown, two errors for one mistake, and neither named what to write. One error, at the
   * key written, with the order to write: the id given when it is one of the kind the command names, the zones of
   * an area for an evacuation, else the ids to choose from. `kind`: an expected action names its keys as it likes;
   * a command needs them all (`<id>` for those not written).
   */
  function commandAsKey(c: Obj, p: PathSegment[], kind: 'expected' | 'command') {
    if (c.do !== undefined) return;
    const cmds = Object.keys(c).filter((k): k is (typeof COMMANDS)[number] => (COMMANDS as readonly string[]).includes(k));
    if (cmds.length !== 1) return;
    const cmd = cmds[0];
    const v = c[cmd];
    if (isObj(v) || Array.isArray(v)) return;
    const [key, ...others] = COMMAND_KEYS[cmd];
    const collection: Collection = key === 'unit' ? 'unit' : key === 'zone' ? 'zone' : key === 'shelter' ? 'shelter' : key === 'edge' ? 'edge' : 'area';
    const known = [...ids[collection].keys()].filter((id) => ID_RE.test(id));
    const value = v === null || v === undefined ? undefined : String(v);
    const scalar = (x: unknown) => (typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? String(x) : '...');
    // the order as written, with `do:` in place of the command and its id (the rest kept as they are)
    const placeholder = (k: string) => (k === 'level' ? '<level>' : k === 'message' ? '<text>' : '<id>');
    const text = (id: string) => {
      // a command takes its own keys only (the shape check says any other); an expected action also `within` and a message
      const rest = Object.entries(c).filter(([k]) => k !== cmd && k !== key && (kind === 'expected' || others.includes(k))).map(([k, x]) => `${k}: ${scalar(x)}`);
      const missing = kind === 'command' ? others.filter((k) => c[k] === undefined).map((k) => `${k}: ${placeholder(k)}`) : [];
      return `{ ${[`do: ${cmd}`, `${key}: ${c[key] !== undefined ? scalar(c[key]) : id}`, ...missing, ...rest].join(', ')} }`;
    };
    const label = labelWord(collection);
    let hint: Say;
    const meant = value === undefined ? undefined : known.includes(value) ? value : nearest(value, known);
    const inArea = cmd === 'evacuate' && value !== undefined && ids.area.has(value)
      ? collections.zone.list.filter(([, z]) => z.area === value && isStr(z.id)).map(([, z]) => z.id as string) : [];
    // a scenario's ids may be many: the first of them, and how many more
    const SHOWN = 16;
    const list = known.length > SHOWN ? say('command-key.more', { list: joined(known.slice(0, SHOWN)), n: known.length - SHOWN }) : joined(known);
    if (c[key] !== undefined || meant === value) hint = say('command-key.write', { text: text(value ?? '') });
    else if (meant !== undefined) hint = say('command-key.guess', { text: text(meant), label, near: meant });
    else if (inArea.length === 1) hint = say('command-key.zone-in-area', { text: text(inArea[0]), area: value! });
    else if (inArea.length > 1) hint = say('command-key.zones-in-area', { text: text('<id>'), area: value!, list: joined(inArea) });
    else if (known.length > 0) hint = say('command-key.choose', { text: text('<id>'), label, list });
    else hint = say('command-key.none', { text: text('<id>'), label, where: say('ref.key', { path: collections[collection].path.join('.') }) });
    issues.push({
      path: [...p, cmd], code: 'command-key', severity: 'error', atKey: true, replaces: true, covers: [[...p, 'do']],
      message: say('command-key.message', { written: value === undefined ? `${cmd}:` : `${cmd}: ${value}`, label, key }), hint,
    });
  }
  /** the two ways to say when an inject is delivered, written with the scenario's own ids, so the planner can copy one */
  function triggerExamples(): Say {
    const kind = collections.kind.list.map(([, k]) => k.id).find(isStr);
    return say('trigger.hint', { when: `when: { incident_kind: ${kind ?? '<id>'} }` });
  }
  /**
   * An order to evacuate an area (`{ do: evacuate, area: muong-xen }`): the shape check said `zone` missing and
   * `area` unknown (and, for a zone's id, an unknown area too). One error at the area, with the zone to name.
   */
  function evacuateArea(c: Obj, p: PathSegment[], what: Say) {
    if (c.do !== 'evacuate' || c.zone !== undefined || (!isStr(c.area) && typeof c.area !== 'number')) return;
    const value = String(c.area);
    issues.push({
      path: [...p, 'area'], code: 'evacuate-area', severity: 'error', replaces: true, covers: [[...p, 'zone']],
      message: say('evacuate-area.message', { what, value }), hint: evacuateAreaHint(value),
    });
  }
  function checkCommandRefs(c: Obj, p: PathSegment[]) {
    ref([...p, 'unit'], c.unit, ['unit']);
    ref([...p, 'zone'], c.zone, ['zone']);
    ref([...p, 'shelter'], c.shelter, ['shelter']);
    // an evacuation names no area: the area written is said as such (expected-key, evacuate-area), not also as unknown
    if (c.do !== 'evacuate') ref([...p, 'area'], c.area, ['area']);
    ref([...p, 'edge'], c.edge, ['edge'], ROAD);
    // incidents may be generated at run time (<generator>-<n>), so only scripted ids are checked when they look scripted
    if (isStr(c.incident) && !ids.incident.has(c.incident) && !misspeltIds.incident.has(c.incident) && !collections.generator.list.some(([, g]) => isStr(g.id) && c.incident!.toString().startsWith(`${g.id}-`)) && !collections.rule.list.some(([, r]) => isStr(r.id) && c.incident!.toString().startsWith(`${r.id}-`))) {
      err([...p, 'incident'], 'unknown-id', say('ref.unknown', { label: labelWord('incident'), value: c.incident }), unknownIdHint(c.incident, [...[...ids.incident.keys()].filter((id) => ID_RE.test(id)), ...misspeltIds.incident.keys()], ['incident'], { word: labelWord('incident') }));
    }
  }

  // sea bans: only an area that borders the sea (`coast: true`) has boats to keep in port; the engine refuses any other
  const coastal = collections.area.list.filter(([, a]) => a.coast === true && isStr(a.id)).map(([, a]) => a.id as string);
  const noCoastHint = (area?: string): Say => {
    const i = area === undefined ? undefined : collections.area.list.find(([, a]) => a.id === area)?.[0];
    const line = i === undefined ? undefined : source?.line?.([...collections.area.path, i]);
    // the area's index as well as its line: from a MSEL import the line is the scenario's, not the sheet's
    const mark = i === undefined ? undefined : line !== undefined ? say('coast.mark-line', { area: area!, i, line }) : say('coast.mark', { area: area!, i });
    const instead = coastal.length > 0 ? say('coast.name-coastal', { list: joined(coastal) }) : say('coast.mark-some');
    return mark ? say('coast.otherwise', { mark, instead }) : instead;
  };
  /** a sea ban a command (or an expected action) of the scenario would order where there is no sea; `what` says who orders it */
  const seaBanInland = (c: Obj, p: PathSegment[], what: Say, consequence: Say) => {
    if (c.do !== 'sea_ban') return;
    if (isStr(c.area)) {
      // an unknown area is reported as such; a misspelt one is the shape check's
      if (!ids.area.has(c.area) || ids.area.get(c.area)!.coast === true) return;
      err([...p, 'area'], 'no-coast', say('coast.ban-in', { what, area: c.area, consequence }), noCoastHint(c.area));
    } else if (coastal.length === 0) {
      // an expected action without an area matches a sea ban anywhere: there is nowhere
      err([...p, 'do'], 'no-coast', say('coast.ban-none', { what, consequence }), noCoastHint());
    }
  };
  for (const [i, inj] of collections.inject.list) {
    const p = [...collections.inject.path, i];
    if (isObj(inj.expected)) {
      const chasers = collections.inject.list.filter(([, x]) => isObj(x.contingency) && x.contingency.for === inj.id && isStr(x.id)).map(([, x]) => quoted(x.id as string));
      const consequence = chasers.length === 0 ? say('coast.never-done') : say(chasers.length > 1 ? 'coast.never-done-chasers' : 'coast.never-done-chaser', { list: joined(chasers) });
      seaBanInland(inj.expected, [...p, 'expected'], say('coast.inject-expects', { id: idOf(inj.id) }), consequence);
      // the engine matches every key the expected action gives against the order taken: a key the order never names is never matched
      const cmd = inj.expected.do;
      if (isStr(cmd) && cmd in COMMAND_KEYS) {
        const named = COMMAND_KEYS[cmd as keyof typeof COMMAND_KEYS];
        for (const key of ['unit', 'incident', 'zone', 'shelter', 'area', 'edge', 'level']) {
          if (inj.expected[key] === undefined || named.includes(key)) continue;
          const value = String(inj.expected[key]);
          // an evacuation expected of an area: the zones in it are what the order names
          const hint = cmd === 'evacuate' && key === 'area' ? evacuateAreaHint(value) : say('expected-key.hint', { cmd, keys: joined(named.map((k) => `\`${k}:\``), 'sep.and'), n: named.length, key });
          err([...p, 'expected', key], 'expected-key', say('expected-key.message', { id: idOf(inj.id), cmd, key, value, consequence }), hint);
        }
      }
    }
    if (!isObj(inj.decision)) continue;
    for (const [j, o] of items(inj.decision.options)) {
      const isDefault = isStr(o.id) && o.id === inj.decision.default;
      const what = say(isDefault ? 'coast.default-orders' : 'coast.option-orders', { option: idOf(o.id), id: idOf(inj.id) });
      for (const [k, c] of items(o.commands)) seaBanInland(c, [...p, 'decision', 'options', j, 'commands', k], what, say('empty'));
    }
  }
  // an area inside a coastal one need not have a coast, but an area with a coastal area inside it has one
  for (const [i, a] of collections.area.list) {
    if (a.coast === true || !isStr(a.id)) continue;
    const inner = collections.area.list.filter(([, x]) => x.coast === true && isStr(x.id) && x.id !== a.id && within(x.id as string, a.id as string, parentOf)).map(([, x]) => x.id as string);
    if (inner.length === 0) continue;
    warn([...collections.area.path, i, 'id'], 'parent-coast', say('parent-coast.message', { id: a.id, inner: joined(inner.map(quoted)), n: inner.length }), say('parent-coast.hint', { id: a.id }));
  }

  // objectives
  const metricTarget: Record<string, Collection[]> = {
    evacuated_share: ['zone'], first_on_scene_s: ['incident', 'kind'], contained_s: ['incident', 'kind'], people_lost: ['area'],
    rescued_share: ['area'], level_declared_s: ['area'], support_requested_s: ['area'], decision_latency_s: ['inject'],
    shelter_peak_share: ['shelter'], resolved_share: ['kind'], stock_days_min: ['area'], mean_response_s: ['kind'],
  };
  for (const [i, o] of collections.objective.list) {
    const p = [...collections.objective.path, i];
    if (isStr(o.capability) && !(CORE_CAPABILITIES as readonly string[]).includes(o.capability)) {
      const meant = coreCapabilityMeant(o.capability);
      warn([...p, 'capability'], 'core-capability', say('core-capability.message', { name: o.capability }), meant ? say('hint.did-you-mean', { near: meant }) : say('core-capability.hint'));
    }
    const c = isObj(o.criterion) ? o.criterion : undefined;
    if (!c) continue;
    if (isStr(c.metric) && metricTarget[c.metric]) ref([...p, 'criterion', 'of'], c.of, metricTarget[c.metric], { word: say('verbatim', { text: joined(metricTarget[c.metric].map(labelWord), 'sep.or') }) });
    inHorizon([...p, 'criterion', 'by'], c.by, say('what.objective-deadline', { id: idOf(o.id) }));
    const rated = isObj(o.rating) ? o.rating : undefined;
    // a duration reads as its seconds, for a metric in seconds; for any other metric, say what the metric counts
    const metric = isStr(c.metric) && c.metric in METRICS ? c.metric as MetricName : undefined;
    const values: [PathSegment[], unknown][] = [[[...p, 'criterion', 'threshold'], c.threshold], ...(['P', 'S', 'M'] as const).map((k) => [[...p, 'rating', k], rated?.[k]] as [PathSegment[], unknown])];
    for (const [vp, v] of values) if (metric && isStr(v) && !metric.endsWith('_s')) issues.push(notAValueOf(metric, v, vp));
    // a value the metric can never take: the objective would be met in every run or in none, and nothing would say why
    let impossible = false;
    for (const [vp, v] of values) {
      const bad = metric && typeof v === 'number' ? impossibleValue(metric, v, vp) : undefined;
      if (bad) issues.push(bad);
      if (bad?.severity === 'error') impossible = true;
    }
    const num = (v: unknown) => (typeof v === 'number' ? v : metric?.endsWith('_s') ? seconds(v) : undefined);
    const r = rated ? { P: num(rated.P), S: num(rated.S), M: num(rated.M) } : undefined;
    const threshold = num(c.threshold);
    // (values the metric never takes are said above: their order against each other would say nothing more)
    if (!impossible && r && r.P !== undefined && r.S !== undefined && r.M !== undefined && isStr(c.comparator)) {
      const up = c.comparator === '>=' || c.comparator === '>';
      const down = c.comparator === '<=' || c.comparator === '<';
      if ((up && !(r.P >= r.S && r.S >= r.M)) || (down && !(r.P <= r.S && r.S <= r.M))) {
        err([...p, 'rating'], 'rating-order', say('rating-order.message', { id: idOf(o.id), cmp: c.comparator }), say(up ? 'rating-order.up' : 'rating-order.down'));
      } else if (threshold !== undefined && (up || down)) {
        // the criterion's threshold should sit between S and P: met means rated P (or P and S), never M or U
        const T = threshold;
        // in the metric's own terms: 'threshold 15s is stricter than P 8m' shows a 15 meant as minutes, '900' vs '480' does not
        const shown = (x: number) => (metric?.endsWith('_s') ? formatDuration(x) : String(x));
        if (up ? T > r.P : T < r.P) warn([...p, 'criterion', 'threshold'], 'rating-criterion', say('rating-criterion.strict', { id: idOf(o.id), t: shown(T), p: shown(r.P) }), say('rating-criterion.strict-hint'));
        else if (up ? T < r.S : T > r.S) warn([...p, 'criterion', 'threshold'], 'rating-criterion', say('rating-criterion.loose', { id: idOf(o.id), t: shown(T), s: shown(r.S) }), say('rating-criterion.loose-hint'));
      }
    }
  }

  // doctrine: a reserve kept for an area names the area
  const doctrine = isObj(raw.doctrine) ? raw.doctrine : {};
  if (isObj(doctrine.keep_home)) for (const a of Object.keys(doctrine.keep_home)) ref(['doctrine', 'keep_home', a], a, ['area']);
  // a reserve as large as an area's force: a unit leaves only while that many others stay, so none ever goes to support
  const keep = doctrine.keep_home;
  if (Number.isInteger(keep) || isObj(keep)) {
    const force = new Map<string, number>();
    for (const [, u] of collections.unit.list) if (isStr(u.home) && u.responds_anywhere !== true) force.set(u.home, (force.get(u.home) ?? 0) + 1);
    const held: { id: string; n: number; units: number }[] = [];
    // with a number: the communes with more units than it, where a reserve of that size leaves some to send
    const larger: string[] = [];
    if (typeof keep === 'number') {
      for (const [, a] of collections.area.list) {
        if (!isStr(a.id) || a.tier !== 'commune' || keep <= 0 || (force.get(a.id) ?? 0) === 0) continue;
        if (force.get(a.id)! <= keep) held.push({ id: a.id, n: keep, units: force.get(a.id)! });
        else larger.push(a.id);
      }
    } else {
      for (const [id, n] of Object.entries(keep as Obj)) if (typeof n === 'number' && Number.isInteger(n) && n > 0 && (force.get(id) ?? 0) > 0 && (force.get(id) ?? 0) <= n) held.push({ id, n, units: force.get(id)! });
    }
    if (held.length > 0) {
      const units = (n: number) => say('units', { n });
      const list = joined(held.map((h) => say('keep.item', { id: h.id, units: units(h.units) })));
      const path: PathSegment[] = typeof keep === 'number' || held.length > 1 ? ['doctrine', 'keep_home'] : ['doctrine', 'keep_home', held[0].id];
      // one number for all, or one area: "keeps 1 unit at home in ..."; several areas named, each with its own number: "keeps at home in ... as many units as each has"
      const kept = typeof keep === 'number' || held.length === 1 ? say(held.length === 1 ? 'keep.kept-it' : 'keep.kept-each', { units: units(held[0].n), list }) : say('keep.kept-all', { list });
      const hint = typeof keep !== 'number'
        ? say(held.length === 1 ? 'keep.fewer-1' : 'keep.fewer')
        : larger.length > 0
          ? say('keep.name-larger', { list: joined(larger.map((id) => `${id}: ${keep}`)) })
          : say('keep.name');
      warn(path, 'keep-all', say('keep.message', { kept, n: held.length }), hint);
    }
  }
  return issues;
}

/**
 * A number an objective's metric never takes: a share above 1 (`threshold: 95` meant as 95 %, which no run
 * reaches) or any value below 0; for a metric in seconds, a number under a minute, which is most likely
 * minutes written without their unit (a warning: it reads as seconds).
 */
function impossibleValue(metric: MetricName, v: number, path: PathSegment[]): RawIssue | undefined {
  // a shelter's peak over its capacity may be read past 1 (rated M up to 1.2, say); twice its capacity is a percentage
  const most = metric === 'shelter_peak_share' ? 2 : 1;
  if (metric.endsWith('_share') && (v < 0 || v > most || (most === 2 && v === 2))) {
    // 95 is surely 95 %; 1.5 is no clear percentage
    const pct = v >= 2 && v <= 100 ? say('share-range.pct', { v, share: Math.round(v * 100) / 10_000 }) : say('share-range.write');
    return { path, code: 'share-range', message: say('share-range.message', { v, metric }), hint: pct, severity: 'error' };
  }
  if (v < 0) return { path, code: 'negative', message: say('negative.message', { v, metric }), hint: say(metric.endsWith('_s') ? 'negative.time' : 'negative.plain'), severity: 'error' };
  if (metric.endsWith('_s') && v > 0 && v < 60) {
    // 15: minutes without their unit; 0.9: a share carried over from another objective
    const hint = Number.isInteger(v) ? say('seconds.minutes', { v }) : say('seconds.write');
    return { path, code: 'seconds', message: say('seconds.message', { v, metric }), hint, severity: 'warning' };
  }
  return undefined;
}

/** A text where a metric that is not in seconds wants a number: a duration means nothing there, '90%' is 0.9. */
function notAValueOf(metric: MetricName, v: string, path: PathSegment[]): RawIssue {
  const pct = /^(\d+(?:\.\d+)?)\s*(?:%|percent|per cent|phần trăm)$/i.exec(v.trim());
  const share = metric.endsWith('_share');
  // a word for the number ('ninety percent', 'fifty'): an example that fits the metric, a share or a count of people
  const words = share ? 'value.share-digits' : metric === 'people_lost' ? 'value.whole-digits' : 'value.number';
  const hint = pct && share ? say('value.share', { metric, share: Number(pct[1]) / 100 }) : say(words, { metric, what: metricWords(metric) });
  const message = parseDuration(v).ok ? say('value.duration', { v, metric }) : say('type.expected', { expected: say('expect.number'), got: say('value.text', { text: v }) });
  return { path, code: 'type', message, hint, severity: 'error', replaces: true };
}

// ---------------------------------------------------------------- counts written with a thousands separator

/** Keys whose values count people or things (inside them, every number does: `people: { uniform: [8, 20] }`). */
export const COUNT_KEYS = new Set(['population', 'vulnerable', 'crew', 'capacity_people', 'people', 'stock_person_days', 'supplies_person_days', 'rate_people_per_hour', 'area_m2']);
/** 21.000 or 1.250.000: in Vietnamese (and much of Europe) the '.' groups thousands; YAML reads a decimal point. */
const DOT_GROUPS = /^\d{1,3}(?:\.\d{3})+$/;
/** 21,000 or 21 000 where a number was meant: YAML reads a text. */
const OTHER_GROUPS = /^\d{1,3}(?:[,\u00a0 ]\d{3})+$/;

/**
 * A count written `21.000` is read as 21 people, and nothing else would say
 * so: the value is a valid number. Only the file as written shows it.
 */
function thousandsSeparators(raw: Obj, source: SourceText): RawIssue[] {
  const out: RawIssue[] = [];
  const visit = (v: unknown, path: PathSegment[], counting: boolean) => {
    const key = path[path.length - 1];
    if (Array.isArray(v)) { v.forEach((x, i) => visit(x, [...path, i], counting)); return; }
    if (isObj(v)) { for (const [k, x] of Object.entries(v)) visit(x, [...path, k], counting || COUNT_KEYS.has(k) || (path[0] === 'generators' && k === 'max')); return; }
    if (!counting || key === 'sigma') return;
    const written = typeof v === 'number' ? source.written(path)?.trim() : typeof v === 'string' ? v.trim() : undefined;
    if (written === undefined) return;
    const digits = written.replace(/[.,\u00a0 ]/g, '');
    if (typeof v === 'number' && DOT_GROUPS.test(written)) {
      out.push({ path, code: 'thousands-separator', message: say('thousands.reads-as', { written, v }), hint: say('thousands.hint', { digits }), severity: 'error', replaces: true });
    } else if (typeof v === 'string' && (OTHER_GROUPS.test(written) || DOT_GROUPS.test(written))) {
      out.push({ path, code: 'thousands-separator', message: say('thousands.text', { written }), hint: say('thousands.hint', { digits }), severity: 'error', replaces: true });
    }
  };
  visit(raw, [], false);
  return out;
}

/**
 * The core capability a name not HSEEP's stands for: the same in another case, the one whose words it all has
 * ('Search and Rescue' in 'Mass Search and Rescue Operations'; the shortest such), else one a few letters off.
 */
function coreCapabilityMeant(name: string): string | undefined {
  const lower = name.toLowerCase();
  const same = CORE_CAPABILITIES.find((c) => c.toLowerCase() === lower);
  if (same) return same;
  const words = (t: string) => t.toLowerCase().split(/[^a-z]+/).filter((w) => w && w !== 'and');
  const mine = words(name);
  const containing = mine.length ? CORE_CAPABILITIES.filter((c) => mine.every((w) => words(c).includes(w))).sort((a, b) => a.length - b.length) : [];
  return containing[0] ?? nearest(name, CORE_CAPABILITIES);
}
