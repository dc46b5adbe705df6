/**
 * The scenario format: one zod schema that is the source of truth for the
 * TypeScript types (z.output), the loader's shape checks, and the JSON Schema
 * that editors use (`drill schema`, z.toJSONSchema with io: 'input').
 *
 * Durations and times are written in one notation (see duration.ts) and read
 * as integer seconds; distributions are written as a plain value (fixed) or a
 * one-key object ({ uniform: [20m, 40m] }). Codecs decode both and encode
 * them back, so parse -> serialise -> parse gives an equal scenario.
 * Cross-references (ids) are checked in check.ts, not here.
 */
import { z } from 'zod';
import type { Dist } from '../core/distributions.js';
import { distProblems } from '../core/distributions.js';
import { DURATION_HINT, DURATION_HINT_SAY, DURATION_PATTERN, formatClock, formatDuration, parseDuration, timeHintSay } from './duration.js';
import { say, sayIn, type IssueKey, type Say } from './say.js';
import { ID_RE, MODES } from './vocabulary.js';

export const FORMAT_VERSION = 1;

// ---------------------------------------------------------------- vocabularies

export const CAPABILITIES = ['rescue', 'fire', 'medical', 'transport', 'engineering', 'chemical', 'boat', 'logistics', 'command'] as const;
export { ID_RE, MODES };
export const OWNERS = [
  'military', 'border-guard', 'police-fire-rescue', 'police', 'militia', 'commune-police', 'shock-team',
  'youth-volunteers', 'red-cross', 'health-115', 'forest-rangers', 'utility', 'hydropower', 'civilian', 'other',
] as const;
export const CATEGORIES = ['specialised', 'part-time', 'broad'] as const;
export const TIERS = ['national', 'province', 'district', 'commune'] as const;
export const EXERCISE_TYPES = ['tabletop', 'functional', 'drill', 'full-scale'] as const;
export const HAZARD_KINDS = ['typhoon', 'rainfall', 'river', 'reservoir', 'fire-weather', 'other'] as const;
export const METHODS = ['phone', 'radio', 'dispatch', 'bulletin', 'social-media', 'email', 'in-person', 'hotline'] as const;
export const COMPARATORS = ['>=', '<=', '>', '<', '=='] as const;
export const RATINGS = ['P', 'S', 'M', 'U'] as const;

/** Metrics an objective's criterion can name; computed from the run log (engine/review). */
export const METRICS = {
  evacuated_share: 'share of a zone\'s people (or all zones) in shelters by the deadline (0-1)',
  first_on_scene_s: 'seconds from report to the first unit on scene, for an incident or the worst over a kind (or all)',
  contained_s: 'seconds from report to containment, for an incident or the worst over a kind (or all)',
  mean_response_s: 'mean seconds from report to first unit on scene over all incidents that got one',
  people_lost: 'people lost, in an area or in all',
  rescued_share: 'share of people at risk who were rescued (0-1), in an area or in all',
  level_declared_s: 'seconds from T0 until a civil-defence level was declared in an area (Infinity if never)',
  support_requested_s: 'seconds from T0 until support was requested for an area (Infinity if never)',
  decision_latency_s: 'seconds from an inject\'s delivery to the decision it called for (Infinity if never)',
  shelter_peak_share: 'peak occupancy of a shelter (or all) over its capacity (0-1+)',
  resolved_share: 'share of incidents resolved by the deadline (0-1)',
  stock_days_min: 'fewest days of supplies left in any isolated area (or one area)',
} as const;
export type MetricName = keyof typeof METRICS;

// ---------------------------------------------------------------- primitives

/** The message of Id's pattern: how the loader tells an id (a list's item too: `commands: [tl-dân-quân]`) from a duration. */
export const ID_PATTERN_MESSAGE = 'an id is lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

export const Id = z
  .string()
  .regex(ID_RE, { message: ID_PATTERN_MESSAGE })
  .describe('identifier: lower-case letters, digits, ".", "_" and "-"');

/** A text in Vietnamese and/or English; a plain string is shown in both. */
export const Text = z
  .union([
    z.string(),
    z
      .strictObject({ vi: z.string().optional(), en: z.string().optional() })
      .refine((t) => t.vi !== undefined || t.en !== undefined, { message: 'give at least one of vi, en', params: { words: { message: say('text.vi-or-en') } } }),
  ])
  .describe('text: a string, or { vi: ..., en: ... }');
