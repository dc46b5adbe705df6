import fc from 'fast-check';

// Strings and numbers for holding a JSON writer to JSON.stringify (json-lines.test.ts, log-lines.test.ts).

/** Any UTF-16 code unit (lone surrogates and control characters included), astral and Vietnamese characters. */
const unit = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0x20 }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('đ', 'ố', 'Ư', '😀', '\ud83d', '\ude00', '\n', '"', '\\', '\u007f', '\u2028'),
);
export const text = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), fc.string({ unit, maxLength: 20 }));

/** The numbers an event holds (counts, seconds, coordinates and distances rounded to four decimals) and any other. */
export const number = fc.oneof(
  fc.integer({ min: -1e6, max: 5e9 }),
  fc.integer({ min: -2e13, max: 2e13 }).map((k) => k / 10_000),
  fc.integer({ min: -2e6, max: 2e6 }).map((k) => k / 100),
  fc.double(),
  fc.constantFrom(0, -0, 4294967295, 4294967296, -4294967296, 999_999_999.9999, -999_999_999.9999, 1e9, 1e-4, 1e-7, 1e21, 0.1 + 0.2, NaN, Infinity, -Infinity, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE),
);

