/**
 * The batch page names the runs that went worst, each with its seed and the commands that play it alone and write
 * its after-action report: a planner who sees a long tail of people lost on the histogram wants to know why, and
 * the page gave no run's number or seed (the docs sent them to grep the results file). The command, run as shown,
 * gives the same figures as the page.
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const SCENARIO = 'scenarios/nam-dan-compound-flood.yaml';

describe('the batch page\'s worst runs', () => {
  let dir = '', results = '', page = '';
  beforeAll(() => {
    dir = tempDir('drillsim-worst-runs-');
    results = join(dir, 'r.json');
    const html = join(dir, 'r.html');
    expect(drill(['batch', SCENARIO, '--runs', '40', '--workers', '1', '--quiet', '--out', results, '--html', html]).code).toBe(0);
    page = readFileSync(html, 'utf8');
  });

  it('lists the run with the most people lost first, with its seed, and drill run of that seed loses as many', () => {
    const runs = readFileSync(results, 'utf8').split('\n').filter((l) => l.startsWith('{"j":')).map((l) => JSON.parse(l.replace(/,$/, '')));
    const worst = [...runs].sort((a, b) => b.metrics.people_lost - a.metrics.people_lost || a.metrics.objectives_met - b.metrics.objectives_met || a.j - b.j)[0];
    expect(page).toContain('The 5 runs that went worst (most people lost)');
    const section = page.slice(page.indexOf('<table class="worst">'));
    const first = /<tbody><tr><td>(\d+)<\/td><td>(\d+)<\/td><td>(\d+)<\/td>/.exec(section)!;
    expect([Number(first[1]), Number(first[2]), Number(first[3])]).toEqual([worst.run, worst.seed, worst.metrics.people_lost]);
    // drill batch knows the scenario's path as it was typed: the command runs as shown, from the same folder
    expect(section).toContain(`drill run ${SCENARIO} --seed ${worst.seed} --out run-${worst.run}.json\ndrill report run-${worst.run}.json --out run-${worst.run}.html`);
    expect(page).toContain('The commands name the files as drill batch was given them');
    const command = /<pre>drill run (.*?)\n/.exec(section)![1].split(' ');
    const alone = drill(['run', ...command.slice(0, command.indexOf('--out'))]);
    expect(alone.stdout).toContain(`, ${worst.metrics.people_lost} lost,`);
  });

  it('names the decisions file as the batch was given it, and a path with a space quoted for the shell', () => {
    const spaced = join(dir, 'my plans');
    mkdirSync(spaced);
    copyFileSync('scenarios/ky-son-flash-flood.yaml', join(spaced, 'ky son.yaml'));
    const html = join(dir, 'ks.html');
    expect(drill(['batch', join(spaced, 'ky son.yaml'), '--runs', '4', '--workers', '1', '--quiet', '--decisions', 'scenarios/decisions/ky-son-trainee.yaml', '--html', html]).code).toBe(0);
    const section = readFileSync(html, 'utf8').split('<table class="worst">')[1];
    expect(section).toMatch(new RegExp(`drill run &#39;${join(spaced, 'ky son.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}&#39; --seed \\d+ --decisions scenarios/decisions/ky-son-trainee.yaml --out run-\\d+\\.json`));
  });

  it('writes a sweep value as the shell must read it: a distribution in quotes, so that the command runs as shown', () => {
    const swept = join(dir, 'sweep.json'), html = join(dir, 'sweep.html');
    expect(drill(['batch', SCENARIO, '--runs', '6', '--workers', '1', '--quiet', '--vary', 'unit.lt-dike-team.mobilisation={uniform: [10m, 20m]},10m', '--out', swept, '--html', html]).code).toBe(0);
    const section = readFileSync(html, 'utf8').split('<table class="worst">')[1];
    expect(section).toContain('--vary &#39;unit.lt-dike-team.mobilisation={uniform: [10m, 20m]}&#39; --out run-1-v1.json');
    expect(section).toContain('--vary unit.lt-dike-team.mobilisation=10m --out run-1-10m.json');
    expect(section).not.toMatch(/--vary unit\.lt-dike-team\.mobilisation=\{/);
  });

  it('in Vietnamese, with --lang vi on the report it writes; a report of the results file, which records no path, gives the scenario as a placeholder', () => {
    const html = join(dir, 'r.vi.html');
    expect(drill(['report', results, '--lang', 'vi', '--out', html]).code).toBe(0);
    const vi = readFileSync(html, 'utf8');
    expect(vi).toContain('5 lượt chạy có kết quả xấu nhất (nhiều người thiệt mạng nhất)');
    expect(vi).toContain('Dùng tệp kịch bản nam-dan-compound-flood mà loạt chạy đã chạy.');
    expect(vi).toMatch(/drill run &lt;kich-ban.yaml&gt; --seed \d+ --out luot-\d+\.json\ndrill report luot-\d+\.json --out luot-\d+\.html --lang vi/);
  });
});
