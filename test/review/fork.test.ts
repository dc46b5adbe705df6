/**
 * `fork`: keep a run's decisions before a time, take new ones from then on,
 * re-simulate. Forking the late run before its evacuation order with the
 * early decisions gives the early run, byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFork } from '../../engine/review/fork.js';
import { decisionFromRecord, runScenario, serializeRunLog } from '../../engine/sim/run.js';
import { decisionsFile, kySon } from './ky-son-runs.js';

describe('planFork and the forked run', () => {
  const late = kySon('late');
  const early = kySon('early');

  it('the late run forked at T+00:40 with the early decisions is byte-identical to the early run', () => {
    const plan = planFork(late.log, 2400, decisionsFile('ky-son-evacuate-early', late.scenario));
    expect(plan).toMatchObject({ ok: true, kept: 0, added: 6, players: ['tc-chair'] });
    if (!plan.ok) return;
    const forked = runScenario(late.scenario, { seed: late.log.seed, until: late.log.until, players: plan.players, decisions: plan.decisions }).log!;
    expect(serializeRunLog(forked).join('')).toBe(early.text);
  });

  it('keeps the run\'s own decisions before the fork time and takes the new file\'s after it', () => {
    const next = { decisions: [{ at: 4 * 3600, role: 'tc-chair', author: 'trainee' as const, cmd: { do: 'request_support' as const, area: 'ta-ca' } }], players: ['tc-chair'] };
    const plan = planFork(late.log, 3 * 3600 + 600, next);
    expect(plan.ok && plan.decisions.map((d) => [d.at, d.cmd.do])).toEqual([[8100, 'evacuate'], [14400, 'request_support']]);
  });

  it('refuses a fork time after the end of the run', () => {
    expect(planFork(late.log, late.log.until + 1, { decisions: [], players: [] })).toMatchObject({ ok: false, code: 'after-end' });
    expect(planFork(late.log, late.log.until, { decisions: [], players: [] }).ok).toBe(true);
  });

  it('refuses new decisions before the fork time, naming the first', () => {
    const plan = planFork(late.log, 3600, decisionsFile('ky-son-evacuate-early', late.scenario));
    expect(plan).toMatchObject({ ok: false, code: 'decision-before-fork', index: 0 });
    expect(!plan.ok && plan.message).toContain('the first at T+00:40');
  });

  it('players are the union of the run\'s and the new file\'s', () => {
    const plan = planFork(late.log, 0, { decisions: [], players: ['mx-chair'] });
    expect(plan.ok && plan.players).toEqual(['mx-chair', 'tc-chair']);
  });

  it('property: forking a run at any time with its own later decisions reproduces it exactly', () => {
    const own = late.log.decisions.map(decisionFromRecord);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: late.log.until }), (at) => {
        const plan = planFork(late.log, at, { decisions: own.filter((d) => d.at >= at), players: late.log.players });
        if (!plan.ok) return false;
        const forked = runScenario(late.scenario, { seed: late.log.seed, until: late.log.until, players: plan.players, decisions: plan.decisions }).log!;
        return forked.hash === late.log.hash && forked.events.length === late.log.events.length;
      }),
      { numRuns: 6, seed: 5 },
    );
  });
});

describe('a fork in which a trainee takes over a role doctrine played', () => {
  const doctrine = kySon('doctrine');
  const forkAt = (at: number) => {
    const plan = planFork(doctrine.log, at, { decisions: [], players: ['tc-chair'] });
    if (!plan.ok) throw new Error(plan.message);
    return { plan, log: runScenario(doctrine.scenario, { seed: doctrine.log.seed, until: doctrine.log.until, players: plan.players, joined: plan.joined, decisions: plan.decisions }).log! };
  };
  const before = (events: string[], at: number) => events.slice(1).filter((l) => (JSON.parse(l) as { t: number }).t < at);

  it('property: until the fork, doctrine plays the role as in the original run, so every event before it is the same', () => {
    // doctrine acts for tc-chair from the first hour on (Tà Cạ's evacuation, dispatches, the request for support)
    expect(doctrine.events.some((e) => e.type === 'decision' && e.role === 'tc-chair' && e.t < 5 * 3600)).toBe(true);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: doctrine.log.until }), (at) => {
        const { plan, log } = forkAt(at);
        expect(plan.joined).toEqual({ 'tc-chair': at });
        expect(before(log.events, at)).toEqual(before(doctrine.log.events, at));
      }),
      { numRuns: 6, seed: 7 },
    );
  });

  it('from the fork on, doctrine no longer decides for it', () => {
    const at = 5 * 3600;
    const { log } = forkAt(at);
    const events = log.events.map((l) => JSON.parse(l));
    expect(events.filter((e) => e.type === 'decision' && e.role === 'tc-chair' && e.author === 'doctrine' && e.t >= at)).toEqual([]);
    expect(doctrine.events.filter((e) => e.type === 'decision' && e.role === 'tc-chair' && e.t >= at).length).toBeGreaterThan(0);
  });

  it('the log records when the role was taken over, and verifies, replays and reads back with it', async () => {
    const { verifyRunLog, readRunLog } = await import('../../engine/sim/run.js');
    const { openRunLog } = await import('../../engine/replay/open.js');
    const at = 5 * 3600;
    const { log } = forkAt(at);
    const text = serializeRunLog(log).join('');
    const back = readRunLog(text);
    if (!back.ok) throw new Error(back.message);
    expect(back.log.joined).toEqual({ 'tc-chair': at });
    expect(verifyRunLog(back.log).ok).toBe(true);
    const opened = openRunLog(text, 'fork.json');
    expect(opened.ok && opened.run.joined).toEqual({ 'tc-chair': at });
    if (!opened.ok) return;
    // the viewer's replay, from the keyframes after the take-over, shows the world of the fork itself
    const { Replay } = await import('../../engine/replay/replay.js');
    const { createSim } = await import('../../engine/sim/run.js');
    for (const t of [at - 1, at + 1, 9 * 3600 + 5, 12 * 3600]) {
      const sim = createSim(doctrine.scenario, { seed: doctrine.log.seed, players: ['tc-chair'], joined: { 'tc-chair': at } });
      sim.run(t + 1);
      expect(JSON.stringify(new Replay(opened.run).stateAt(t)), `at ${t}`).toBe(JSON.stringify(sim.world));
    }
    // forked again later, the first take-over time is kept
    const again = planFork(back.log, at + 3600, { decisions: [], players: ['mx-chair'] });
    expect(again.ok && again.joined).toEqual({ 'mx-chair': at + 3600, 'tc-chair': at });
  });
});

describe('the improvement plan of a fork in which a trainee took a role over part-way', () => {
  // Mường Xén's chair: doctrine until T+07:00; the dam rumour reached it at T+05:30, its answer due by T+06:00
  const doctrine = kySon('doctrine');
  const taken = async (at: number, decisions: Parameters<typeof planFork>[2]['decisions']) => {
    const { buildAar } = await import('../../engine/review/aar.js');
    const { renderReport } = await import('../../engine/review/report.js');
    const plan = planFork(doctrine.log, at, { decisions, players: ['mx-chair'] });
    if (!plan.ok) throw new Error(plan.message);
    const log = runScenario(doctrine.scenario, { seed: doctrine.log.seed, until: doctrine.log.until, players: plan.players, joined: plan.joined, decisions: plan.decisions }).log!;
    const aar = buildAar(log, doctrine.scenario, log.events.map((l) => JSON.parse(l)));
    return { aar, md: (lang: 'en' | 'vi') => renderReport(aar, 'md', lang) };
  };
  const rumour = (aar: Awaited<ReturnType<typeof taken>>['aar']) => aar.improvements.filter((f) => f.key.startsWith('f.inject.') && JSON.stringify(f.params.inject).includes('dam-rumour'));

  it('what fell due before the trainee joined is doctrine\'s (Planning), said so in the organisation column, in both languages', async () => {
    const deny = { at: 7 * 3600, role: 'mx-chair', author: 'trainee' as const, cmd: { do: 'public_info' as const, area: 'muong-xen', message: 'No dam break; stay on high ground' } };
    const { aar, md } = await taken(7 * 3600, [deny]);
    expect(rumour(aar)).toMatchObject([{ key: 'f.inject.late', org: 'mx-chair', element: 'planning', doctrine_until: 7 * 3600 }]);
    // the objective on the same answer, and the evacuation doctrine ordered with its deadline at T+05:00
    const objective = (id: string) => aar.improvements.find((f) => f.key.startsWith('f.objective.') && JSON.stringify(f.params.objective).includes(`"${id}"`));
    expect(objective('rumour')).toMatchObject({ element: 'planning', doctrine_until: 7 * 3600 });
    expect(md('en')).toContain('| Planning | Mường Xén commune chair (commune civil-defence board), played by doctrine when this fell due (by a trainee from T+07:00) |');
    expect(md('vi')).toContain('do phương án tự động đảm nhận khi việc này đến hạn (học viên đảm nhận từ T+07:00) |');
    // an incident the role's units first reached after T+07:00 stays the trainee's
    const after = aar.improvements.filter((f) => f.org === 'mx-chair' && f.due !== undefined && f.due >= 7 * 3600);
    expect(after.length).toBeGreaterThan(0);
    for (const f of after) expect(f.doctrine_until).toBeUndefined();
  });

  it('what fell due after the trainee joined is the trainee\'s (Training)', async () => {
    const { aar } = await taken(5 * 3600, []);
    expect(rumour(aar)).toMatchObject([{ key: 'f.inject.never', org: 'mx-chair', element: 'training' }]);
    expect(rumour(aar)[0]!.doctrine_until).toBeUndefined();
  });
});

describe('take-over times and doctrine\'s staff time, forks of forks', () => {
  it('doctrine does not answer for a role taken over while its staff were still on it (doctrine.reaction)', async () => {
    const { parse, stringify } = await import('yaml');
    const { readFileSync } = await import('node:fs');
    const { parseScenario } = await import('../../engine/scenario/parse.js');
    const { ROOT } = await import('../helpers/cli.js');
    const doc = parse(readFileSync(`${ROOT}/scenarios/ky-son-flash-flood.yaml`, 'utf8'));
    doc.doctrine = { ...(doc.doctrine ?? {}), reaction: '30m' };
    const r = parseScenario(stringify(doc), 'ky-son-reaction.yaml');
    if (!r.ok) throw new Error('does not load');
    const base = runScenario(r.scenario, { seed: 1 }).log!.events.map((l) => JSON.parse(l));
    const deliveries = base.filter((e) => e.type === 'inject.delivered');
    expect(deliveries.length).toBeGreaterThan(5);
    for (const d of deliveries) {
      const at = d.t + 60; // taken over a minute after the inject reached the role
      const ev = runScenario(r.scenario, { seed: 1, players: [d.to], joined: { [d.to]: at } }).log!.events.map((l) => JSON.parse(l));
      expect(ev.filter((e) => e.type === 'decision' && e.role === d.to && e.author === 'doctrine' && e.t >= at), `${d.id} to ${d.to}`).toEqual([]);
    }
  });

  it('a fork of a fork made before the first take-over: the role is taken over at the new fork, or left to doctrine', () => {
    const doctrine = kySon('doctrine');
    const first = planFork(doctrine.log, 5 * 3600, { decisions: [], players: ['tc-chair'] });
    if (!first.ok) throw new Error(first.message);
    const log1 = runScenario(doctrine.scenario, { seed: doctrine.log.seed, until: doctrine.log.until, players: first.players, joined: first.joined, decisions: first.decisions }).log!;
    const again = planFork(log1, 1800, { decisions: [], players: ['tc-chair'] });
    expect(again.ok && again.joined).toEqual({ 'tc-chair': 1800 });
    const other = planFork(log1, 1800, { decisions: [], players: ['mx-chair'] });
    expect(other.ok && [other.players, other.joined]).toEqual([['mx-chair'], { 'mx-chair': 1800 }]);
    // later than the first take-over, the role stays taken over from then
    const later = planFork(log1, 6 * 3600, { decisions: [], players: [] });
    expect(later.ok && [later.players, later.joined]).toEqual([['tc-chair'], { 'tc-chair': 5 * 3600 }]);
  });
});

describe('a play session saved part-way', () => {
  it('is reviewed at the time it stopped, agreeing with its stored summary, and forks only up to there', async () => {
    const { createSim, sessionLogOf } = await import('../../engine/sim/run.js');
    const { buildAar } = await import('../../engine/review/aar.js');
    const { renderReport } = await import('../../engine/review/report.js');
    const late = kySon('late');
    const d = decisionsFile('ky-son-evacuate-late', late.scenario);
    const sim = createSim(late.scenario, { decisions: d.decisions, players: d.players });
    sim.run(4 * 3600);
    const session = sessionLogOf(sim, 4 * 3600);
    const events = session.events.map((l) => JSON.parse(l));
    const aar = buildAar(session, late.scenario, events);
    expect(aar.integrity).toEqual({ summary_agrees: true, hash_ok: true, scenario_ok: true, head_ok: true, session_ok: true, recorded_seed: expect.any(Number) });
    expect(aar.review.t_end).toBe(4 * 3600);
    expect(renderReport(aar, 'md', 'en')).toContain("> **This is a play session saved at T+04:00 (22:00), before the scenario's end at T+18:00 (12:00)");
    // the overview says how much was simulated: four hours, not the scenario's eighteen
    expect(renderReport(aar, 'md', 'en')).toMatch(/\| \*\*Date \(T0\)\*\* \| [\d-]+ [\d:]+; 4 h of 18 h simulated \|/);
    expect(renderReport(aar, 'md', 'vi')).toMatch(/; đã mô phỏng 4 giờ trên 18 giờ \|/);
    expect(planFork(session, 4 * 3600 + 1, { decisions: [], players: [] })).toMatchObject({ ok: false, code: 'after-end', message: '--at T+04:00:01 is after where the saved session stopped (T+04:00)' });
    // forked at the stop with no new decision, it is the straight run of the session's decisions
    const plan = planFork(session, 4 * 3600, { decisions: [], players: [] });
    if (!plan.ok) throw new Error(plan.message);
    const forked = runScenario(late.scenario, { seed: session.seed, until: session.until, players: plan.players, decisions: plan.decisions }).log!;
    expect(forked.hash).toBe(late.log.hash);
  });
});
