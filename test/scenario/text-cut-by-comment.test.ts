// A ` #` inside a text written without quotes starts a YAML comment, and the text silently stops before it
// (`vi: Đường QL7 bị sạt lở #km12, không đi được.` read as 'Đường QL7 bị sạt lở'): validate warns, at the '#'.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

function warningsOf(text: string): string[] {
  const r = parseScenario(text, 'k.yaml');
  expect(r.ok).toBe(true);
  return r.ok ? r.warnings.filter((w) => w.code === 'text-cut').flatMap((w) => [formatIssueIn(w, 'en'), formatIssueIn(w, 'vi')]) : [];
}

describe('a text cut short by a # that starts a comment', () => {
  it('an inject message cut at " #" is warned of at the #, with the text quoted whole, in both languages', () => {
    const text = kySon.replace(/^( {6}vi: )Yêu cầu UBND các xã rà soát.*$/m, '$1Đường QL7 bị sạt lở #km12, không đi được.');
    const line = lineOf(text, '#km12');
    expect(warningsOf(text)).toEqual([
      `k.yaml:${line}:31: warning[text-cut] injects[1].message.vi: the text stops at ' #': YAML reads '#km12, không đi được.' as a comment, so the text is only 'Đường QL7 bị sạt lở' (if the '#' is part of the text, put the whole text in quotes: vi: "Đường QL7 bị sạt lở #km12, không đi được."; if it is a comment, leave two spaces before its '# ')`,
      `k.yaml:${line}:31: warning[text-cut] injects[1].message.vi: đoạn chữ dừng ở ' #': YAML đọc '#km12, không đi được.' là chú thích, nên đoạn chữ chỉ còn 'Đường QL7 bị sạt lở' (nếu dấu '#' thuộc đoạn chữ, hãy đặt cả đoạn chữ trong dấu nháy: vi: "Đường QL7 bị sạt lở #km12, không đi được."; nếu đó là chú thích, hãy để hai dấu cách trước '# ')`,
    ]);
  });

  it('a name, a subject or a plain text field (a Text in the schema) is read the same way; a text holding a " is quoted in single quotes', () => {
    const text = kySon
      .replace('subject: { vi: Công điện chủ động ứng phó mưa lũ, en: Dispatch on preparing for the rain and floods }', 'subject: Công điện số #12 "khẩn"')
      .replace('name: { vi: Tỉnh Nghệ An, en: Nghệ An province }', 'name: Tỉnh Nghệ An #2 # bản nháp');
    const lines = warningsOf(text).filter((_, k) => k % 2 === 0);
    expect(lines).toEqual([
      expect.stringMatching(/^k\.yaml:\d+:\d+: warning\[text-cut\] areas\[0\]\.name: the text stops at ' #': YAML reads '#2 # bản nháp' as a comment, so the text is only 'Tỉnh Nghệ An' \(.*name: "Tỉnh Nghệ An #2 # bản nháp";/),
      expect.stringMatching(/^k\.yaml:\d+:\d+: warning\[text-cut\] injects\[1\]\.subject: .* so the text is only 'Công điện số' \(.*subject: 'Công điện số #12 "khẩn"';/),
    ]);
  });

  it('a comment set apart (two spaces, then "# "), a quoted text, and ids and times with comments are not warned of', () => {
    const text = kySon
      .replace(/^( {6}vi: )Yêu cầu UBND các xã rà soát.*$/m, '$1Yêu cầu rà soát  # xem công điện 12')
      .replace('subject: { vi: Công điện chủ động ứng phó mưa lũ, en: Dispatch on preparing for the rain and floods }', 'subject: "Công điện số #12"')
      .replace(/^(\s+to: tc-chair)$/m, '$1 #the commune chair')
      .replace(/^(\s+at: T\+00:30)$/m, '$1 #half an hour in');
    expect(warningsOf(text)).toEqual([]);
    expect(warningsOf(kySon)).toEqual([]);
  });
});
