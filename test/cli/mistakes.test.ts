import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, STACK, tempDir } from '../helpers/cli.js';

describe('mistakes on the command line', () => {
  it('a file that is not there is named with the file of its folder it most likely meant, written as the path was', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'runs'));
    const ran = drill(['run', 'scenarios/minimal.yaml', '--out', join(dir, 'runs', 'late.json'), '--quiet']);
    expect(ran.code).toBe(0);
    expect(drill(['run', 'scenarios/minmal.yaml']).stderr).toBe("scenarios/minmal.yaml: error[file] (file): no such file (did you mean 'scenarios/minimal.yaml'?)\n");
    // the extension left out (drill validate prints its problems on standard output: they are its result)
    expect(drill(['validate', 'scenarios/ky-son-flash-flood']).stdout).toBe("scenarios/ky-son-flash-flood: error[file] (file): no such file (did you mean 'scenarios/ky-son-flash-flood.yaml'?)\n");
    const report = drill(['report', 'runs/lates.json'], { cwd: dir });
    expect(report.code).toBe(1);
    expect(report.stderr).toBe("runs/lates.json: error[file] (file): no such file (did you mean 'runs/late.json'?)\n");
    expect(drill(['report', 'runs/lates.json', '--lang', 'vi'], { cwd: dir }).stderr).toBe("runs/lates.json: error[file] (file): không có tệp này (có phải 'runs/late.json'?)\n");
    expect(drill(['view', 'runs/lat.json', '--port', '0'], { cwd: dir }).stderr).toBe("runs/lat.json: error[file] (file): no such file (did you mean 'runs/late.json'?)\n");
    // nothing near, or no such folder: as before
    expect(drill(['report', 'runs/nothing-like-it.json'], { cwd: dir }).stderr).toBe('runs/nothing-like-it.json: error[file] (file): no such file (check the path)\n');
    // near by its letters only through the extension both share: 'nope.json' is no misspelt 'late.json'
    expect(drill(['report', 'runs/nope.json'], { cwd: dir }).stderr).toBe('runs/nope.json: error[file] (file): no such file (check the path)\n');
    expect(drill(['report', 'nofolder/late.json'], { cwd: dir }).stderr).toBe('nofolder/late.json: error[file] (file): no such file (check the path)\n');
  });

  it('a scenario\'s warnings are said by run, batch and play too, not only by validate, and the command goes on', () => {
    const dir = tempDir();
    const file = join(dir, 'm2.yaml');
    // Mường Xén's two units both kept at home: doctrine would never send them to support
    writeFileSync(file, readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8') + 'doctrine: { keep_home: 2 }\n');
    const warning = /^.*m2\.yaml:\d+:\d+: warning\[keep-all\] doctrine\.keep_home: doctrine keeps 2 units at home in 'muong-xen' \(2 units\)/m;
    for (const args of [['run', file], ['batch', file, '--runs', '2', '--workers', '1'], ['play', file, '--role', 'mx-commander']]) {
      const r = drill(args, { input: 'quit\n' });
      expect(r.stderr, args.join(' ')).toMatch(warning);
      expect(r.stderr.match(/warning\[keep-all\]/g), args.join(' ')).toHaveLength(1);
      expect(r.code, args.join(' ')).toBe(0);
    }
  });

  it('an unknown option is named, with the one meant when it is close, and the usage follows', () => {
    const r = drill(['run', 'scenarios/minimal.yaml', '--sed', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("drill run: unknown option '--sed' (did you mean '--seed'?)");
    expect(r.stderr).toContain('usage: drill run <scenario>');
    const far = drill(['run', 'scenarios/minimal.yaml', '--bogus']);
    expect(far.stderr).toContain("drill run: unknown option '--bogus'\n");
  });

  it('a wrong value of an option is the reason and one line saying where the options are, in every command; a malformed command line is the reason and the usage', () => {
    const log = join(tempDir(), 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const wrongValue: string[][] = [
      ['run', 'scenarios/minimal.yaml', '--seed', 'abc'],
      ['batch', 'scenarios/minimal.yaml', '--runs', '2', '--vary', 'mobilisation=10,20'],
      ['batch', 'scenarios/minimal.yaml', '--runs', '2', '--out', 'r.txt'],
      ['report', log, '--lang', 'fr'],
      ['report', log, '--out', 'r.pdf'],
      ['fork', log, '--at', 'later', '--decisions', 'd.yaml'],
      ['view', log, '--port', 'abc'],
      ['msel', 'export', 'scenarios/minimal.yaml', '--format', 'xlsx'],
      ['merge', log, log],
      ['play', 'scenarios/minimal.yaml', '--role', 'nobody'],
    ];
    for (const args of wrongValue) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.split('\n');
      expect(lines, args.join(' ')).toHaveLength(3);
      expect(lines[0]).toMatch(new RegExp(`^drill ${args[0]}: \\S`));
      expect(lines[1]).toBe(`(drill ${args[0]} --help lists the options)`);
    }
    const malformed: string[][] = [['run'], ['batch', 'scenarios/minimal.yaml'], ['fork', log, '--at', '1h'], ['report', log, log], ['play', 'scenarios/minimal.yaml']];
    for (const args of malformed) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^drill ${args[0]}: [^\\n]+\\n\\nusage: drill ${args[0]}`));
    }
  }, 180_000);

  it('an option without its value says so, in words', () => {
    for (const args of [['--seed'], ['--seed', '--quiet']]) {
      const r = drill(['run', 'scenarios/minimal.yaml', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('drill run: --seed needs a value');
      expect(r.stderr).not.toMatch(/Option '|argument missing|ambiguous/);
    }
    expect(drill(['run', 'scenarios/minimal.yaml', '--quiet=yes']).stderr).toContain('--quiet is a switch: it takes no value');
  });

  it('an output that cannot be written is refused, naming the file and the folder in words, and leaves nothing behind', () => {
    const dir = tempDir();
    const log = join(tempDir(), 'run.json');
    expect(drill(['run', 'scenarios/minimal.yaml', '--out', log, '--quiet']).code).toBe(0);
    const cases: [string[], string, RegExp][] = [
      [['run', 'scenarios/ky-son-flash-flood.yaml', '--out', join(dir, 'no-such-folder/run.json')], join(dir, 'no-such-folder/run.json'), /cannot write: the folder '.*no-such-folder' does not exist/],
      [['batch', 'scenarios/minimal.yaml', '--runs', '3', '--workers', '1', '--out', join(dir, 'nope/r.json')], join(dir, 'nope/r.json'), /cannot write: the folder '.*nope' does not exist/],
      // a folder named like a report (an --out without .md or .html is a usage error before this)
      [['report', log, '--out', join(dir, 'folder.md')], join(dir, 'folder.md'), /cannot write: this is a folder/],
    ];
    mkdirSync(join(dir, 'folder.md'));
    for (const [args, file, message] of cases) {
      const r = drill(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${file}: error[file]`);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\.tmp/);
      expect(r.stderr).not.toMatch(STACK);
      expect(r.stdout).toBe('');
    }
    expect(readdirSync(dir)).toEqual(['folder.md']);
  });

  // /proc is a folder that exists and that even root may not make a file in: it was said not to exist, after the runs
  it.skipIf(!existsSync('/proc/self'))('an output in a folder that exists but takes no file is refused as such, before the work', () => {
    for (const args of [['batch', 'scenarios/minimal.yaml', '--runs', '3', '--workers', '1', '--html', '/proc/x.html'], ['run', 'scenarios/minimal.yaml', '--out', '/proc/x.json']]) {
      const r = drill(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^\/proc\/x\.(html|json): error\[file\] \(file\): cannot write: the folder '\/proc' takes no new files \(write the file somewhere else\)\n$/);
      expect(r.stderr).not.toMatch(/does not exist|runs in/);
      expect(r.stdout).toBe('');
    }
  });
});
