#!/usr/bin/env node
// Re-run the commands of a docs page's ```console blocks (in a scratch folder
// with the repository's scenarios, as test/docs/*.test.ts does) and write
// their real output back into the page. The prose around the blocks still
// needs reading by a person afterwards.
//   node scripts/refresh-console-output.mjs docs/reviewer.md
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/refresh-console-output.mjs <docs/page.md>');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'drillsim-doc-'));
symlinkSync(join(root, 'scenarios'), join(dir, 'scenarios'));
const drill = `node ${join(root, 'bin/drill.mjs')}`;

const text = readFileSync(file, 'utf8').replace(/^( *)```console\n([\s\S]*?)^\1```/gm, (_, indent, body) => {
  const lines = body.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
  if (lines[lines.length - 1] === '') lines.pop();
  const out = [];
  let i = 0;
  while (i < lines.length) {
    let command = lines[i++].slice(2);
    const heredoc = /<<'(\w+)'/.exec(command);
    if (heredoc) {
      while (i < lines.length && lines[i] !== heredoc[1]) command += '\n' + lines[i++];
      command += '\n' + lines[i++];
    }
    while (i < lines.length && !lines[i].startsWith('$ ')) i++;
    const r = spawnSync('bash', ['-c', command.replace(/\bnpx drill\b/g, drill)], { cwd: dir, encoding: 'utf8' });
    out.push(`$ ${command}`, ...(r.stdout + r.stderr).replace(/\n$/, '').split('\n').filter((l, k, all) => !(all.length === 1 && l === '')));
  }
  return `${indent}\`\`\`console\n${out.map((l) => (l === '' ? '' : indent + l)).join('\n')}\n${indent}\`\`\``;
});
writeFileSync(file, text);
console.log(`${file}: console blocks refreshed (now read the prose around them)`);
