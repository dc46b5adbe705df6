/**
 * A user who makes mistakes on the command line: each one gets a message
 * naming what is wrong, a non-zero exit, and no run made on a guess.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { OptionError } from '../../engine/cli/args.js';
import { listenError } from '../../engine/cli/view.js';
import { drill, ROOT, STACK, tempDir, writeDecisions } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';

describe('asking for help', () => {
  it('`drill help run` shows what `drill run --help` shows; `drill help` of no command says so', () => {
    const asked = drill(['help', 'run']);
    expect(asked.code).toBe(0);
    expect(asked.stdout).toBe(drill(['run', '--help']).stdout);
    expect(asked.stdout).toMatch(/^usage: drill run <scenario>/);
    expect(drill(['help', 'msel']).stdout).toMatch(/^usage: drill msel export/);
    const typo = drill(['help', 'rnu']);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toMatch(/^drill: unknown command 'rnu' \(did you mean 'run'\?\)\n/);
  });

  it('a mistyped command names the command meant', () => {
    for (const [typed, meant] of [['rnu', 'run'], ['valdate', 'validate'], ['merg', 'merge']]) {
      const r = drill([typed, S]);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`drill: unknown command '${typed}' (did you mean '${meant}'?)`);
    }
    expect(drill(['xyzzy']).stderr.split('\n')[0]).toBe("drill: unknown command 'xyzzy'");
  });

  it('a command asked for by what it does in the exercise (the AAR, a replay, lint) names the command that does it', () => {
    for (const [typed, meant] of [['aar', 'report'], ['AAR', 'report'], ['replay', 'view'], ['lint', 'validate']]) {
      const r = drill([typed, 'runs/x.json']);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`drill: unknown command '${typed}' (did you mean '${meant}'?)`);
    }
    expect(drill(['aar'], { env: { LANG: 'vi_VN.UTF-8' } }).stderr.split('\n')[0]).toBe("drill: không có lệnh 'aar' (có phải 'report'?)");
  });
});

describe('values of the wrong form', () => {
  it('a negative number is a wrong value, not a missing one', () => {
    const cases: [string[], string][] = [
      [['run', S, '--seed', '-1'], "drill run: --seed must be 0 or more, not '-1'"],
      [['batch', S, '--runs', '-3'], "drill batch: --runs must be a whole number of at least 1, not '-3'"],
      [['batch', S, '-n', '-3'], "drill batch: --runs must be a whole number of at least 1, not '-3'"],
      [['run', S, '--until', '-1h'], "drill run: --until: '-1h' is before the start"],
      [['view', '--port', '-1'], "drill view: --port must be 0 or more, not '-1'"],
      // the file named, by whichever name it was given the second time (it would count its runs twice)
      [['merge', 'a.json', 'b.json', './a.json'], "drill merge: './a.json' is given twice: give each shard's results once"],
    ];
    for (const [args, message] of cases) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stderr).not.toContain('needs a value');
    }
  });

  it('an empty number is not read as 0, and a seed too large to be read exactly is refused', () => {
    for (const value of ['', ' ']) {
      const r = drill(['run', S, `--seed=${value}`]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('drill run: --seed needs a value');
    }
    const big = drill(['run', S, '--seed', '99999999999999999999']);
    expect(big.code).toBe(2);
    expect(big.stdout).toBe('');
    expect(big.stderr).toContain("drill run: --seed must be at most 9007199254740991, not '99999999999999999999'");
  });

  it('an option given twice with two values is refused rather than one of them dropped; the same value twice, a switch twice, and --out twice in batch are fine', () => {
    const twice = drill(['run', S, '--seed', '1', '--seed', '2']);
    expect(twice.code).toBe(2);
    expect(twice.stdout).toBe('');
    expect(twice.stderr).toBe("drill run: --seed is given twice ('1', then '2'): give it once\n(drill run --help lists the options)\n");
    expect(drill(['run', S, '--out', 'a.json', '-o', 'b.json']).stderr).toContain("--out is given twice ('a.json', then 'b.json')");
    expect(drill(['run', S, '--seed', '3', '--seed', '3', '--quiet', '--quiet']).code).toBe(0);
    expect(drill(['batch', S, '--runs', '2', '--runs', '3']).stderr).toContain("--runs is given twice ('2', then '3')");
  });
});

describe('--lang as people type it', () => {
  it('VI, En, " vi ", --lang=VI name the language in every command that takes --lang; a Vietnamese locale reads the same in any case (LANG=VI_vn as vi_VN.UTF-8); an unknown value is still refused by name', () => {
    const dir = tempDir();
    const log = join(dir, 'run.json');
    const results = join(dir, 'results.json');
    expect(drill(['run', S, '--out', log, '--quiet']).code).toBe(0);
    expect(drill(['batch', S, '--runs', '2', '--out', results, '--quiet']).code).toBe(0);
    const commands: [string[], string?][] = [
      [['report', log]],
      [['batch', S, '--runs', '1']],
      [['merge', results]],
      [['msel', 'export', S, '--format', 'md']],
      [['play', S, '--controller'], 'quit\n'],
    ];
    const noLocale = { LANG: '', LC_ALL: '', LC_MESSAGES: '' };
    for (const [args, input] of commands) {
      // what is compared: all the command says, but batch's timing line, which differs from run to run
      const as = (lang: string[], env: Record<string, string> = noLocale) => {
        const r = drill([...args, ...lang], { input, env });
        return args[0] === 'batch' && r.code === 0 ? { ...r, stderr: '' } : r;
      };
      const vi = as(['--lang', 'vi']);
      const en = as(['--lang', 'en']);
      expect([vi.code, en.code], args[0]).toEqual([0, 0]);
      expect(vi.stdout, args[0]).not.toBe(en.stdout);
      expect(as(['--lang', 'VI']), `${args[0]} --lang 'VI'`).toEqual(vi);
      // the other spellings go through the same reading (lang.ts readLang): tried on one command, to keep the spawns few
      if (args[0] === 'report') {
        expect(as(['--lang', ' vi ']), "report --lang ' vi '").toEqual(vi);
        expect(as(['--lang', 'En']), "report --lang 'En'").toEqual(en);
        expect(as(['--lang=VI']), 'report --lang=VI').toEqual(vi);
      }
      const fr = as(['--lang', 'FR']);
      expect(fr.code, args[0]).toBe(2);
      expect(fr.stderr, args[0]).toContain("--lang must be vi or en, not 'FR'");
      expect(fr.stderr).not.toMatch(STACK);
      // the locale (no --lang) in any case gives the same Vietnamese; msel export without --lang writes both languages
      if (args[0] !== 'msel') {
        for (const LANG of ['VI_vn']) expect(as([], { ...noLocale, LANG }), `${args[0]} LANG=${LANG}`).toEqual(vi);
      }
    }
    // some 30 commands run, a batch among them: a minute and more on a loaded machine
  }, 180_000);
});

describe('a missing argument is named', () => {
  const cases: [string[], string][] = [
    [['run'], 'drill run: missing the scenario file'],
    [['validate'], 'drill validate: missing the scenario files to check'],
    [['verify'], 'drill verify: missing the run log (or batch results) to verify'],
    [['report'], 'drill report: missing the run log (or batch results) to report on'],
    [['compare'], 'drill compare: missing the two run logs to compare'],
    [['compare', 'a.json'], 'drill compare: missing the second run log'],
    [['fork', '--at', '1h', '--decisions', 'd.yaml'], 'drill fork: missing the run log to fork'],
    [['batch', '--runs', '2'], 'drill batch: missing the scenario file'],
    [['merge'], 'drill merge: missing the results files to merge, one per shard'],
    [['msel', 'export'], 'drill msel: missing the scenario file'],
    [['msel', 'import', '--into', S], 'drill msel: missing the sheet (CSV) to import'],
  ];
  for (const [args, first] of cases) {
    it(`drill ${args.join(' ')}`, () => {
      const r = drill(args);
      expect(r.code).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(first);
      expect(r.stderr).toContain(`\n\nusage: drill ${args[0]}`);
      expect(r.stderr).not.toMatch(STACK);
    });
  }
});

describe('an output that is an input, or of the wrong kind', () => {
  /** a copy of the smallest scenario, its run log and batch results, in a fresh folder (the cwd of the commands) */
  function files() {
    const dir = tempDir();
    copyFileSync(join(ROOT, S), join(dir, 's.yaml'));
    expect(drill(['run', 's.yaml', '--out', 'run.json', '--quiet'], { cwd: dir }).code).toBe(0);
    expect(drill(['batch', 's.yaml', '--runs', '2', '--workers', '1', '--out', 'results.json', '--quiet'], { cwd: dir }).code).toBe(0);
    symlinkSync('s.yaml', join(dir, 'link.yaml'));
    const before = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
    return { dir, before };
  }

  it('is refused before any work, in every command that writes, whatever the path\'s spelling; the input is left as it was', () => {
    const { dir, before } = files();
    const dec = join(dir, 'd.yaml');
    writeDecisions(dec, ['mx-commander'], ['{ at: T+00:30, role: mx-commander, do: dispatch, unit: mx-militia, incident: collapse-1 }']);
    before['d.yaml'] = readFileSync(dec, 'utf8');
    writeFileSync(join(dir, 's.json'), JSON.stringify(parseYaml(before['s.yaml'])));
    before['s.json'] = readFileSync(join(dir, 's.json'), 'utf8');
    const cases: [string[], string][] = [
      [['run', 's.yaml', '--out', './s.yaml'], "drill run: --out ./s.yaml: this is the scenario the command reads; writing there would replace it (give another file name)"],
      [['run', 'link.yaml', '--out', 's.yaml'], 'drill run: --out s.yaml: this is the scenario the command reads'],
      [['run', 's.yaml', '--decisions', 'd.yaml', '--out', 'd.yaml'], 'drill run: --out d.yaml: this is the decisions file the command reads'],
      [['fork', 'run.json', '--at', 'T+00:00', '--decisions', 'd.yaml', '--out', join(dir, 'run.json')], `drill fork: --out ${join(dir, 'run.json')}: this is the run log the command reads`],
      [['batch', 's.json', '--runs', '2', '--out', 's.json'], 'drill batch: --out s.json: this is the scenario the command reads'],
      [['merge', 'results.json', '--out', 'results.json'], 'drill merge: --out results.json: this is the results file the command reads'],
      [['msel', 'export', 's.yaml', '--out', 's.yaml'], "drill msel: --out s.yaml: drill msel export writes CSV (.csv) or Markdown (.md, .markdown), not '.yaml'"],
      [['play', 's.yaml', '--controller', '--out', 's.yaml'], 'drill play: --out s.yaml: this is the scenario the command reads'],
      [['play', 's.yaml', '--controller', '--decisions-out', 'link.yaml'], 'drill play: --decisions-out link.yaml: this is the scenario the command reads'],
      [['play', '--resume', 'run.json', '--controller', '--decisions-out', 'run.json'], 'drill play: --decisions-out run.json: this is the run log the command reads'],
      [['play', 's.yaml', '--controller', '--out', 'p.json', '--decisions-out', './p.json'], 'drill play: --out and --decisions-out name the same file: give each its own'],
      // a run log over a file of another kind (a tester's scenario replaced by JSON), or the two outputs of play swapped
      [['run', 's.yaml', '--out', 'other.yaml'], 'drill run: --out other.yaml: the file name must end in .json: a run log is JSON'],
      [['fork', 'run.json', '--at', 'T+00:00', '--decisions', 'd.yaml', '--out', 'out.yaml'], 'drill fork: --out out.yaml: the file name must end in .json: a run log is JSON'],
      [['play', 's.yaml', '--controller', '--out', 'x.decisions.yaml', '--decisions-out', 'x.json'], 'drill play: --out x.decisions.yaml: the file name must end in .json: a run log is JSON'],
      [['play', 's.yaml', '--controller', '--decisions-out', 'x.json'], 'drill play: --decisions-out x.json: the file name must end in .yaml (or .yml): a decisions file is YAML'],
    ];
    for (const [args, message] of cases) {
      const r = drill(args, { cwd: dir, input: 'quit\n' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    for (const [f, text] of Object.entries(before)) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(Object.keys(before).sort());
  }, 120_000);

  it('drill play: `save` at the table under a name not ending in .json is not saved, with the name to use, EN and VI', () => {
    const { dir, before } = files();
    const r = drill(['play', 's.yaml', '--controller', '--lang', 'en'], { cwd: dir, input: 'save notes.yaml\nquit\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Not saved: cannot write: the file name must end in .json (a run log is JSON) (save it as notes.json)');
    const vi = drill(['play', 's.yaml', '--controller', '--lang', 'vi'], { cwd: dir, input: 'save d.yaml\nquit\n' });
    expect(vi.stdout).toContain('Chưa lưu: không ghi được: tên tệp phải kết thúc bằng .json (nhật ký lượt chạy là tệp JSON) (hãy lưu thành d.json)');
    expect(readdirSync(dir).sort()).toEqual(Object.keys(before).sort());
  });

  it('drill play: `save` at the table with the scenario\'s name is not saved, said in the session\'s language', () => {
    const { dir, before } = files();
    const r = drill(['play', 's.yaml', '--controller', '--lang', 'vi'], { cwd: dir, input: 'save s.yaml\nquit\n' });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Chưa lưu: không ghi được: đây là tệp kịch bản của phiên (hãy lưu với một tên khác)');
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe(before['s.yaml']);
  });

  it('drill msel export writes what --out\'s name says: Markdown in F.md, and a --format the name contradicts is refused', () => {
    const { dir } = files();
    const md = drill(['msel', 'export', 's.yaml', '--out', 'msel.md'], { cwd: dir });
    expect(md.code).toBe(0);
    expect(readFileSync(join(dir, 'msel.md'), 'utf8')).toMatch(/^# MSEL: /);
    const clash = drill(['msel', 'export', 's.yaml', '--format', 'md', '--out', 'msel.csv'], { cwd: dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('drill msel: --out msel.csv: --format md writes Markdown, which goes in a file ending in .md or .markdown');
    const bare = drill(['msel', 'export', 's.yaml', '--out', 'msel'], { cwd: dir });
    expect(bare.stderr).toContain('not a file without an extension');
    expect(existsSync(join(dir, 'msel.csv'))).toBe(false);
    expect(existsSync(join(dir, 'msel'))).toBe(false);
  });

  it('drill batch and merge: --html must name a web page', () => {
    const { dir } = files();
    for (const cmd of [['batch', 's.yaml', '--runs', '2'], ['merge', 'results.json']]) {
      const r = drill([...cmd, '--html', 'page.txt'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`drill ${cmd[0]}: --html page.txt: the file name must end in .html (or .htm): it is a web page`);
      expect(existsSync(join(dir, 'page.txt'))).toBe(false);
    }
  });
});

describe('one of drillsim\'s files given where another is expected', () => {
  it('is named in one line, with what to do, instead of a page of complaints about it', () => {
    const dir = tempDir();
    const results = join(dir, 'results.json');
    expect(drill(['batch', S, '--runs', '2', '--workers', '1', '--out', results, '--quiet']).code).toBe(0);
    const csv = join(dir, 'msel.csv');
    expect(drill(['msel', 'export', S, '--out', csv]).code).toBe(0);
    const cases: [string[], number, string][] = [
      [['validate', results], 1, `${results}: error[not-a-scenario] (top): this is batch results, not a scenario (batch results are read by drill report and drill merge; give the scenario the batch ran)\n`],
      [['run', results], 1, `${results}: error[not-a-scenario] (top): this is batch results, not a scenario (batch results are read by drill report and drill merge; give the scenario the batch ran)\n`],
      [['run', S, '--decisions', results], 1, `${results}: error[not-a-decisions-file] (top): this is batch results, not a decisions file (a decisions file starts with drillsim_decisions: 1; see docs/trainee.md)\n`],
      [['merge', S], 1, `${S}: error[file] (file): this is a scenario, not batch results (run a batch of it first: drill batch <scenario> --runs N --out results.json)\n`],
      [['merge', 'scenarios/decisions/ky-son-trainee.yaml'], 1, 'scenarios/decisions/ky-son-trainee.yaml: error[file] (file): this is a decisions file, not batch results (replay it over many seeds first: drill batch <scenario> --decisions <file> --runs N --out results.json)\n'],
      [['msel', 'import', S, '--into', csv], 1, `${S}: error[file] (file): this is a scenario, not an MSEL sheet (the sheet comes first, the scenario after --into: drill msel import <sheet.csv> --into <scenario>)\n`],
      [['msel', 'import', 'scenarios/decisions/ky-son-trainee.yaml', '--into', S], 1, 'scenarios/decisions/ky-son-trainee.yaml: error[file] (file): this is a decisions file, not an MSEL sheet (the sheet is a CSV file, as drill msel export writes it)\n'],
      [['msel', 'import', results, '--into', S], 1, `${results}: error[file] (file): this is batch results, not an MSEL sheet (the sheet is a CSV file, as drill msel export writes it)\n`],
    ];
    for (const [args, code, stderr] of cases) {
      const r = drill(args);
      expect(r.code, args.join(' ')).toBe(code);
      // validate prints its findings on stdout, as a linter; the others on stderr
      expect(args[0] === 'validate' ? r.stdout : r.stderr, args.join(' ')).toBe(stderr);
    }
  });
});

describe('a batch stopped with Ctrl+C', () => {
  /** Start a long batch and send it SIGINT after `ms`; the exit and what it printed. */
  function interrupt(args: string[], ms: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/drill.mjs'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '', stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
      child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
      const timer = setTimeout(() => child.kill('SIGINT'), ms);
      child.on('error', reject);
      child.on('close', (code, signal) => { clearTimeout(timer); resolve({ code, signal, stdout, stderr }); });
    });
  }

  it('says it stopped and that nothing was written, exits 130, and leaves no file, not even a temporary one', async () => {
    const dir = tempDir();
    // a scenario whose runs take a while (minimal's would all be over in seconds)
    const args = ['batch', 'scenarios/ky-son-flash-flood.yaml', '--runs', '20000', '--out', join(dir, 'r.json'), '--out', join(dir, 'r.csv'), '--html', join(dir, 'r.html')];
    // a Ctrl+C while the command is still starting up (reading the scenario, deriving the seeds) is Node's own,
    // which stops it at once: wait longer and try again
    let r = await interrupt(args, 1500);
    for (let ms = 3000; r.signal === 'SIGINT' && ms <= 12_000; ms *= 2) r = await interrupt(args, ms);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/^drill batch: stopped \(Ctrl\+C\) after \d+ of 20000 runs; nothing was written\n$/);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});

describe('--out - (standard output, to a shell user)', () => {
  it('is refused, saying how to get standard output where there is one, and no file named - is left', () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, S), join(dir, 's.yaml'));
    expect(drill(['run', 's.yaml', '--out', 'run.json', '--quiet'], { cwd: dir }).code).toBe(0);
    const cases: [string[], string][] = [
      [['run', 's.yaml', '--out', '-'], "drill run: --out -: give a file name ('-' would be a file named '-'; this file is not written to standard output)"],
      [['fork', 'run.json', '--at', 'T+01:00', '--decisions', 'd.yaml', '-o', '-'], 'drill fork: --out -: give a file name'],
      [['batch', 's.yaml', '--runs', '2', '--html', '-'], 'drill batch: --html -: give a file name'],
      [['play', 's.yaml', '--controller', '--decisions-out', '-'], 'drill play: --decisions-out -: give a file name'],
      [['report', 'run.json', '--out', '-'], 'drill report: --out -: leave out --out to write to standard output'],
      [['msel', 'export', 's.yaml', '--out', '-'], 'drill msel: --out -: leave out --out to write to standard output'],
    ];
    for (const [args, message] of cases) {
      const r = drill(args, { cwd: dir, input: 'quit\n' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toContain(message);
    }
    expect(existsSync(join(dir, '-'))).toBe(false);
  });
});

describe('what only a user without administrator rights meets', () => {
  it('drill view on a port below 1024 that may not be used: the port is named, not "internal error ... a bug in drillsim"', () => {
    const e = Object.assign(new Error('listen EACCES: permission denied 127.0.0.1:80'), { code: 'EACCES' });
    const said = listenError(e, 80);
    expect(said).toBeInstanceOf(OptionError);
    expect(said.message).toBe("port 80 may not be used without administrator rights (ports below 1024 are the system's); pick another with --port, e.g. 8173 (0 = any free port)");
  });

  // the tests run as root here: the real thing through `runuser -u nobody` where there is one
  const asNobody = process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status === 0;
  it.skipIf(!asNobody)('as an unprivileged user: port 80, a file it may not read, a folder it may not write in', () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    const secret = join(dir, 'secret.yaml');
    copyFileSync(join(ROOT, S), secret);
    chmodSync(secret, 0o000);
    const node = (args: string[]) => spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, join(ROOT, 'bin/drill.mjs'), ...args], { cwd: '/', encoding: 'utf8', timeout: 20_000 });
    const port = node(['view', '--port', '80']);
    expect(port.status).toBe(2);
    expect(port.stderr).toContain('drill view: port 80 may not be used without administrator rights');
    const read = node(['run', secret]);
    expect(read.status).toBe(1);
    expect(read.stderr).toBe(`${secret}: error[file] (file): permission denied (check the file permissions)\n`);
    const write = node(['run', join(ROOT, S), '--out', join(dir, 'run.json')]);
    expect(write.status).toBe(1);
    expect(write.stderr).toBe(`${join(dir, 'run.json')}: error[file] (file): cannot write: no permission to write in '${dir}' (write the file somewhere else)\n`);
  });
});

describe('inputs that are empty, or a pipe', () => {
  it('an empty file where a run log or batch results are expected is said to be empty, not "not valid JSON (Unexpected end of JSON input)"', () => {
    const empty = join(tempDir(), 'empty.json');
    writeFileSync(empty, '');
    for (const cmd of [['verify'], ['report'], ['fork', '--at', '1h', '--decisions', 'd.yaml'], ['compare', empty]]) {
      const r = drill([cmd[0], empty, ...cmd.slice(1)]);
      expect(r.code, cmd[0]).toBe(1);
      expect(r.stderr, cmd[0]).toBe(`${empty}: error[file] (file): the file is empty, not a run log (give a file written by \`drill run --out\`)\n`);
    }
    const merge = drill(['merge', empty]);
    expect(merge.code).toBe(1);
    expect(merge.stderr).toBe(`${empty}: error[file] (file): the file is empty, not batch results (give a file written by \`drill batch --out results.json\`)\n`);
  });

  it('drill report reads its input once: batch results through a pipe are reported, not refused as "batch results, not a run log"', () => {
    const results = join(tempDir(), 'results.json');
    expect(drill(['batch', S, '--runs', '2', '--workers', '1', '--out', results, '--quiet']).code).toBe(0);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" bin/drill.mjs report <(cat "${results}")`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^minimal: "House collapse after heavy rain in Mường Xén", 2 runs, master seed 7/);
  });
});

describe('a file written over one that exists', () => {
  it('is replaced where it really is, through a symbolic link, and keeps its permissions', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'library'));
    const real = join(dir, 'library', 'minimal.yaml');
    copyFileSync(join(ROOT, S), real);
    chmodSync(real, 0o600);
    symlinkSync(real, join(dir, 'link.yaml'));
    expect(drill(['msel', 'export', real, '--out', join(dir, 'msel.csv')]).code).toBe(0);
    writeFileSync(join(dir, 'msel.csv'), readFileSync(join(dir, 'msel.csv'), 'utf8').replace('T+00:22', 'T+00:25'));
    const r = drill(['msel', 'import', join(dir, 'msel.csv'), '--into', join(dir, 'link.yaml')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toContain('T+00:25');
    expect(statSync(real).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'library'))).toEqual(['minimal.yaml']);
  });
});

