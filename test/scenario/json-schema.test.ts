import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { drill } from '../helpers/cli.js';
import { scenarioFiles } from '../helpers/scenarios.js';

describe('drill schema', () => {
  const out = drill(['schema']);
  const schema = JSON.parse(out.stdout);
  const ajv = new (Ajv2020 as any)({ allErrors: true, strict: false, formats: { 'date-time': true } });
  const validate = ajv.compile(schema);

  it('prints a JSON Schema', () => {
    expect(out.code).toBe(0);
    expect(schema.$schema).toContain('json-schema.org');
    expect(schema.properties.units).toBeDefined();
  });

  it('accepts every scenario in scenarios/', () => {
    for (const f of scenarioFiles()) {
      const ok = validate(parseYaml(readFileSync(f, 'utf8')));
      expect(ok, `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
  });

  it('rejects a broken one', () => {
    const s = parseYaml(readFileSync(scenarioFiles()[0], 'utf8'));
    s.units[0].crew = 'twelve';
    s.horizon = 'four hours';
    s.unknown_key = 1;
    expect(validate(s)).toBe(false);
    const where = validate.errors.map((e: any) => e.instancePath);
    expect(where).toContain('/units/0/crew');
    expect(where).toContain('/horizon');
  });
});
