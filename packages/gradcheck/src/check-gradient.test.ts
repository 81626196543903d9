import { describe, expect, test } from "vitest";
import { type Tensor, clone, map, randn, rng, sum, tensor, zeros } from "@gradschool/tensor";
import { checkGradient } from "./check-gradient.ts";

// L = Σ tanh(x)  ⇒  dL/dx = 1 − tanh(x)²
const sumOfTanh = (x: Tensor): number => sum(map(x, Math.tanh));
const tanhGradient = (x: Tensor): Tensor => map(x, (value) => 1 - Math.tanh(value) ** 2);

describe("checkGradient", () => {
  test("passes tanh's derivative 1 − tanh² with a relative error below 1e-6", () => {
    const x = randn([3, 4], rng(10));
    const report = checkGradient(sumOfTanh, x, tanhGradient(x));
    expect(report.ok).toBe(true);
    expect(report.maxRelError).toBeLessThan(1e-6);
    expect(report.shape).toEqual([3, 4]);
    expect(report.tolerance).toBe(1e-6);
  });

  test("reports one wrong element first, at exactly its multi-index [1, 2]", () => {
    const x = randn([3, 4], rng(11));
    const analytic = tanhGradient(x);
    analytic.set(analytic.get(1, 2) * 1.5, 1, 2);
    const report = checkGradient(sumOfTanh, x, analytic);
    expect(report.ok).toBe(false);
    expect(report.worst[0].index).toEqual([1, 2]);
    expect(report.worst[0].analytic).toBe(analytic.get(1, 2));
    expect(report.worst[0].relError).toBeCloseTo(1 / 3, 6); // |1.5a − a| / 1.5a
    expect(report.maxRelError).toBe(report.worst[0].relError);
    expect(report.worst[1].relError).toBeLessThan(1e-6);
  });

  test("finds a wrong element by its multi-index in a rank-3 tensor", () => {
    const x = randn([2, 3, 4], rng(12));
    const analytic = tanhGradient(x);
    analytic.set(0, 1, 0, 3);
    expect(checkGradient(sumOfTanh, x, analytic).worst[0].index).toEqual([1, 0, 3]);
  });

  test("lists the `worst` elements sorted worst first", () => {
    const x = randn([10], rng(13));
    const analytic = map(tanhGradient(x), (value, i) => value * (1 + i / 10)); // element i off by i/10
    const report = checkGradient(sumOfTanh, x, analytic, { worst: 3 });
    expect(report.worst.map((entry) => entry.index)).toEqual([[9], [8], [7]]);
    const relErrors = report.worst.map((entry) => entry.relError);
    expect(relErrors).toEqual([...relErrors].sort((a, b) => b - a));
  });

  test("fails on a NaN in the analytic gradient and ranks it worst", () => {
    const x = randn([2, 3], rng(14));
    const analytic = tanhGradient(x);
    analytic.set(NaN, 0, 1);
    const report = checkGradient(sumOfTanh, x, analytic);
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeNaN();
    expect(report.worst[0].index).toEqual([0, 1]);
    expect(report.worst[0].relError).toBeNaN();
  });

  test("fails when f itself returns NaN, however good the analytic gradient", () => {
    const x = randn([2], rng(15));
    expect(checkGradient(() => NaN, x, zeros([2])).ok).toBe(false);
  });

  test("a gradient off by 1e-4 fails the default tolerance but passes a tolerance of 1e-3", () => {
    const x = randn([4], rng(16));
    const analytic = map(tanhGradient(x), (value) => value * (1 + 1e-4));
    expect(checkGradient(sumOfTanh, x, analytic).ok).toBe(false);
    expect(checkGradient(sumOfTanh, x, analytic, { tolerance: 1e-3 }).ok).toBe(true);
  });

  test("leaves x unchanged", () => {
    const x = randn([3, 3], rng(17));
    const before = clone(x);
    checkGradient(sumOfTanh, x, tanhGradient(x));
    expect(x.data).toEqual(before.data);
  });

  test("rejects a gradient whose shape differs from x, naming both shapes", () => {
    const x = randn([2, 3], rng(18));
    expect(() => checkGradient(sumOfTanh, x, zeros([3, 2]))).toThrow(
      /checkGradient: shapes differ — x is \[2, 3\], analytic gradient is \[3, 2\]/,
    );
  });

  test("rejects a `worst` that is not a non-negative integer", () => {
    expect(() => checkGradient(sumOfTanh, tensor([1]), tensor([0]), { worst: -1 })).toThrow(/checkGradient: worst .*received -1/);
  });
});
