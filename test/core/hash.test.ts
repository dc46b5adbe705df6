import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSha256, sha256Hex } from '../../engine/core/hash.js';
import { nodeSha256 as cliSha256 } from '../../engine/cli/sha256.js';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Any UTF-16 code unit (lone surrogates included), astral characters, and a few familiar ones. */
const unit = fc.oneof(
  fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
  fc.constantFrom('đ', 'ố', 'Ư', '€', '😀', '\ud83d', '\ude00', '\n'),
);
const anyText = fc.string({ unit, maxLength: 400 });

/** Split text at the given cut points (UTF-16 offsets, so surrogate pairs may be cut). */
function split(text: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let prev = 0;
  for (const p of points) {
    parts.push(text.slice(prev, p));
    prev = p;
  }
  parts.push(text.slice(prev));
  return parts;
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('equals node:crypto for every length around the 64-byte block and padding boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const ascii = 'x'.repeat(n);
      expect(sha256Hex(ascii), `length ${n}`).toBe(nodeSha256(ascii));
      const mixed = 'é'.repeat(n) + 'a'.repeat(n % 3);
      expect(sha256Hex(mixed), `mixed length ${n}`).toBe(nodeSha256(mixed));
    }
  });

  it('equals node:crypto on arbitrary unicode strings, lone surrogates included', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(sha256Hex(text)).toBe(nodeSha256(text));
      }),
      { numRuns: 500 },
    );
  });

  it('equals node:crypto on long texts that cross the internal buffer, short and long code paths alike', () => {
    const line = 'Bão số 3: đường QL1A bị sạt lở 😀 at T+02:30\n';
    const long = line.repeat(2000); // ~100 KB, several buffer refills mid-string
    expect(sha256Hex(long)).toBe(nodeSha256(long));
    const h = createSha256();
    for (let i = 0; i < 2000; i++) h.update(line); // short updates
    expect(h.digestHex()).toBe(nodeSha256(long));
    const astral = '😀'.repeat(20000) + 'é'.repeat(9000);
    expect(sha256Hex(astral)).toBe(nodeSha256(astral));
  });
});

describe('createSha256 streaming', () => {
  it('gives the hash of the concatenation however the text is split across update calls', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const h = createSha256();
        for (const part of split(text, cuts)) h.update(part);
        expect(h.digestHex()).toBe(nodeSha256(text));
      }),
      { numRuns: 500 },
    );
  });

  it('joins a surrogate pair split between two update calls into one code point', () => {
    const h = createSha256();
    h.update('a\ud83d');
    h.update('\ude00b');
    expect(h.digestHex()).toBe(nodeSha256('a😀b'));
  });

  it('encodes a high surrogate left at the end as U+FFFD', () => {
    const h = createSha256();
    h.update('end\ud83d');
    expect(h.digestHex()).toBe(nodeSha256('end\ufffd'));
  });

  it('returns the same digest when digestHex is called again, and refuses further updates', () => {
    const h = createSha256();
    h.update('run log');
    const d = h.digestHex();
    expect(h.digestHex()).toBe(d);
    expect(() => h.update('more')).toThrow(/after digestHex/);
  });

  it('keeps independent hashers independent', () => {
    const a = createSha256();
    const b = createSha256();
    a.update('one');
    b.update('two');
    a.update('three');
    expect(a.digestHex()).toBe(nodeSha256('onethree'));
    expect(b.digestHex()).toBe(nodeSha256('two'));
  });
});

describe("the CLI's nodeSha256 (node:crypto behind the same interface)", () => {
  it('gives the same digest as the engine\'s hasher however the text is split, surrogate pairs cut included', () => {
    fc.assert(
      fc.property(anyText, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const pure = createSha256();
        const native = cliSha256();
        for (const part of split(text, cuts)) {
          pure.update(part);
          native.update(part);
        }
        expect(native.digestHex()).toBe(pure.digestHex());
      }),
      { numRuns: 500 },
    );
  });

  it('joins a split surrogate pair, ends a lone high surrogate as U+FFFD, repeats its digest and refuses updates after it', () => {
    const h = cliSha256();
    h.update('a\ud83d');
    h.update('\ude00b\ud83d');
    h.update('');
    const d = h.digestHex();
    expect(d).toBe(nodeSha256('a😀b\ufffd'));
    expect(h.digestHex()).toBe(d);
    expect(() => h.update('more')).toThrow(/after digestHex/);
  });
});

describe('updateBytes: text already UTF-8 encoded (the run log keeps its lines as bytes)', () => {
  const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
  /** text and bytes in any order, bytes of any length (past the hasher's 16 KiB buffer too) */
  const part = fc.oneof(
    fc.record({ bytes: fc.constant(false), text: anyText }),
    fc.record({ bytes: fc.constant(true), text: anyText }),
    fc.record({ bytes: fc.constant(true), text: fc.integer({ min: 1, max: 40_000 }).map((n) => 'x{"t":1}\n'.repeat(Math.ceil(n / 9)).slice(0, n)) }),
  );
  /** What the message is: each run of texts UTF-8 encoded as one text (a pair split between two texts is one code point), bytes as they are. */
  function message(parts: { bytes: boolean; text: string }[]): Buffer {
    const out: Uint8Array[] = [];
    let run = '';
    for (const p of parts) {
      if (!p.bytes) run += p.text;
      else {
        out.push(utf8(run), utf8(p.text));
        run = '';
      }
    }
    out.push(utf8(run));
    return Buffer.concat(out);
  }

  for (const [name, make] of [['the engine\'s hasher', createSha256], ['the CLI\'s nodeSha256', cliSha256]] as const) {
    it(`${name}: texts and bytes in any order hash as their message does in node:crypto`, () => {
      fc.assert(
        fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
          const h = make();
          for (const p of parts) {
            if (p.bytes) h.updateBytes(utf8(p.text));
            else h.update(p.text);
          }
          expect(h.digestHex()).toBe(createHash('sha256').update(message(parts)).digest('hex'));
        }),
        { numRuns: 300 },
      );
    });

    it(`${name}: a high surrogate before bytes is U+FFFD; no bytes after the digest`, () => {
      const h = make();
      h.update('a\ud83d');
      h.updateBytes(utf8('\ude00'));
      expect(h.digestHex()).toBe(createHash('sha256').update(Buffer.concat([utf8('a\ufffd'), utf8('\ude00')])).digest('hex'));
      expect(() => h.updateBytes(utf8('more'))).toThrow(/after digestHex/);
    });
  }
});
