import { describe, test, expect } from "vitest";
import { rng } from "./rng.ts";
import type { Rng } from "./rng.ts";

const DRAWS = 100_000;

/** `count` results of `next()`, called with no arguments. */
function draws(count: number, next: () => number): number[] {
  return Array.from({ length: count }, () => next());
}

function meanOf(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

function stdOf(values: readonly number[]): number {
  const mu = meanOf(values);
  return Math.sqrt(meanOf(values.map((value) => (value - mu) ** 2)));
}

describe("rng: xoshiro128** seeded by SplitMix32", () => {
  // Checked against the reference C implementation of both algorithms.
  test("rng(42) starts 2837322924, 544945897, 479756282, 3500138142, 339756180", () => {
    const random = rng(42);
    expect(draws(5, random.nextUint32)).toEqual([2837322924, 544945897, 479756282, 3500138142, 339756180]);
  });

  test("rng(0) starts 3809008728, 1133695204, 53579671, 2891528803, 139681546", () => {
    const random = rng(0);
    expect(draws(5, random.nextUint32)).toEqual([3809008728, 1133695204, 53579671, 2891528803, 139681546]);
  });

  test("the same seed gives the same sequence", () => {
    const first = rng(1234);
    const second = rng(1234);
    expect(draws(1000, first.nextUint32)).toEqual(draws(1000, second.nextUint32));
  });

  test("neighbouring seeds give unrelated sequences", () => {
    const streams = [1, 2, 3].map((seed) => draws(5, rng(seed).nextUint32));
    expect(streams[0]).not.toEqual(streams[1]);
    expect(streams[1]).not.toEqual(streams[2]);
    // Not even one position agrees: SplitMix32 scatters nearby seeds.
    expect(streams[0].some((value, i) => value === streams[1][i])).toBe(false);
  });

  test("nextUint32 returns unsigned 32-bit integers", () => {
    const random = rng(5);
    for (const value of draws(10_000, random.nextUint32)) {
      expect(Number.isInteger(value) && value >= 0 && value < 2 ** 32).toBe(true);
    }
  });

  test("a non-integer seed throws naming rng", () => {
    expect(() => rng(1.5)).toThrow(/rng: seed must be an integer; received 1.5/);
  });
});

describe("rng.uniform", () => {
  test("draws from [0, 1) with mean 0.5 ± 0.005 over 100k draws", () => {
    // The mean of 100k uniforms has standard deviation √(1/12/100000) ≈ 0.0009.
    const values = draws(DRAWS, rng(1).uniform);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(Math.abs(meanOf(values) - 0.5)).toBeLessThan(0.005);
  });

  test("uniform(low, high) stays inside [low, high) and is centred between them", () => {
    const random = rng(2);
    const values = draws(DRAWS, () => random.uniform(-3, 5));
    expect(values.every((value) => value >= -3 && value < 5)).toBe(true);
    expect(Math.abs(meanOf(values) - 1)).toBeLessThan(0.04);
  });

  test("rejects an empty or reversed range, naming rng.uniform", () => {
    expect(() => rng(0).uniform(1, 1)).toThrow(/rng.uniform: expected low < high; received low=1, high=1/);
    expect(() => rng(0).uniform(2, 1)).toThrow(/rng.uniform: .*low=2, high=1/);
    expect(() => rng(0).uniform(0, NaN)).toThrow(/rng.uniform: /);
  });
});

describe("rng.normal", () => {
  test("has mean 0 ± 0.02 and std 1 ± 0.01 over 100k draws", () => {
    // Standard errors: 1/√100000 ≈ 0.003 for the mean, 1/√200000 ≈ 0.002 for the std.
    const values = draws(DRAWS, rng(3).normal);
    expect(Math.abs(meanOf(values))).toBeLessThan(0.02);
    expect(Math.abs(stdOf(values) - 1)).toBeLessThan(0.01);
  });

  test("normal(mean, std) shifts and scales the samples", () => {
    const random = rng(4);
    const values = draws(DRAWS, () => random.normal(5, 2));
    expect(Math.abs(meanOf(values) - 5)).toBeLessThan(0.04);
    expect(Math.abs(stdOf(values) - 2)).toBeLessThan(0.02);
  });

  test("about 68% of samples fall within one std of the mean", () => {
    const values = draws(DRAWS, rng(6).normal);
    const inside = values.filter((value) => Math.abs(value) < 1).length / values.length;
    expect(Math.abs(inside - 0.6827)).toBeLessThan(0.01);
  });

  test("std 0 always returns the mean", () => {
    const random = rng(7);
    expect(draws(4, () => random.normal(3, 0))).toEqual([3, 3, 3, 3]);
  });

  test("a negative std throws naming rng.normal", () => {
    expect(() => rng(0).normal(0, -1)).toThrow(/rng.normal: std must be ≥ 0; received -1/);
  });
});

describe("rng.int", () => {
  test("int(low, high) covers exactly low … high − 1", () => {
    const random = rng(8);
    const seen = new Set(draws(10_000, () => random.int(-3, 4)));
    expect([...seen].sort((a, b) => a - b)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
  });

  test("each of ten values turns up about 10% of the time", () => {
    const random = rng(9);
    const counts = new Array<number>(10).fill(0);
    for (const value of draws(DRAWS, () => random.int(0, 10))) counts[value]++;
    for (const count of counts) expect(Math.abs(count / DRAWS - 0.1)).toBeLessThan(0.005);
  });

  test("int(low, low + 1) is always low", () => {
    const random = rng(10);
    expect(draws(5, () => random.int(7, 8))).toEqual([7, 7, 7, 7, 7]);
  });

  test("rejects non-integers and empty ranges, naming rng.int", () => {
    const random = rng(0);
    expect(() => random.int(3, 3)).toThrow(/rng.int: expected integers low < high; received low=3, high=3/);
    expect(() => random.int(0.5, 3)).toThrow(/rng.int: .*low=0.5/);
    expect(() => random.int(0, Infinity)).toThrow(/rng.int: .*high=Infinity/);
  });
});

describe("rng.shuffle and rng.permutation", () => {
  const isPermutationOf = (items: ArrayLike<number>, n: number) =>
    Array.from(items).sort((a, b) => a - b).every((value, i) => value === i) && items.length === n;

  test("shuffle reorders an array in place and returns it", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const result = rng(11).shuffle(items);
    expect(result).toBe(items);
    expect(isPermutationOf(items, 20)).toBe(true);
    expect(items).not.toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  test("shuffle is deterministic for a given seed", () => {
    const shuffled = (random: Rng) => random.shuffle(["a", "b", "c", "d", "e", "f"]);
    expect(shuffled(rng(12))).toEqual(shuffled(rng(12)));
    expect(shuffled(rng(12))).not.toEqual(shuffled(rng(13)));
  });

  test("shuffle works on typed arrays and leaves empty and single arrays alone", () => {
    expect(isPermutationOf(rng(14).shuffle(Float64Array.of(0, 1, 2, 3, 4)), 5)).toBe(true);
    expect(rng(14).shuffle([])).toEqual([]);
    expect(rng(14).shuffle([42])).toEqual([42]);
  });

  test("every arrangement of three items is about equally likely", () => {
    const random = rng(15);
    const counts = new Map<string, number>();
    for (let i = 0; i < 60_000; i++) {
      const key = random.shuffle([0, 1, 2]).join("");
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const count of counts.values()) expect(Math.abs(count / 60_000 - 1 / 6)).toBeLessThan(0.01);
  });

  test("permutation(n) contains every index 0 … n−1 exactly once", () => {
    const order = rng(16).permutation(1000);
    expect(order).toBeInstanceOf(Int32Array);
    expect(isPermutationOf(order, 1000)).toBe(true);
    expect(rng(16).permutation(0).length).toBe(0);
  });

  test("permutation is deterministic for a given seed", () => {
    expect(rng(17).permutation(50)).toEqual(rng(17).permutation(50));
  });

  test("permutation rejects a negative or fractional n, naming rng.permutation", () => {
    expect(() => rng(0).permutation(-1)).toThrow(/rng.permutation: n must be a non-negative integer; received -1/);
    expect(() => rng(0).permutation(2.5)).toThrow(/rng.permutation: .*received 2.5/);
  });
});