export type Text = z.output<typeof Text>;

function durationCodec(encodeAs: 'duration' | 'clock', allowNegative = false) {
  // the loader tells the two apart by this message: a time gets "write T+05:40", a duration the list of forms
  const what = encodeAs === 'clock' ? 'not a time' : 'not a duration';
  return z.codec(
    z.string().regex(new RegExp(DURATION_PATTERN), { message: what }).describe(`duration or time since T0: ${DURATION_HINT}`),
    z.number().int(),
    {
      decode: (text, ctx) => {
        const r = parseDuration(text);
        if (!r.ok) {
          const hint = encodeAs === 'clock' ? timeHintSay(text) : DURATION_HINT_SAY;
          ctx.issues.push({ code: 'custom', message: r.message, input: text, params: { hint: sayIn(hint, 'en'), words: { message: r.words, hint } } });
          return z.NEVER;
        }
        if (r.seconds < 0 && !allowNegative) {
          // a time before T0 (`at: -30m`, an inject before the drill starts): without its minus sign it would come after
          const words = encodeAs === 'clock' ? { message: say('time.negative', { text }), hint: say('negative.before-start') } : { message: say('duration.negative', { text }), hint: say('negative.time') };
          ctx.issues.push({ code: 'custom', message: sayIn(words.message, 'en'), input: text, params: { code: 'negative-duration', hint: sayIn(words.hint, 'en'), words } });
          return z.NEVER;
        }
        return r.seconds;
      },
      encode: (seconds) => (encodeAs === 'clock' ? formatClock(seconds) : formatDuration(seconds)),
    },
  );
}
/** A length of time: 90s, 45m, 2h30m. */
export const Duration = durationCodec('duration');
/** A point in scenario time, as time since T0: T+02:30 (2h30m also reads). */
export const Offset = durationCodec('clock');

const Probability = z.number().min(0).max(1).describe('probability between 0 and 1');
const Count = z.number().int().nonnegative();
const Positive = z.number().positive();

export const Coords = z
  .strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })
  .describe('WGS84 position: { lat: 19.28, lon: 104.07 }');
export type Coords = z.output<typeof Coords>;

// ---------------------------------------------------------------- distributions

/**
 * A distribution of durations (or of counts): a plain value is fixed; a
 * one-key object names the family. Decoded to core/distributions Dist.
 */
function distCodec(value: z.ZodType<number, any>, label: string, labelWords: Say, show: (n: number) => string = String) {
  const input = z.union([
    value,
    z.strictObject({ fixed: value }),
    z.strictObject({ uniform: z.tuple([value, value]).describe('[min, max]') }),
    z.strictObject({ exponential: value.describe('mean') }),
    z.strictObject({ normal: z.strictObject({ mean: value, sd: value, min: value.optional(), max: value.optional() }) }),
    z.strictObject({ lognormal: z.strictObject({ median: value, sigma: z.number() }) }),
    z.strictObject({ triangular: z.tuple([value, value, value]).describe('[min, mode, max]') }),
  ]).describe(`${label}: a value, or one of { uniform: [min, max] }, { exponential: mean }, { normal: { mean, sd, min?, max? } }, { lognormal: { median, sigma } }, { triangular: [min, mode, max] }`);
  return z.codec(input, z.custom<Dist>(), {
    decode: (v: any, ctx) => {
      const d = toDist(v);
      for (const p of distProblems(d)) {
        const words = { message: say('dist.message', { label: labelWords, problem: say(`dist.${p.key}` as IssueKey, shown(p.params, d, show)) }), hint: say('dist.hint') };
        ctx.issues.push({ code: 'custom', message: sayIn(words.message, 'en'), input: v, params: { code: 'bad-distribution', hint: sayIn(words.hint, 'en'), words } });
      }
      return d;
    },
    encode: (d: Dist) => fromDist(d) as any,
  });
}

/**
 * A problem's figures as the planner wrote them: the loader has turned `uniform: [30m, 5m]` into seconds, and
 * "min (1800) is greater than max (300)" would send them converting back to find the line's mistake.
 */
