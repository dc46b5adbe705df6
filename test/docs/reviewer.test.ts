/**
 * docs/reviewer.md walks a reviewer through two real runs: every `console`
 * block of it runs, in order, in a scratch folder, and each command must
 * print what the page says (rules in test/helpers/console-blocks.ts). When
 * the engine changes, the page must be brought up to date. The page's
 * `markdown` blocks are excerpts of the reports of those runs: each of their
 * lines must be a line the report writes (the page once told of 416 people
 * still waiting at the end, a finding the report had stopped writing).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';
import { checkConsolePage, consoleSteps } from '../helpers/console-blocks.js';

const PAGE = readFileSync(join(ROOT, 'docs/reviewer.md'), 'utf8');

describe('docs/reviewer.md', () => {
  it('has the walk-through\'s commands', () => {
    const steps = consoleSteps(PAGE);
    expect(steps.map((s) => s.command.split(' ').slice(0, 3).join(' '))).toEqual(expect.arrayContaining(['npx drill run', 'npx drill report', 'npx drill compare', 'npx drill fork']));
  });
  // some twenty drill processes one after the other: on a shared two-core machine that can pass a minute
  checkConsolePage('docs/reviewer.md', 10, 180_000);

  it('quotes the reports as drill report writes them: every line of its markdown excerpts is in the report it quotes', () => {
    const dir = tempDir('drillsim-doc-excerpts-');
    const report = (name: string, runArgs: string[]): string[] => {
      const log = join(dir, `${name}.json`), md = join(dir, `${name}.md`);
      expect(drill(['run', ...runArgs, '--out', log, '--quiet']).code).toBe(0);
      expect(drill(['report', log, '--out', md]).code).toBe(0);
      return readFileSync(md, 'utf8').split('\n');
    };
    const kySon = [
      ...report('early', ['scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-evacuate-early.yaml']),
      ...report('late', ['scenarios/ky-son-flash-flood.yaml', '--decisions', 'scenarios/decisions/ky-son-evacuate-late.yaml']),
    ];
    // the objective not tested is from a Cửa Lò run in which the chlorine leak did not happen (seed 2)
    const cuaLo = report('cua-lo', ['scenarios/cua-lo-high-rise-fire.yaml', '--seed', '2']);
    const blocks = [...PAGE.matchAll(/^```markdown\n([\s\S]*?)^```/gm)].map((m) => m[1].split('\n').filter((l) => l.trim() !== ''));
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    for (const lines of blocks) {
      const from = lines.some((l) => l.includes('Not tested in this run')) ? cuaLo : kySon;
      for (const line of lines) expect.soft(from, line).toContain(line);
    }
    // the viewer's Objectives panel is said to give the late run's evac-ta-ca evidence with the report's event numbers
    const late = kySon.slice(kySon.lastIndexOf('# After-Action Report and Improvement Plan: Night flash flood at Mường Xén - Tà Cạ (Kỳ Sơn)'));
    const start = late.findIndex((l) => l.startsWith("#### Move at least 90% of Tà Cạ's riverside villagers"));
    const section = late.slice(start, late.findIndex((l, i) => i > start && l.startsWith('#### ')));
    const said = /`evac-ta-ca` in the late run: events #(\d+), #(\d+) and #(\d+)/.exec(PAGE.replace(/\s+/g, ' '));
    expect(said).not.toBeNull();
    expect(said!.slice(1).map((n) => `#${n}`)).toEqual(section.flatMap((l) => [...l.matchAll(/\[log event (#\d+)\\\]/g)].map((m) => m[1])));
  }, 120_000);
});
