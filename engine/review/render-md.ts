/**
 * The AAR/IP as Markdown (GitHub-flavoured: tables). Every text from the
 * scenario or the log is escaped, so that a message holding HTML or
 * Markdown shows as the characters it is. Charts are left to the HTML
 * report; the tables beside them carry the same figures.
 */
import type { Block, ReportDoc, Rich } from './report-doc.js';

/** Escape text for Markdown: HTML is shown, not interpreted; Markdown marks are literal. */
export function escMd(s: string, inTable = false): string {
  // a field of a log edited by hand may be a number where drill writes a text (an event's `by` of -1): shown as written
  let out = String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([\\`*_[\]])/g, '\\$1').replace(/^(\s*)([#>+-])/, '$1\\$2');
  if (inTable) out = out.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
  else out = out.replace(/\r?\n/g, ' ');
  return out;
}

function inline(r: Rich, inTable = false): string {
  return r.map((s) => {
    let t = escMd(s.text, inTable);
    if (t.trim() === '') return t;
    if (s.code) t = '`' + s.text.replace(/`/g, "'") + '`';
    if (s.b || s.rating) t = `**${t}**`;
    if (s.i) t = `*${t}*`;
    return (s.br ? '<br>' : '') + t;
  }).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'h': return `${'#'.repeat(b.level)} ${escMd(b.text)}\n`;
    case 'p': return b.cls === 'warn' ? `> **${inline(b.rich)}**\n` : `${inline(b.rich)}\n`;
    case 'list': return b.items.length ? b.items.map((i) => `- ${inline(i)}`).join('\n') + '\n' : '';
    case 'table': {
      const cells = (row: string[]) => `| ${row.map((c) => c || ' ').join(' | ')} |`;
      const align = b.head.map((_, i) => (b.align?.[i] === 'r' ? '---:' : '---'));
      return [cells(b.head.map((x) => escMd(x, true))), cells(align), ...b.rows.map((r) => cells(r.map((c) => inline(c, true))))].join('\n') + '\n';
    }
    case 'chart': return '';
  }
}

export function renderMarkdown(doc: ReportDoc): string {
  return doc.blocks.map(block).filter((x) => x !== '').join('\n');
}
