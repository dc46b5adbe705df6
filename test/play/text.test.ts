import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cell, len, num, oneLine, plain, wallClock, wrap } from '../../engine/play/text.js';

describe('plain', () => {
  it('drops escape sequences and bidi overrides but keeps the visible text and newlines', () => {
    expect(plain('a\u001b[31mred\u001b[0m\nb\u0007\u202e!')).toBe('a[31mred[0m\nb!');
    expect(plain('<img src=x onerror=alert(1)>')).toBe('<img src=x onerror=alert(1)>');
    expect(plain('Tà Cạ\r\nMường Xén')).toBe('Tà Cạ\nMường Xén');
  });

  it('never lets a C0/C1 control character (but newline) or a bidi control through, whatever the input', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      // eslint-disable-next-line no-control-regex
      expect(plain(s)).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
      expect(oneLine(s)).not.toContain('\n');
    }));
  });
});

describe('wrap', () => {
  it('keeps every line within the width unless one word is longer', () => {
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[a-zđăâêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]{1,12}$/), { maxLength: 40 }), fc.integer({ min: 12, max: 80 }), (words, width) => {
      const lines = wrap(words.join(' '), width, '');
      for (const l of lines) expect(len(l)).toBeLessThanOrEqual(width);
      expect(lines.join(' ').split(' ').filter(Boolean)).toEqual(words);
    }));
  });
});

describe('numbers, cells, clocks', () => {
  it('writes decimals with the language\'s mark', () => {
    expect(num(6.24, 'en')).toBe('6.2');
    expect(num(6.24, 'vi')).toBe('6,2');
    expect(num(4031.4, 'vi')).toBe('4031');
  });

  it('keeps two spaces after a cell even when the text is wider than the column', () => {
    expect(cell('abc', 6)).toBe('abc   ');
    expect(cell('abcdef', 6)).toBe('abcdef  ');
  });

  it('gives the wall clock in T0\'s own offset, across midnight and month ends', () => {
    expect(wallClock('2022-10-01T18:00:00+07:00', 0)).toBe('18:00 01/10/2022');
    expect(wallClock('2022-10-01T18:00:00+07:00', 18 * 3600)).toBe('12:00 02/10/2022');
    expect(wallClock('2024-02-28T23:30:00+07:00', 3600)).toBe('00:30 29/02/2024');
    expect(wallClock('2023-12-31T23:59:00Z', 60)).toBe('00:00 01/01/2024');
  });
});
