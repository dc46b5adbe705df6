/**
 * Deterministic transcendental functions: `dlog`, `dexp`, `dsin`, `dcos`,
 * `datan`, `datan2`.
 *
 * What it does: ports of Sun's fdlibm 5.3 (e_log.c, e_exp.c, k_sin.c, k_cos.c,
 * s_sin.c, s_cos.c, e_rem_pio2.c, k_rem_pio2.c, s_atan.c, e_atan2.c, the
 * latter with FreeBSD's fix for |y/x| > 2^60 when x < 0) written
 * with nothing but IEEE-754 double `+ - * /`, comparisons, int32 operations
 * and bit access to doubles. JavaScript forbids fused multiply-add and extra
 * precision, so every step rounds the same way in every engine: the results
 * are bit-identical in Node, Chrome, Firefox and Safari, whatever libm the
 * runtime's own `Math.log` etc. happen to use. Accuracy is that of fdlibm:
 * error below 1 ulp. Argument reduction for `dsin`/`dcos` is the full
 * Payne-Hanek one, so every finite argument is reduced exactly. V8 (Node,
 * Chrome) implements Math.log/exp/atan/atan2/sin/cos with ports of the same
 * fdlibm code, so on V8 these usually equal Math.* bit for bit; other
 * engines' Math.* may differ in the last bit, these functions do not.
 *
 * What it does not do: it is not correctly rounded (it may differ from the
 * true value, and from `Math.*`, in the last bit; the point is that it
 * differs the same way everywhere). It does not raise floating-point
 * exceptions or set errno. NaN results are "a NaN": callers must not hash NaN
 * payload bits. There is no `dpow`: fdlibm's pow is long and the engine does
 * not need it. `dexp(y * dlog(x))` is deterministic too, but its error grows
 * with |y * log x| (several ulps), so use it only where that is fine.
 */

// ---------------------------------------------------------------------------
// Bit access. One shared 8-byte scratch buffer; every helper writes before it
// reads, so nothing is kept in it between calls.

const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);
const U32 = new Uint32Array(F64.buffer);
/** Index of the high (sign/exponent) word: 1 on little-endian hosts. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
const LO = 1 - HI;

/** High 32 bits of x as a signed int32 (fdlibm's __HI). */
function hiWord(x: number): number {
  F64[0] = x;
  return I32[HI]!;
}

/** Low 32 bits of x as an unsigned int (fdlibm's __LO). */
function loWord(x: number): number {
  F64[0] = x;
  return U32[LO]!;
}

/** x with its high word replaced. */
function withHiWord(x: number, hi: number): number {
  F64[0] = x;
  I32[HI] = hi;
  return F64[0]!;
}

/** The double made of the two words. */
function fromWords(hi: number, lo: number): number {
  I32[HI] = hi;
  U32[LO] = lo;
  return F64[0]!;
}

/** x * 2^n for the moderate n used here (result and 2^n normal). */
function scalbn(x: number, n: number): number {
  // Split so each power of two stays a normal double.
  while (n > 1000) {
    x *= fromWords(0x7e700000, 0); // 2^1000
    n -= 1000;
  }
  while (n < -1000) {
    x *= fromWords(0x01700000, 0); // 2^-1000
    n += 1000;
  }
  return x * fromWords((n + 1023) << 20, 0);
}

// ---------------------------------------------------------------------------
// log (e_log.c)

const LN2_HI = 6.93147180369123816490e-1; // 3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 3dea39ef 35793c76
const TWO54 = 1.80143985094819840000e16; // 43500000 00000000
const LG1 = 6.666666666666735130e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/** Natural logarithm. dlog(±0) = -Infinity, dlog(x < 0) = NaN, dlog(1) = +0. */
export function dlog(x: number): number {
  let hx = hiWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal
    if (((hx & 0x7fffffff) | loWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO54; // scale a subnormal up
    hx = hiWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHiWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2
  k += i >> 20;
  const f = x - 1.0;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return k * LN2_HI + k * LN2_LO;
    }
    const R = f * f * (0.5 - 0.33333333333333333 * f);
    if (k === 0) return f - R;
    return k * LN2_HI - (R - k * LN2_LO - f);
  }
  const s = f / (2.0 + f);
  const dk = k;
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const R = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + R));
    return dk * LN2_HI - (hfsq - (s * (hfsq + R) + dk * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - R);
  return dk * LN2_HI - (s * (f - R) - dk * LN2_LO - f);
}

// ---------------------------------------------------------------------------
// exp (e_exp.c)

