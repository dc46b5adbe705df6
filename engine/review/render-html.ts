/**
 * The AAR/IP as one self-contained HTML file: inline CSS, inline SVG charts,
 * no script, no font, no image or link to fetch (a Content-Security-Policy
 * forbids it too), and print rules so that "Print to PDF" gives a clean
 * document. Every text from the scenario or the log is escaped.
 */
import { escHtml, renderChart } from './charts.js';
import type { Block, ReportDoc, Rich } from './report-doc.js';

const CSS = `
:root { --ink: #1b1f24; --muted: #5b6570; --rule: #d5dae0; --band: #f4f6f8; --P: #1a7f37; --S: #9a6700; --M: #bc4c00; --U: #cf222e; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem 4rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .25rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.08rem; margin: 1.6rem 0 .4rem; }
h4 { font-size: .98rem; margin: 1.2rem 0 .3rem; }
p { margin: .4rem 0 .8rem; }
p.subtitle { color: var(--muted); margin-top: 0; }
p.note { color: var(--muted); font-size: .9rem; }
p.warn { border: 2px solid var(--U); background: #fff1f0; padding: .6rem .8rem; font-weight: 600; }
nav.toc { border: 1px solid var(--rule); background: var(--band); padding: .6rem 1rem; margin: 1rem 0 1.5rem; font-size: .92rem; }
nav.toc ol { margin: .2rem 0 0; padding-left: 1.2rem; columns: 2; }
nav.toc li { margin: 0; padding: .125rem 0; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .88rem; }
th, td { border: 1px solid var(--rule); padding: .3rem .45rem; vertical-align: top; text-align: left; }
th { background: var(--band); font-weight: 600; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; }
table.kv td:first-child { width: 14rem; }
table.timeline td:first-child { white-space: nowrap; width: 9.5rem; font-variant-numeric: tabular-nums; }
table.plan td { height: 2.6rem; }
table.plan td:nth-child(6), table.plan td:nth-child(7) { width: 6.5rem; border-bottom: 1px dotted var(--muted); }
ul { margin: .3rem 0 1rem; padding-left: 1.3rem; }
ul.evidence li { margin: .15rem 0; }
li { margin: .25rem 0; }
small, .small { color: var(--muted); font-size: .82em; }
.msg { display: block; color: var(--muted); font-style: italic; font-size: .85em; }
.rating { display: inline-block; font-weight: 700; padding: .05rem .45rem; border-radius: .25rem; color: #fff; }
.rating-P { background: var(--P); } .rating-S { background: var(--S); } .rating-M { background: var(--M); } .rating-U { background: var(--U); }
figure { margin: .6rem 0 1rem; border: 1px solid var(--rule); padding: .5rem .6rem .3rem; }
figcaption { font-weight: 600; font-size: .92rem; }
figcaption small { display: block; font-weight: 400; }
svg { display: block; max-width: 100%; height: auto; }
svg .grid { stroke: #e6e9ed; stroke-width: 1; }
svg .axis { stroke: #8c959f; stroke-width: 1; }
svg .tick { font-size: 11px; fill: #444c56; }
svg .label { font-size: 11px; fill: #57606a; }
footer { margin-top: 2rem; color: var(--muted); font-size: .85rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3, h4 { break-after: avoid; }
  figure, tr, li, p.warn { break-inside: avoid; }
  thead { display: table-header-group; }
  /* A4's printable width (186 mm, some 700 px) is narrower than the screen's 60rem: the widest tables (the ten
     columns of the incidents, in English) fit it in a smaller type with tighter cells, rather than run off the page */
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  a { color: inherit; text-decoration: none; }
}
`;

function inline(r: Rich): string {
  return r.map((s) => {
    let t = escHtml(s.text);
    if (s.code) t = `<code>${t}</code>`;
    if (s.b) t = `<strong>${t}</strong>`;
    if (s.i && !s.br) t = `<em>${t}</em>`;
    if (s.rating) t = `<span class="rating rating-${s.rating}">${s.rating}</span> ${t}`;
    if (s.br) return `<span class="msg">${t}</span>`;
    if (s.small) t = `<small>${t}</small>`;
    return t;
  }).join('');
}

function block(b: Block, doc: ReportDoc): string {
  switch (b.kind) {
    case 'h': return `<h${b.level}${b.id ? ` id="${escHtml(b.id)}"` : ''}>${escHtml(b.text)}</h${b.level}>`;
    case 'p': return `<p${b.cls ? ` class="${b.cls}"` : ''}>${inline(b.rich)}</p>`;
    case 'list': return b.items.length ? `<ul${b.cls ? ` class="${b.cls}"` : ''}>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>` : '';
    case 'table': {
      const cls = (i: number) => (b.align?.[i] === 'r' ? ' class="r"' : '');
      const head = `<thead><tr>${b.head.map((x, i) => `<th${cls(i)}>${escHtml(x)}</th>`).join('')}</tr></thead>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${inline(c)}</td>`).join('')}</tr>`).join('\n');
      return `<table${b.cls ? ` class="${b.cls}"` : ''}>${head}<tbody>\n${rows}\n</tbody></table>`;
    }
    case 'chart': return `<figure>${renderChart(b.chart, doc.aar, doc.words, b.title)}<figcaption>${escHtml(b.title)}<small>${escHtml(b.desc)}</small></figcaption></figure>`;
  }
}

export function renderHtml(doc: ReportDoc): string {
  const toc = doc.blocks.filter((b): b is Extract<Block, { kind: 'h' }> => b.kind === 'h' && b.level === 2 && b.id !== undefined);
  const blocks = doc.blocks.map((b) => block(b, doc));
  // the table of contents goes after the title, subtitle and warnings
  const firstH2 = doc.blocks.findIndex((b) => b.kind === 'h' && b.level === 2);
  const nav = `<nav class="toc"><strong>${escHtml(doc.words.m('toc'))}</strong><ol>${toc.map((h) => `<li><a href="#${escHtml(h.id!)}">${escHtml(h.text.replace(/^\d+\.\s*/, ''))}</a></li>`).join('')}</ol></nav>`;
  blocks.splice(firstH2, 0, nav);
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escHtml(doc.title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...blocks,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
