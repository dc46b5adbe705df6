import { verifyRunLog } from '../sim/run.js';
import { ENGINE_VERSION } from '../version.js';
import { parse } from './args.js';
import { loadRunLog } from './load.js';
import type { Subcommand } from './main.js';
import { nodeSha256 } from './sha256.js';
import { clock } from './time.js';

export const verifyCommand: Subcommand = {
  name: 'verify',
  summary: 're-simulate a run log from its own inputs; exit 0 if it reproduces exactly',
  usage: 'drill verify <run.json>\n\n  Exit 0 when the re-simulation gives the same events and hash; 1 and the first divergence when not.',
  run(argv) {
    const { positionals, help } = parse(argv, {}, 1, 1);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const file = positionals[0];
    const { log } = loadRunLog(file);
    if (log.engine !== ENGINE_VERSION) process.stderr.write(`${file}: note: written by engine ${log.engine}, verifying with ${ENGINE_VERSION}\n`);
    const r = verifyRunLog(log, { sha256: nodeSha256 });
    if (r.ok) {
      process.stdout.write(`${file}: ok: ${r.events} events re-simulated, hash ${r.hash}\n`);
      return 0;
    }
    process.stdout.write(`${file}: MISMATCH: ${r.reason}\n`);
    if (r.divergence) {
      const d = r.divergence;
      process.stdout.write(`  first divergent event: #${d.index}${d.t !== null ? ` at ${clock(d.t)}` : ''}\n`);
      process.stdout.write(`    in the log:      ${d.recorded ?? '(none: the log ends here)'}\n`);
      process.stdout.write(`    re-simulation:   ${d.replayed ?? '(none: the re-simulation ends here)'}\n`);
    }
    if (r.expectedHash) process.stdout.write(`  hash in the log ${r.actualHash}, re-simulation ${r.expectedHash}\n`);
    return 1;
  },
};
