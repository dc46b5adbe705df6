/**
 * `drill play --decisions-out F`: the session's decisions written as a
 * decisions file, so that a session can be replayed, forked or batched
 * (`drill run --decisions F` gives the session's run log, byte for byte)
 * without anyone copying the decisions by hand.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';
const VINH = 'scenarios/vinh-wards-typhoon-night.yaml';
const SESSION = readFileSync(join(ROOT, 'test/fixtures/play/ky-son.session'), 'utf8');

describe('drill play --decisions-out', () => {
  it('writes the decisions of a whole session (trainees and controller) as a file that drill run replays to the same run log, byte for byte', () => {
    const dir = tempDir();
    const played = join(dir, 'played.json'), ran = join(dir, 'ran.json'), decisions = join(dir, 'session.decisions.yaml');
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--role', 'mx-chair', '--controller', '--lang', 'en', '--out', played, '--decisions-out', decisions], { input: SESSION });
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    expect(p.stdout).toContain(`Decisions written to ${decisions} (12 decisions): drill run ${KY_SON} --decisions ${decisions} replays this session.`);
    const text = readFileSync(decisions, 'utf8');
    expect(text).toMatch(/^drillsim_decisions: 1\nscenario: ky-son-flash-flood\nplayers:\n {2}- mx-chair\n {2}- tc-chair\n/);
    // played to the end: nothing to warn of when it is replayed
    expect(text).not.toContain('played_until');
    // doctrine's decisions and the defaults at deadlines are the engine's own: not in the file
    expect(text).not.toMatch(/author: (doctrine|default)/);
    const r = drill(['run', KY_SON, '--decisions', decisions, '--out', ran, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe(readFileSync(played, 'utf8'));
  });

  it('names the seed in the replay command when the session was not played with the scenario\'s own, and the replay with it is identical', () => {
    const dir = tempDir();
    const played = join(dir, 'played.json'), ran = join(dir, 'ran.json'), decisions = join(dir, 'd.yaml');
    const script = ['advance', 'evacuate tv-old-blocks', 'declare level 1', 'advance T+07:30', 'public info in thanh-vinh "Ở yên trong nhà"', 'advance until end'].join('\n') + '\n';
    const p = drill(['play', VINH, '--role', 'tv-chair', '--seed', '7', '--lang', 'vi', '--out', played, '--decisions-out', decisions], { input: script });
    expect(p.code).toBe(0);
    expect(p.stdout).toContain(`Đã ghi các quyết định vào ${decisions} (3 quyết định): drill run ${VINH} --seed 7 --decisions ${decisions} chạy lại phiên này.`);
    const r = drill(['run', VINH, '--seed', '7', '--decisions', decisions, '--out', ran, '--quiet']);
    expect(r.code).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe(readFileSync(played, 'utf8'));
  });

  it('replays a resumed session with drill fork from T+00:00 on the saved log (its scenario file is not known then), identical to the session\'s run log', () => {
    const dir = tempDir();
    const part = join(dir, 'part.json'), played = join(dir, 'played.json'), forked = join(dir, 'forked.json'), decisions = join(dir, 'd.yaml');
    const lines = SESSION.split('\n');
    const cut = lines.indexOf('advance until T+03:30') + 1;
    const first = drill(['play', KY_SON, '--role', 'tc-chair', '--role', 'mx-chair', '--controller', '--lang', 'en'], { input: [...lines.slice(0, cut), `save ${part}`, 'quit', ''].join('\n') });
    expect(first.code).toBe(0);
    const p = drill(['play', '--resume', part, '--controller', '--lang', 'en', '--out', played, '--decisions-out', decisions], { input: lines.slice(cut).join('\n') });
    expect(p.stderr).toBe('');
    expect(p.code).toBe(0);
    const command = `drill fork ${part} --at T+00:00 --decisions ${decisions}`;
    expect(p.stdout).toContain(`Decisions written to ${decisions} (12 decisions): ${command} replays this session.`);
    const f = drill([...command.split(' ').slice(1), '--out', forked, '--quiet']);
    expect(f.stderr).toBe('');
    expect(f.code).toBe(0);
    expect(readFileSync(forked, 'utf8')).toBe(readFileSync(played, 'utf8'));
    // and the same decisions through drill run on the scenario file give it too
    const ran = join(dir, 'ran.json');
    expect(drill(['run', KY_SON, '--decisions', decisions, '--out', ran, '--quiet']).code).toBe(0);
    expect(readFileSync(ran, 'utf8')).toBe(readFileSync(played, 'utf8'));
  });

  it('says that a session left before the end replays only to where it stopped, and that nobody decides for its players after', () => {
    const dir = tempDir();
    const decisions = join(dir, 'd.yaml');
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--decisions-out', decisions], { input: 'evacuate ta-ca-riverside\nadvance\n' });
    expect(p.code).toBe(0);
    expect(p.stdout).toContain(`Decisions written to ${decisions} (1 decision, up to T+00:31): drill run replays them, but after T+00:31 nobody decides for tc-chair (doctrine does not play a player's role).`);
    expect(readFileSync(decisions, 'utf8')).toContain('- at: T+00:00\n    role: tc-chair\n    do: evacuate\n    zone: ta-ca-riverside\n');
    // and the file says so, for whoever replays it later (a batch of it measured a chair who stopped deciding, silently)
    expect(readFileSync(decisions, 'utf8')).toContain('players:\n  - tc-chair\nplayed_until: T+00:31\n');
    const warning = `${decisions}:5:15: warning[session-stopped] played_until: these decisions come from a play session stopped at T+00:31, before the end: after it, nobody decides for tc-chair (doctrine does not play a player's role) (to replay a whole session, play it to the end (a saved one goes on with \`drill play --resume\`), then write its decisions (--decisions-out))\n`;
    const b = drill(['batch', KY_SON, '--decisions', decisions, '--runs', '2', '--workers', '1', '--quiet']);
    expect([b.code, b.stderr]).toEqual([0, warning]);
    expect(drill(['validate', KY_SON, '--decisions', decisions, '--quiet']).stdout).toBe(warning);
    // as said: replayed, the chair takes that one decision and no other (doctrine alone takes several for it)
    const ran = join(dir, 'ran.json');
    const replay = drill(['run', KY_SON, '--decisions', decisions, '--out', ran, '--quiet']);
    expect([replay.code, replay.stderr]).toEqual([0, warning]);
    const chair = (f: string) => JSON.parse(readFileSync(f, 'utf8')).events.filter((e: { type: string; role?: string }) => e.type === 'decision' && e.role === 'tc-chair').length;
    expect(chair(ran)).toBe(1);
    const alone = join(dir, 'doctrine.json');
    expect(drill(['run', KY_SON, '--out', alone, '--quiet']).code).toBe(0);
    expect(chair(alone)).toBeGreaterThan(1);
    // the controller alone: doctrine plays every role, in the session and after it
    const c = drill(['play', KY_SON, '--controller', '--lang', 'en', '--decisions-out', join(dir, 'c.yaml')], { input: 'hold dam-rumour\nadvance\n' });
    expect(c.stdout).toMatch(/Decisions written to .*c\.yaml \(1 decision, up to T\+[\d:]+\): drill run replays them, and doctrine plays every role on to the end\./);
    // nobody left undecided: no warning
    expect(drill(['run', KY_SON, '--decisions', join(dir, 'c.yaml'), '--quiet']).stderr).toBe('');
  });

  it('checks the folder of --decisions-out before the session starts, not after the last decision', () => {
    const dir = tempDir();
    const p = drill(['play', KY_SON, '--role', 'tc-chair', '--lang', 'en', '--decisions-out', join(dir, 'missing', 'd.yaml')], { input: 'evacuate ta-ca-riverside\n' });
    expect(p.code).toBe(1);
    expect(p.stdout).toBe('');
    expect(p.stderr).toMatch(/missing.* does not exist/);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
