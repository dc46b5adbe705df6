#!/usr/bin/env node
// Re-run the commands of a docs page's ```console blocks as its test does
// (test/helpers/console-blocks.ts: a scratch folder with copies of the
// repository's scenarios, docs and test fixtures, one block after another)
// and write their real output back into the page. A step whose output still
// reads as the page shows it (its `...` cuts and masked timings included) is
// left as written; a step that drifted gets its whole new output, and when
// the page had cut it, the script names it so that a person cuts it again.
// The prose around the blocks still needs reading by a person afterwards.
//   node scripts/refresh-console-output.mjs docs/reviewer.md [README.md ...]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { consoleBlocks, isCut, maskMachineDependent, matchesShown } from './console-blocks.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
const files = process.argv.slice(2);
if (files.length === 0 || files.includes('--help')) {
  console.error('usage: node scripts/refresh-console-output.mjs <page.md> [<page.md> ...]   (run `npm run build` first: the commands use this checkout\'s bin/drill.mjs)');
  process.exit(files.length === 0 ? 2 : 0);
}
const drill = `node ${join(root, 'bin/drill.mjs')}`;

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'drillsim-doc-'));
  cpSync(join(root, 'scenarios'), join(dir, 'scenarios'), { recursive: true });
  cpSync(join(root, 'docs'), join(dir, 'docs'), { recursive: true });
  mkdirSync(join(dir, 'test'));
  cpSync(join(root, 'test/fixtures'), join(dir, 'test/fixtures'), { recursive: true });
  return dir;
}

let failed = false;
for (const file of files) {
  const page = readFileSync(file, 'utf8');
  const blocks = consoleBlocks(page);
  const dir = scratch();
  const recut = [];
  let changed = 0;
  let text = '';
  let at = 0;
  try {
    for (const block of blocks) {
      const lines = [];
      for (const step of block.steps) {
        process.stderr.write(`  $ ${step.command.split('\n')[0].slice(0, 100)}\n`);
        const r = spawnSync('bash', ['-c', `exec 2>&1\n${step.command.replace(/\bnpx drill\b/g, drill)}`], { cwd: dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
        const output = r.stdout.replace(/\n$/, '');
        if ((r.status ?? -1) !== step.status) {
          console.error(`${file}: $ ${step.command.split('\n')[0]}: exit status ${r.status}, the page says ${step.status} (fix the command or its \`# exit N\`)`);
          failed = true;
        }
        const keep = matchesShown(maskMachineDependent(step.expected), maskMachineDependent(output));
        if (!keep) {
          changed++;
          if (isCut(step.expected)) recut.push(step.command.split('\n')[0]);
        }
        lines.push(...`$ ${step.command}`.split('\n'));
        const shown = keep ? step.expected : output;
        if (shown !== '') lines.push(...shown.split('\n'));
      }
      text += page.slice(at, block.start) + `${block.indent}\`\`\`console\n${lines.map((l) => (l === '' ? '' : block.indent + l)).join('\n')}\n${block.indent}\`\`\``;
      at = block.end;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  text += page.slice(at);
  writeFileSync(file, text);
  console.log(`${relative(root, resolve(file))}: ${blocks.length} console blocks, ${changed} outputs rewritten (now read the prose around them)`);
  for (const c of recut) console.log(`  cut on the page before, now shown whole (cut it again where it is long): $ ${c}`);
}
process.exit(failed ? 1 : 0);
