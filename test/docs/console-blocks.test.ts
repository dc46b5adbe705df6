/** The reading of ```console blocks that the doc tests rest on: a wildcard that matched too much would let drift through. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { consoleSteps, maskMachineDependent, matchesShown } from '../helpers/console-blocks.js';

describe('console blocks in the docs', () => {
  it('reads commands, backslash continuations, heredocs and `# exit N`', () => {
    const md = [
      'text', '```console',
      '$ mkdir -p runs',
      '$ npx drill batch s.yaml --runs 5 \\',
      '    --out runs/b.json',
      'table',
      '$ cat > f.txt <<\'EOF\'',
      '$ not a command: heredoc body',
      'EOF',
      '$ npx drill validate broken.yaml     # four mistakes, exit 1',
      'an error', '```', '',
      '  ```console', '  $ echo hi', '  hi', '  ```',
    ].join('\n');
    expect(consoleSteps(md)).toEqual([
      { command: 'mkdir -p runs', expected: '', status: 0 },
      { command: 'npx drill batch s.yaml --runs 5 \\\n    --out runs/b.json', expected: 'table', status: 0 },
      { command: 'cat > f.txt <<\'EOF\'\n$ not a command: heredoc body\nEOF', expected: '', status: 0 },
      { command: 'npx drill validate broken.yaml     # four mistakes, exit 1', expected: 'an error', status: 1 },
      { command: 'echo hi', expected: 'hi', status: 0 },
    ]);
  });

  it('compares exactly when the page cuts nothing', () => {
    expect(matchesShown('a\nb', 'a\nb')).toBe(true);
    expect(matchesShown('a\nb', 'a\nb\nc')).toBe(false);
    expect(matchesShown('a\nb', 'a\nB')).toBe(false);
    expect(matchesShown('', 'something')).toBe(false);
    expect(matchesShown('a  b', 'a b')).toBe(false);
  });

  it('a `...` line stands for any lines, but the lines around it must still be there in order', () => {
    expect(matchesShown('head\n...\ntail', 'head\nx\ny\ntail')).toBe(true);
    expect(matchesShown('head\n[...]\ntail', 'head\ntail')).toBe(true);
    expect(matchesShown('...\ntail', 'x\ntail')).toBe(true);
    expect(matchesShown('head\n...\ntail', 'head\nx\ny')).toBe(false);
    expect(matchesShown('head\n...\nb\n...\na', 'head\na\nb')).toBe(false);
  });

  it('`...` inside a line stands for text on that line only', () => {
    expect(matchesShown('| 2 | ... | radio |', '| 2 | a | b | radio |')).toBe(true);
    expect(matchesShown('| 2 | ... | radio |', '| 2 | a\nb | radio |')).toBe(false);
    expect(matchesShown('lost (x)...', 'lost [x] and more')).toBe(false);
  });

  it('masks the machine-dependent parts only: the run count of a timing line is still compared', () => {
    const a = '500 runs in 1.8 s on 2 workers (286 runs/s); peak heap per worker: 22.0, 22.5 MiB; process peak RSS 171.4 MiB';
    const b = '500 runs in 12.1 s on 16 workers (41 runs/s); peak heap per worker: 22.0, 22.5, 21.9 MiB; process peak RSS 1.2 GiB';
    expect(maskMachineDependent(a)).toBe(maskMachineDependent(b));
    expect(maskMachineDependent(a)).not.toBe(maskMachineDependent(b.replace('500 runs', '50 runs')));
    expect(maskMachineDependent('  --workers W     worker threads (default: the cores, here 2)')).toBe(maskMachineDependent('  --workers W     worker threads (default: the cores, here 8)'));
    expect(maskMachineDependent('people lost  74.8 [71.5, 78.1]')).toBe('people lost  74.8 [71.5, 78.1]');
  });

  it('every page that shows console blocks is checked by a test in test/docs (a new page cannot go unchecked)', () => {
    const pages = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
    const shown = pages.filter((p) => /^ *```console$/m.test(readFileSync(join(ROOT, p), 'utf8')));
    const tests = readdirSync(join(ROOT, 'test/docs')).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(ROOT, 'test/docs', f), 'utf8')).join('\n');
    const checked = new Set([...tests.matchAll(/checkConsolePage\('([^']+)'/g)].map((m) => m[1]));
    expect(shown.length).toBeGreaterThanOrEqual(7);
    expect(shown.filter((p) => !checked.has(p))).toEqual([]);
  });
});
