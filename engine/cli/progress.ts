/**
 * A progress bar for long commands: runs done, share, time spent and time
 * left. It draws only on a terminal (stderr is a TTY), so piped or
 * redirected output never holds it; at most ten redraws a second.
 */
import type { Lang } from '../scenario/text.js';

export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

export class ProgressBar {
  private readonly t0 = performance.now();
  private lastDraw = -Infinity;
  private drawn = false;
  /** the first results come after the workers start: time left is paced from then */
  private first: { t: number; done: number } | null = null;
  readonly enabled: boolean;

  constructor(private readonly total: number, private readonly stream: ProgressStream, private readonly lang: Lang = 'en') {
    this.enabled = Boolean(stream.isTTY);
  }

  update(done: number): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const elapsed_s = (now - this.t0) / 1000;
    const share = this.total === 0 ? 1 : done / this.total;
    if (this.first === null && done > 0) this.first = { t: now, done };
    const f = this.first;
    const w = WORDS[this.lang];
    const left = f === null || done <= f.done || now <= f.t ? w.estimating : w.left(fmtSeconds(((now - f.t) / 1000 / (done - f.done)) * (this.total - done), this.lang));
    // in whole numbers: 57 of 100 as a share times 100 is 56.99999999999999
    const percent = this.total === 0 ? 100 : Math.floor((done * 100) / this.total);
    const text = `${done}/${this.total} ${w.runs}  ${String(percent).padStart(3)} %  ${w.spent(fmtSeconds(elapsed_s, this.lang))}, ${left}`;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - text.length - 5));
    const full = Math.round(share * width);
    this.stream.write(`\r\x1b[2K[${'#'.repeat(full)}${'-'.repeat(width - full)}] ${text}`);
    this.drawn = true;
  }

  /** Remove the bar so that the next line starts clean. */
  finish(): void {
    if (this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }
}

const WORDS = {
  en: { runs: 'runs', estimating: 'estimating time left', left: (d: string) => `about ${d} left`, spent: (d: string) => `${d} spent`, s: 's', min: 'min', h: 'h' },
  vi: { runs: 'lượt chạy', estimating: 'đang ước tính thời gian còn lại', left: (d: string) => `còn khoảng ${d}`, spent: (d: string) => `đã chạy ${d}`, s: 'giây', min: 'phút', h: 'giờ' },
};

/** A length of wall-clock time, as the progress bar and a batch's last line give it (Vietnamese: decimal comma). */
export function fmtSeconds(s: number, lang: Lang = 'en'): string {
  const w = WORDS[lang];
  if (s < 9.95) return `${decimal(s.toFixed(1), lang)} ${w.s}`;
  // rounded once, then split: 119.6 s is 2 min 00 s, not 1 min 60 s
  const r = Math.round(s);
  if (r < 120) return `${r} ${w.s}`;
  if (r < 7200) return `${Math.floor(r / 60)} ${w.min} ${String(r % 60).padStart(2, '0')} ${w.s}`;
  const m = Math.round(r / 60);
  return `${Math.floor(m / 60)} ${w.h} ${String(m % 60).padStart(2, '0')} ${w.min}`;
}

/** A figure written with a point, with the decimal comma in Vietnamese. */
export function decimal(text: string, lang: Lang): string {
  return lang === 'vi' ? text.replace('.', ',') : text;
}
