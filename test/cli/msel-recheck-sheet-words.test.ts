/**
 * The whole scenario's check of the injects a sheet gives, said for the sheet. Its messages and hints told a
 * planner editing a spreadsheet what to write in the scenario's YAML (`do: evacuate` with `area: ta-ca`, 'write
 * `zone: ta-ca-riverside`', 'add `hazard: ...`', '`deadline:` can be at most ...', 'from: Tà Cạ'), words that are in
 * no cell of the sheet. They now name the column and the cell's own notation (`zone=ta-ca-riverside`,
 * `hazard=...`, 'decision deadline'), in English and in Vietnamese.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drill, exportedSheet, PLAIN_LOCALE } from '../helpers/cli.js';

/** Each cell of the exported Kỳ Sơn sheet as the export writes it, and what the planner wrote instead. */
function sheetWith(prefix: string, edits: [string, string][]) {
  const { scenario, sheet } = exportedSheet(prefix, 'scenarios/ky-son-flash-flood.yaml', 'k.yaml');
  let text = readFileSync(sheet, 'utf8');
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  writeFileSync(sheet, text);
  return { scenario, sheet };
}
const run = (sheet: string, scenario: string, lang: 'en' | 'vi') => drill(['msel', 'import', sheet, '--into', scenario, '--dry-run', '--lang', lang], { env: PLAIN_LOCALE });

describe('drill msel import refused by the scenario\'s check of the rows', () => {
  const { scenario, sheet } = sheetWith('drillsim-msel-sheet-words-', [
    [',evacuate zone=ta-ca-riverside within=1h30m,', ',evacuate area=ta-ca within=1h30m,'],
    [',dispatch incident=ta-ca-houses within=30m,fi', ',dispatch zone=ta-ca-riverside within=30m,fi'],
    [',when road_cut=ql7-tc-mx,', ',when alarm=bd2,'],
    [',when incident_kind=houses-swept severity_at_least=4,', ',when hazard=nam-mo-muong-xen,'],
    [',when hazard=ban-ve-reservoir above=5000,', ',when risk_at_least=3,'],
    [',when incident_kind=bank-collapse,', ',when area=ta-ca,'],
    [',when road_cut=ql7-hk-tc,', ',when hazard=ban-ve-reservoir alarm=bd2,'],
  ]);

  it('says each in the sheet\'s terms, at its row and column, exit 1', () => {
    const r = run(sheet, scenario, 'en');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toEqual([
      `${sheet}: row 3, column expected action: inject 'province-directive' expects \`evacuate area=ta-ca\`, but evacuate names no area: no order taken matches it, so the inject is never done and its contingency 'no-move-yet' comes in every run (evacuate names the zone to empty: in the 'expected action' column, write \`zone=ta-ca-riverside\` in place of \`area=ta-ca\`, the zone in 'ta-ca')`,
      `${sheet}: row 7, column expected action: inject 'houses-swept-call' expects \`dispatch zone=ta-ca-riverside\`, but dispatch names no zone: no order taken matches it, so the inject is never done and its contingency 'no-rescuers-yet' comes in every run (dispatch names \`unit=\` and \`incident=\` and nothing else: in the 'expected action' column, say what is expected with them, or take \`zone=\` out)`,
      `${sheet}: row 8, column time: inject 'ql7-cut' waits for \`alarm=bd2\`, a hazard's value, but its condition names no hazard: \`alarm\` is not read, and the inject is delivered at the start (add the hazard whose value it waits for to the condition in the 'time' column: \`hazard=nam-mo-muong-xen\`)`,
      `${sheet}: row 9, column time: the condition of inject 'forces-committed' names hazard 'nam-mo-muong-xen' but no value to wait for: it holds from the start, and the inject is delivered at T+00:00 (add what 'nam-mo-muong-xen' must reach to the condition in the 'time' column: \`alarm=bd1\`, \`bd2\` or \`bd3\`, \`above=<value>\` or \`risk_at_least=<level>\`)`,
      `${sheet}: row 12, column time: inject 'ban-ve-inflow' waits for \`risk_at_least=3\`, but its condition names neither the area nor the hazard whose risk level it reads: it is not read, and the inject is delivered at the start (add \`area=<id>\` to the condition in the 'time' column for that area's risk level, or \`hazard=<id>\` for the level that hazard gives)`,
      `${sheet}: row 15, column time: the condition of inject 'crowd-on-bank' gives nothing to wait for: it holds from the start, and the inject is delivered at T+00:00 (say in the 'time' column what it waits for: \`hazard=\` with \`above=\`, \`alarm=\` or \`risk_at_least=\` for a hazard's value, \`incident_kind=\` for an incident, \`road_cut=\` for a road cut; an inject for the start is \`T+00:00\`)`,
      `${sheet}: row 17, column time: inject 'ta-ca-cut-off' waits for alarm bd2, but hazard 'ban-ve-reservoir' has no alarm levels: the alarm is never reached, and the inject is never delivered (in the 'time' column, name in \`hazard=\` one with alarm levels (nam-mo-muong-xen), or wait for a value of 'ban-ve-reservoir' with \`above=\`)`,
      '7 problems in 7 rows; nothing was changed', '',
    ]);
    expect(r.stderr).not.toMatch(/`do: |`zone: |`hazard: |`area: |`at: /);
  });

  it('says them in Vietnamese too, with the column and the cell\'s notation', () => {
    const r = run(sheet, scenario, 'vi');
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe(`${sheet}: hàng 3, cột expected action: tình huống 'province-directive' yêu cầu \`evacuate area=ta-ca\`, nhưng evacuate không có area: không lệnh nào được ra khớp với yêu cầu này, nên tình huống không bao giờ được xử lý xong và lượt chạy nào cũng phát tình huống dự phòng 'no-move-yet' của nó (evacuate ghi khu vực sơ tán phải sơ tán: ở cột 'expected action', hãy viết \`zone=ta-ca-riverside\` thay cho \`area=ta-ca\`, là khu vực sơ tán trong 'ta-ca')`);
    expect(lines[1]).toContain("(dispatch chỉ có `unit=` và `incident=`: ở cột 'expected action', hãy ghi việc cần làm bằng các phần đó, hoặc bỏ `zone=` đi)");
    expect(lines[2]).toBe(`${sheet}: hàng 8, cột time: tình huống 'ql7-cut' chờ \`alarm=bd2\`, là một giá trị của thiên tai, nhưng điều kiện của nó không nêu thiên tai nào: \`alarm\` không được đọc, và tình huống được phát ngay từ đầu (hãy thêm vào điều kiện ở cột 'time' thiên tai có giá trị cần chờ: \`hazard=nam-mo-muong-xen\`)`);
    expect(lines[3]).toContain("(hãy thêm vào điều kiện ở cột 'time' mức 'nam-mo-muong-xen' phải đạt tới: `alarm=bd1`, `bd2` hoặc `bd3`, `above=<giá trị>` hoặc `risk_at_least=<cấp>`)");
    expect(lines[4]).toContain("chờ `risk_at_least=3`");
    expect(lines[4]).toContain("(hãy thêm vào điều kiện ở cột 'time' `area=<mã>` để đọc cấp độ rủi ro của địa bàn đó, hoặc `hazard=<mã>` để đọc cấp độ do thiên tai đó gây ra)");
    expect(lines[5]).toContain("(hãy ghi ở cột 'time' điều cần chờ: `hazard=` cùng `above=`, `alarm=` hoặc `risk_at_least=` cho một giá trị của thiên tai, `incident_kind=` cho một sự cố, `road_cut=` cho một đoạn đường bị cắt; tình huống phát lúc bắt đầu thì ghi `T+00:00`)");
    expect(lines[6]).toContain("(ở cột 'time', hãy ghi vào `hazard=` một thiên tai có các mức báo động (nam-mo-muong-xen), hoặc chờ một giá trị của 'ban-ve-reservoir' bằng `above=`)");
    expect(lines[7]).toBe('7 lỗi trong 7 hàng; chưa thay đổi gì');
  });
});

