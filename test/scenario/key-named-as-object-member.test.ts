/**
 * What a fuzzing of the loader found (mutated copies of scenarios/*.yaml): a key or a value that is no
 * planner's word was said with the engine's own words, or not at all.
 *
 * - A key named as one every JavaScript object has (`constructor:`, `toString:`, `__proto__:`) was looked up
 *   in the table of keys that mean another, found the object's own function there, and `drill validate`
 *   stopped with "internal error: ... find is not a function".
 * - An area written without its `id` (and so without a parent either, as `nghe-an` at the top) was said to be
 *   "area 'undefined' is its own parent".
 * - A command's `do:` written as a mapping was "unknown command '[object Object]'".
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, validateText } from '../helpers/cli.js';

const minimal = readFileSync(join(ROOT, 'scenarios/minimal.yaml'), 'utf8');
const kySon = readFileSync(join(ROOT, 'scenarios/ky-son-flash-flood.yaml'), 'utf8');
const dir = tempDir('drillsim-object-key-');

describe('a key named as an object member', () => {
  for (const key of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
    it(`'${key}:' is an unknown key at its line, in English and in Vietnamese, not an internal error`, () => {
      const text = minimal.replace(/^ {4}at: T\+00:20$/m, `    ${key}: T+00:20`);
      expect(text).not.toBe(minimal);
      const en = validateText(join(dir, `${key}.yaml`), text);
      expect(en.code).toBe(1);
      expect(en.lines).toContainEqual(expect.stringMatching(new RegExp(`^${en.file}:\\d+:5: error\\[unknown-key\\] incidents\\[0\\]\\.${key}: unknown key '${key}'`)));
      const vi = validateText(join(dir, `${key}-vi.yaml`), text, 'vi');
      expect(vi.code).toBe(1);
      expect(vi.lines).toContainEqual(expect.stringMatching(new RegExp(`^${vi.file}:\\d+:5: error\\[unknown-key\\] incidents\\[0\\]\\.${key}: `)));
    });
  }
});

describe('an area without its id', () => {
  it('is said as a missing id, not as "area \'undefined\' is its own parent"', () => {
    const text = minimal.replace('  - id: nghe-an\n', '  - name_of: nghe-an\n');
    expect(text).not.toBe(minimal);
    const r = validateText(join(dir, 'no-id.yaml'), text);
    expect(r.code).toBe(1);
    expect(r.lines.join('\n')).not.toMatch(/undefined|own parent/);
    expect(r.lines).toContainEqual(expect.stringMatching(/:\d+:\d+: error\[missing\] areas\[0\]\.id: missing required key 'id'/));
  });

  it('is "(no id)" in a message that names the item, in English and Vietnamese, not \'undefined\'', () => {
    // an inject with neither an id nor a time: the message that it has no time names it by what it lacks
    const text = minimal.replace('  - id: first-call\n    seq: 1\n    at: T+00:22\n', '  - seq: 1\n');
    expect(text).not.toBe(minimal);
    const en = validateText(join(dir, 'inject-no-id.yaml'), text);
    expect(en.code).toBe(1);
    expect(en.lines).toContainEqual(expect.stringMatching(/:\d+:5: error\[trigger\] injects\[0\]: inject '\(no id\)' has no time of delivery/));
    const vi = validateText(join(dir, 'inject-no-id-vi.yaml'), text, 'vi');
    expect(vi.lines).toContainEqual(expect.stringMatching(/:\d+:5: error\[trigger\] injects\[0\]: tình huống '\(chưa có id\)' chưa có thời điểm phát/));
    for (const r of [en, vi]) expect(r.lines.join('\n')).not.toMatch(/undefined/);
  });
});

describe('a command written as a mapping', () => {
  it('is said as what it is, with the commands to write, not as [object Object]', () => {
    const text = kySon.replace(/^( +)- \{ do: evacuate, zone: muong-xen-lowland \}$/m, '$1- { do: { evacuate: muong-xen-lowland } }');
    expect(text).not.toBe(kySon);
    const en = validateText(join(dir, 'do-mapping.yaml'), text);
    expect(en.code).toBe(1);
    expect(en.lines.join('\n')).not.toMatch(/object Object/);
    expect(en.lines).toContainEqual(expect.stringMatching(/:\d+:\d+: error\[type\] injects\[\d+\]\.decision\.options\[0\]\.commands\[0\]\.do: expected a text, got a mapping \(one of: dispatch, .*evacuate/));
    const vi = validateText(join(dir, 'do-mapping-vi.yaml'), text, 'vi');
    expect(vi.lines).toContainEqual(expect.stringMatching(/:\d+:\d+: error\[type\] injects\[\d+\]\.decision\.options\[0\]\.commands\[0\]\.do: cần /));
  });
});