const O_THRESHOLD = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF
const U_THRESHOLD = -7.45133219101941108420e2; // 0xc0874910 D52D3051
const INV_LN2 = 1.44269504088896338700e0; // 0x3ff71547 652b82fe
const TWOM1000 = 9.33263618503218878990e-302; // 2^-1000
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.65339022054652515390e-6;
const P5 = 4.13813679705723846039e-8;

/** e^x. dexp(0) = 1, dexp(-Infinity) = 0, overflow gives Infinity. */
export function dexp(x: number): number {
  let hx = hiWord(x);
  const xsb = (hx >>> 31) & 1; // sign bit
  hx &= 0x7fffffff; // high word of |x|

  if (hx >= 0x40862e42) {
    // |x| >= 709.78...
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | loWord(x)) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0.0; // exp(+-inf) = {inf, 0}
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }

  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) {
      // and |x| < 1.5 ln2
      hi = xsb === 0 ? x - LN2_HI : x + LN2_HI;
      lo = xsb === 0 ? LN2_LO : -LN2_LO;
      k = 1 - xsb - xsb;
    } else {
      k = (INV_LN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0; // C (int) truncation
      const t = k;
      hi = x - t * LN2_HI; // t*LN2_HI is exact here
      lo = t * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }

  // x is now in the primary range
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2.0) - x);
  const y = 1 - (lo - (x * c) / (2.0 - c) - hi);
  if (k >= -1021) return withHiWord(y, hiWord(y) + (k << 20));
  return withHiWord(y, hiWord(y) + ((k + 1000) << 20)) * TWOM1000;
}

// ---------------------------------------------------------------------------
// sin / cos kernels on [-pi/4, pi/4] (k_sin.c, k_cos.c)

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

function kernelSin(x: number, y: number, iy: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) {
    // |x| < 2^-27
    if ((x | 0) === 0) return x;
  }
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  if (iy === 0) return x + v * (S1 + z * r);
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.08757232129817482790e-9;
const C6 = -1.13596475577881948265e-11;

function kernelCos(x: number, y: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) {
    // |x| < 2^-27
    if ((x | 0) === 0) return 1;
  }
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) {
    // |x| < 0.3
    return 1 - (0.5 * z - (z * r - x * y));
  }
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0); // |x|/4, low word cleared
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

// ---------------------------------------------------------------------------
// Argument reduction x -> n*pi/2 + (y0 + y1) (e_rem_pio2.c, k_rem_pio2.c)

/** 2/pi in 24-bit chunks: 396 hex digits. */
const TWO_OVER_PI = [
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb,
  0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5,
  0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8,
  0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d,
  0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b,
  0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
];

/** High words of n*pi/2 for n = 1..32, to spot possible cancellation. */
const NPIO2_HW = [
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
];

const INV_PIO2 = 6.36619772367581382433e-1; // 53 bits of 2/pi
const PIO2_1 = 1.57079632673412561417e0; // first 33 bits of pi/2
const PIO2_1T = 6.07710050650619224932e-11; // pi/2 - PIO2_1
const PIO2_2 = 6.07710050630396597660e-11; // second 33 bits of pi/2
const PIO2_2T = 2.02226624879595063154e-21; // pi/2 - (PIO2_1 + PIO2_2)
const PIO2_3 = 2.02226624871116645580e-21; // third 33 bits of pi/2
const PIO2_3T = 8.47842766036889956997e-32; // pi/2 - (PIO2_1 + PIO2_2 + PIO2_3)

/** pi/2 cut into 24-bit pieces, for the large-argument path. */
const PIO2_PARTS = [
  1.57079625129699707031e0, 7.54978941586159635335e-8, 5.39030252995776476554e-15, 3.28200341580791294123e-22,
  1.27065575308067607349e-29, 1.22933308981111328932e-36, 2.73370053816464559624e-44, 2.16741683877804819444e-51,
];

const TWO24 = 1.6777216e7;
const TWON24 = 5.9604644775390625e-8;

// Reduction outputs and scratch arrays, reused (the module is single-threaded).
let REM_Y0 = 0;
let REM_Y1 = 0;
const KX = [0, 0, 0];
const KF = new Float64Array(20);
const KQ = new Float64Array(20);
const KFQ = new Float64Array(20);
const KIQ = new Int32Array(20);

/**
 * Payne-Hanek reduction for large |x| (k_rem_pio2.c, 53-bit output, prec 2).
 * xs: |x| in 24-bit pieces; e0: exponent of xs[0]. Sets REM_Y0/REM_Y1,
 * returns n mod 8.
 */
