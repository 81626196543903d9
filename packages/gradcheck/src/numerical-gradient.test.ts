import { describe, expect, test } from "vitest";
import { type Tensor, allClose, map, randn, rng, scale, sum, tensor } from "@gradschool/tensor";
import { numericalGradient } from "./numerical-gradient.ts";

const sumOfSquares = (x: Tensor): number => sum(map(x, (value) => value * value));

describe("numericalGradient", () => {
  test("the gradient of Σx² is 2x", () => {
    const x = randn([3, 4], rng(1));
    expect(allClose(numericalGradient(sumOfSquares, x), scale(x, 2), { rtol: 0, atol: 1e-8 })).toBe(true);
  });

  test("the gradient of Σ sin(x) is cos(x)", () => {
    const x = randn([2, 3, 2], rng(2));
    const numeric = numericalGradient((t) => sum(map(t, Math.sin)), x);
    expect(numeric.shape).toEqual([2, 3, 2]);
    expect(allClose(numeric, map(x, Math.cos), { rtol: 0, atol: 1e-8 })).toBe(true);
  });

  test("x is left exactly as it was, bit for bit", () => {
    const x = randn([4, 5], rng(3), 10); // large values, where undoing ±eps by arithmetic does not always round-trip
    const before = x.data.slice();
    numericalGradient(sumOfSquares, x);
    expect(x.data).toEqual(before);
  });

  test("f sees x perturbed in place, one element at a time, by ±eps", () => {
    const x = tensor([1, 2]);
    const seen: number[][] = [];
    numericalGradient((t) => (seen.push([...t.data]), 0), x, 0.5);
    expect(seen).toEqual([[1.5, 2], [0.5, 2], [1, 2.5], [1, 1.5]]);
  });

  test("x is restored even when f throws halfway", () => {
    const x = tensor([1, 2, 3]);
    let calls = 0;
    const explode = (): number => {
      if (++calls === 3) throw new Error("boom");
      return 0;
    };
    expect(() => numericalGradient(explode, x)).toThrow("boom");
    expect([...x.data]).toEqual([1, 2, 3]);
  });

  test("the error of central differences is O(eps²): halving eps quarters it", () => {
    // d/dx Σ eˣ = eˣ, and the leading error term is eps²/6 · eˣ.
    const x = tensor([1]);
    const errorAt = (eps: number): number => Math.abs(numericalGradient((t) => sum(map(t, Math.exp)), x, eps).data[0] - Math.E);
    const ratio = errorAt(1e-2) / errorAt(5e-3);
    expect(ratio).toBeGreaterThan(3.9);
    expect(ratio).toBeLessThan(4.1);
  });

  test("a scalar tensor (shape []) has a scalar gradient", () => {
    const numeric = numericalGradient((t) => t.data[0] ** 3, tensor(2));
    expect(numeric.shape).toEqual([]);
    expect(numeric.item()).toBeCloseTo(12, 8);
  });

  test("rejects an eps that is not a small positive number", () => {
    expect(() => numericalGradient(sumOfSquares, tensor([1]), 0)).toThrow(/numericalGradient: eps .*received 0/);
    expect(() => numericalGradient(sumOfSquares, tensor([1]), -1e-5)).toThrow(/numericalGradient: eps/);
  });

  test("rejects an f that returns a tensor instead of a number", () => {
    const returnsTensor = ((t: Tensor) => scale(t, 2)) as unknown as (t: Tensor) => number;
    expect(() => numericalGradient(returnsTensor, tensor([[1, 2]]))).toThrow(
      /numericalGradient: f must return a number .*received a tensor of shape \[1, 2\]/,
    );
  });
});