function shown(params: Record<string, string | number>, d: Dist, show: (n: number) => string): Record<string, string | number> {
  if (show === String) return params;
  const out = { ...params };
  for (const k of ['min', 'max', 'mean', 'sd', 'median', 'mode', 'v']) if (typeof out[k] === 'number') out[k] = show(out[k]);
  if ('interval' in out && d.kind === 'normal') out.interval = `[${d.min === undefined ? '-infinity' : show(d.min)}, ${d.max === undefined ? 'infinity' : show(d.max)}]`;
  return out;
}

function toDist(v: any): Dist {
  if (typeof v === 'number') return { kind: 'fixed', value: v };
  if ('fixed' in v) return { kind: 'fixed', value: v.fixed };
  if ('uniform' in v) return { kind: 'uniform', min: v.uniform[0], max: v.uniform[1] };
  if ('exponential' in v) return { kind: 'exponential', mean: v.exponential };
  if ('normal' in v) {
    const n = v.normal;
    return { kind: 'normal', mean: n.mean, sd: n.sd, ...(n.min !== undefined ? { min: n.min } : {}), ...(n.max !== undefined ? { max: n.max } : {}) };
  }
  if ('lognormal' in v) return { kind: 'lognormal', median: v.lognormal.median, sigma: v.lognormal.sigma };
  return { kind: 'triangular', min: v.triangular[0], mode: v.triangular[1], max: v.triangular[2] };
}

function fromDist(d: Dist): unknown {
  switch (d.kind) {
    case 'fixed': return d.value;
    case 'uniform': return { uniform: [d.min, d.max] };
    case 'exponential': return { exponential: d.mean };
    case 'normal': return { normal: { mean: d.mean, sd: d.sd, ...(d.min !== undefined ? { min: d.min } : {}), ...(d.max !== undefined ? { max: d.max } : {}) } };
    case 'lognormal': return { lognormal: { median: d.median, sigma: d.sigma } };
    case 'triangular': return { triangular: [d.min, d.mode, d.max] };
  }
}

export const DurationDist = distCodec(Duration, 'duration distribution', say('dist.label-duration'), formatDuration);
export const CountDist = distCodec(z.number().nonnegative(), 'count distribution', say('dist.label-count'));

// ---------------------------------------------------------------- areas and travel

export const Area = z.strictObject({
  id: Id,
  name: Text,
  tier: z.enum(TIERS),
  parent: Id.optional().describe('the area one tier up'),
  population: Count,
  vulnerable: z.record(z.string(), Count).optional().describe('counts by group, e.g. { elderly: 1200, children: 3000, disabled: 150 }'),
  coords: Coords,
  node: Id.optional().describe('road node that stands for the area (default: the nearest node)'),
  stock_person_days: z.number().nonnegative().optional().describe('local stock of food and water, in person-days'),
  coast: z.boolean().optional().describe('true when the area itself borders the sea (boats put out from it), so a sea ban (sea_ban) can be ordered for it; absent or false: no coast, and a sea ban there is refused'),
});

// none at all ({}) would leave whatever it is for unable to move on any road or in a straight line, silently
const Speeds = z.partialRecord(z.enum(MODES), Positive)
  .refine((s) => Object.keys(s).length > 0, { message: 'give at least one mode with its speed, e.g. { road: 40 } or { foot: 4 }: with none, nothing moves', params: { code: 'no-modes', words: { message: say('speeds.none') } } })
  .describe('km/h per mode, e.g. { road: 40, foot: 4 }');

export const Node = z.strictObject({
  id: Id,
  name: Text.optional(),
  coords: Coords,
  area: Id.optional(),
});

export const Edge = z.strictObject({
  id: Id,
  name: Text.optional(),
  from: Id,
  to: Id,
  length_km: Positive.optional(),
  speed_kmh: Speeds.optional().describe('speed per mode; with length_km gives the travel time'),
  time: z.partialRecord(z.enum(MODES), Duration).optional().describe('travel time per mode; overrides length/speed'),
  two_way: z.boolean().default(true),
});

export const Travel = z.strictObject({
  speed_kmh: Speeds.default({ road: 40 }).describe('default speed per mode for units that do not set their own, and for straight-line travel'),
  detour: z.number().min(1).default(1.3).describe('straight-line distance is multiplied by this when there is no road network'),
  variability: CountDist.optional().describe('multiplier drawn per response trip, e.g. { uniform: [0.8, 1.2] }'),
  nodes: z.array(Node).default([]),
  edges: z.array(Edge).default([]),
});

