/**
 * The Vietnamese `drill run` summary named each objective's metric by its id (evacuated_share,
 * first_on_scene_s) in the middle of a Vietnamese line, where the after-action report of the same run names
 * it in words. It now takes the report's name for it, and puts what it is of in brackets, as the report does.
 * The English summary keeps the ids (what the scenario's objectives say).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drill, tempDir } from '../helpers/cli.js';

const KY_SON = 'scenarios/ky-son-flash-flood.yaml';

describe('objectives in the Vietnamese run summary', () => {
  it('name their metric as the Vietnamese report does', () => {
    const r = drill(['run', KY_SON, '--lang', 'vi']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  mục tiêu'));
    expect(lines.slice(at + 1, at + 8)).toEqual([
      '    P  evac-ta-ca: tỷ lệ người dân đã vào nơi sơ tán (ta-ca-riverside) = 100%',
      '    S  evac-muong-xen: tỷ lệ người dân đã vào nơi sơ tán (muong-xen-lowland) = 60%',
      '    P  first-on-scene: thời gian từ khi báo tin đến khi lực lượng đầu tiên có mặt (ta-ca-houses) = 20 phút',
      '    P  support: thời điểm đề nghị hỗ trợ (ta-ca) = T+03:40',
      '    P  level-1: thời điểm ban bố cấp độ phòng thủ dân sự (ta-ca) = T+03:40',
      '    U  rumour: thời gian từ khi nhận tình huống đến khi ra quyết định (dam-rumour) = không có (không đạt)',
      '    S  lives: số người thiệt mạng = 31',
    ]);
    // the words are the report's: its criteria name the metric so
    const log = join(tempDir(), 'ks.json');
    expect(drill(['run', KY_SON, '--out', log, '--quiet']).code).toBe(0);
    const report = drill(['report', log, '--lang', 'vi']).stdout;
    expect(report).toContain('tỷ lệ người dân đã vào nơi sơ tán');
    expect(report).toContain('thời gian từ khi nhận tình huống đến khi ra quyết định');
  });

  it('an objective not tested says its metric in words too; English keeps the ids', () => {
    const vi = drill(['run', 'scenarios/vinh-wards-typhoon-night.yaml', '--lang', 'vi']).stdout;
    expect(vi).toContain('    -  collapse-response: thời gian từ khi báo tin đến khi lực lượng đầu tiên có mặt (block-collapse): không đánh giá (');
    expect(vi).not.toMatch(/_s\b|_share\b|people_lost/);
    const en = drill(['run', KY_SON]).stdout;
    expect(en).toContain('    P  evac-ta-ca: evacuated_share of ta-ca-riverside = 100 %\n');
  });
});
