import { textIn } from '../scenario/text.js';
import { runScenario, serializeRunLog, type RunLog } from '../sim/run.js';
import type { ObjectiveResult, Summary } from '../review/metrics.js';
import type { Scenario } from '../scenario/schema.js';
import { unreachedIncidents, type Unreached } from '../review/unreached.js';
import { intOption, parse } from './args.js';
import { checkNotInput, checkWritable, notStdout, writeAtomic } from './io.js';
import { loadDecisions, loadScenario } from './load.js';
import { formatRefusals, refusalRecorder, type Refusal } from './refusals.js';
import { nodeSha256 } from './sha256.js';
import type { Subcommand } from './main.js';
import { clock, timeOption } from './time.js';

export const runCommand: Subcommand = {
  name: 'run',
  summary: 'play a scenario out (doctrine takes the decisions nobody else takes) into a run log',
  usage: [
    'drill run <scenario> [--seed N] [--decisions F] [--until T] [--out run.json] [--quiet]',
    '',
    '  --seed N        master seed (default: the scenario\'s `seed`, else 1)',
    '  --decisions F   decisions file (YAML): what trainees decided, and when (docs/trainee.md),',
    '                  or a run log, whose decisions are taken; the summary lists each one the',
    '                  engine refused, with its line and why',
    '  --until T       stop early, e.g. 2h or T+02:00 (default: the horizon)',
    '  --out F         write the run log here (written whole or not at all)',
    '  --quiet         print nothing but errors',
  ].join('\n'),
  options: {
    seed: { type: 'string' }, decisions: { type: 'string' }, until: { type: 'string' }, out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' },
  },
  run(argv) {
    const { values, positionals, help } = parse(argv, this.options, 1, 1, ['the scenario file']);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    if (values.out) {
      notStdout('--out', String(values.out));
      checkWritable(String(values.out));
      checkNotInput('--out', String(values.out), [['scenario', positionals[0]], ['decisions file', values.decisions as string | undefined]]);
    }
    const scenario = loadScenario(positionals[0]);
    const seed = intOption(values.seed, 'seed');
    const until = timeOption(values.until, 'until', scenario.horizon);
    // the run stops at the horizon whatever --until says: a later time would read as if it had been played to
    if (until !== undefined && until > scenario.horizon) process.stderr.write(`drill run: --until ${String(values.until)} is past the scenario's horizon: the run ends at ${clock(scenario.horizon)}\n`);
    const decFile = values.decisions ? String(values.decisions) : undefined;
    const dec = decFile ? loadDecisions(decFile, scenario) : undefined;
    // each refusal is put into words at the moment it happens (the reason names the world as it was)
    const refusals = values.quiet ? undefined : refusalRecorder(decFile, dec);
    const { summary, log } = runScenario(scenario, { seed, until, decisions: dec?.decisions, players: dec?.players, sha256: nodeSha256, onRefused: refusals?.onRefused });
    if (values.out) writeAtomic(String(values.out), serializeRunLog(log!));
    if (!values.quiet) process.stdout.write(formatSummary(scenario.id, textIn(scenario.title, 'en'), log!, summary, values.out ? String(values.out) : undefined, scenario, refusals?.list));
    return 0;
  },
};