// ---------------------------------------------------------------- forces

export const Unit = z.strictObject({
  id: Id,
  name: Text.optional(),
  owner: z.enum(OWNERS),
  category: z.enum(CATEGORIES),
  capabilities: z.partialRecord(z.enum(CAPABILITIES), z.number().positive()).describe('capacity per capability, e.g. { rescue: 2, medical: 1 }'),
  crew: z.number().int().positive(),
  base: Id.describe('road node, or an area when there is no road network'),
  home: Id.describe('home area'),
  mobilisation: DurationDist.default({ kind: 'fixed', value: 0 } as Dist).describe('time from dispatch to leaving base; part-time units take longer'),
  endurance: Duration.optional().describe('time on scene before the crew must rest'),
  rest: Duration.default(4 * 3600),
  speed_kmh: Speeds.optional(),
  responds_anywhere: z.boolean().default(false).describe('an emergency service (114, 115) that goes anywhere in the province without waiting for a request for support'),
});

// ---------------------------------------------------------------- hazards and rules

const Point = z.strictObject({ at: Offset, value: z.number() });
const TrackPoint = z.strictObject({
  at: Offset,
  coords: Coords,
  wind_force: z.number().int().min(0).max(17).describe('Beaufort force at the centre'),
  radius_km: z.number().nonnegative().describe('radius of force-6 winds'),
});
const RiskStep = z.strictObject({ from: z.number(), level: z.number().int().min(1).max(5) });

export const Hazard = z.strictObject({
  id: Id,
  kind: z.enum(HAZARD_KINDS),
  name: Text,
  areas: z.array(Id).min(1).describe('areas this hazard bears on'),
  unit: z.string().optional().describe("unit of the series values, e.g. 'mm/24h', 'm', 'm3/s', 'Beaufort'"),
  series: z.array(Point).optional().describe('values over time (linear between points)'),
  track: z.array(TrackPoint).optional().describe('typhoon track: the value for an area is the wind force when it is inside the radius'),
  alarms: z.strictObject({ bd1: z.number(), bd2: z.number(), bd3: z.number() }).optional().describe('river alarm levels BĐ1-3 at the gauge'),
  discharge: z.array(Point).optional().describe('reservoir discharge over time, m3/s'),
  risk: z.array(RiskStep).default([]).describe('disaster risk level by value: the highest step whose `from` the value reaches'),
  forecast: Duration.optional().describe('how far ahead the forecast bulletin looks: the risk level this hazard gives an area is the highest its value reaches from now until this much later (Decision 18/2021 publishes levels in forecast bulletins); unset: the level of the value now'),
});

const Condition = z.strictObject({
  above: z.number().optional(),
  below: z.number().optional(),
  alarm: z.enum(['bd1', 'bd2', 'bd3']).optional().describe('river at or above this alarm level'),
  risk_at_least: z.number().int().min(1).max(5).optional(),
});

const SpawnSpec = z.strictObject({
  kind: Id,
  area: Id,
  node: Id.optional(),
  severity: z.number().int().min(1).max(5).optional(),
  people: CountDist.optional(),
});

export const Effect = z.union([
  z.strictObject({ cut_road: Id }),
  z.strictObject({ degrade_road: Id, factor: z.number().gt(0).lt(1).describe('speed multiplier while degraded') }),
  z.strictObject({ reopen_road: Id }),
  z.strictObject({ spawn: SpawnSpec }),
  z.strictObject({ strike_zone: Id }),
]).describe('one of { cut_road }, { degrade_road, factor }, { reopen_road }, { spawn: { kind, area, ... } }, { strike_zone }');

export const Rule = z.strictObject({
  id: Id,
  hazard: Id.optional().describe('the hazard whose value the condition reads (omit for a pure timer)'),
  area: Id.optional().describe('area whose hazard value is read (default: the hazard\'s first area)'),
  when: Condition.default({}),
  while_incident: Id.optional().describe('checked only while an incident of this kind is open (reported, not yet resolved), in the rule\'s area if it has one'),
  from: Offset.default(0),
  until: Offset.optional(),
  every: Duration.default(1800).describe('how often the rule is checked while its condition holds'),
  probability: Probability.default(1),
  once: z.boolean().default(true),
  effect: Effect,
});

