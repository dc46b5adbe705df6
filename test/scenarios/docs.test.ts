/** Every library scenario has a docs page that names each objective and cites its sources. */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { loadScenarioFile, scenarioFiles } from '../helpers/scenarios.js';

const NOT_LIBRARY = new Set(['minimal.yaml']);

describe('scenario docs pages', () => {
  for (const file of scenarioFiles().filter((f) => !NOT_LIBRARY.has(basename(f)))) {
    const s = loadScenarioFile(file);
    it(`docs/scenarios/${s.id}.md exists, names every objective and role, and has a sources table`, () => {
      const page = join(ROOT, 'docs/scenarios', `${s.id}.md`);
      expect(existsSync(page), `${page} is missing`).toBe(true);
      const text = readFileSync(page, 'utf8');
      for (const o of s.objectives) expect(text, `objective ${o.id}`).toContain(`\`${o.id}\``);
      for (const r of s.roles) expect(text, `role ${r.id}`).toContain(`\`${r.id}\``);
      const sources = text.split(/^## Sources/m)[1];
      expect(sources, 'a "## Sources" section').toBeDefined();
      // a table whose rows say where each figure comes from, or that it is an estimate
      const rows = sources!.split('\n').filter((l) => /^\|.*\|$/.test(l) && !/^\|[\s-|]+\|$/.test(l)).slice(1);
      expect(rows.length).toBeGreaterThan(3);
      for (const r of rows) expect(r, r).toMatch(/DOMAIN\.md|Decision|Decree|Law|estimate|NFPA|Sphere|press|Ministry/i);
    });
  }
});