describe('Ctrl+C while a file is being written', () => {
  /** A process that writes dir/out.json with writeAtomic and gets SIGINT between two chunks of the text (a Proxy is an array to writeAtomic), then runs `after`. */
  const interrupted = (dir: string, after = '') => spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { writeAtomic } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/engine/cli/io.js')).href)});
      const chunks = ['{"a":', '1,', '"b":2}\\n'];
      const text = new Proxy(chunks, { get(t, k) { if (k === '1') process.kill(process.pid, 'SIGINT'); return Reflect.get(t, k); } });
      writeAtomic(${JSON.stringify(join(dir, 'out.json'))}, text);
      ${after}
      process.stdout.write('written\\n');
      setTimeout(() => process.stdout.write('went on\\n'), 200);`], { encoding: 'utf8' });

  it('waits for the file to be whole, then ends the command as Ctrl+C does: no half-written temporary file is left', () => {
    const dir = tempDir();
    const r = interrupted(dir);
    expect(r.signal).toBe('SIGINT');
    expect(r.stdout).toBe('written\n');
    expect(readdirSync(dir)).toEqual(['out.json']);
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1,"b":2}\n');
  });

  it('still ends the command when the process gets the processor back only after a while (a loaded machine)', () => {
    const dir = tempDir();
    // after the write, 60 ms before the event loop turns: a release timed in milliseconds alone took the listener off
    // before the signal that came during the write was dispatched, and the command went on (seen in CI)
    const r = interrupted(dir, 'const until = performance.now() + 60; while (performance.now() < until) { /* descheduled */ }');
    expect(r.signal).toBe('SIGINT');
    expect(r.stdout).toBe('written\n');
    expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('{"a":1,"b":2}\n');
  });
});

describe('drill msel: an option of the other action', () => {
  it('is said to be the other action\'s, not an unknown option (the usage printed lists it)', () => {
    const cases: [string[], string][] = [
      [['msel', 'export', S, '--into', 'x.yaml'], 'drill msel: --into is an option of drill msel import, not of drill msel export'],
      [['msel', 'export', S, '--dry-run'], 'drill msel: --dry-run is an option of drill msel import, not of drill msel export'],
      [['msel', 'import', 'msel.csv', '--into', S, '--out', 'x.csv'], 'drill msel: --out is an option of drill msel export, not of drill msel import'],
    ];
    for (const [args, first] of cases) {
      const r = drill(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${first}\n(drill msel --help lists the options)\n`);
    }
    expect(drill(['msel', 'export', S, '--bogus']).stderr).toMatch(/^drill msel: unknown option '--bogus'\n/);
  });
});

