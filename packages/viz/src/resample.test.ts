import { describe, expect, test } from "vitest";
import { fillGaps, resample } from "./resample.ts";

describe("resample", () => {
  test("returns exactly the number of columns asked for, long or short", () => {
    const long = Array.from({ length: 2000 }, (_, i) => i);
    expect(resample(long, 70)).toHaveLength(70);
    expect(resample([1, 2, 3], 70)).toHaveLength(70);
    expect(resample([5], 4)).toEqual([5, 5, 5, 5]);
  });

  test("a long series becomes the mean of each equal bucket", () => {
    expect(resample([1, 3, 5, 7, 9, 11], 3)).toEqual([2, 6, 10]);
    // 5 values in 2 columns: buckets [0, 2) and [2, 5).
    expect(resample([0, 2, 4, 6, 8], 2)).toEqual([1, 6]);
  });

  test("a short series is interpolated linearly from its first value to its last", () => {
    expect(resample([0, 10], 5)).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(resample([4, 2, 0], 5)).toEqual([4, 3, 2, 1, 0]);
  });

  test("a shorter series spreads over the run, each value at the end of its share", () => {
    // 2 values over a run of 4 steps: recorded at steps 2 and 4; nothing before step 2.
    expect(resample([1, 2], 4, 4)).toEqual([NaN, 1, 1.5, 2]);
    // 5 epochs over 1000 steps, 10 columns of 100 steps: epoch e ends at column 2e − 1.
    const epochs = resample([5, 4, 3, 2, 1], 10, 1000);
    expect(epochs.filter((_, column) => column % 2 === 1)).toEqual([5, 4, 3, 2, 1]);
    expect(Number.isNaN(epochs[0])).toBe(true);
  });

  test("rejects a run shorter than the series", () => {
    expect(() => resample([1, 2, 3], 2, 2)).toThrow(/resample: runLength 2 is shorter than the series \(3 values\)/);
  });

  test("bucket means skip NaN and Infinity, and a bucket of nothing else is NaN", () => {
    expect(resample([1, NaN, 3, Infinity, NaN, NaN], 3)).toEqual([1, 3, NaN]);
  });

  test("rejects a column count that is not a positive integer", () => {
    expect(() => resample([1, 2], 0)).toThrow(/resample: columns must be a positive integer; received 0/);
  });
});

describe("fillGaps", () => {
  test("bridges a gap between known points with a straight line", () => {
    expect(fillGaps([0, NaN, NaN, 3])).toEqual([0, 1, 2, 3]);
  });

  test("cuts trailing gaps off, so a diverged run stops where it diverged", () => {
    expect(fillGaps([3, 2, NaN, NaN])).toEqual([3, 2]);
  });

  test("gives leading gaps the first known value, and an all-unknown series is empty", () => {
    expect(fillGaps([NaN, 5, 4])).toEqual([5, 5, 4]);
    expect(fillGaps([NaN, NaN])).toEqual([]);
  });
});
