/**
 * A seeded pseudo-random number generator: xoshiro128** (Blackman & Vigna, 2018).
 *
 * Every lesson and test draws its randomness from one of these, so the same seed gives
 * the same weights, the same shuffles and the same printed numbers on every run.
 *
 * State: four 32-bit words, filled from the seed by SplitMix32 (so nearby seeds give
 * unrelated streams). Each step:
 *   result = rotl(s1 · 5, 7) · 9
 *   t = s1 << 9;  s2 ^= s0;  s3 ^= s1;  s1 ^= s2;  s0 ^= s3;  s2 ^= t;  s3 = rotl(s3, 11)
 */
export interface Rng {
  /** The next raw 32-bit output, as an unsigned integer in [0, 2³²). */
  nextUint32(): number;
  /** A uniform float in [low, high); [0, 1) by default. */
  uniform(low?: number, high?: number): number;
  /** A normal (Gaussian) sample with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** A uniform integer in [low, high): int(0, 10) is one of 0 … 9. */
  int(low: number, high: number): number;
  /** Shuffles an array in place (Fisher–Yates) and returns it. */
  shuffle<T extends ShuffleTarget>(items: T): T;
  /** 0 … n−1 in random order. */
  permutation(n: number): Int32Array;
}

/** Anything indexable with a length: a plain array or a typed array. */
export type ShuffleTarget = { length: number; [index: number]: unknown };

/** A generator seeded by an integer; the same seed always gives the same sequence. */
export function rng(seed: number): Rng {
  if (!Number.isInteger(seed)) {
    throw new Error(`rng: seed must be an integer; received ${seed}`);
  }
  // SplitMix32 turns one seed into four well-mixed state words.
  let mix = seed >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s0 = splitmix32();
  let s1 = splitmix32();
  let s2 = splitmix32();
  let s3 = splitmix32();
  let spareNormal: number | undefined; // Box–Muller makes two samples at a time

  const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };

  const uniform = (low = 0, high = 1): number => {
    if (!(high > low)) throw new Error(`rng.uniform: expected low < high; received low=${low}, high=${high}`);
    return low + (high - low) * (nextUint32() / 4294967296);
  };

  const normal = (mean = 0, std = 1): number => {
    if (!(std >= 0)) throw new Error(`rng.normal: std must be ≥ 0; received ${std}`);
    if (spareNormal !== undefined) {
      const z = spareNormal;
      spareNormal = undefined;
      return mean + std * z;
    }
    // Box–Muller: two uniforms u1 ∈ (0, 1], u2 ∈ [0, 1) give two independent N(0, 1).
    const u1 = 1 - nextUint32() / 4294967296;
    const u2 = nextUint32() / 4294967296;
    const radius = Math.sqrt(-2 * Math.log(u1));
    spareNormal = radius * Math.sin(2 * Math.PI * u2);
    return mean + std * radius * Math.cos(2 * Math.PI * u2);
  };

  const int = (low: number, high: number): number => {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new Error(`rng.int: expected integers low < high; received low=${low}, high=${high}`);
    }
    return low + Math.floor((nextUint32() / 4294967296) * (high - low));
  };

  const shuffle = <T extends ShuffleTarget>(items: T): T => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor((nextUint32() / 4294967296) * (i + 1));
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  };

  const permutation = (n: number): Int32Array => {
    if (!Number.isInteger(n) || n < 0) throw new Error(`rng.permutation: n must be a non-negative integer; received ${n}`);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return shuffle(order);
  };

  return { nextUint32, uniform, normal, int, shuffle, permutation };
}