export function formatSummary(id: string, title: string, log: RunLog, s: Summary, out?: string, scenario?: Scenario, refusals: readonly Refusal[] = []): string {
  const lines = [
    `${id}: "${title}", seed ${log.seed}, ${clock(0)} to ${clock(s.t_end)}${log.players.length ? `, played: ${log.players.join(', ')}` : ', all roles by doctrine'}`,
    `  incidents   ${s.incidents.reported} reported, ${s.incidents.contained} contained, ${s.incidents.resolved} resolved`,
    `  people      ${s.people.at_risk} at risk, ${s.people.rescued} rescued, ${s.people.lost} lost, ${s.people.still_at_risk} still at risk${s.people.evacuated ? `; ${s.people.evacuated} evacuated to shelters` : ''}`,
    `  response    ${responseLine(s, unreachedIncidents(log.events))}`,
    `  decisions   ${s.decisions.taken} taken, ${s.decisions.refused} refused${noChange(s.decisions.no_change)}`,
    ...formatRefusals(refusals),
  ];
  if (s.objectives.length) {
    const met = s.objectives.filter((o) => o.met).length;
    const untested = s.objectives.filter((o) => o.rating === null).length;
    lines.push(untested === 0 ? `  objectives  ${met} of ${s.objectives.length} met` : `  objectives  ${met} of the ${s.objectives.length - untested} tested met; ${untested} not tested in this run`);
    for (const o of s.objectives) {
      const what = `${o.id}: ${o.metric}${o.of ? ` of ${o.of}` : ''}`;
      if (o.rating === null) lines.push(`    -  ${what}: not tested (${notTestedText(o, s.t_end, scenario)})`);
      else lines.push(`    ${o.rating}  ${what} = ${fmtValue(o.metric, o.value)}${o.met ? '' : ' (not met)'}`);
    }
  }
  lines.push(`  log         ${log.events.length} events, hash ${log.hash.slice(0, 16)}${out ? `, written to ${out}` : ' (not written; use --out)'}`);
  return lines.join('\n') + '\n';
}

/** The answers' orders that found the thing already so: not refusals of what anyone decided, so counted apart (the summary's `no_change`). */
function noChange(n: number): string {
  return n === 0 ? '' : `, ${n} no change (${n === 1 ? "an answer's order" : "answers' orders"} that found it already so)`;
}

/** Why an objective was not tested, in a few words: "no toxic-release incident in this run". */
export function notTestedText(o: ObjectiveResult, tEnd: number, scenario?: Scenario): string {
  const of = o.of;
  const when = o.at >= tEnd ? 'in this run' : `by ${clock(o.at)}`;
  switch (o.not_tested) {
    case 'nobody_at_risk': return `nobody at risk in the incidents${of ? ` of ${of}` : ''} ${when}`;
    case 'inject_not_delivered': return `${of ? `inject ${of}` : 'no inject'} ${of ? 'not delivered' : 'delivered'} ${when}`;
    case 'shelter_unused': return `nobody came to ${of ?? 'any shelter'} ${when}`;
    case 'never_cut_off': return `${of ?? 'no area'} ${of ? 'never cut off from supplies' : 'cut off from supplies'} ${when}`;
    case 'not_called_for': return `${of ? `the forces of ${of} never exceeded` : 'no area\'s forces exceeded'} and no inject asked for it ${when}`;
    default: {
      if (of === null) return `no incident ${when}`;
      if (!scenario || scenario.incident_kinds.some((k) => k.id === of)) return `no ${of} incident ${when}`;
      if (scenario.areas.some((a) => a.id === of)) return `no incident in ${of} ${when}`;
      return `incident ${of} did not occur ${when}`;
    }
  }
}

/** The response line: the mean and worst wait over the incidents reached, and those never reached (the mean leaves them out). */
export function responseLine(s: Summary, u: Unreached): string {
  const reached = s.response.mean_first_on_scene_s === null
    ? 'no unit reached a scene'
    : `first unit on scene after ${fmtMin(Math.round(s.response.mean_first_on_scene_s))} on average (worst ${fmtMin(s.response.max_first_on_scene_s!)})`;
  if (u.n === 0) return reached;
  return `${reached}; ${u.n} incident${u.n === 1 ? '' : 's'} (${u.people} ${u.people === 1 ? 'person' : 'people'}) never reached`;
}

function fmtMin(s: number): string {
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

export function fmtValue(metric: string, v: number | null): string {
  if (v === null) return 'never';
  // these two are moments (seconds since T0), not lengths of time
  if (metric === 'level_declared_s' || metric === 'support_requested_s') return clock(Math.round(v));
  if (metric.endsWith('_s')) return fmtMin(Math.round(v));
  if (metric.endsWith('_share')) return `${Math.round(v * 100)} %`;
  return String(Math.round(v * 100) / 100);
}
