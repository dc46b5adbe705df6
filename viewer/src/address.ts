/**
 * The address holds the runs and the time: #run=0&cmp=1&t=10800&lang=vi.
 * Read here, written by the app (main.ts).
 */
import { parseDuration } from '../../engine/scenario/duration.js';
import type { Lang } from './i18n.js';

export function parseHash(hash = location.hash): { run: number | null; cmp: number | null; t: number | null; lang: Lang | null; layout: 'side' | 'overlay' | null; badTime: string | null } {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  // (digits past what a number holds exactly read as none: `t=` of 400 nines was Infinity, said as 'the link's time Infinity')
  const int = (k: string) => { const v = p.get(k); return v !== null && /^\d+$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : null; };
  const lang = p.get('lang');
  const layout = p.get('layout');
  const t = time(p.get('t'));
  // a time the address gives but that reads as none: the page says so rather than go to T+00:00 in silence
  const badTime = t === null && p.get('t') !== null && p.get('t') !== '' ? p.get('t')!.replace(/^T /, 'T+') : null;
  return { run: int('run'), cmp: int('cmp'), t, lang: lang === 'vi' || lang === 'en' ? lang : null, layout: layout === 'overlay' || layout === 'side' ? layout : null, badTime };
}

/**
 * The time as the app writes it (seconds since T0), or as a reviewer types it into an address: T+03:00, 3h.
 * In an address '+' reads as a space (`t=T+03:00` arrives as 'T 03:00'): put it back.
 */
function time(v: string | null): number | null {
  if (v === null) return null;
  if (/^\d+$/.test(v)) return Number.isSafeInteger(Number(v)) ? Number(v) : null;
  const r = parseDuration(v.replace(/^T /, 'T+'));
  return r.ok && r.seconds >= 0 ? r.seconds : null;
}
