// Texts in a flow mapping `{ vi: ..., en: ... }` (how every shipped scenario writes names and subjects) that YAML
// does not read, said as what the planner wrote: a ': ' or a ' #' inside a text without quotes, a quote never
// closed, a '"' inside a text in double quotes. The parser's own words ("block collections are not allowed within
// flow collections", "unexpected scalar at node end") and "the '{' is never closed" about a '}' that is there did not.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssueIn } from '../../engine/scenario/issues.js';
import { parseScenario } from '../../engine/scenario/parse.js';

const kySon = readFileSync('scenarios/ky-son-flash-flood.yaml', 'utf8');
const SUBJECT = 'subject: { vi: Công điện chủ động ứng phó mưa lũ, en: Dispatch on preparing for the rain and floods }';
const line = kySon.split('\n').findIndex((l) => l.includes(SUBJECT)) + 1;

/** Every issue of the scenario with the inject's subject written `subject`, in English and in Vietnamese. */
function saidOf(subject: string): { en: string[]; vi: string[] } {
  const r = parseScenario(kySon.replace(SUBJECT, subject), 'k.yaml');
  expect(r.ok).toBe(false);
  return r.ok ? { en: [], vi: [] } : { en: r.issues.map((i) => formatIssueIn(i, 'en')), vi: r.issues.map((i) => formatIssueIn(i, 'vi')) };
}

