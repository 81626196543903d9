import { describe, test, expect } from "vitest";
import { allClose } from "./compare.ts";
import { tensor } from "./tensor.ts";

describe("allClose: |a − b| ≤ atol + rtol · |b| for every element", () => {
  test("identical tensors are close", () => {
    expect(allClose(tensor([[1, 2], [3, 4]]), tensor([[1, 2], [3, 4]]))).toBe(true);
  });

  test("the defaults (rtol 1e-9, atol 1e-12) accept rounding error and reject real differences", () => {
    expect(allClose(tensor([0.1 + 0.2]), tensor([0.3]))).toBe(true);
    expect(allClose(tensor([1]), tensor([1 + 1e-6]))).toBe(false);
  });

  test("atol bounds the difference near zero", () => {
    expect(allClose(tensor([0, 1e-3]), tensor([0, 0]), { atol: 1e-3, rtol: 0 })).toBe(true);
    expect(allClose(tensor([0, 2e-3]), tensor([0, 0]), { atol: 1e-3, rtol: 0 })).toBe(false);
  });

  test("rtol bounds the difference relative to the size of b", () => {
    expect(allClose(tensor([1000.5]), tensor([1000]), { rtol: 1e-3, atol: 0 })).toBe(true);
    expect(allClose(tensor([1002]), tensor([1000]), { rtol: 1e-3, atol: 0 })).toBe(false);
  });

  test("the two tolerances add up", () => {
    // |10.55 − 10| = 0.55: more than atol = 0.5 alone or rtol · |b| = 0.1 alone, less than both.
    const a = tensor([10.55]);
    const b = tensor([10]);
    expect(allClose(a, b, { atol: 0.5, rtol: 0 })).toBe(false);
    expect(allClose(a, b, { atol: 0, rtol: 0.01 })).toBe(false);
    expect(allClose(a, b, { atol: 0.5, rtol: 0.01 })).toBe(true);
  });

  test("like numpy, the rule is measured against b, so it is not symmetric", () => {
    // |5 − 10| = 5 ≤ 0.5 · |10|, but |10 − 5| = 5 > 0.5 · |5|.
    expect(allClose(tensor([5]), tensor([10]), { rtol: 0.5, atol: 0 })).toBe(true);
    expect(allClose(tensor([10]), tensor([5]), { rtol: 0.5, atol: 0 })).toBe(false);
  });

  test("one element out of tolerance is enough to fail", () => {
    expect(allClose(tensor([1, 2, 3, 4]), tensor([1, 2, 3.1, 4]))).toBe(false);
  });

  test("tensors of different shapes are never close, even with the same elements", () => {
    expect(allClose(tensor([[1, 2, 3], [4, 5, 6]]), tensor([[1, 2], [3, 4], [5, 6]]))).toBe(false);
    expect(allClose(tensor([1, 2]), tensor([[1, 2]]))).toBe(false);
  });

  test("NaN is never close to anything, not even NaN", () => {
    expect(allClose(tensor([NaN]), tensor([NaN]))).toBe(false);
    expect(allClose(tensor([NaN]), tensor([0]), { atol: Infinity })).toBe(false);
    expect(allClose(tensor([0]), tensor([NaN]), { atol: 1e9 })).toBe(false);
  });

  test("equal infinities are close", () => {
    expect(allClose(tensor([Infinity, -Infinity]), tensor([Infinity, -Infinity]))).toBe(true);
  });

  test("an infinity is not close to a finite b", () => {
    expect(allClose(tensor([Infinity]), tensor([1]))).toBe(false);
  });

  // Known bug: with b = ±∞ the bound atol + rtol·|b| is itself ∞, so any a passes.
  test("a finite a is not close to an infinite b", () => {
    expect(allClose(tensor([1]), tensor([Infinity]))).toBe(false);
  });

  test("+Infinity is not close to −Infinity", () => {
    expect(allClose(tensor([Infinity]), tensor([-Infinity]))).toBe(false);
  });
});
