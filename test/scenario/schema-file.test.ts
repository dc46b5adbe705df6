import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../engine/scenario/schema.js';
import { ROOT } from '../helpers/cli.js';

describe('schema/scenario.schema.json (what editors load)', () => {
  it('is exactly what `drill schema` prints (regenerate: npx drill schema > schema/scenario.schema.json)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema/scenario.schema.json'), 'utf8'));
    expect(committed).toEqual(scenarioJsonSchema());
  });
});