// ---------------------------------------------------------------- incidents

const Need = z.union([z.number().nonnegative(), z.array(z.number().nonnegative()).length(5)]);

export const IncidentKind = z.strictObject({
  id: Id,
  name: Text,
  need: z.partialRecord(z.enum(CAPABILITIES), Need).describe('capacity needed on scene per capability; a list gives it by severity 1-5'),
  work: DurationDist.describe('work at full capacity until contained'),
  assess: DurationDist.default({ kind: 'fixed', value: 0 } as Dist).describe('time from report to assessed'),
  severity: CountDist.default({ kind: 'fixed', value: 2 } as Dist).describe('initial severity 1-5'),
  escalate_every: Duration.optional().describe('severity rises by one this often while the capacity on scene is short'),
  ease_every: Duration.optional().describe('severity falls by one this often while the need is met'),
  people: CountDist.default({ kind: 'fixed', value: 0 } as Dist).describe('people at risk'),
  survival_half_life: Duration.optional().describe('time for the chance of survival of people at risk to halve'),
  mop_up: Duration.default(0).describe('from contained to resolved'),
  secondary: z.array(z.strictObject({
    kind: Id,
    probability: Probability,
    at_severity: z.number().int().min(1).max(5).default(4),
    delay: DurationDist.default({ kind: 'fixed', value: 0 } as Dist),
  })).default([]),
});

export const Incident = z.strictObject({
  id: Id,
  at: Offset,
  kind: Id,
  area: Id,
  node: Id.optional(),
  coords: Coords.optional(),
  severity: z.number().int().min(1).max(5).optional(),
  people: Count.optional(),
  name: Text.optional(),
});

export const Generator = z.strictObject({
  id: Id,
  rate_per_hour: Positive.describe('Poisson arrival rate'),
  kinds: z.record(Id, Positive).describe('kind id -> weight'),
  areas: z.array(Id).min(1).describe('incidents fall in these areas, weighted by population'),
  from: Offset.default(0),
  until: Offset.optional(),
  scatter_km: z.number().nonnegative().default(0).describe('incidents are placed uniformly in a square of this half-size around the area centre'),
  max: Count.optional().describe('stop after this many incidents'),
});

// ---------------------------------------------------------------- evacuation

export const Shelter = z.strictObject({
  id: Id,
  name: Text.optional(),
  area: Id,
  node: Id.optional().describe('road node evacuees travel to (default: the area\'s own place)'),
  coords: Coords.optional().describe('where the shelter stands, when no node is given (on a road network: at the nearest node)'),
  capacity_people: Count,
  area_m2: z.number().nonnegative().optional().describe('covered floor space; capacity is limited to area_m2 / m2_per_person'),
  supplies_person_days: z.number().nonnegative().default(0),
});

export const Zone = z.strictObject({
  id: Id,
  name: Text.optional(),
  area: Id,
  population: Count,
  vulnerable_share: z.number().min(0).max(1).default(0),
  shelters: z.array(Id).min(1),
  rate_people_per_hour: Positive.describe('people per hour the zone can move with its own means'),
  warning: Duration.default(900).describe('time from the order until people start to move'),
  hazard_arrives: Offset.optional().describe('people still in the zone then are at risk'),
  if_caught: Id.optional().describe('incident kind spawned for people caught in the zone when the hazard arrives'),
  speed_kmh: Speeds.optional().describe("how fast this zone's people travel to their shelters, per mode, in place of the whole of evacuation.speed_kmh: a highland village on foot ({ foot: 4 }), a ward with motorbikes ({ road: 30 }); a mode it does not list, its people cannot use"),
  node: Id.optional().describe('road node the zone\'s people set off from, and where people caught in it are found (default: the area\'s own place)'),
  coords: Coords.optional().describe('where the zone\'s people set off from and people caught in it are found, when no node is given (on a road network: from the nearest node)'),
});

export const Evacuation = z.strictObject({
  m2_per_person: z.number().positive().default(3.5).describe('covered space per sheltered person (Sphere: 3.5)'),
  step: Duration.default(600).describe('evacuation flows advance in steps of this length'),
  speed_kmh: Speeds.default({ road: 20 }).describe('how fast evacuees travel from their zone to a shelter, per mode, over the road network (or in a straight line, times detour, without one): with their own means (motorbikes, carts, on foot), slower than response units; default 20 km/h by road, the low end of a mountain road in good weather (docs/domain.md: 20-35 km/h; lowland 50-70 km/h; boat in floodwater 5-10 km/h)'),
  zones: z.array(Zone).default([]),
  shelters: z.array(Shelter).default([]),
});

