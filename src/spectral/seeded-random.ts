/** A reproducible random source: same seed, same numbers, on every machine. */
export interface SeededRandom {
  /** Next 32-bit output of xoshiro128**, an integer in [0, 2³²). */
  uint32(): number;
  /** Uniform double in [0, 1) with 53 random bits (two uint32 draws). */
  uniform(): number;
  /** Standard normal deviate (mean 0, variance 1), Marsaglia's polar method. */
  normal(): number;
}

/** SplitMix32 step: golden-ratio increment, then MurmurHash3's fmix32 finalizer. */
function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * xoshiro128** seeded through SplitMix32, with uniform and Gaussian draws.
 *
 *     out = rotl(s1·5, 7)·9;  t = s1 ≪ 9;  s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t;
 *     s3 = rotl(s3, 11)       (all mod 2³²)
 *
 * Parameters
 * ----------
 * seed : integer in [0, 2³²). Expanded into the 128-bit state by four SplitMix32 outputs,
 *   so nearby seeds give unrelated streams.
 *
 * Notes
 * -----
 * The integer stream uses only Math.imul, shifts and xor, so it is bit-identical everywhere.
 * uniform() = (⌊a/2⁵⌋·2²⁶ + ⌊b/2⁶⌋)/2⁵³ is exact. normal() draws (u, v) uniform on the unit
 * disc and returns u·√(−2 ln s / s), then v·√(−2 ln s / s) (s = u² + v²); it needs Math.log,
 * which V8 computes in software (an fdlibm port), so Node gives the same bits on every
 * platform. Not for cryptography.
 *
 * References
 * ----------
 * D. Blackman and S. Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4),
 * 2021 (prng.di.unimi.it/xoshiro128starstar.c); G. Steele, D. Lea, C. Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014; G. Marsaglia and T. A. Bray, "A convenient
 * method for generating normal variables", SIAM Review 6(3), 1964.
 */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isInteger(seed) || seed < 0 || seed >= 2 ** 32) {
    throw new RangeError(`seed must be an integer in [0, 2^32) (got ${seed})`);
  }
  const s = new Uint32Array(4);
  let state = seed | 0;
  for (let i = 0; i < 4; i++) [state, s[i]] = splitmix32(state);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point

  const uint32 = (): number => {
    const s1 = s[1];
    const r = Math.imul(s1, 5);
    const result = Math.imul((r << 7) | (r >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = (s[3] << 11) | (s[3] >>> 21);
    return result;
  };
  const uniform = (): number => ((uint32() >>> 5) * 67108864 + (uint32() >>> 6)) / 9007199254740992;
  let spare = NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = NaN;
      return v;
    }
    let u: number, v: number, q: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      q = u * u + v * v;
    } while (q >= 1 || q === 0);
    const f = Math.sqrt((-2 * Math.log(q)) / q);
    spare = v * f;
    return u * f;
  };
  return { uint32, uniform, normal };
}
