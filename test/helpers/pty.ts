/**
 * Drive a command in a real pseudo-terminal, the way a person at a keyboard
 * would: `script` (util-linux) gives the child a pty; we type a chunk, wait
 * for the answer we expect, then type the next. Typing chunk by chunk
 * matters: readline treats a Tab inside a multi-character chunk as pasted
 * text, not as a request to complete.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

export class Pty {
  private readonly child: ChildProcessWithoutNullStreams;
  /** everything the terminal showed, escape sequences included */
  out = '';
  private mark = 0;
  private readonly exited: Promise<number>;

  constructor(command: string, cwd: string) {
    this.child = spawn('script', ['-qfec', command, '/dev/null'], { cwd, env: { ...process.env, TERM: 'xterm', COLUMNS: '120', LINES: '40' } });
    this.child.stdout.setEncoding('utf8');
    this.child.stdout.on('data', (d: string) => { this.out += d; });
    this.child.stderr.on('data', (d: Buffer) => { this.out += d.toString('utf8'); });
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code ?? -1)));
  }

  /** Wait until the terminal shows `what` after the last thing waited for; fails with what it did show. */
  async expect(what: string | RegExp, timeout_ms = 30_000): Promise<string> {
    const found = () => {
      const seen = this.out.slice(this.mark);
      const i = typeof what === 'string' ? seen.indexOf(what) : seen.search(what);
      if (i < 0) return undefined;
      const len = typeof what === 'string' ? what.length : (seen.slice(i).match(what)?.[0].length ?? 0);
      this.mark += i + len;
      return seen.slice(0, i + len);
    };
    const start = Date.now();
    for (;;) {
      const r = found();
      if (r !== undefined) return r;
      if (Date.now() - start > timeout_ms) throw new Error(`the terminal never showed ${String(what)}; it showed:\n${this.out.slice(this.mark).slice(-3000)}`);
      await new Promise((res) => setTimeout(res, 20));
    }
  }

  type(text: string): void {
    this.child.stdin.write(text);
  }

  async exit(): Promise<number> {
    this.child.stdin.end();
    return this.exited;
  }
}
