/**
 * `drill run --until`: the summary is read at the stop, before the
 * scenario's end. It said "5 of 5 met" for a run stopped at T+06:00 whose
 * objectives were due at T+06:30 and at the end (the same seed, run to the
 * end, meets 4 of 5), and nothing said that the ratings were not final; the
 * report said so, the summary did not. Now it says where the run stopped,
 * and each objective read before its time says when it was due.
 */
import { describe, expect, it } from 'vitest';
import { drill } from '../helpers/cli.js';

const SCENARIO = 'scenarios/ky-son-flash-flood.yaml'; // starts 18:00, horizon 18h; evac-ta-ca due T+03:00

describe('the summary of a run stopped with --until', () => {
  it('says where it stopped, and reads each objective due later as read early', () => {
    const r = drill(['run', SCENARIO, '--until', 'T+02:00']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toContain('T+00:00 to T+02:00');
    expect(lines[1]).toBe("  stopped     at T+02:00 (--until), before the scenario's end at T+18:00: every figure and rating is as it stood then");
    expect(r.stdout).toMatch(/ {4}[PSMU] {2}evac-ta-ca: evacuated_share of ta-ca-riverside = \d+(\.\d+)? %( \(not met\))? \(read at T\+02:00, due T\+03:00\)\n/);
    // an objective with no `by` is due at the end
    expect(r.stdout).toMatch(/ {2}lives: people_lost = \d+( \(not met\))? \(read at T\+02:00, due T\+18:00\)\n/);
  });

  it('counts a time from its moment: a unit due within 1 h of the report, a level and a request due at their times', () => {
    // the houses at Huồi Cọ are reported at T+03:10; first-on-scene allows 1 h from then; support is due by T+04:00
    const out = drill(['run', SCENARIO, '--until', 'T+03:20']).stdout;
    expect(out).toContain('  first-on-scene: first_on_scene_s of ta-ca-houses = never (not met) (read at T+03:20, due T+04:10)\n');
    expect(out).toContain('  support: support_requested_s of ta-ca = never (not met) (read at T+03:20, due T+04:00)\n');
    // past its time, missed for good: no note
    expect(drill(['run', SCENARIO, '--until', 'T+04:30']).stdout).toMatch(/ {2}first-on-scene: first_on_scene_s of ta-ca-houses = [^(\n]*\n/);
  });

  it('says it in Vietnamese too', () => {
    const r = drill(['run', SCENARIO, '--until', 'T+02:00', '--lang', 'vi']);
    expect(r.stdout.split('\n')[1]).toBe('  đã dừng     lúc T+02:00 (--until), trước khi kịch bản kết thúc lúc T+18:00: mọi số liệu và mức đánh giá là như lúc đó');
    expect(r.stdout).toContain('(đọc lúc T+02:00, hạn T+03:00)');
  });

  it('says an objective not tested had not come about by the stop, not "in this run", EN and VI', () => {
    // Cửa Lò stopped at T+01:00: its chemical objective is not tested because no toxic release has happened yet
    const SC = 'scenarios/cua-lo-high-rise-fire.yaml';
    const en = drill(['run', SC, '--until', 'T+01:00']).stdout;
    expect(en).toContain('\n  objectives  2 of the 5 tested met; 1 not tested by T+01:00\n');
    expect(en).toContain('    -  chemical: contained_s of toxic-release: not tested (no toxic-release incident by T+01:00)\n');
    expect(en).not.toContain('in this run');
    const vi = drill(['run', SC, '--until', 'T+01:00', '--lang', 'vi']).stdout;
    expect(vi).toContain('1 không đánh giá được tính đến T+01:00\n');
    expect(vi).toContain('không có sự cố loại toxic-release nào đến T+01:00)');
    expect(vi).not.toContain('trong lượt chạy này');
  });

  it('says nothing of the kind for a run to the end, nor for --until at the horizon', () => {
    for (const args of [[], ['--until', '18h']]) {
      const out = drill(['run', SCENARIO, ...args]).stdout;
      expect(out).not.toContain('stopped');
      expect(out).not.toContain('read at');
    }
  });
});
