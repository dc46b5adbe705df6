/**
 * `drill compare a.json b.json --out F.html`: two plans' batch results compared run for run as one page, what a
 * planner brings to a meeting (printed or mailed, as the batch page is). The text only went to a terminal. The page
 * names both files, sets each objective's probability under a and b beside the change in points, and each metric's
 * means beside b - a as a forest plot; it is written whole or not at all, never for a comparison that is refused,
 * and only to a name that says it is a web page.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, ROOT, tempDir } from '../helpers/cli.js';

const LIBRARY = 'scenarios/nam-dan-compound-flood.yaml';
const ARTIFACTS = join(ROOT, 'test/artifacts');

describe('drill compare of two plans\' batch results, as a page (--out F.html)', () => {
  let dir = '', planA = '', planB = '', otherSeed = '', stricter = '', logA = '', logB = '';
  beforeAll(() => {
    dir = tempDir('drillsim-compare-html-');
    // plan B: the dike guards posted on the dike (mobilised in 10 min) and the hamlets warned in 10 min, its own id
    const copy = join(dir, 'plan-b.yaml');
    writeFileSync(copy, readFileSync(LIBRARY, 'utf8')
      .replace(/^id: nam-dan-compound-flood$/m, 'id: nam-dan-plan-b')
      .replace(/(id: lt-dike-team,.*)mobilisation: \{ lognormal: \{ median: 35m, sigma: 0.5 \} \}/, '$1mobilisation: 10m')
      .replace(/(id: lam-thanh-behind-dike,.*)warning: 20m/, '$1warning: 10m'));
    // plan C: the library's with the seepage to be sealed within 3 hours, not 4 (an objective's criterion changed)
    const strict = join(dir, 'plan-c.yaml');
    writeFileSync(strict, readFileSync(LIBRARY, 'utf8').replace(/^id: nam-dan-compound-flood$/m, 'id: nam-dan-plan-c')
      .replace('criterion: { metric: contained_s, of: dike-seepage, comparator: "<=", threshold: 14400 }', 'criterion: { metric: contained_s, of: dike-seepage, comparator: "<=", threshold: 10800 }'));
    [planA, planB, otherSeed, stricter, logA, logB] = ['a', 'b', 'seed', 'c', 'run-a', 'run-b'].map((n) => join(dir, `${n}.json`));
    const batch = (file: string, out: string, ...more: string[]) => expect(drill(['batch', file, '--runs', '40', '--workers', '1', '--quiet', '--out', out, ...more]).code).toBe(0);
    batch(LIBRARY, planA);
    batch(copy, planB);
    batch(copy, otherSeed, '--seed', '7');
    batch(strict, stricter);
    expect(drill(['run', LIBRARY, '--out', logA, '--quiet']).code).toBe(0);
    expect(drill(['run', LIBRARY, '--seed', '3', '--out', logB, '--quiet']).code).toBe(0);
  });

  it('writes one page naming both files, with every objective compared (a, b, change in points) and every metric (means and b - a)', () => {
    const page = join(dir, 'plans.html');
    const r = drill(['compare', planA, planB, '--out', page, '--lang', 'en']);
    expect(r.code).toBe(0);
    // the page is the output: nothing on standard output, and on stderr where it went
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`page written to ${page}\n`);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(`<code>${planA}</code>`);
    expect(html).toContain(`<code>${planB}</code>`);
    expect(html).toContain('nam-dan-compound-flood: &quot;Storm rain');
    expect(html).toContain('nam-dan-plan-b: &quot;Storm rain');
    for (const id of ['seepage-response', 'seepage-contained', 'riverside-evac', 'behind-dike-evac', 'level-1', 'lives']) expect(html).toContain(`<div>${id}</div>`);
    for (const label of ['people lost', 'people rescued', 'mean first on scene', 'objectives met']) expect(html).toContain(`<th>${label}</th>`);
    // each row's difference is a figure with its interval and a plot: the dike guards on the dike reach the seepage in
    // time more often, a difference the runs show
    expect(html).toMatch(/<th class="oid"><div>seepage-response<\/div>.*?<td class="num shows">\+\d+ <span class="ci">\[\+[\d.]+, \+\d+\]<\/span> <b>\*<\/b> <span class="dir better">better<\/span>/);
    // a figure with no better side (more rescued where more were caught) gets its * and no word
    expect(html).toMatch(/<th>people rescued<\/th>(?:(?!<\/tr>).)*<b>\*<\/b>(?!\s*<span class="dir)/);
    expect(html.match(/<svg [^>]*aria-label="b - a of /g)?.length).toBe(6 + 14);
    expect(html).toContain('what plan b changed in that run');
    expect(html).toContain('Written by drill compare.');
    expect(html).not.toMatch(/⟦/);
  });

  it('in Vietnamese', () => {
    const page = join(dir, 'plans-vi.html');
    const r = drill(['compare', planA, planB, '--out', page, '--lang', 'vi']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`đã ghi trang HTML vào ${page}\n`);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('So sánh hai phương án theo từng lượt chạy');
    expect(html).toContain('<th>số người thiệt mạng</th>');
    expect(html).toContain('Mưa bão, lũ sông Cả');
    expect(html).toMatch(/\+\d+ <span class="ci">\[\+[\d,]+; \+\d+\]<\/span>/);
    expect(html).not.toMatch(/⟦|\bruns?\b/);
  });

  it('says on the page what the text says of objectives not compared, and leaves them and the count of objectives met out', () => {
    const page = join(dir, 'stricter.html');
    expect(drill(['compare', planA, stricter, '--out', page, '--lang', 'en']).code).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('Objectives both have with another criterion (metric, place, comparator or threshold), not compared: seepage-contained.');
    expect(html).toContain('Objectives met: not compared, as the two plans do not rate the same objectives.');
    expect(html).not.toContain('<div>seepage-contained</div>');
    expect(html).not.toContain('<th>objectives met</th>');
    expect(html).toContain('<div>seepage-response</div>');
  });

  it('writes nothing for a comparison it refuses (runs that do not pair), and leaves a page already there as it was', () => {
    const page = join(dir, 'refused.html');
    const r = drill(['compare', planA, otherSeed, '--out', page, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('seed.json: error[file] (file): was played with master seed 7, ');
    expect(existsSync(page)).toBe(false);
    writeFileSync(page, 'the last meeting\'s page');
    expect(drill(['compare', planA, otherSeed, '--out', page]).code).toBe(1);
    expect(readFileSync(page, 'utf8')).toBe('the last meeting\'s page');
  });

  it.each([
    ['a PDF', 'plans.pdf', 'en', 'drill compare: --out {out}: the file name must end in .html (or .htm): it is a web page'],
    ['a text file', 'plans.txt', 'en', 'drill compare: --out {out}: the file name must end in .html (or .htm): it is a web page'],
    ['a PDF, in Vietnamese', 'plans.pdf', 'vi', 'drill compare: --out {out}: tên tệp phải kết thúc bằng .html (hoặc .htm): đó là một trang web'],
  ])('refuses --out to %s before reading anything (exit 2, what to write instead)', (_, name, lang, said) => {
    const out = join(dir, name);
    const r = drill(['compare', planA, planB, '--out', out, '--lang', lang]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toBe(said.replace('{out}', out));
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --out with --json: one or the other', () => {
    const out = join(dir, 'both.html');
    const r = drill(['compare', planA, planB, '--out', out, '--json', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(`drill compare: --out ${out} and --json: give one of them: --json prints the comparison as JSON, --out writes it as an HTML page`);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses --out for two run logs, and names the page each has (drill report)', () => {
    const out = join(dir, 'runs.html');
    for (const lang of ['en', 'vi']) {
      const r = drill(['compare', logA, logB, '--out', out, '--lang', lang]);
      expect(r.code, lang).toBe(2);
      expect(r.stdout, lang).toBe('');
      expect(r.stderr, lang).toContain(`drill report ${logA} --out ${logA.replace(/\.json$/, '.html')}`);
      expect(existsSync(out), lang).toBe(false);
    }
    expect(drill(['compare', logA, logB, '--out', out, '--lang', 'en']).stderr).toContain("the page compares two plans' batch results");
    expect(drill(['compare', logA, logB, '--out', out, '--lang', 'vi']).stderr).toContain('trang này so sánh kết quả loạt chạy của hai phương án');
  });

  it('fits a 1280-px window in both languages: nothing runs past the page, no text past its cell, no request made', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'drillsim-chromium-')), {
      executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1280, height: 900 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    try {
      for (const lang of ['en', 'vi']) {
        const file = join(dir, `fit-${lang}.html`);
        expect(drill(['compare', planA, planB, '--out', file, '--lang', lang]).code).toBe(0);
        const page = await ctx.newPage();
        const requests: string[] = [];
        page.on('request', (q) => { if (q.url() !== `file://${file}`) requests.push(q.url()); });
        await page.goto(`file://${file}`);
        const look = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          right: Math.max(...[...document.querySelectorAll('table, svg, p, h1, h2')].map((e) => e.getBoundingClientRect().right)),
          // a cell whose content is wider than the cell (a figure run into the next column)
          spilled: [...document.querySelectorAll('td, th')].filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent),
          // a plot's scale labels inside its box
          cut: [...document.querySelectorAll('td.plot svg')].filter((svg) => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll('text')].some((t) => { const b = t.getBoundingClientRect(); return b.left < box.left - 0.5 || b.right > box.right + 0.5; });
          }).map((svg) => svg.getAttribute('aria-label')),
        }));
        await page.screenshot({ path: join(ARTIFACTS, `compare-plans-${lang}.png`), fullPage: true });
        expect(requests, lang).toEqual([]);
        expect(look.page, lang).toBeLessThanOrEqual(1280);
        expect(look.right, lang).toBeLessThanOrEqual(1280);
        expect(look.spilled, lang).toEqual([]);
        expect(look.cut, lang).toEqual([]);
        await page.close();
      }
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
