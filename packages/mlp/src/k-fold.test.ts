import { describe, expect, test } from "vitest";
import { rng } from "@gradschool/tensor";
import { type Fold, kFold, stratifiedKFold } from "./k-fold.ts";

/** Checks the promises every set of folds keeps, and returns the validation sizes. */
function expectValidFolds(folds: Fold[], count: number, k: number): number[] {
  expect(folds.length).toBe(k);
  const timesValidated = new Int32Array(count);
  for (const { train, validation } of folds) {
    for (const index of validation) timesValidated[index]++;
    // train and validation are disjoint and together hold every sample
    expect([...train, ...validation].sort((a, b) => a - b)).toEqual([...Array(count).keys()]);
    expect([...train]).toEqual([...train].sort((a, b) => a - b)); // ascending
  }
  expect([...timesValidated]).toEqual(Array(count).fill(1)); // each sample validated exactly once
  const sizes = folds.map((fold) => fold.validation.length);
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  return sizes;
}

const imbalanced = Int32Array.from([...Array(50).fill(0), ...Array(30).fill(1), ...Array(13).fill(2), ...Array(7).fill(3)]);

describe("kFold", () => {
  test("every sample is a validation sample exactly once, and fold sizes differ by at most 1", () => {
    for (const [count, k] of [[10, 5], [23, 5], [7, 7], [100, 3], [2, 2]]) {
      expectValidFolds(kFold(count, k, { rng: rng(count) }), count, k);
    }
  });

  test("the first count mod k folds get the extra sample, as scikit-learn's KFold", () => {
    expect(expectValidFolds(kFold(23, 5, { rng: rng(1) }), 23, 5)).toEqual([5, 5, 5, 4, 4]);
  });

  test("the folds are shuffled with the seed: the same seed gives the same folds", () => {
    const folds = (seed: number) => kFold(20, 4, { rng: rng(seed) }).map((fold) => [...fold.validation]);
    expect(folds(2)).toEqual(folds(2));
    expect(folds(2)).not.toEqual(folds(3));
    expect(folds(2)[0]).not.toEqual([0, 1, 2, 3, 4]);
  });

  test("k below 2, above the sample count, or not an integer is rejected", () => {
    expect(() => kFold(10, 1, { rng: rng(0) })).toThrow(/kFold: k must be an integer ≥ 2.*received 1/);
    expect(() => kFold(10, 2.5, { rng: rng(0) })).toThrow(/kFold: k must be .*received 2\.5/);
    expect(() => kFold(4, 5, { rng: rng(0) })).toThrow(/kFold: k = 5 folds of 4 samples would leave some folds empty; expected k ≤ 4/);
    expect(() => kFold(-3, 2, { rng: rng(0) })).toThrow(/kFold: count must be a non-negative integer.*received -3/);
  });
});

describe("stratifiedKFold", () => {
  test("every sample is a validation sample exactly once, and fold sizes differ by at most 1", () => {
    for (const k of [2, 3, 5, 7, 10]) expectValidFolds(stratifiedKFold(imbalanced, k, { rng: rng(k) }), 100, k);
  });

  test("each fold holds each class's share: counts differ by at most 1 from fold to fold", () => {
    for (const k of [3, 5, 10]) {
      const folds = stratifiedKFold(imbalanced, k, { rng: rng(20 + k) });
      for (const label of [0, 1, 2, 3]) {
        const perFold = folds.map((fold) => [...fold.validation].filter((index) => imbalanced[index] === label).length);
        expect(Math.max(...perFold) - Math.min(...perFold)).toBeLessThanOrEqual(1);
      }
    }
  });

  test("the same seed gives the same folds", () => {
    const folds = () => stratifiedKFold(imbalanced, 4, { rng: rng(9) }).map((fold) => [...fold.validation]);
    expect(folds()).toEqual(folds());
  });

  test("bad labels or k are rejected, naming what was received", () => {
    expect(() => stratifiedKFold([0, 1, 0, 1] as never, 2, { rng: rng(0) })).toThrow(
      /stratifiedKFold: labels must be an Int32Array of class indices; received a plain array/,
    );
    expect(() => stratifiedKFold(new Int32Array(3), 4, { rng: rng(0) })).toThrow(/stratifiedKFold: k = 4 folds of 3 samples/);
    expect(() => stratifiedKFold(new Int32Array(3), 0, { rng: rng(0) })).toThrow(/stratifiedKFold: k must be an integer ≥ 2/);
  });
});
