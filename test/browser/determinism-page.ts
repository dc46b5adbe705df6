// Runs scenarios with the engine inside the browser and publishes their log hashes,
// for test/browser/determinism.test.ts to compare with Node's.
import { parseScenario } from '../../engine/scenario/parse.js';
import { runScenario } from '../../engine/sim/run.js';

declare global {
  interface Window { drillsimHashes?: Promise<Record<string, string>> }
}

window.drillsimHashes = (async () => {
  const cases: { name: string; text: string; seed: number }[] = await (await fetch('./cases.json')).json();
  const out: Record<string, string> = {};
  for (const c of cases) {
    const r = parseScenario(c.text, c.name);
    if (!r.ok) throw new Error(`${c.name}: ${r.issues[0]?.message}`);
    out[`${c.name}#${c.seed}`] = runScenario(r.scenario, { seed: c.seed }).log!.hash;
  }
  return out;
})();