function kernelRemPio2(xs: number[], e0: number, nx: number): number {
  const jk = 4; // init_jk[prec = 2]
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  const f = KF;
  const q = KQ;
  const iq = KIQ;
  const fq = KFQ;

  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) f[i] = j < 0 ? 0 : TWO_OVER_PI[j]!;

  for (let i = 0; i <= jk; i++) {
    let fw = 0.0;
    for (j = 0; j <= jx; j++) fw += xs[j]! * f[jx + i - j]!;
    q[i] = fw;
  }

  let jz = jk;
  let z: number;
  let n: number;
  let ih: number;
  for (;;) {
    // distill q[] into iq[] reversingly
    let i = 0;
    z = q[jz]!;
    for (j = jz; j > 0; i++, j--) {
      const fw = (TWON24 * z) | 0;
      iq[i] = (z - TWO24 * fw) | 0;
      z = q[j - 1]! + fw;
    }

    // compute n
    z = scalbn(z, q0);
    z -= 8.0 * Math.floor(z * 0.125); // trim off integer >= 8
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      // need iq[jz-1] to determine n
      i = iq[jz - 1]! >> (24 - q0);
      n += i;
      iq[jz - 1] = iq[jz - 1]! - (i << (24 - q0));
      ih = iq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = iq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }

    if (ih > 0) {
      // q > 0.5
      n += 1;
      let carry = 0;
      for (i = 0; i < jz; i++) {
        // compute 1 - q
        j = iq[i]!;
        if (carry === 0) {
          if (j !== 0) {
            carry = 1;
            iq[i] = 0x1000000 - j;
          }
        } else {
          iq[i] = 0xffffff - j;
        }
      }
      if (q0 > 0) {
        // rare case: chance is 1 in 12
        if (q0 === 1) iq[jz - 1] = iq[jz - 1]! & 0x7fffff;
        else if (q0 === 2) iq[jz - 1] = iq[jz - 1]! & 0x3fffff;
      }
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }

    // check if recomputation is needed
    if (z === 0) {
      j = 0;
      for (i = jz - 1; i >= jk; i--) j |= iq[i]!;
      if (j === 0) {
        let k = 1;
        while (iq[jk - k] === 0) k++; // k = number of terms needed
        for (i = jz + 1; i <= jz + k; i++) {
          // add q[jz+1] to q[jz+k]
          f[jx + i] = TWO_OVER_PI[jv + i]!;
          let fw = 0.0;
          for (j = 0; j <= jx; j++) fw += xs[j]! * f[jx + i - j]!;
          q[i] = fw;
        }
        jz += k;
        continue; // recompute
      }
    }
    break;
  }

  // chop off zero terms
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (iq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    // break z into 24-bit pieces if necessary
    z = scalbn(z, -q0);
    if (z >= TWO24) {
      const fw = (TWON24 * z) | 0;
      iq[jz] = (z - TWO24 * fw) | 0;
      jz += 1;
      q0 += 24;
      iq[jz] = fw;
    } else {
      iq[jz] = z | 0;
    }
  }

  // convert the integer chunks to floating point
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    q[i] = fw * iq[i]!;
    fw *= TWON24;
  }

  // compute PIO2_PARTS[0..jp] * q[jz..0]
  for (let i = jz; i >= 0; i--) {
    fw = 0.0;
    for (let k = 0; k <= jp && k <= jz - i; k++) fw += PIO2_PARTS[k]! * q[i + k]!;
    fq[jz - i] = fw;
  }

  // compress fq[] into y0 + y1
  fw = 0.0;
  for (let i = jz; i >= 0; i--) fw += fq[i]!;
  REM_Y0 = ih === 0 ? fw : -fw;
  fw = fq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += fq[i]!;
  REM_Y1 = ih === 0 ? fw : -fw;
  return n & 7;
}

