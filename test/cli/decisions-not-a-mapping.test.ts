/**
 * `drill run <scenario> --decisions m.csv` with a file that reads as one value (a one-cell sheet, a number) or as a
 * bare list of decisions got "the file holds a single value, not a decisions file" and nothing on what one is.
 * The hint shows its shape, where the format is described, and the command that writes one.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';
const SHAPE = "a decisions file is YAML: 'drillsim_decisions: 1', then 'players: [role, ...]' and 'decisions:', a list of lines like '- { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }'; see \"Decisions files\" in docs/trainee.md; drill play --decisions-out writes one from a session";

describe('a decisions file that is not a mapping', () => {
  const dir = tempDir();

  it('a single value says what a decisions file looks like, where it is described, and what writes one', () => {
    const file = join(dir, 'm.csv');
    writeFileSync(file, '42\n');
    const r = drill(['run', S, '--decisions', file]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`${file}: error[not-a-decisions-file] (top): the file holds a single value, not a decisions file (${SHAPE})\n`);
  });

  it('a bare list of decisions gets the same hint', () => {
    const file = join(dir, 'list.yaml');
    writeFileSync(file, '- { at: T+00:30, role: mx-commander, do: recall, unit: mx-militia }\n');
    expect(drill(['run', S, '--decisions', file]).stderr).toBe(`${file}: error[not-a-decisions-file] (top): the file holds a list, not a decisions file (${SHAPE})\n`);
  });

  it('in Vietnamese under --lang vi', () => {
    const file = join(dir, 'one.csv');
    writeFileSync(file, 'hello\n');
    const r = drill(['run', S, '--decisions', file, '--lang', 'vi']);
    expect(r.stderr).toBe(`${file}: error[not-a-decisions-file] (top): tệp chỉ chứa một giá trị đơn lẻ, không phải tệp quyết định (tệp quyết định là tệp YAML: 'drillsim_decisions: 1', rồi 'players: [vai, ...]' và 'decisions:', một danh sách các dòng như '- { at: T+00:30, role: tc-chair, do: evacuate, zone: ta-ca-riverside }'; xem mục "Decisions files" trong docs/trainee.md; drill play --decisions-out ghi ra một tệp như vậy từ một phiên chơi)\n`);
  });
});