// ---------------------------------------------------------------- commands (decisions)

export const Command = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('dispatch'), unit: Id, incident: Id }),
  z.strictObject({ do: z.literal('recall'), unit: Id }),
  z.strictObject({ do: z.literal('evacuate'), zone: Id }),
  z.strictObject({ do: z.literal('open_shelter'), shelter: Id }),
  z.strictObject({ do: z.literal('declare_level'), area: Id, level: z.number().int().min(0).max(3) }),
  z.strictObject({ do: z.literal('request_support'), area: Id }),
  z.strictObject({ do: z.literal('close_road'), edge: Id }),
  z.strictObject({ do: z.literal('open_road'), edge: Id }),
  z.strictObject({ do: z.literal('sea_ban'), area: Id }),
  z.strictObject({ do: z.literal('public_info'), area: Id, message: Text }),
]).describe('a command: { do: dispatch, unit, incident } | recall | evacuate | open_shelter | declare_level | request_support | close_road | open_road | sea_ban | public_info');
export type Command = z.output<typeof Command>;
export const COMMANDS = ['dispatch', 'recall', 'evacuate', 'open_shelter', 'declare_level', 'request_support', 'close_road', 'open_road', 'sea_ban', 'public_info'] as const;
/** What each command names besides `do` (as Command above has them). */
export const COMMAND_KEYS: Readonly<Record<(typeof COMMANDS)[number], readonly string[]>> = {
  dispatch: ['unit', 'incident'], recall: ['unit'], evacuate: ['zone'], open_shelter: ['shelter'], declare_level: ['area', 'level'],
  request_support: ['area'], close_road: ['edge'], open_road: ['edge'], sea_ban: ['area'], public_info: ['area', 'message'],
};

// ---------------------------------------------------------------- roles, injects, objectives

export const Role = z.strictObject({
  id: Id,
  name: Text,
  tier: z.enum(TIERS),
  area: Id,
  commands: z.array(Id).default([]).describe('units this role commands'),
  declares: z.array(z.number().int().min(1).max(3)).default([]).describe('civil-defence levels this role may declare'),
  supports: z.array(Id).default([]).describe('areas this role sends its units to on request (the next tier\'s support)'),
});

const Expected = z.strictObject({
  do: z.enum(COMMANDS),
  unit: Id.optional(),
  incident: Id.optional(),
  zone: Id.optional(),
  shelter: Id.optional(),
  area: Id.optional(),
  edge: Id.optional(),
  level: z.number().int().min(0).max(3).optional(),
  message: Text.optional().describe('for public_info: what doctrine says when it plays the role'),
  within: Duration.optional().describe('expected within this time of delivery'),
}).describe('the expected action: a command pattern, e.g. { do: evacuate, zone: ta-ca-bank, within: 1h }');

const InjectCondition = z.strictObject({
  hazard: Id.optional(),
  area: Id.optional(),
  above: z.number().optional(),
  alarm: z.enum(['bd1', 'bd2', 'bd3']).optional(),
  risk_at_least: z.number().int().min(1).max(5).optional(),
  incident_kind: Id.optional().describe('when an incident of this kind is reported'),
  severity_at_least: z.number().int().min(1).max(5).optional(),
  road_cut: Id.optional().describe('when this road is cut by the hazard (a rule), not closed by a role\'s order'),
}).describe('a condition: a hazard value or alarm, a risk level in an area, an incident of a kind/severity, a road cut');

const Decision = z.strictObject({
  options: z.array(z.strictObject({ id: Id, label: Text, commands: z.array(Command).default([]) })).min(2).describe('the choices, at least two: - { id, label, commands }'),
  deadline: Duration.describe('time from delivery to decide'),
  default: Id.describe('option applied when the deadline passes'),
});