describe('drill msel import: the scenario\'s warnings about a row, said for the sheet', () => {
  it('a deadline, a contingency\'s wait past the end and a sender given by an id are told the column to change', () => {
    const { scenario, sheet } = sheetWith('drillsim-msel-sheet-warn-', [
      [',30m,wait-for-daylight,', ',20h,wait-for-daylight,'],
      [',if not done 1h after province-directive,', ',if not done 18h after province-directive,'],
      [',province-board,province-board,tc-chair,', ',ta-ca,ta-ca,tc-chair,'],
    ]);
    const en = run(sheet, scenario, 'en');
    expect(en.code).toBe(0);
    expect(en.stderr.split('\n')).toEqual([
      `${sheet}: row 3, column from (vi): warning: inject 'province-directive' is from 'ta-ca', the id of an area, not of a role: the MSEL and the report show the sender as 'ta-ca' (write the sender's name in the 'from (vi)' and 'from (en)' columns: 'Tà Cạ')`,
      `${sheet}: row 4, column time: warning: inject 'no-move-yet' comes 18h after 'province-directive' (T+00:30) if its expected action is not taken, at T+18:30: after the end of the scenario (horizon 18h), so it never comes (the wait in the 'time' column, 'if not done ... after', can be at most 17h30m here: shorten it, or lengthen \`horizon\` in the scenario)`,
      `${sheet}: row 5, column decision deadline: warning: the decision of inject 'night-evacuation' (T+01:45) is due 20h later, at T+21:45: after the end of the scenario (horizon 18h), so if nobody answers, its default 'wait-for-daylight' is never applied (the 'decision deadline' can be at most 16h15m here: shorten it, or lengthen \`horizon\` in the scenario)`,
      '',
    ]);
    const vi = run(sheet, scenario, 'vi');
    expect(vi.code).toBe(0);
    const lines = vi.stderr.split('\n');
    expect(lines[0]).toContain("(hãy ghi tên người gửi vào các cột 'from (vi)' và 'from (en)': 'Tà Cạ')");
    expect(lines[1]).toContain("(thời gian chờ ở cột 'time', 'if not done ... after', ở đây dài nhất là 17h30m: hãy rút ngắn nó, hoặc kéo dài `horizon` trong kịch bản)");
    expect(lines[2]).toContain("(cột 'decision deadline' ở đây dài nhất là 16h15m: hãy rút ngắn nó, hoặc kéo dài `horizon` trong kịch bản)");
  });
});
