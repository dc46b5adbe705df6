/**
 * `drill batch --vary key=v1,v2 --lang vi`: a sweep value that breaks the scenario, or a key that names nothing,
 * was said in English (engine/batch/vary.ts wrote its messages as English text) while the rest of the batch
 * spoke Vietnamese. The messages are now words of the catalogue, the loader's own problem included, in the
 * language asked for; English says exactly what it said before.
 */
import { describe, expect, it } from 'vitest';
import { drill } from '../helpers/cli.js';

const S = 'scenarios/minimal.yaml';
const PLAIN = { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const batch = (vary: string, ...more: string[]) => drill(['batch', S, '--runs', '2', '--vary', vary, '--quiet', ...more], { env: PLAIN });

describe('--vary problems in Vietnamese', () => {
  it('a value that breaks the scenario: the loader\'s problem in Vietnamese, and the pointer to --help', () => {
    const r = batch('unit.mx-militia.mobilisation=abc,10m', '--lang', 'vi');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("drill batch: --vary unit.mx-militia.mobilisation=abc: khi đó kịch bản không hợp lệ: units[0].mobilisation: 'abc' không phải một khoảng thời gian (hãy viết như '90s', '45m', '2h30m', '1d6h' hoặc 'T+02:30')\n(drill batch --help liệt kê các tùy chọn)\n");
  });

  it('the same problem for every value, and for every unit, is said once', () => {
    expect(batch('unit.mx-militia.mobilisatio=10m,20m', '--lang', 'vi').stderr.split('\n')[0]).toBe("drill batch: --vary unit.mx-militia.mobilisatio=10m,20m: khi đó kịch bản không hợp lệ, với giá trị nào cũng vậy: units[0].mobilisatio: không có khóa 'mobilisatio' (có phải 'mobilisation'?)");
    expect(batch('units.mobilisation=-5m,x2', '--lang', 'vi').stderr.split('\n')[0]).toBe("drill batch: --vary units.mobilisation=-5m: khi đó kịch bản không hợp lệ: units[*].mobilisation: khoảng thời gian âm '-5m' (khoảng thời gian và thời điểm đều tính tới từ T0; hãy bỏ dấu trừ) (2 đơn vị)");
  });

  it('a key, a value or a sweep written wrong, and a Vietnamese LANG without --lang', () => {
    expect(batch('zone.x.warning=1m', '--lang', 'vi').stderr.split('\n')[0]).toBe("drill batch: --vary: không có khu vực sơ tán 'x': kịch bản không có khu vực sơ tán nào");
    expect(batch('unit.mx-militia.copies=x,1', '--lang', 'vi').stderr.split('\n')[0]).toBe("drill batch: --vary unit.mx-militia.copies: 'x' không phải một số đơn vị; hãy cho số nguyên từ 0 đến 100");
    expect(batch('nokey', '--lang', 'vi').stderr.split('\n')[0]).toBe("drill batch: --vary: 'nokey' không phải một phép quét; hãy viết khóa=g1,g2,... ví dụ zone.ta-ca-riverside.warning=15m,30m,1h");
    const locale = drill(['batch', S, '--runs', '2', '--vary', 'units.crew=x2'], { env: { ...PLAIN, LANG: 'vi_VN.UTF-8' } });
    expect(locale.stderr).toBe("drill batch: --vary: units (đơn vị 'mx-militia'): 'crew' không chứa khoảng thời gian nào (12), nên x2 không có gì để nhân; hãy cho chính các giá trị\n(drill batch --help liệt kê các tùy chọn)\n");
  });

  it('English is as before', () => {
    expect(batch('unit.mx-militia.mobilisation=abc,10m').stderr).toBe("drill batch: --vary unit.mx-militia.mobilisation=abc: the scenario is then not valid: units[0].mobilisation: 'abc' is not a duration (write it like '90s', '45m', '2h30m', '1d6h' or 'T+02:30')\n(drill batch --help lists the options)\n");
    expect(batch('units.mobilisation=-5m,x2').stderr.split('\n')[0]).toBe("drill batch: --vary units.mobilisation=-5m: the scenario is then not valid: units[*].mobilisation: negative duration '-5m' (durations and times count forward from T0; remove the minus sign) (2 units)");
  });
});