export const Inject = z.strictObject({
  id: Id,
  seq: z.number().int().positive().describe('the inject\'s number in the MSEL, e.g. 3'),
  at: Offset.optional().describe('delivery time (give `at` or `when`)'),
  when: InjectCondition.optional(),
  from: Text.describe('sender: a role id or free text such as "Hydro-Met Centre"'),
  to: Id.describe('receiving role'),
  method: z.enum(METHODS),
  type: z.enum(['information', 'directive', 'request', 'contingency']).default('information'),
  subject: Text,
  message: Text,
  expected: Expected.optional(),
  objectives: z.array(Id).default([]),
  decision: Decision.optional(),
  contingency: z.strictObject({
    for: Id.describe('the inject whose expected action this one chases'),
    after: Duration.describe('delivered this long after that inject if its expected action has not been taken'),
  }).optional(),
  controller: z.string().optional().describe('responsible controller'),
});

/** A value of a metric: a number, or for a metric in seconds (`..._s`) a duration, read as its seconds (45m: 2700). */
const MetricValue = z.union([z.number(), Duration]).describe('a number; for a metric in seconds (first_on_scene_s, ...) a duration such as 45m also reads');

const Criterion = z.strictObject({
  metric: z.enum(Object.keys(METRICS) as [MetricName, ...MetricName[]]),
  of: Id.optional().describe('the zone, incident, kind, area, inject or shelter the metric is about (omit for all)'),
  comparator: z.enum(COMPARATORS),
  threshold: MetricValue,
  by: Offset.optional().describe('deadline: the metric is read at this time (default: end of run)'),
});

export const Objective = z.strictObject({
  id: Id,
  text: Text,
  capability: z.string().describe("HSEEP core capability, e.g. 'Mass Search and Rescue Operations'"),
  criterion: Criterion,
  rating: z.strictObject({ P: MetricValue, S: MetricValue, M: MetricValue }).describe('thresholds read with the criterion\'s comparator: meets P -> P, else meets S -> S, else meets M -> M, else U'),
});

export const Doctrine = z.strictObject({
  dispatch: z.enum(['nearest', 'severity']).default('severity').describe('nearest: first come, nearest free unit; severity: most severe and most lives first'),
  request_support_after: Duration.default(1800).describe('local capacity short this long -> request the next tier'),
  declare_when_short: Duration.optional().describe('local capacity short this long -> level 1 is declared for the area by the role that may (the commune; with tiers: three, its district)'),
  evacuate_at_risk: z.number().int().min(1).max(5).optional().describe('order evacuation of zones in an area whose risk level reaches this'),
  open_shelters: z.boolean().default(true).describe('open a zone\'s shelters when it is ordered to evacuate'),
  answer_decisions: z.enum(['default', 'first']).default('default').describe('what doctrine picks at a decision point nobody plays'),
  reaction: DurationDist.default({ kind: 'fixed', value: 0 } as Dist).describe('staff time from an inject reaching a role doctrine plays to its answer or expected action'),
  // optional, not default(0): a default would be written into every scenario's canonical text, and so change the hash of every run log
  // optional for the same reason; unset: evacuate_at_risk, or 3
  // boolean refined, not literal(false): `true` then gets its own words, and a text the union's description
  hold_at_risk: z.union([
    z.number().int().min(1).max(5),
    z.boolean().refine((b) => !b, { message: 'true is not a risk level', params: { code: 'hold-true', hint: 'give the risk level (1-5) at which a commune keeps its own units at home, or false for never', words: { message: say('hold.true'), hint: say('hold.hint') } } }),
  ]).optional().describe('the disaster risk level at which a commune keeps its own units at home: while its risk is at or above it, doctrine sends none of them to support another area (default: evacuate_at_risk, or 3 when that is unset; false: never held; units that respond anywhere are never held)'),
  // these two optional, not default, for the same reason; their defaults are in sim/doctrine.ts
  beside_far_sooner_by: Duration.optional().describe('a unit on its way that still needs longer than this to reach the scene is far: doctrine also sends a free unit that could be on scene this much sooner (default 1h)'),
  beside_far_share: z.number().gt(0).max(1).optional().describe("...and in at most this share of the time the far unit still needs (default 0.5)"),
  keep_home: z.union([Count, z.record(Id, Count)]).optional().describe('free units kept at home: a whole number (every commune), or a mapping from area ids to whole numbers (the areas named); doctrine sends a unit to support another area only while at least that many other free units of its home area can do the same work (default 0: it may send them all)'),
});

