import { describe, test, expect } from "vitest";
import { rng } from "@gradschool/tensor";
import type { Rng } from "@gradschool/tensor";
import { blobs } from "./blobs.ts";

/** The mean of the rows labelled `label`, one number per feature. */
function classMean(x: Float64Array, y: Int32Array, features: number, label: number): number[] {
  const total = new Array<number>(features).fill(0);
  let count = 0;
  y.forEach((rowLabel, row) => {
    if (rowLabel !== label) return;
    for (let f = 0; f < features; f++) total[f] += x[row * features + f];
    count++;
  });
  return total.map((value) => value / count);
}

describe("blobs", () => {
  test("the same seed gives identical data; a different seed gives different data", () => {
    const a = blobs({ samples: 30, centers: 3, rng: rng(5) });
    const b = blobs({ samples: 30, centers: 3, rng: rng(5) });
    const c = blobs({ samples: 30, centers: 3, rng: rng(6) });
    expect(a.x.data).toEqual(b.x.data);
    expect(a.centers.data).toEqual(b.centers.data);
    expect(a.x.data).not.toEqual(c.x.data);
  });

  test("each cluster's sample mean lies near its explicit center", () => {
    const centers = [[-5, 0], [5, 0], [0, 8]];
    const { x, y, classes } = blobs({ samples: 3000, centers, std: 0.5, rng: rng(7) });
    expect(x.shape).toEqual([3000, 2]);
    expect(classes).toBe(3);
    centers.forEach((center, k) => {
      const mean = classMean(x.data, y, 2, k);
      // The standard error of a mean of 1000 draws with std 0.5 is 0.016; 0.06 is ~4 of them.
      mean.forEach((value, f) => expect(Math.abs(value - center[f])).toBeLessThan(0.06));
    });
  });

  test("the spread of each cluster matches std", () => {
    const { x } = blobs({ samples: 4000, centers: [[0, 0]], std: 2, rng: rng(8) });
    let sumOfSquares = 0;
    for (const value of x.data) sumOfSquares += value * value;
    expect(Math.sqrt(sumOfSquares / x.size)).toBeCloseTo(2, 1);
  });

  test("shares the samples evenly, the first clusters taking the remainder, rows grouped by cluster", () => {
    const { y } = blobs({ samples: 11, centers: 3, rng: rng(9) });
    expect(Array.from(y)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
  });

  test("random centers lie in [−10, 10) in every feature, and features sets the dimension", () => {
    const { x, centers } = blobs({ samples: 20, centers: 4, features: 5, rng: rng(10) });
    expect(x.shape).toEqual([20, 5]);
    expect(centers.shape).toEqual([4, 5]);
    for (const value of centers.data) expect(value >= -10 && value < 10).toBe(true);
  });

  test("with std 0 every point sits exactly on its center", () => {
    const { x } = blobs({ samples: 4, centers: [[1, 2], [3, 4]], std: 0, rng: rng(0) });
    expect(x.toArray()).toEqual([[1, 2], [1, 2], [3, 4], [3, 4]]);
  });

  test("rejects bad arguments, naming blobs and the value received", () => {
    const r = rng(0);
    expect(() => blobs({ samples: 0, rng: r })).toThrow(/blobs: samples must be a positive integer; received 0/);
    expect(() => blobs({ std: -0.1, rng: r })).toThrow(/blobs: std must be a finite number ≥ 0; received -0.1/);
    expect(() => blobs({ centers: 0, rng: r })).toThrow(/blobs: centers must be a positive integer; received 0/);
    expect(() => blobs({ centers: [], rng: r })).toThrow(/blobs: centers is an empty list/);
    expect(() => blobs({ centers: [[0, 0], [1]], rng: r })).toThrow(/blobs: center 1 has 1 coordinates but center 0 has 2/);
    expect(() => blobs({ centers: [[0, 0]], features: 3, rng: r })).toThrow(/blobs: features is 3 but the centers have 2/);
  });

  test("says how to pass an rng when it is missing", () => {
    expect(() => blobs({ rng: undefined as unknown as Rng })).toThrow(/blobs: options.rng is required; pass \{ rng: rng\(seed\) \}/);
  });
});
