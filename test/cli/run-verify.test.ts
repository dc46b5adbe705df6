import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, STACK, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml';

describe('drill run and drill verify', () => {
  const dir = tempDir();
  const a = join(dir, 'a.json'), b = join(dir, 'b.json'), c = join(dir, 'c.json');

  it('two processes with the same scenario, seed and decisions write byte-identical files; another seed differs', () => {
    expect(drill(['run', SCENARIO, '--seed', '11', '--out', a]).code).toBe(0);
    expect(drill(['run', SCENARIO, '--seed', '11', '--out', b]).code).toBe(0);
    expect(drill(['run', SCENARIO, '--seed', '12', '--out', c]).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(a));
    expect(readFileSync(c)).not.toEqual(readFileSync(a));
  });

  it('prints a short summary', () => {
    const r = drill(['run', SCENARIO, '--seed', '11']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/incidents\s+\d+ reported/);
    expect(r.stdout).toMatch(/people\s+\d+ at risk, \d+ rescued, \d+ lost/);
    expect(r.stdout).toMatch(/objectives\s+\d+ of 7 met/);
  });

  it('verify exits 0 on an untouched log', () => {
    const r = drill(['verify', a]);
    expect(r.stdout).toContain('ok');
    expect(r.code).toBe(0);
  });

  it('verify exits 1 and names the first divergent event after one event is edited', () => {
    const text = readFileSync(a, 'utf8');
    const lines = text.split('\n');
    const i = lines.findIndex((l) => l.includes('"type":"unit.state"') && l.includes('"state":"en_route"'));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i].replace('"state":"en_route"', '"state":"on_scene"');
    const edited = join(dir, 'edited.json');
    writeFileSync(edited, lines.join('\n'));
    const eventsStart = lines.findIndex((l) => l.startsWith('"events":['));
    const r = drill(['verify', edited]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`first divergent event: #${i - eventsStart - 1}`);
    expect(r.stdout).toContain('"state":"on_scene"');
    expect(r.stdout).toContain('"state":"en_route"');
    // and on which line of the file it is, to open it there (a log is one event a line); in Vietnamese too,
    // and in a copy whose line ends an editor turned into CRLF
    expect(r.stdout).toMatch(new RegExp(`first divergent event: #${i - eventsStart - 1} at T\\+[\\d:]+ \\(line ${i + 1} of ${edited.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\)\n`));
    expect(drill(['verify', edited, '--lang', 'vi']).stdout).toContain(` (dòng ${i + 1} của ${edited})\n`);
    const crlf = join(dir, 'edited-crlf.json');
    writeFileSync(crlf, lines.join('\r\n'));
    expect(drill(['verify', crlf]).stdout).toContain(` (line ${i + 1} of ${crlf})\n`);
  });

  it("verify says when the log's head was edited (another seed), in EN and VI, not only that everything differs", () => {
    const lines = readFileSync(a, 'utf8').split('\n');
    expect(lines[0]).toContain('"seed":11');
    lines[0] = lines[0].replace('"seed":11', '"seed":12');
    const edited = join(dir, 'head-seed.json');
    writeFileSync(edited, lines.join('\n'));
    const r = drill(['verify', edited]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("the log's head is not what its first event (run.start) records: seed 12 at the head, 11 in the event; the head was edited after the run");
    expect(drill(['verify', edited, '--lang', 'vi']).stdout).toContain('seed 12 ở phần đầu, 11 trong sự kiện; phần đầu đã bị sửa sau lượt chạy');
    // an untouched head says nothing of it
    expect(drill(['verify', join(dir, 'edited.json')]).stdout).not.toContain("the log's head");
  });

  it("the first divergent event's time is that of the log's own event (it was the re-simulation's)", () => {
    const run = join(dir, 'early.json');
    expect(drill(['run', SCENARIO, '--seed', '11', '--decisions', 'scenarios/decisions/ky-son-evacuate-early.yaml', '--out', run, '--quiet']).code).toBe(0);
    const lines = readFileSync(run, 'utf8').split('\n');
    const i = lines.findIndex((l) => /^\{"at":\d+,/.test(l));
    expect(i).toBeGreaterThan(0);
    lines[i] = lines[i].replace(/^\{"at":(\d+),/, (_, at: string) => `{"at":${Number(at) + 3600},`);
    const edited = join(dir, 'decision-later.json');
    writeFileSync(edited, lines.join('\n'));
    const r = drill(['verify', edited]);
    expect(r.code).toBe(1);
    const at = /first divergent event: #\d+ at T\+(\d\d):(\d\d)/.exec(r.stdout);
    const recorded = /in the log: +(\{.*\})\n/.exec(r.stdout);
    expect(at, r.stdout).not.toBeNull();
    expect(recorded, r.stdout).not.toBeNull();
    const t = (JSON.parse(recorded![1]) as { t: number }).t;
    expect(Number(at![1]) * 3600 + Number(at![2]) * 60).toBe(t - (t % 60));
  });

  /** A copy of log `a` with one line (found by `find`) rewritten. */
  const tamper = (name: string, find: (l: string) => boolean, edit: (l: string) => string): string => {
    const lines = readFileSync(a, 'utf8').split('\n');
    const i = lines.findIndex(find);
    expect(i).toBeGreaterThan(0);
    const before = lines[i];
    lines[i] = edit(lines[i]);
    expect(lines[i]).not.toBe(before);
    const out = join(dir, name);
    writeFileSync(out, lines.join('\n'));
    return out;
  };

  it('verify says ok on an untouched log only after checking its keyframes and summary too', () => {
    const r = drill(['verify', a]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ok: \d+ events re-simulated, hash [0-9a-f]{64}; the events, hash chain, \d+ keyframes and summary all match/);
  });

  it('verify exits 1 and names what differs when the stored summary was edited (events and hash untouched)', () => {
    const noObjectives = tamper('no-objectives.json', (l) => l.startsWith('"summary":'), (l) => l.replace(/"objectives":\[.*\]\}/, '"objectives":[]}'));
    const r = drill(['verify', noObjectives]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('MISMATCH: the summary differs from a re-simulation');
    expect(r.stdout).toMatch(/summary\.objectives differs: stored 0 objectives, re-simulated 7/);
    expect(r.stdout).not.toMatch(/\bok\b/);

    const lost = JSON.parse(readFileSync(a, 'utf8')).summary.people.lost as number;
    const fewer = tamper('fewer-lost.json', (l) => l.startsWith('"summary":'), (l) => l.replace(`"lost":${lost}`, `"lost":${lost + 5}`));
    const r2 = drill(['verify', fewer]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain(`summary.people.lost differs: stored ${lost + 5}, re-simulated ${lost}`);
  });

  it('verify exits 1 when a keyframe or a chain link was edited', () => {
    const kf = tamper('keyframe.json', (l) => /^\{"t":\d+,"events":\d+,"chain":/.test(l) && l.includes('"tired":false'), (l) => l.replace('"tired":false', '"tired":true'));
    const r = drill(['verify', kf]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/MISMATCH: the keyframes differ/);
    expect(r.stdout).toMatch(/keyframes\[\d+\]\.world\.units\.[a-z-]+\.m\.context\.tired differs: stored true, re-simulated false/);
    const chain = tamper('chain.json', (l) => l.startsWith('"chain":'), (l) => l.replace(/"[0-9a-f]{64}"/, `"${'0'.repeat(64)}"`));
    const r2 = drill(['verify', chain]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toMatch(/chain\[0\] differs: stored "0{64}", re-simulated "[0-9a-f]{64}"/);
  });

  it('a failed verify says which hash is stored and which re-simulated, and what the stored events hash to', () => {
    const hash = JSON.parse(readFileSync(a, 'utf8')).hash as string;
    const edited = tamper('event.json', (l) => l.includes('"type":"incident.people"') && /"lost":[1-9]/.test(l), (l) => l.replace(/"lost":\d+/, '"lost":0'));
    const r = drill(['verify', edited]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`hash stored in the log:  ${hash} (the same as the re-simulation's)`);
    expect(r.stdout).toMatch(/the log's own events hash to [0-9a-f]{64}: they were changed after the hash was written/);
    // the same hash is not printed twice as if it were two
    expect(r.stdout.split(hash).length - 1).toBe(1);

    const rehashed = tamper('hash.json', (l) => l.startsWith('"hash":'), () => `"hash":"${'1'.repeat(64)}"}`);
    const r2 = drill(['verify', rehashed]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain(`hash stored in the log:  ${'1'.repeat(64)}\n`);
    expect(r2.stdout).toContain(`hash re-simulated:       ${hash}`);
    expect(r2.stdout).toContain('the stored hash itself was changed');
  });

  it('runs with a decisions file, and verify reproduces it', () => {
    const dec = join(dir, 'decisions.yaml');
    writeFileSync(dec, [
      'drillsim_decisions: 1', 'scenario: ky-son-flash-flood', 'players: [tc-chair]', 'decisions:',
      '  - { at: T+00:40, role: tc-chair, do: evacuate, zone: ta-ca-riverside }',
      '  - { at: T+03:15, role: tc-chair, do: dispatch, unit: tc-militia, incident: ta-ca-houses }',
      '  - { at: T+03:15, role: tc-chair, do: dispatch, unit: mx-militia, incident: ta-ca-houses }',
    ].join('\n'));
    const out = join(dir, 'd.json');
    const r = drill(['run', SCENARIO, '--decisions', dec, '--out', out]);
    expect(r.code).toBe(0);
    const log = JSON.parse(readFileSync(out, 'utf8'));
    const refused = log.events.find((e: any) => e.type === 'decision.refused');
    expect(refused).toMatchObject({ unit: 'mx-militia', code: 'no-authority' });
    expect(log.events.some((e: any) => e.type === 'decision' && e.author === 'trainee' && e.do === 'evacuate')).toBe(true);
    expect(drill(['verify', out]).code).toBe(0);
  });

  it('reports a bad decisions file with file:line:col and writes nothing', () => {
    const dec = join(dir, 'bad.yaml');
    writeFileSync(dec, ['drillsim_decisions: 1', 'decisions:', '  - { at: T+00:40, role: tc-chiar, do: evacuate, zone: ta-ca-riverside }', '  - { at: 99:00, role: tc-chair, do: evacuat, zone: ta-ca-riverside }'].join('\n'));
    const out = join(dir, 'never.json');
    const r = drill(['run', SCENARIO, '--decisions', dec, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:3:\d+: error\[unknown-id\].*tc-chiar.*did you mean 'tc-chair'/);
    expect(r.stderr).toMatch(/bad\.yaml:4:\d+: error/);
    expect(r.stderr).not.toMatch(STACK);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('refuses a file that is not a run log with one clear line', () => {
    const r = drill(['verify', SCENARIO]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('not a run log');
  });

  it('usage errors exit 2 with help', () => {
    expect(drill(['run']).code).toBe(2);
    const r = drill(['run', SCENARIO, '--seed', 'abc']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--seed must be a whole number');
    const until = drill(['run', SCENARIO, '--until', '5:00']);
    expect(until.code).toBe(2);
    expect(until.stderr).toContain("drill run: --until: '5:00' is not a time: times count from the start");
  });
});
