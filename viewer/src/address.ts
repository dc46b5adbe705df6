/**
 * The address holds the runs and the time: #run=0&cmp=1&t=10800&lang=vi.
 * Read here, written by the app (main.ts).
 */
import type { Lang } from './i18n.js';

export function parseHash(): { run: number | null; cmp: number | null; t: number | null; lang: Lang | null; layout: 'side' | 'overlay' | null } {
  const p = new URLSearchParams(location.hash.replace(/^#/, ''));
  const int = (k: string) => { const v = p.get(k); return v !== null && /^\d+$/.test(v) ? Number(v) : null; };
  const lang = p.get('lang');
  const layout = p.get('layout');
  return { run: int('run'), cmp: int('cmp'), t: int('t'), lang: lang === 'vi' || lang === 'en' ? lang : null, layout: layout === 'overlay' || layout === 'side' ? layout : null };
}
