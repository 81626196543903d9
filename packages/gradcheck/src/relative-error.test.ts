import { describe, expect, test } from "vitest";
import { relativeError } from "./relative-error.ts";

describe("relativeError", () => {
  test("is |a − n| / max(|a|, |n|)", () => {
    expect(relativeError(1, 1.1)).toBeCloseTo(0.1 / 1.1, 15);
    expect(relativeError(-2, 2)).toBe(2);
  });

  test("is scale-free: the same relative gap scores the same at any size", () => {
    expect(relativeError(1e-3, 1.001e-3)).toBeCloseTo(relativeError(1e3, 1.001e3), 12);
  });

  test("is symmetric in analytic and numeric", () => {
    expect(relativeError(3, 5)).toBe(relativeError(5, 3));
  });

  test("is 0 when both are exactly zero (the 1e-12 floor avoids 0/0)", () => {
    expect(relativeError(0, 0)).toBe(0);
  });

  test("divides by 1e-12 when both are tinier, so round-off near zero counts as agreement", () => {
    expect(relativeError(0, 1e-20)).toBeCloseTo(1e-8, 20);
  });

  test("is NaN when either side is NaN", () => {
    expect(relativeError(NaN, 1)).toBeNaN();
    expect(relativeError(1, NaN)).toBeNaN();
  });
});
