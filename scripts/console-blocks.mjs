/**
 * How the docs' ```console blocks read: `$ cmd` lines, each followed by what
 * it prints. Shared by the doc tests (test/helpers/console-blocks.ts, which
 * runs the blocks and compares) and scripts/refresh-console-output.mjs (which
 * runs them and writes the outputs back), so that both read a page alike:
 * - a command line ending in `\` continues on the next line, and a heredoc
 *   (`<<'EOF'`) takes its body up to `EOF`;
 * - a line that is just `...` or `[...]` stands for any number of lines, and
 *   `...` inside a line for any text on that line (the page cuts there);
 * - MACHINE_DEPENDENT parts (time, speed, memory, core count) are masked in
 *   the page and in the output alike before comparing;
 * - the exit status is 0 unless the command ends with `# ... exit N`.
 * Plain JavaScript so that a script runs it with node alone; types in console-blocks.d.mts.
 */

/** Lines whose content depends on the machine: [what to find, what it is compared as]. */
export const MACHINE_DEPENDENT = [
  // drill batch's last line (stderr): time, runs/s, worker count (default: the cores) and memory
  [/^(\d+ runs?) in .+ on \d+ workers? \(.*\); peak heap per worker: .*$/gm, '$1 in <time> on <workers> (<speed>); peak heap per worker: <memory>'],
  // drill batch --help names this machine's cores as the default worker count
  [/\(default: the cores, here \d+\)/g, '(default: the cores, here <cores>)'],
];

export function maskMachineDependent(text) {
  return MACHINE_DEPENDENT.reduce((t, [find, as]) => t.replace(find, as), text);
}

/** The ```console blocks of a Markdown page, in order: where each is, its indent, and its steps. */
export function consoleBlocks(markdown) {
  const blocks = [];
  for (const block of markdown.matchAll(/^( *)```console\n([\s\S]*?)^\1```/gm)) {
    const indent = block[1];
    const lines = block[2].split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    if (lines[lines.length - 1] === '') lines.pop();
    const steps = [];
    let i = 0;
    while (i < lines.length) {
      if (!lines[i].startsWith('$ ')) throw new Error(`console block line without a command before it: ${lines[i]}`);
      let command = lines[i++].slice(2);
      let statusLine = command;
      const heredoc = /<<'(\w+)'/.exec(command);
      if (heredoc) {
        while (i < lines.length && lines[i] !== heredoc[1]) command += '\n' + lines[i++];
        command += '\n' + lines[i++];
      } else {
        while (command.endsWith('\\') && i < lines.length) {
          statusLine = lines[i++];
          command += '\n' + statusLine;
        }
      }
      const out = [];
      while (i < lines.length && !lines[i].startsWith('$ ')) out.push(lines[i++]);
      const status = /#.*\bexit (\d+)\s*$/.exec(statusLine);
      steps.push({ command, expected: out.join('\n'), status: status ? Number(status[1]) : 0 });
    }
    blocks.push({ start: block.index, end: block.index + block[0].length, indent, steps });
  }
  return blocks;
}

/** Every step of every ```console block of a Markdown page, in order. */
export function consoleSteps(markdown) {
  return consoleBlocks(markdown).flatMap((b) => b.steps);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Does `actual` read as `expected`, with `...` lines and `...` in lines as wildcards? */
export function matchesShown(expected, actual) {
  const want = expected === '' ? [] : expected.split('\n');
  const got = actual === '' ? [] : actual.split('\n');
  const line = want.map((w) => (w === '...' || w === '[...]' ? null : new RegExp(`^${w.split('...').map(escape).join('.*')}$`)));
  // memo[i][j]: want[i..] matches got[j..]
  const memo = new Map();
  const match = (i, j) => {
    const key = i * (got.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok;
    if (i === want.length) ok = j === got.length;
    else if (line[i] === null) ok = match(i + 1, j) || (j < got.length && match(i, j + 1));
    else ok = j < got.length && line[i].test(got[j]) && match(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return match(0, 0);
}

/** Does the page cut this output (a `...` line, or `...` inside a line)? */
export function isCut(expected) {
  return expected.split('\n').some((l) => l.includes('...'));
}