describe('slips found walking the command line', () => {
  it('an empty value (`--decisions "$DEC"` with DEC unset, `--out=`) is a missing value, not the option left out', () => {
    const cases: [string[], string][] = [
      // was: the run went on by doctrine alone, as if no decisions file had been meant
      [['run', S, '--decisions', ''], 'drill run: --decisions needs a value'],
      // was: no file written, and the summary said "not written; use --out"
      [['run', S, '--out=', '--quiet'], 'drill run: --out needs a value'],
      // was: the report printed to the terminal
      [['report', 'test/fixtures/none.json', '--out', ' '], 'drill report: --out needs a value'],
      [['batch', S, '--runs', '2', '--html', ''], 'drill batch: --html needs a value'],
    ];
    for (const [args, first] of cases) {
      const r = drill(args);
      expect([r.code, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr, args.join(' ')).toBe(`${first}\n(drill ${args[0]} --help lists the options)\n`);
    }
    // was: the session was played, and its run log could not be written at the end
    const play = drill(['play', S, '--controller', '--out', ''], { input: 'quit\n' });
    expect([play.code, play.stdout]).toEqual([2, '']);
    expect(play.stderr).toContain('drill play: --out needs a value');
  });

  it('an empty argument (`drill run "$SCENARIO"` with SCENARIO unset) is named as missing, not as a file named ""', () => {
    const r = drill(['run', '']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("drill run: missing the scenario file: an empty argument ('') was given");
    expect(drill(['compare', 'a.json', '']).stderr.split('\n')[0]).toBe("drill compare: missing the second run log: an empty argument ('') was given");
  });

  it('options before the command are said to go after it, with the line to type', () => {
    const r = drill(['--lang', 'vi', 'report', 'runs/my run.json']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    // said in the language the misplaced options ask for
    expect(r.stderr).toBe("drill: các tùy chọn đứng sau lệnh: drill report 'runs/my run.json' --lang vi\n");
    expect(drill(['--lang', 'en', 'report', 'runs/my run.json']).stderr).toBe("drill: options go after the command: drill report 'runs/my run.json' --lang en\n");
    const alone = drill(['--quiet']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.split('\n')[0]).toBe("drill: '--quiet' is an option, not a command: the command comes first, then its options");
    expect(alone.stderr).toContain('commands:');
  });

  it('drill report --out a folder says it is a folder (it was told the name lacks an extension)', () => {
    const dir = tempDir();
    const log = join(dir, 'run.json');
    expect(drill(['run', S, '--out', log, '--quiet']).code).toBe(0);
    const r = drill(['report', log, '--out', dir]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`${dir}: error[file] (file): cannot write: this is a folder (give the name of a file, not of a folder)\n`);
  });

  it('a folder given where a file goes names a file of it to give, in either language; an empty folder just says to give a file', () => {
    const r = drill(['validate', 'scenarios/']);
    expect([r.code, r.stdout]).toEqual([1, "scenarios/: error[file] (file): is a directory, not a file (give the path of a file inside it, such as 'scenarios/ban-ve-extreme-inflow-legacy.yaml')\n"]);
    expect(drill(['run', 'scenarios', '--lang', 'vi']).stderr).toBe("scenarios: error[file] (file): là một thư mục, không phải một tệp (hãy cho đường dẫn của một tệp trong thư mục đó, ví dụ 'scenarios/ban-ve-extreme-inflow-legacy.yaml')\n");
    const empty = tempDir();
    expect(drill(['report', empty]).stderr).toBe(`${empty}: error[file] (file): is a directory, not a file (give the path of a file inside it)\n`);
  });

  it('a folder given for a scenario names a YAML file of it before a JSON one (a run log beside the scenario is no scenario)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-run.json'), '{}');
    writeFileSync(join(dir, 'b-drill.yaml'), 'drillsim: 1\n');
    expect(drill(['validate', dir]).stdout).toBe(`${dir}: error[file] (file): is a directory, not a file (give the path of a file inside it, such as '${join(dir, 'b-drill.yaml')}')\n`);
    expect(drill(['run', dir]).stderr).toBe(`${dir}: error[file] (file): is a directory, not a file (give the path of a file inside it, such as '${join(dir, 'b-drill.yaml')}')\n`);
    // where a run log goes, the JSON file
    expect(drill(['report', dir]).stderr).toBe(`${dir}: error[file] (file): is a directory, not a file (give the path of a file inside it, such as '${join(dir, 'a-run.json')}')\n`);
  });

  it('drill batch --out page.html names --html, the option that writes the page', () => {
    const r = drill(['batch', S, '--runs', '2', '--out', 'page.html']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe("drill batch: --out page.html: the page is written by --html page.html; --out writes results, .json (all results, what `drill merge` reads) or .csv (one row per run)");
  });

  it('drill batch --vary without key=values names --vary, as its other messages do', () => {
    expect(drill(['batch', S, '--runs', '2', '--vary', 'foo']).stderr.split('\n')[0]).toBe("drill batch: --vary: 'foo' is not a sweep; write key=v1,v2,... e.g. zone.ta-ca-riverside.warning=15m,30m,1h");
  });

  it('drill msel import of the Markdown export says what it is, in one line (it was read as CSV: a dozen lines of columns)', () => {
    const dir = tempDir();
    const md = join(dir, 'msel.md');
    expect(drill(['msel', 'export', S, '--out', md]).code).toBe(0);
    const r = drill(['msel', 'import', md, '--into', S, '--dry-run']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${md}: error[file] (file): this is the MSEL in Markdown (to read and print), not the sheet (import reads the CSV sheet: drill msel export <scenario> --out msel.csv writes one to edit)\n`);
  });

  it('drill msel with a scenario and no action, or a mistyped action, says the action meant', () => {
    expect(drill(['msel', S]).stderr.split('\n')[0]).toBe(`drill msel: missing the action before ${S}: drill msel export ${S} writes its MSEL (import reads a sheet: drill msel import <sheet.csv> --into ${S})`);
    expect(drill(['msel', 'exprot', S]).stderr.split('\n')[0]).toBe("drill msel: unknown action 'exprot' (did you mean 'export'?): use 'drill msel export' or 'drill msel import'");
  });
});

describe('--format as people type it', () => {
  it('HTML, MD, CSV name the format, as VI names the language; an unknown one is still refused as typed', () => {
    const dir = tempDir();
    const log = join(dir, 'run.json');
    expect(drill(['run', S, '--out', log, '--quiet']).code).toBe(0);
    const html = drill(['report', log, '--format', 'HTML']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>/i);
    const csv = drill(['msel', 'export', S, '--format', 'CSV']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(drill(['msel', 'export', S, '--format', 'csv']).stdout);
    expect(drill(['report', log, '--format', 'PDF']).stderr.split('\n')[0]).toBe("drill report: --format must be md or html, not 'PDF' (for a PDF, write html and print it to PDF from a browser)");
  });
});