/** Reduce x (|x| > pi/4, finite) modulo pi/2: sets REM_Y0/REM_Y1, returns n. */
function remPio2(x: number): number {
  const hx = hiWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3pi/4, n = +-1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        REM_Y0 = z - PIO2_1T;
        REM_Y1 = z - REM_Y0 - PIO2_1T;
      } else {
        // near pi/2: use 33+33+53 bits of pi
        z -= PIO2_2;
        REM_Y0 = z - PIO2_2T;
        REM_Y1 = z - REM_Y0 - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      REM_Y0 = z + PIO2_1T;
      REM_Y1 = z - REM_Y0 + PIO2_1T;
    } else {
      z += PIO2_2;
      REM_Y0 = z + PIO2_2T;
      REM_Y1 = z - REM_Y0 + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| <= 2^19 * pi/2: medium size, Cody-Waite with up to 3 rounds
    let t = Math.abs(x);
    const n = (t * INV_PIO2 + 0.5) | 0;
    const fn = n;
    let r = t - fn * PIO2_1;
    let w = fn * PIO2_1T; // first round good to 85 bits
    let y0: number;
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      y0 = r - w; // quick check: no cancellation
    } else {
      const j = ix >> 20;
      y0 = r - w;
      let i = j - ((hiWord(y0) >> 20) & 0x7ff);
      if (i > 16) {
        // second round, good to 118 bits
        t = r;
        w = fn * PIO2_2;
        r = t - w;
        w = fn * PIO2_2T - (t - r - w);
        y0 = r - w;
        i = j - ((hiWord(y0) >> 20) & 0x7ff);
        if (i > 49) {
          // third round, 151 bits: covers all cases
          t = r;
          w = fn * PIO2_3;
          r = t - w;
          w = fn * PIO2_3T - (t - r - w);
          y0 = r - w;
        }
      }
    }
    const y1 = r - y0 - w;
    if (hx < 0) {
      REM_Y0 = -y0;
      REM_Y1 = -y1;
      return -n;
    }
    REM_Y0 = y0;
    REM_Y1 = y1;
    return n;
  }
  // large arguments: z = scalbn(|x|, ilogb(x) - 23), cut into 24-bit pieces
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), loWord(x));
  for (let i = 0; i < 2; i++) {
    KX[i] = z | 0;
    z = (z - KX[i]!) * TWO24;
  }
  KX[2] = z;
  let nx = 3;
  while (KX[nx - 1] === 0) nx--; // skip zero terms
  const n = kernelRemPio2(KX, e0, nx);
  if (hx < 0) {
    REM_Y0 = -REM_Y0;
    REM_Y1 = -REM_Y1;
    return -n;
  }
  return n;
}

/** Sine of x radians. dsin(±0) = ±0; dsin(±Infinity) = NaN. */
export function dsin(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelSin(x, 0, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return NaN; // Infinity or NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelSin(REM_Y0, REM_Y1, 1);
    case 1:
      return kernelCos(REM_Y0, REM_Y1);
    case 2:
      return -kernelSin(REM_Y0, REM_Y1, 1);
    default:
      return -kernelCos(REM_Y0, REM_Y1);
  }
}

/** Cosine of x radians. dcos(0) = 1; dcos(±Infinity) = NaN. */
export function dcos(x: number): number {
  const ix = hiWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| <= pi/4
  if (ix >= 0x7ff00000) return NaN;
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(REM_Y0, REM_Y1);
    case 1:
      return -kernelSin(REM_Y0, REM_Y1, 1);
    case 2:
      return -kernelCos(REM_Y0, REM_Y1);
    default:
      return kernelSin(REM_Y0, REM_Y1, 1);
  }
}

// ---------------------------------------------------------------------------
// atan (s_atan.c) and atan2 (e_atan2.c)

const ATAN_HI = [
  4.63647609000806093515e-1, // atan(0.5) hi
  7.85398163397448278999e-1, // atan(1.0) hi
  9.82793723247329054082e-1, // atan(1.5) hi
  1.57079632679489655800e0, // atan(inf) hi
];
const ATAN_LO = [
  2.26987774529616870924e-17, // atan(0.5) lo
  3.06161699786838301793e-17, // atan(1.0) lo
  1.39033110312309984516e-17, // atan(1.5) lo
  6.12323399573676603587e-17, // atan(inf) lo
];
const AT0 = 3.33333333333329318027e-1;
const AT1 = -1.99999999998764832476e-1;
const AT2 = 1.42857142725034663711e-1;
const AT3 = -1.11111104054623557880e-1;
const AT4 = 9.09088713343650656196e-2;
const AT5 = -7.69187620504482999495e-2;
const AT6 = 6.66107313738753120669e-2;
const AT7 = -5.83357013379057348645e-2;
const AT8 = 4.97687799461593236017e-2;
const AT9 = -3.65315727442169155270e-2;
const AT10 = 1.62858201153657823623e-2;

