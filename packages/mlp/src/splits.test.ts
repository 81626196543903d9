import { describe, expect, test } from "vitest";
import { arange, reshape, rng, tensor } from "@gradschool/tensor";
import { stratifiedSplit, trainTestSplit } from "./splits.ts";

/** x whose row i is [i, 10·i], so every row says which sample it was. */
function numberedRows(count: number) {
  return reshape(tensor(Array.from({ length: count }, (_, i) => [i, 10 * i]).flat()), [count, 2]);
}

/** Imbalanced labels: 50 of class 0, 30 of class 1, 13 of class 2, 7 of class 3, sorted by class. */
const imbalanced = Int32Array.from([...Array(50).fill(0), ...Array(30).fill(1), ...Array(13).fill(2), ...Array(7).fill(3)]);

const countOf = (labels: Int32Array, label: number): number => labels.filter((l) => l === label).length;

describe("trainTestSplit", () => {
  test("puts ⌈testFraction · count⌉ samples in the test set and the rest in training, each exactly once", () => {
    const x = numberedRows(10);
    const y = Int32Array.from({ length: 10 }, (_, i) => i);
    const { xTrain, yTrain, xTest, yTest } = trainTestSplit(x, y, { testFraction: 0.25, rng: rng(1) });
    expect([xTrain.shape, xTest.shape]).toEqual([[7, 2], [3, 2]]);
    expect([...yTrain, ...yTest].sort((a, b) => a - b)).toEqual([...y]);
    for (const [rows, labels] of [[xTrain, yTrain], [xTest, yTest]] as const) {
      labels.forEach((label, r) => expect([rows.get(r, 0), rows.get(r, 1)]).toEqual([label, 10 * label])); // rows stay paired with labels
    }
  });

  test("0.7 of 10 samples is 7, not the 8 floating point would give (0.7 · 10 = 7.000000000000001)", () => {
    const { yTest } = trainTestSplit(numberedRows(10), new Int32Array(10), { testFraction: 0.7, rng: rng(2) });
    expect(yTest.length).toBe(7);
  });

  test("shuffles with the seed: the same seed gives the same split, another seed a different one", () => {
    const [x, y] = [numberedRows(50), Int32Array.from({ length: 50 }, (_, i) => i)];
    const split = (seed: number) => [...trainTestSplit(x, y, { testFraction: 0.2, rng: rng(seed) }).yTest];
    expect(split(3)).toEqual(split(3));
    expect(split(3)).not.toEqual(split(4));
    expect(split(3)).not.toEqual([...Array(10).keys()]); // not simply the first rows
  });

  test("splits a Tensor of targets too, keeping each row with its sample", () => {
    const x = numberedRows(6);
    const y = reshape(arange(0, 6), [6, 1]);
    const { xTest, yTest } = trainTestSplit(x, y, { testFraction: 0.5, rng: rng(5) });
    expect(yTest.shape).toEqual([3, 1]);
    for (let r = 0; r < 3; r++) expect(yTest.get(r, 0)).toBe(xTest.get(r, 0));
  });

  test("a testFraction outside (0, 1) is rejected", () => {
    const [x, y] = [numberedRows(4), new Int32Array(4)];
    for (const testFraction of [0, 1, -0.2, 1.5, Number.NaN]) {
      expect(() => trainTestSplit(x, y, { testFraction, rng: rng(0) })).toThrow(
        new RegExp(`trainTestSplit: testFraction must be strictly between 0 and 1.*received ${testFraction}`),
      );
    }
  });

  test("a split that would leave the training set empty is rejected, showing the arithmetic", () => {
    expect(() => trainTestSplit(numberedRows(2), new Int32Array(2), { testFraction: 0.6, rng: rng(0) })).toThrow(
      /trainTestSplit: testFraction 0\.6 of 2 samples puts ⌈0\.6 · 2⌉ = 2 in the test set and leaves none for training/,
    );
  });

  test("x and y of different lengths are rejected, naming both", () => {
    expect(() => trainTestSplit(numberedRows(5), new Int32Array(4), { testFraction: 0.2, rng: rng(0) })).toThrow(
      /trainTestSplit: x has 5 samples \(\[5, 2\]\) but y has 4/,
    );
  });
});

describe("stratifiedSplit", () => {
  test("keeps every class's test count within one sample of testFraction · its size", () => {
    for (const testFraction of [0.1, 0.2, 0.25, 0.33, 0.5, 0.8]) {
      for (const seed of [1, 2, 3]) {
        const { yTest } = stratifiedSplit(numberedRows(100), imbalanced, { testFraction, rng: rng(seed) });
        for (const label of [0, 1, 2, 3]) {
          expect(Math.abs(countOf(yTest, label) - testFraction * countOf(imbalanced, label))).toBeLessThanOrEqual(1);
        }
        expect(yTest.length).toBe(Math.ceil(testFraction * 100 - 1e-9)); // the same total as trainTestSplit
      }
    }
  });

  test("a rare class still reaches the test set, where a plain shuffle can miss it", () => {
    const labels = Int32Array.from([...Array(95).fill(0), ...Array(5).fill(1)]);
    const rareInTest = (split: typeof stratifiedSplit) =>
      Array.from({ length: 20 }, (_, seed) => countOf(split(numberedRows(100), labels, { testFraction: 0.2, rng: rng(seed) }).yTest, 1));
    expect(rareInTest(stratifiedSplit)).toEqual(Array(20).fill(1)); // 0.2 · 5 = 1, every time
    expect(new Set(rareInTest(trainTestSplit)).size).toBeGreaterThan(1); // 0, 1, 2, … by luck
  });

  test("uses every sample exactly once, keeps rows with their labels, and mixes the classes", () => {
    const { xTrain, yTrain, xTest, yTest } = stratifiedSplit(numberedRows(100), imbalanced, { testFraction: 0.3, rng: rng(7) });
    const rowsUsed = [...xTrain.data.filter((_, i) => i % 2 === 0), ...xTest.data.filter((_, i) => i % 2 === 0)];
    expect(rowsUsed.sort((a, b) => a - b)).toEqual([...Array(100).keys()]);
    yTrain.forEach((label, r) => expect(label).toBe(imbalanced[xTrain.get(r, 0)]));
    yTest.forEach((label, r) => expect(label).toBe(imbalanced[xTest.get(r, 0)]));
    expect([...yTrain]).not.toEqual([...yTrain].sort((a, b) => a - b)); // not sorted by class
  });

  test("the same seed gives the same split", () => {
    const split = () => [...stratifiedSplit(numberedRows(100), imbalanced, { testFraction: 0.2, rng: rng(8) }).yTest];
    expect(split()).toEqual(split());
  });

  test("y must be class indices, and the usual argument checks apply", () => {
    const x = numberedRows(4);
    expect(() => stratifiedSplit(x, reshape(arange(0, 4), [4, 1]) as never, { testFraction: 0.5, rng: rng(0) })).toThrow(
      /stratifiedSplit: y must be an Int32Array of class indices; received a Tensor \[4, 1\]/,
    );
    expect(() => stratifiedSplit(x, new Int32Array(4), { testFraction: 1, rng: rng(0) })).toThrow(/stratifiedSplit: testFraction must be/);
  });
});