describe('a text in { vi: ..., en: ... } that YAML does not read', () => {
  it("a ': ' in a text without quotes gets the hint a block text gets: put it in quotes", () => {
    const said = saidOf('subject: { vi: QL7: Mường Xén - Tà Cạ, en: "QL7 cut" }');
    expect(said.en).toEqual([`k.yaml:${line}:20: error[yaml] (syntax): the text after 'vi:' holds ': ', which YAML reads as the start of a key (put the text in quotes: vi: "QL7: Mường Xén - Tà Cạ")`]);
    expect(said.vi).toEqual([`k.yaml:${line}:20: error[yaml] (syntax): đoạn chữ sau 'vi:' có ': ', mà YAML hiểu là bắt đầu một khóa (hãy đặt đoạn chữ trong dấu nháy: vi: "QL7: Mường Xén - Tà Cạ")`]);
  });

  it("a ' #' in a text is said to start a comment that took the '}' with it, not the '{' never closed", () => {
    const said = saidOf('subject: { vi: Nhà số #5 bị sập, en: House #5 collapsed }');
    expect(said.en).toEqual([`k.yaml:${line}:27: error[yaml] (syntax): ' #' starts a comment: YAML does not read the rest of the line ('#5 bị sập, en: House #5 collapsed }'), nor the '}' in it (put the texts that hold ' #' in quotes: subject: { vi: "Nhà số #5 bị sập", en: "House #5 collapsed" })`]);
    expect(said.vi).toEqual([`k.yaml:${line}:27: error[yaml] (syntax): ' #' bắt đầu một chú thích: YAML không đọc phần còn lại của dòng ('#5 bị sập, en: House #5 collapsed }'), kể cả dấu '}' trong đó (hãy đặt các đoạn chữ có ' #' trong dấu nháy: subject: { vi: "Nhà số #5 bị sập", en: "House #5 collapsed" })`]);
    // the line the hint gives reads
    const fixed = parseScenario(kySon.replace(SUBJECT, 'subject: { vi: "Nhà số #5 bị sập", en: "House #5 collapsed" }'), 'k.yaml');
    expect(fixed.ok).toBe(true);
  });

  it("a ' #' in a { } that runs over lines is said where it took the ',' with it, not as a ',' missing on the next line", () => {
    const said = saidOf('subject: { vi: Công điện số #12,\n      en: Dispatch 12 }');
    expect(said.en).toEqual([`k.yaml:${line}:33: error[yaml] (syntax): ' #' starts a comment: YAML does not read the rest of the line ('#12,'), nor the ',' in it (put the texts that hold ' #' in quotes: vi: "Công điện số #12")`]);
    expect(said.vi).toEqual([`k.yaml:${line}:33: error[yaml] (syntax): ' #' bắt đầu một chú thích: YAML không đọc phần còn lại của dòng ('#12,'), kể cả dấu ',' trong đó (hãy đặt các đoạn chữ có ' #' trong dấu nháy: vi: "Công điện số #12")`]);
    expect(parseScenario(kySon.replace(SUBJECT, 'subject: { vi: "Công điện số #12",\n      en: Dispatch 12 }'), 'k.yaml').ok).toBe(true);
  });

  it("in a name inside another flow mapping (an edge written on one line), the name's mapping is the one given quoted", () => {
    const edge = 'name: { vi: Đường mòn Hữu Kiệm - Mường Xén, en: Footpath Hữu Kiệm - Mường Xén }';
    const edgeLine = kySon.split('\n').findIndex((l) => l.includes(edge)) + 1;
    const r = parseScenario(kySon.replace(edge, 'name: { vi: Đường mòn #2 Hữu Kiệm, en: Footpath #2 }'), 'k.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => formatIssueIn(i, 'en'))).toEqual([expect.stringMatching(new RegExp(`^k\\.yaml:${edgeLine}:\\d+: error\\[yaml\\] \\(syntax\\): ' #' starts a comment: .* \\(put the texts that hold ' #' in quotes: name: \\{ vi: "Đường mòn #2 Hữu Kiệm", en: "Footpath #2" \\}\\)$`))]);
  });

  it('a quote opened and never closed is said as that, at the quote, with the text closed where it most likely ends', () => {
    const said = saidOf("subject: { vi: 'QL7 bị chia cắt, en: QL7 cut }");
    expect(said.en).toEqual([`k.yaml:${line}:20: error[yaml] (syntax): the quote (') opened here is never closed (add the closing ' where the text ends, as in vi: 'QL7 bị chia cắt'; YAML reads what follows as more of the text)`]);
    expect(said.vi).toEqual([`k.yaml:${line}:20: error[yaml] (syntax): dấu nháy (') mở ở đây không được đóng (hãy thêm dấu ' đóng ở chỗ đoạn chữ kết thúc, như vi: 'QL7 bị chia cắt'; YAML đọc phần sau như phần tiếp của đoạn chữ)`]);
  });

  it('a \'"\' inside a text in double quotes is said to end it early, with the text in single quotes or escaped, in a flow mapping or not', () => {
    const said = saidOf('subject: { vi: "QL7 bị "chia cắt"", en: x }');
    expect(said.en).toEqual([`k.yaml:${line}:28: error[yaml] (syntax): this '"' ends the text in double quotes before 'chia cắt', which YAML then cannot read (a '"' inside a text in double quotes ends it: put the text in single quotes, vi: 'QL7 bị "chia cắt"', or write \\" for each '"' inside it, vi: "QL7 bị \\"chia cắt\\"")`]);
    expect(said.vi).toEqual([`k.yaml:${line}:28: error[yaml] (syntax): dấu '"' này kết thúc đoạn chữ trong ngoặc kép trước 'chia cắt', nên YAML không đọc được phần sau (dấu '"' bên trong đoạn chữ trong ngoặc kép sẽ kết thúc nó: hãy đặt đoạn chữ trong ngoặc đơn, vi: 'QL7 bị "chia cắt"', hoặc viết \\" cho mỗi dấu '"' bên trong, vi: "QL7 bị \\"chia cắt\\"")`]);
    expect(saidOf('subject: "QL7 bị "chia cắt""').en).toEqual([expect.stringContaining(`k.yaml:${line}:22: error[yaml] (syntax): this '"' ends the text in double quotes before 'chia cắt', which YAML then cannot read (a '"' inside a text in double quotes ends it: put the text in single quotes, subject: 'QL7 bị "chia cắt"', or`)]);
    // a stray quote after a whole text is not that: no hint that would join the two texts into one
    expect(saidOf('subject: { vi: "Công điện"", en: "Dispatch" }').en.join('\n')).not.toContain('ends the text in double quotes');
    for (const fixed of [`subject: { vi: 'QL7 bị "chia cắt"', en: x }`, 'subject: { vi: "QL7 bị \\"chia cắt\\"", en: x }']) {
      expect(parseScenario(kySon.replace(SUBJECT, fixed), 'k.yaml').ok).toBe(true);
    }
  });

  it("a '{' whose '}' is really missing is still said to be never closed", () => {
    expect(saidOf('subject: { vi: QL7 bị chia cắt, en: QL7 cut').en).toEqual([`k.yaml:${line}:14: error[yaml] (syntax): the '{' opened here is never closed (add the closing '}' where the value ends; YAML reads what follows as more of it)`]);
  });

  it('a stray quote after a whole text is said as that, once, with the text as it reads without it', () => {
    const said = saidOf('subject: { vi: "Công điện"", en: "Dispatch" }');
    expect(said.en).toEqual([`k.yaml:${line}:31: error[yaml] (syntax): the text in quotes ends at its closing quote, "Công điện", and YAML cannot read what follows it: '"' (remove the " after the closing quote: vi: "Công điện")`]);
    expect(said.vi).toEqual([`k.yaml:${line}:31: error[yaml] (syntax): đoạn chữ trong dấu nháy kết thúc ở dấu nháy đóng, "Công điện", và YAML không đọc được phần sau nó: '"' (hãy bỏ " sau dấu nháy đóng: vi: "Công điện")`]);
    expect(parseScenario(kySon.replace(SUBJECT, 'subject: { vi: "Công điện", en: "Dispatch" }'), 'k.yaml').ok).toBe(true);
  });
});

describe('a text in quotes outside { } that YAML does not read', () => {
  it('words after the closing quote: the hint puts them inside it', () => {
    const said = saidOf("subject: 'Công điện' chủ động");
    expect(said.en).toEqual([`k.yaml:${line}:26: error[yaml] (syntax): the text in quotes ends at its closing quote, 'Công điện', and YAML cannot read what follows it: 'chủ động' (a text in quotes is the whole value: put all of the text inside the quotes, subject: 'Công điện chủ động')`]);
    expect(said.vi).toEqual([`k.yaml:${line}:26: error[yaml] (syntax): đoạn chữ trong dấu nháy kết thúc ở dấu nháy đóng, 'Công điện', và YAML không đọc được phần sau nó: 'chủ động' (đoạn chữ trong dấu nháy là cả giá trị: hãy đặt toàn bộ đoạn chữ vào trong dấu nháy, subject: 'Công điện chủ động')`]);
    expect(parseScenario(kySon.replace(SUBJECT, "subject: 'Công điện chủ động'"), 'k.yaml').ok).toBe(true);
  });

  it('a quote never closed is said at the quote, not at the end of its line, with the text closed at the line\'s end', () => {
    const said = saidOf('subject: "Công điện chủ động');
    expect(said.en).toEqual([`k.yaml:${line}:14: error[yaml] (syntax): the quote (") opened here is never closed (add the closing " where the text ends, as in subject: "Công điện chủ động"; YAML reads what follows as more of the text)`]);
    expect(said.vi).toEqual([`k.yaml:${line}:14: error[yaml] (syntax): dấu nháy (") mở ở đây không được đóng (hãy thêm dấu " đóng ở chỗ đoạn chữ kết thúc, như subject: "Công điện chủ động"; YAML đọc phần sau như phần tiếp của đoạn chữ)`]);
  });
});
