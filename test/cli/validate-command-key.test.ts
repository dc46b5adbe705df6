/**
 * An order written with its command as a key (`expected: { evacuate: zone }`, an option's `- { evacuate: ta-ca }`):
 * one mistake, which drill validate said as two errors (the key `do` missing, the key `evacuate` unknown), neither
 * naming the zones to choose from. It is now one error, at the key written, with the order to write and the zones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir, validateText, writeDecisions } from '../helpers/cli.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const dir = tempDir('drillsim-command-key-');

function validate(name: string, from: string, to: string, lang = 'en') {
  const text = kySon.replace(from, to);
  expect(text).not.toBe(kySon);
  return validateText(join(dir, name), text, lang);
}

const DIRECTIVE = 'expected: { do: evacuate, zone: ta-ca-riverside, within: 1h30m }';
const OPTION = '- { do: evacuate, zone: muong-xen-lowland }';

describe('an expected action with its command written as a key', () => {
  it('`{ evacuate: zone }` is one error at the key, naming the zones to choose from, exit 1, in both languages', () => {
    const en = validate('word.yaml', DIRECTIVE, 'expected: { evacuate: zone }');
    expect(en.code).toBe(1);
    expect(en.lines).toEqual([
      `${en.file}:569:17: error[command-key] injects[1].expected.evacuate: \`evacuate: zone\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (write \`{ do: evacuate, zone: <id> }\` with the zone meant, one of: ta-ca-riverside, muong-xen-lowland)`,
    ]);
    const vi = validate('word-vi.yaml', DIRECTIVE, 'expected: { evacuate: zone }', 'vi');
    expect(vi.code).toBe(1);
    expect(vi.lines).toEqual([
      `${vi.file}:569:17: error[command-key] injects[1].expected.evacuate: \`evacuate: zone\` ghi mệnh lệnh thành một khóa: mệnh lệnh phải ghi ở \`do:\` và khu vực sơ tán ở \`zone:\` (hãy viết \`{ do: evacuate, zone: <id> }\` với khu vực sơ tán cần nêu, một trong: ta-ca-riverside, muong-xen-lowland)`,
    ]);
  });

  it('the id of a zone keeps the rest of what was written; an area is answered with the zone in it', () => {
    const zone = validate('zone.yaml', DIRECTIVE, 'expected: { evacuate: ta-ca-riverside, within: 1h30m }');
    expect(zone.lines).toEqual([
      `${zone.file}:569:17: error[command-key] injects[1].expected.evacuate: \`evacuate: ta-ca-riverside\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (write \`{ do: evacuate, zone: ta-ca-riverside, within: 1h30m }\`)`,
    ]);
    const area = validate('area.yaml', DIRECTIVE, 'expected: { evacuate: ta-ca }');
    expect(area.lines).toEqual([
      `${area.file}:569:17: error[command-key] injects[1].expected.evacuate: \`evacuate: ta-ca\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (write \`{ do: evacuate, zone: ta-ca-riverside }\`, the zone in area 'ta-ca')`,
    ]);
  });
});

describe('a command of a decision option with its command written as a key', () => {
  it('is one error that names the zones, where the shape check said only that `do` was missing', () => {
    const r = validate('option.yaml', OPTION, '- { evacuate: zone }');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${r.file}:600:17: error[command-key] injects[3].decision.options[0].commands[0].evacuate: \`evacuate: zone\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (write \`{ do: evacuate, zone: <id> }\` with the zone meant, one of: ta-ca-riverside, muong-xen-lowland)`,
    ]);
  });
});

describe('a decision of a decisions file with its command written as a key', () => {
  it('is one error at the key with the order to write (the id meant, when misspelt), not "missing do", EN and VI', () => {
    const f = writeDecisions(join(dir, 'decisions.yaml'), ['tc-chair'], [
      '{ at: T+00:40, role: tc-chair, evacuate: ta-ca-rivreside }',
      '{ at: T+00:50, role: tc-chair, dispatch: tc-militia }',
    ]);
    const en = drill(['validate', 'scenarios/ky-son-flash-flood.yaml', '--decisions', f]);
    expect(en.code).toBe(1);
    expect(en.stdout.trimEnd().split('\n').slice(1)).toEqual([
      `${f}:4:36: error[command-key] decisions[0].evacuate: \`evacuate: ta-ca-rivreside\` gives the command as a key: the command goes in \`do:\` and the zone in \`zone:\` (did you mean zone 'ta-ca-riverside'? write \`do: evacuate, zone: ta-ca-riverside\`)`,
      `${f}:5:36: error[command-key] decisions[1].dispatch: \`dispatch: tc-militia\` gives the command as a key: the command goes in \`do:\` and the unit in \`unit:\` (write \`do: dispatch, unit: tc-militia, incident: <incident>\`)`,
    ]);
    const vi = drill(['validate', 'scenarios/ky-son-flash-flood.yaml', '--decisions', f, '--lang', 'vi']);
    expect(vi.stdout.split('\n')[1]).toBe(`${f}:4:36: error[command-key] decisions[0].evacuate: \`evacuate: ta-ca-rivreside\` ghi mệnh lệnh thành một khóa: mệnh lệnh phải ghi ở \`do:\` và khu vực sơ tán ở \`zone:\` (có phải khu vực sơ tán 'ta-ca-riverside'? hãy viết \`do: evacuate, zone: ta-ca-riverside\`)`);
  });
});