/** `keyframe_every` when the scenario does not give it. */
export const KEYFRAME_EVERY_DEFAULT_S = 1800;
/**
 * The most keyframes a run may write (check.ts: horizon / keyframe_every, plus the one at T0). Each copies the
 * whole world, queue and random streams into the run log: 3-28 KB in the shipped scenarios (Kỳ Sơn about 20 KB,
 * its 37 keyframes 720 KB of its 790 KB log), more with more incidents. The shipped scenarios and fixtures write
 * 9-49; the viewer's bench (bench/viewer.mjs: 72 days of the reference model, a keyframe every 30 min) 3,457.
 * 5,000 keep a log within about a hundred MB, which drill reads back; Kỳ Sơn keyframed every second (64,801) was
 * a log past the longest string V8 makes, and `drill run` died writing it.
 */
export const KEYFRAMES_MAX = 5000;
/**
 * The longest horizon: a drill runs hours to days (the shipped ones 4-48 h; a fire of 3-4 days, an isolated
 * commune on its stock for weeks), a flood season (September-November) at the most. A year leaves room (the
 * bench's reference model runs 72 days); more is a slip of the unit (10000d for 10000s).
 */
export const HORIZON_MAX_S = 366 * 86_400;

export const Limits = z.strictObject({
  max_events: z.number().int().positive().default(5_000_000),
  max_cascade: z.number().int().positive().default(100_000).describe('events at one instant'),
  max_queue: z.number().int().positive().default(1_000_000),
});

// ---------------------------------------------------------------- the scenario

export const Scenario = z.strictObject({
  drillsim: z.literal(FORMAT_VERSION).describe('format version'),
  id: Id,
  title: Text,
  summary: Text.optional(),
  exercise: z.enum(EXERCISE_TYPES),
  hazard_summary: Text.optional(),
  start: z.iso.datetime({ offset: true }).describe('T0, ISO 8601 with offset, e.g. 2022-10-02T21:00:00+07:00'),
  horizon: Duration.describe('length of the simulated period'),
  tiers: z.enum(['two', 'three']).default('two').describe('two: province and commune (since July 2025); three: legacy province/district/commune'),
  seed: z.number().int().nonnegative().optional().describe('default seed for `drill run`'),
  keyframe_every: Duration.default(KEYFRAME_EVERY_DEFAULT_S),
  limits: Limits.default(Limits.parse({})),
  areas: z.array(Area).min(1),
  travel: Travel.default(Travel.parse({})),
  units: z.array(Unit).default([]),
  hazards: z.array(Hazard).default([]),
  rules: z.array(Rule).default([]),
  incident_kinds: z.array(IncidentKind).default([]),
  incidents: z.array(Incident).default([]),
  generators: z.array(Generator).default([]),
  evacuation: Evacuation.default(Evacuation.parse({})),
  roles: z.array(Role).default([]),
  injects: z.array(Inject).default([]),
  objectives: z.array(Objective).default([]),
  doctrine: Doctrine.default(Doctrine.parse({})),
});

export type Scenario = z.output<typeof Scenario>;
export type Area = z.output<typeof Area>;
export type Unit = z.output<typeof Unit>;
export type Hazard = z.output<typeof Hazard>;
export type Rule = z.output<typeof Rule>;
export type Effect = z.output<typeof Effect>;
export type IncidentKind = z.output<typeof IncidentKind>;
export type Incident = z.output<typeof Incident>;
export type Generator = z.output<typeof Generator>;
export type Zone = z.output<typeof Zone>;
export type Shelter = z.output<typeof Shelter>;
export type Role = z.output<typeof Role>;
export type Inject = z.output<typeof Inject>;
export type Objective = z.output<typeof Objective>;
export type Doctrine = z.output<typeof Doctrine>;
export type Edge = z.output<typeof Edge>;
export type Node = z.output<typeof Node>;
export type Capability = (typeof CAPABILITIES)[number];
export type Mode = (typeof MODES)[number];

/** The JSON Schema of the written form (what a planner types). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Scenario, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://drillsim.example/scenario.schema.json',
    title: 'drillsim scenario',
    description: 'A drill scenario for drillsim: areas, travel, forces, hazards, incidents, evacuation, injects (MSEL), objectives, roles and doctrine.',
    ...schema,
  };
}
