/**
 * Every relative link in README.md and docs/ leads somewhere: the file exists
 * and, for a link to a heading (`page.md#a-heading`), the page has that
 * heading (GitHub's anchors: lower case, punctuation dropped, spaces to
 * hyphens, a repeated heading numbered). Sections move between pages; a
 * reader following a link to one that moved should not land nowhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const withoutCode = (md: string) => md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');

function anchorsOf(md: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of md.replace(/```[\s\S]*?```/g, '').matchAll(/^#{1,6} +(.*?) *#*$/gm)) {
    const base = m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base);
    seen.set(base, (n ?? -1) + 1);
    out.add(n === undefined ? base : `${base}-${n + 1}`);
  }
  return out;
}

/** The links of `md` (the page at `file`, relative to ROOT) that lead nowhere, as `file: href (why)`. */
function brokenLinks(file: string, md: string, read: (f: string) => string | null): string[] {
  const bad: string[] = [];
  for (const m of withoutCode(md).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
    const href = m[1]!;
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue; // http:, mailto: ... not checked here
    const [path, anchor] = href.split('#') as [string, string | undefined];
    const target = path === '' ? file : normalize(join(dirname(file), path));
    const text = read(target);
    if (text === null) { bad.push(`${file}: ${href} (no such file)`); continue; }
    if (anchor && target.endsWith('.md') && !anchorsOf(text).has(anchor)) bad.push(`${file}: ${href} (no such heading)`);
  }
  return bad;
}

const readInRepo = (f: string) => {
  const p = join(ROOT, f);
  if (!existsSync(p)) return null;
  return f.endsWith('.md') ? readFileSync(p, 'utf8') : '';
};

describe('links in the docs', () => {
  it('finds a missing page and a missing heading', () => {
    const pages: Record<string, string> = { 'docs/a.md': '# A page\n\n## Speed and memory\n\n## Speed and memory\n' };
    const read = (f: string) => pages[f] ?? null;
    const md = '[ok](a.md#speed-and-memory) [ok too](a.md#speed-and-memory-1) [gone](b.md) [no heading](a.md#speed) `[in code](c.md)` [web](https://example.org/x)';
    expect(brokenLinks('docs/index.md', md, read)).toEqual(['docs/index.md: b.md (no such file)', 'docs/index.md: a.md#speed (no such heading)']);
  });

  it('keeps Vietnamese letters in anchors, as GitHub does', () => {
    expect([...anchorsOf('## Nghệ An: the hazards (`drill run`)\n')]).toEqual(['nghệ-an-the-hazards-drill-run']);
  });

  it('README.md and every page in docs/ link only to files and headings that exist', () => {
    const pages = ['README.md', ...readdirSync(join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md')).map((f) => relative(ROOT, join(ROOT, 'docs', f)))];
    const bad = pages.flatMap((f) => brokenLinks(f, readFileSync(join(ROOT, f), 'utf8'), readInRepo));
    expect(bad).toEqual([]);
  });
});
