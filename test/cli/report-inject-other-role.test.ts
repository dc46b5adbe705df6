/**
 * An inject acted on late by another role than the one it came to: in que-phong-landslides the Tri Lễ chair's
 * dispatch to the buried houses is refused (the track is cut), and at T+11:00 doctrine, playing the Quế Phong chair,
 * sends its units there. The report said "Tri Lễ commune chair took the expected action after 5 h 15 min", in the
 * areas for improvement and the plan, crediting the trainee with an action taken by another commune; the injects
 * table gave the time alone. Now both say who took it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const dir = tempDir('drillsim-report-inject-other-');
const LOG = join(dir, 'tri-le.json');

beforeAll(() => {
  const decisions = join(dir, 'tri-le.yaml');
  writeFileSync(decisions, [
    'drillsim_decisions: 1', 'scenario: que-phong-landslides', 'players: [tl-chair]', 'decisions:',
    '  - { at: T+02:10, role: tl-chair, do: evacuate, zone: tri-le-slope }',
    '  - { at: T+06:00, role: tl-chair, do: dispatch, unit: tl-militia, incident: huoi-muong-slide }',
    '  - { at: T+06:45, role: tl-chair, do: request_support, area: tri-le }', '',
  ].join('\n'));
  expect(drill(['run', 'scenarios/que-phong-landslides.yaml', '--decisions', decisions, '--out', LOG, '--quiet']).code).toBe(0);
});

describe('drill report: an inject whose expected action another role took', () => {
  it('names the role that took it, not the one it came to, in the findings and the plan (EN)', () => {
    const r = drill(['report', LOG]).stdout;
    const line = 'Inject #5 "Slide buries houses": Tri Lễ commune chair, to whom it came, did not take the expected action; Quế Phong commune chair took it after 5 h 15 min; the time allowed was 30 min.';
    expect(r.slice(r.indexOf('## 5.'), r.indexOf('## 6.'))).toContain(`- ${line}`);
    expect(r.slice(r.indexOf('## 7.'))).toContain(`| ${line} |`);
    expect(r).not.toContain('Tri Lễ commune chair took the expected action');
    expect(r).toContain('| Inject #5 "Slide buries houses" | Tri Lễ commune chair | T+05:45 (22:45) | send a unit to slide buries houses at Huổi Mường | T+11:00 (04:00), by Quế Phong commune chair | 5 h 15 min | 30 min | **late** |');
  });

  it('says it in Vietnamese too', () => {
    const r = drill(['report', LOG, '--lang', 'vi']).stdout;
    expect(r).toContain('Tình huống số 5 "Sạt lở vùi nhà dân": Chủ tịch UBND xã Tri Lễ, nơi nhận tình huống, không xử lý; Chủ tịch UBND xã Quế Phong xử lý sau 5 giờ 15 phút, trong khi thời hạn là 30 phút.');
    expect(r).toContain('| T+11:00 (04:00), do Chủ tịch UBND xã Quế Phong | 5 giờ 15 phút | 30 phút | **chậm** |');
  });

  it('an inject acted on by the role it came to reads as before', () => {
    const r = drill(['report', LOG]).stdout;
    expect(r).toContain('| Inject #7 "Local forces are not enough" | Tri Lễ commune chair | T+06:30 (23:30) | request support for Tri Lễ | T+06:45 (23:45) | 15 min | 30 min | on time |');
  });
});
