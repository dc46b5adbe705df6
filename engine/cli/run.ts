import { textIn } from '../scenario/text.js';
import { runScenario, serializeRunLog, type RunLog } from '../sim/run.js';
import type { Summary } from '../review/metrics.js';
import { unreachedIncidents, type Unreached } from '../review/unreached.js';
import { intOption, parse } from './args.js';
import { writeAtomic } from './io.js';
import { loadDecisions, loadScenario } from './load.js';
import { formatRefusals, refusalRecorder, type Refusal } from './refusals.js';
import { nodeSha256 } from './sha256.js';
import type { Subcommand } from './main.js';
import { clock, timeOption } from './time.js';

export const runCommand: Subcommand = {
  name: 'run',
  summary: 'play a scenario out (doctrine takes the decisions nobody else takes) into a run log',
  usage: [
    'drill run <scenario> [--seed N] [--decisions F] [--until T] [--out run.json]',
    '',
    '  --seed N        master seed (default: the scenario\'s `seed`, else 1)',
    '  --decisions F   decisions file (YAML): what trainees decided, and when (docs/trainee.md);',
    '                  the summary lists each one the engine refused, with its line and why',
    '  --until T       stop early, e.g. 2h or T+02:00 (default: the horizon)',
    '  --out F         write the run log here (written whole or not at all)',
    '  --quiet         print nothing but errors',
  ].join('\n'),
  run(argv) {
    const { values, positionals, help } = parse(argv, {
      seed: { type: 'string' }, decisions: { type: 'string' }, until: { type: 'string' }, out: { type: 'string', short: 'o' }, quiet: { type: 'boolean', short: 'q' },
    }, 1, 1);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const scenario = loadScenario(positionals[0]);
    const seed = intOption(values.seed, 'seed');
    const until = timeOption(values.until, 'until');
    const decFile = values.decisions ? String(values.decisions) : undefined;
    const dec = decFile ? loadDecisions(decFile, scenario) : undefined;
    // each refusal is put into words at the moment it happens (the reason names the world as it was)
    const refusals = values.quiet ? undefined : refusalRecorder(decFile, dec);
    const { summary, log } = runScenario(scenario, { seed, until, decisions: dec?.decisions, players: dec?.players, sha256: nodeSha256, onRefused: refusals?.onRefused });
    if (values.out) writeAtomic(String(values.out), serializeRunLog(log!));
    if (!values.quiet) process.stdout.write(formatSummary(scenario.id, textIn(scenario.title, 'en'), log!, summary, values.out ? String(values.out) : undefined, refusals?.list));
    return 0;
  },
};

export function formatSummary(id: string, title: string, log: RunLog, s: Summary, out?: string, refusals: readonly Refusal[] = []): string {
  const lines = [
    `${id}: "${title}", seed ${log.seed}, ${clock(0)} to ${clock(s.t_end)}${log.players.length ? `, played: ${log.players.join(', ')}` : ', all roles by doctrine'}`,
    `  incidents   ${s.incidents.reported} reported, ${s.incidents.contained} contained, ${s.incidents.resolved} resolved`,
    `  people      ${s.people.at_risk} at risk, ${s.people.rescued} rescued, ${s.people.lost} lost, ${s.people.still_at_risk} still at risk${s.people.evacuated ? `; ${s.people.evacuated} evacuated to shelters` : ''}`,
    `  response    ${responseLine(s, unreachedIncidents(log.events))}`,
    `  decisions   ${s.decisions.taken} taken, ${s.decisions.refused} refused`,
    ...formatRefusals(refusals),
  ];
  if (s.objectives.length) {
    const met = s.objectives.filter((o) => o.met).length;
    lines.push(`  objectives  ${met} of ${s.objectives.length} met`);
    for (const o of s.objectives) lines.push(`    ${o.rating}  ${o.id}: ${o.metric}${o.of ? ` of ${o.of}` : ''} = ${fmtValue(o.metric, o.value)}${o.met ? '' : ' (not met)'}`);
  }
  lines.push(`  log         ${log.events.length} events, hash ${log.hash.slice(0, 16)}${out ? `, written to ${out}` : ' (not written; use --out)'}`);
  return lines.join('\n') + '\n';
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
