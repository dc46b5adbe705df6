/**
 * A decision option that evacuates an area (`{ do: evacuate, area: muong-xen }`) or names an area as the zone
 * (`zone: muong-xen`): drill validate said 'missing required key zone' and 'unknown key area' (three errors with an
 * unknown area when the id was a zone's), or 'unknown zone' with every zone, and never which zone lies in that area.
 * It is now one error that says an evacuation names a zone, and the zone (or zones) in the area written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE, tempDir, validateText } from '../helpers/cli.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const dir = tempDir('drillsim-evacuate-area-');
const OPTION = '- { do: evacuate, zone: muong-xen-lowland }';

function validate(name: string, to: string, lang = 'en') {
  const text = kySon.replace(OPTION, to);
  expect(text).not.toBe(kySon);
  return validateText(join(dir, name), text, lang);
}

describe('a decision option that evacuates an area', () => {
  it('`area:` for `zone:` is one error, at the area, with the zone in that area, exit 1, in both languages', () => {
    const en = validate('area.yaml', '- { do: evacuate, area: muong-xen }');
    expect(en.code).toBe(1);
    expect(en.lines).toEqual([
      `${en.file}:600:37: error[evacuate-area] injects[3].decision.options[0].commands[0].area: option 'evacuate-now' of inject 'night-evacuation' orders \`do: evacuate\` with \`area: muong-xen\`, but an evacuation names the zone to empty, not an area: this order has no zone (\`do: evacuate\` names the zone to empty: write \`zone: muong-xen-lowland\`, the zone in 'muong-xen')`,
    ]);
    const vi = validate('area-vi.yaml', '- { do: evacuate, area: muong-xen }', 'vi');
    expect(vi.code).toBe(1);
    expect(vi.lines).toEqual([
      `${vi.file}:600:37: error[evacuate-area] injects[3].decision.options[0].commands[0].area: phương án 'evacuate-now' của tình huống 'night-evacuation' ra \`do: evacuate\` với \`area: muong-xen\`, nhưng lệnh sơ tán ghi khu vực sơ tán phải sơ tán, không ghi địa bàn: lệnh này chưa có khu vực sơ tán (\`do: evacuate\` ghi khu vực sơ tán phải sơ tán: hãy viết \`zone: muong-xen-lowland\`, là khu vực sơ tán trong 'muong-xen')`,
    ]);
  });

  it('a zone\'s id under `area:` is told to go under `zone:`; an area with no zone gets the zones there are', () => {
    const zone = validate('zone-id.yaml', '- { do: evacuate, area: muong-xen-lowland }');
    expect(zone.lines).toEqual([
      `${zone.file}:600:37: error[evacuate-area] injects[3].decision.options[0].commands[0].area: option 'evacuate-now' of inject 'night-evacuation' orders \`do: evacuate\` with \`area: muong-xen-lowland\`, but an evacuation names the zone to empty, not an area: this order has no zone ('muong-xen-lowland' is an evacuation zone: write \`zone: muong-xen-lowland\`)`,
    ]);
    const none = validate('no-zone.yaml', '- { do: evacuate, area: nam-can }');
    expect(none.lines).toEqual([
      `${none.file}:600:37: error[evacuate-area] injects[3].decision.options[0].commands[0].area: option 'evacuate-now' of inject 'night-evacuation' orders \`do: evacuate\` with \`area: nam-can\`, but an evacuation names the zone to empty, not an area: this order has no zone (no evacuation zone lies in 'nam-can': write \`zone:\` with one of ta-ca-riverside, muong-xen-lowland, or add a zone in 'nam-can' under \`evacuation.zones:\`)`,
    ]);
  });

  it('an area\'s id as the zone is told the zone in that area, not only every zone', () => {
    const r = validate('zone-area.yaml', '- { do: evacuate, zone: muong-xen }');
    expect(r.code).toBe(1);
    expect(r.lines).toEqual([
      `${r.file}:600:37: error[unknown-id] injects[3].decision.options[0].commands[0].zone: unknown zone 'muong-xen' ('muong-xen' is an area, not a zone; the zone in it: muong-xen-lowland)`,
    ]);
    const vi = validate('zone-area-vi.yaml', '- { do: evacuate, zone: muong-xen }', 'vi');
    expect(vi.lines).toEqual([
      `${vi.file}:600:37: error[unknown-id] injects[3].decision.options[0].commands[0].zone: không có khu vực sơ tán 'muong-xen' ('muong-xen' là một địa bàn, không phải một khu vực sơ tán; khu vực sơ tán trong địa bàn đó: muong-xen-lowland)`,
    ]);
  });
});

describe('drill msel import: a decision option that evacuates an area', () => {
  const sheetWith = (prefix: string, from: string, to: string) => {
    const { scenario, sheet } = exportedSheet(prefix, 'scenarios/ky-son-flash-flood.yaml', 'k.yaml');
    const text = readFileSync(sheet, 'utf8');
    const edited = text.replace(from, to);
    expect(edited).not.toBe(text);
    writeFileSync(sheet, edited);
    return { scenario, sheet };
  };
  const run = (sheet: string, scenario: string, lang: string) => drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', lang], { env: PLAIN_LOCALE });

  it('`area=` is told the zone of that area, written for the cell, in both languages', () => {
    const { scenario, sheet } = sheetWith('drillsim-msel-evac-area-', '-> evacuate zone=muong-xen-lowland', '-> evacuate area=muong-xen');
    const en = run(sheet, scenario, 'en');
    expect(en.code).toBe(1);
    expect(en.stderr).toBe([
      `${sheet}: row 5, column decision options: option 'evacuate-now': 'area' is not a part of the command evacuate: an evacuation names the zone to empty, not an area (write zone=muong-xen-lowland, the zone in 'muong-xen')`,
      '1 problem in 1 row; nothing was changed', '',
    ].join('\n'));
    const vi = run(sheet, scenario, 'vi');
    expect(vi.stderr.split('\n')[0]).toBe(`${sheet}: hàng 5, cột decision options: phương án 'evacuate-now': 'area' không phải một phần của lệnh evacuate: lệnh sơ tán ghi khu vực sơ tán phải sơ tán, không ghi địa bàn (hãy viết zone=muong-xen-lowland, là khu vực sơ tán trong 'muong-xen')`);
  });

  it('an area\'s id as `zone=` is told the zone in that area', () => {
    const { scenario, sheet } = sheetWith('drillsim-msel-evac-zone-', '-> evacuate zone=muong-xen-lowland', '-> evacuate zone=muong-xen');
    const en = run(sheet, scenario, 'en');
    expect(en.stderr.split('\n')[0]).toBe(`${sheet}: row 5, column decision options: option 'evacuate-now': unknown evacuation zone 'muong-xen' ('muong-xen' is an area, not a zone: write zone=muong-xen-lowland, the zone in it)`);
    const vi = run(sheet, scenario, 'vi');
    expect(vi.stderr.split('\n')[0]).toBe(`${sheet}: hàng 5, cột decision options: phương án 'evacuate-now': không có khu vực sơ tán 'muong-xen' ('muong-xen' là một địa bàn, không phải khu vực sơ tán: hãy viết zone=muong-xen-lowland, là khu vực sơ tán trong địa bàn đó)`);
  });
});
