/**
 * What `drill play --resume` accepts on its command line: the roles and the seed are the run's, so only what changes
 * nothing (the run's own seed) or picks among them (one of its roles) is taken; each refusal names the flag given.
 * A run nobody played (drill run's) has no seat but the controller's, which must be asked for.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('drill play --resume: the roles and the seed are the run\'s', () => {
  const dir = tempDir('drillsim-resume-flags-');
  const played = join(dir, 'played.json');
  const ran = join(dir, 'ran.json');
  expect(drill(['play', KY_SON, '--role', 'tc-chair', '--seed', '7', '--lang', 'en', '--out', played], { input: 'advance 1h\nquit\n' }).code).toBe(0);
  expect(drill(['run', KY_SON, '--seed', '7', '--out', ran, '--quiet']).code).toBe(0);

  it('takes the run\'s own seed given again, and refuses another, naming --seed alone', () => {
    const same = drill(['play', '--resume', played, '--seed', '7', '--lang', 'en'], { input: 'quit\n' });
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toContain('You play: tc-chair');
    const other = drill(['play', '--resume', played, '--seed', '8', '--lang', 'en'], { input: 'quit\n' });
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("--seed 8: this run's seed is 7, and the seed cannot change on resume (leave --seed out)");
    expect(other.stderr).not.toContain('--role');
    const vi = drill(['play', '--resume', played, '--seed', '8', '--lang', 'vi'], { input: 'quit\n' });
    expect(vi.stderr).toContain('--seed 8: seed của cuộc chạy này là 7, và không đổi được khi chơi tiếp (hãy bỏ --seed)');
  });

  it('refuses a role the run was not played with, naming it and the run\'s roles', () => {
    const r = drill(['play', '--resume', played, '--role', 'mx-chair', '--lang', 'en'], { input: 'quit\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--role mx-chair: not one of this run's roles (tc-chair)");
    expect(r.stderr).not.toContain('--seed');
  });

  it('a run nobody played: a role is refused as there is none, and without --controller it asks for the controller\'s seat', () => {
    const role = drill(['play', '--resume', ran, '--role', 'mx-chair', '--lang', 'en'], { input: 'quit\n' });
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('--role mx-chair: nobody played this run (doctrine took every decision), so it has no role to sit at');
    expect(role.stderr).not.toContain('roles -');
    const bare = drill(['play', '--resume', ran, '--lang', 'en'], { input: 'pause\nquit\n' });
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe('');
    expect(bare.stderr).toContain('nobody played this run (doctrine took every decision), and the roles cannot change on resume: resume it with --controller');
    const vi = drill(['play', '--resume', ran, '--lang', 'vi'], { input: 'quit\n' });
    expect(vi.stderr).toContain('hãy chơi tiếp với --controller để ngồi ghế ban đạo diễn');
    const controller = drill(['play', '--resume', ran, '--controller', '--lang', 'en'], { input: 'pause\nquit\n' });
    expect(controller.code, controller.stderr).toBe(0);
    expect(controller.stdout).toContain('You play the controller (directing staff) alone (role controller).');
  });
});
