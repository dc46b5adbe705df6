/** Bilingual texts: pick the language asked for, fall back to the other. */
import type { Text } from './schema.js';

export type Lang = 'vi' | 'en';

export function textIn(t: Text | undefined, lang: Lang): string {
  if (t === undefined) return '';
  if (typeof t === 'string') return t;
  return (lang === 'vi' ? t.vi ?? t.en : t.en ?? t.vi) ?? '';
}