/** Arc tangent in radians, in [-pi/2, pi/2]. */
export function datan(x: number): number {
  const hx = hiWord(x);
  const ix = hx & 0x7fffffff;
  let id: number;
  if (ix >= 0x44100000) {
    // |x| >= 2^66
    if (ix > 0x7ff00000 || (ix === 0x7ff00000 && loWord(x) !== 0)) return x + x; // NaN
    return hx > 0 ? ATAN_HI[3]! + ATAN_LO[3]! : -ATAN_HI[3]! - ATAN_LO[3]!;
  }
  if (ix < 0x3fdc0000) {
    // |x| < 0.4375
    if (ix < 0x3e200000) return x; // |x| < 2^-29
    id = -1;
  } else {
    x = Math.abs(x);
    if (ix < 0x3ff30000) {
      // |x| < 1.1875
      if (ix < 0x3fe60000) {
        // 7/16 <= |x| < 11/16
        id = 0;
        x = (2.0 * x - 1) / (2.0 + x);
      } else {
        // 11/16 <= |x| < 19/16
        id = 1;
        x = (x - 1) / (x + 1);
      }
    } else if (ix < 0x40038000) {
      // |x| < 2.4375
      id = 2;
      x = (x - 1.5) / (1 + 1.5 * x);
    } else {
      // 2.4375 <= |x| < 2^66
      id = 3;
      x = -1.0 / x;
    }
  }
  const z = x * x;
  const w = z * z;
  const s1 = z * (AT0 + w * (AT2 + w * (AT4 + w * (AT6 + w * (AT8 + w * AT10)))));
  const s2 = w * (AT1 + w * (AT3 + w * (AT5 + w * (AT7 + w * AT9))));
  if (id < 0) return x - x * (s1 + s2);
  const r = ATAN_HI[id]! - (x * (s1 + s2) - ATAN_LO[id]! - x);
  return hx < 0 ? -r : r;
}

const PI_O_4 = 7.8539816339744827900e-1; // 0x3FE921FB 54442D18
const PI_O_2 = 1.5707963267948965580e0; // 0x3FF921FB 54442D18
const PI = 3.1415926535897931160e0; // 0x400921FB 54442D18
const PI_LO = 1.2246467991473531772e-16; // 0x3CA1A626 33145C07

/**
 * Angle of the point (x, y) in radians, in [-pi, pi], with the usual
 * signed-zero and infinity conventions of C's atan2 (and Math.atan2).
 */
export function datan2(y: number, x: number): number {
  const hx = hiWord(x);
  const ix = hx & 0x7fffffff;
  const lx = loWord(x);
  const hy = hiWord(y);
  const iy = hy & 0x7fffffff;
  const ly = loWord(y);
  if ((ix | ((lx | -lx) >>> 31)) > 0x7ff00000 || (iy | ((ly | -ly) >>> 31)) > 0x7ff00000) {
    return x + y; // x or y is NaN
  }
  if (((hx - 0x3ff00000) | lx) === 0) return datan(y); // x = 1.0
  const m = ((hy >>> 31) & 1) | ((hx >>> 30) & 2); // 2*sign(x) + sign(y)

  if ((iy | ly) === 0) {
    // y = +-0
    switch (m) {
      case 0:
      case 1:
        return y; // atan(+-0, +anything) = +-0
      case 2:
        return PI; // atan(+0, -anything) = pi
      default:
        return -PI; // atan(-0, -anything) = -pi
    }
  }
  if ((ix | lx) === 0) return hy < 0 ? -PI_O_2 : PI_O_2; // x = +-0

  if (ix === 0x7ff00000) {
    // x is +-Infinity
    if (iy === 0x7ff00000) {
      switch (m) {
        case 0:
          return PI_O_4;
        case 1:
          return -PI_O_4;
        case 2:
          return 3.0 * PI_O_4;
        default:
          return -3.0 * PI_O_4;
      }
    }
    switch (m) {
      case 0:
        return 0;
      case 1:
        return -0;
      case 2:
        return PI;
      default:
        return -PI;
    }
  }
  if (iy === 0x7ff00000) return hy < 0 ? -PI_O_2 : PI_O_2; // y is +-Infinity

  // compute y/x
  const k = (iy - ix) >> 20;
  let z: number;
  let quadrant = m;
  if (k > 60) {
    // |y/x| > 2^60: the angle is +-pi/2 whatever the sign of x (the
    // FreeBSD/V8 fix to fdlibm 5.3, which was 1 ulp off here for x < 0)
    z = PI_O_2 + 0.5 * PI_LO;
    quadrant = m & 1;
  } else if (hx < 0 && k < -60) z = 0.0; // |y|/x < -2^60
  else z = datan(Math.abs(y / x));
  switch (quadrant) {
    case 0:
      return z; // atan(+, +)
    case 1:
      return -z; // atan(-, +)
    case 2:
      return PI - (z - PI_LO); // atan(+, -)
    default:
      return z - PI_LO - PI; // atan(-, -)
  }
}
