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
  usage: 'drill verify <run.json>\n\n  Re-simulates the run from the log\'s own inputs and compares the events, the hash chain, the keyframes\n  and the stored summary. Exit 0 when all match; 1 and what differs (the first divergent event) when not.',
  options: {},
  run(argv) {
    const { positionals, help } = parse(argv, this.options, 1, 1, ['the run log to verify']);
    if (help) { process.stdout.write(`usage: ${this.usage}\n`); return 0; }
    const file = positionals[0];
    const { log } = loadRunLog(file);
    if (log.engine !== ENGINE_VERSION) process.stderr.write(`${file}: note: written by engine ${log.engine}, verifying with ${ENGINE_VERSION}\n`);
    const r = verifyRunLog(log, { sha256: nodeSha256 });
    if (r.ok) {
      process.stdout.write(`${file}: ok: ${r.events} events re-simulated, hash ${r.hash}; the events, hash chain, ${r.keyframes} keyframes and summary all match\n`);
      return 0;
    }
    process.stdout.write(`${file}: MISMATCH: ${r.reason}\n`);
    if (r.divergence) {
      const d = r.divergence;
      process.stdout.write(`  first divergent event: #${d.index}${d.t !== null ? ` at ${clock(d.t)}` : ''}\n`);
      process.stdout.write(`    in the log:      ${d.recorded ?? '(none: the log ends here)'}\n`);
      process.stdout.write(`    re-simulation:   ${d.replayed ?? '(none: the re-simulation ends here)'}\n`);
    }
    if (r.hashes) {
      const { stored, resimulated, storedEvents } = r.hashes;
      process.stdout.write(`  hash stored in the log:  ${stored}${stored === resimulated ? ' (the same as the re-simulation\'s)' : ''}\n`);
      if (stored !== resimulated) process.stdout.write(`  hash re-simulated:       ${resimulated}\n`);
      if (storedEvents === stored) {
        if (stored !== resimulated) process.stdout.write(`  the stored hash is that of the stored events: the log was written that way, or its hash chain was recomputed after an edit\n`);
      } else if (storedEvents === resimulated) {
        process.stdout.write(`  the log's own events hash to the re-simulated hash: the stored hash itself was changed\n`);
      } else {
        process.stdout.write(`  the log's own events hash to ${storedEvents}${stored !== resimulated ? ' (neither of the above)' : ''}: they were changed after the hash was written\n`);
      }
    }
    for (const line of r.differences) process.stdout.write(`  ${line}\n`);
    return 1;
  },
};
