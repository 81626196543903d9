import { describe, expect, test } from "vitest";
import { Dense, Tanh } from "@gradschool/backprop";
import { Flatten } from "@gradschool/cnn";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Metric, Sequential } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, rng } from "@gradschool/tensor";
import { permutationImportance } from "./permutation-importance.ts";

/**
 * 600 rows of 5 features: x0 and x1 decide the class (x0 + x1 > 0), x2, x3, x4 are pure
 * noise, N(0, 1) drawn independently of everything.
 */
function twoUsefulThreeNoise(seed: number): { x: Tensor; y: Int32Array } {
  const random = rng(seed);
  const rows = 600;
  const x = new Float64Array(rows * 5).map(() => random.normal());
  const y = Int32Array.from({ length: rows }, (_, row) => (x[row * 5] + x[row * 5 + 1] > 0 ? 1 : 0));
  return { x: new Tensor(x, [rows, 5]), y };
}

function trainedOn(data: { x: Tensor; y: Int32Array }): Sequential {
  const random = rng(7);
  const model = new Sequential([new Dense(5, 8, { rng: random }), new Tanh(), new Dense(8, 2, { rng: random })]);
  model.fit(data.x, data.y, { epochs: 40, batchSize: 32, optimizer: new Adam({ lr: 1e-2 }), loss: softmaxCrossEntropy, rng: random, verbose: false });
  return model;
}

describe("permutationImportance", () => {
  test("a feature the model does not read at all scores exactly 0, on every shuffle", () => {
    const data = twoUsefulThreeNoise(1);
    const model = trainedOn(data);
    const hidden = model.layers[0] as Dense;
    for (let unit = 0; unit < 8; unit++) hidden.kernel.value.data[3 * 8 + unit] = 0; // cut feature 3 out of the model
    const result = permutationImportance(model, data.x, data.y, { rng: rng(2) });
    expect(result.drops[3]).toEqual([0, 0, 0, 0, 0]);
    expect(result.mean[3]).toBe(0);
    expect(result.std[3]).toBe(0);
  });

  test("on held-out data, the two informative features come first and the three noise features score about 0", () => {
    const model = trainedOn(twoUsefulThreeNoise(1));
    const fresh = twoUsefulThreeNoise(2);
    const result = permutationImportance(model, fresh.x, fresh.y, { repeats: 10, rng: rng(3) });
    expect(result.metric).toBe("accuracy");
    expect(result.baseline).toBeGreaterThan(0.95);
    const ranking = [0, 1, 2, 3, 4].sort((a, b) => result.mean[b] - result.mean[a]);
    expect(ranking.slice(0, 2).sort()).toEqual([0, 1]);
    for (const feature of [0, 1]) expect(result.mean[feature]).toBeGreaterThan(0.2);
    for (const feature of [2, 3, 4]) expect(Math.abs(result.mean[feature])).toBeLessThan(0.02);
  });

  test("mean and std are the mean and population standard deviation of each feature's drops", () => {
    const data = twoUsefulThreeNoise(3);
    const result = permutationImportance(trainedOn(data), data.x, data.y, { repeats: 4, rng: rng(4) });
    expect(result.drops.map((drops) => drops.length)).toEqual([4, 4, 4, 4, 4]);
    result.drops.forEach((drops, feature) => {
      const mean = drops.reduce((a, b) => a + b, 0) / 4;
      expect(result.mean[feature]).toBeCloseTo(mean, 14);
      expect(result.std[feature]).toBeCloseTo(Math.sqrt(drops.reduce((total, d) => total + (d - mean) ** 2, 0) / 4), 14);
    });
  });

  test("the same seed gives the same importances, and x is left as it was", () => {
    const data = twoUsefulThreeNoise(4);
    const model = trainedOn(data);
    const before = Float64Array.from(data.x.data);
    const first = permutationImportance(model, data.x, data.y, { rng: rng(5) });
    const second = permutationImportance(model, data.x, data.y, { rng: rng(5) });
    expect(second).toEqual(first);
    expect(data.x.data).toEqual(before);
  });

  test("takes any metric, and treats each pixel of an image batch as a feature", () => {
    // A 2×2 single-channel "image" model: the class is decided by the top-left pixel only.
    const dense = new Dense(4, 2, { rng: rng(6) });
    dense.kernel.value.data.set([5, -5, 0, 0, 0, 0, 0, 0]);
    const model = new Sequential([new Flatten(), dense]);
    const random = rng(8);
    const images = new Tensor(new Float64Array(200 * 4).map(() => random.normal()), [200, 1, 2, 2]);
    const labels = Int32Array.from({ length: 200 }, (_, n) => (images.data[n * 4] > 0 ? 0 : 1));
    const rowsRight: Metric = { name: "rowsRight", compute: (pred, target) => 200 - countErrors(pred, target as Int32Array) };
    const result = permutationImportance(model, images, labels, { metric: rowsRight, repeats: 3, rng: rng(9) });
    expect(result.metric).toBe("rowsRight");
    expect(result.baseline).toBe(200);
    expect(result.mean).toHaveLength(4);
    expect(result.mean[0]).toBeGreaterThan(50); // about half the 200 rows flip class
    expect(result.mean.slice(1)).toEqual([0, 0, 0]);
  });

  test("a group of features is shuffled with one shared permutation: a duplicated column counts once, as a group", () => {
    // Column 5 is an exact copy of column 0; the model reads the class from column 5 only.
    const random = rng(11);
    const rows = 300;
    const x = new Float64Array(rows * 6).map(() => random.normal());
    for (let row = 0; row < rows; row++) x[row * 6 + 5] = x[row * 6];
    const dense = new Dense(6, 2, { rng: rng(12) });
    dense.kernel.value.data.fill(0);
    dense.kernel.value.data.set([5, -5], 5 * 2);
    const model = new Sequential([dense]);
    const data = new Tensor(x, [rows, 6]);
    const labels = Int32Array.from({ length: rows }, (_, row) => (x[row * 6] > 0 ? 0 : 1));
    const result = permutationImportance(model, data, labels, { groups: [[0], [5], [0, 5], [1, 2, 3, 4]], repeats: 3, rng: rng(13) });
    expect(result.mean).toHaveLength(4);
    expect(result.mean[0]).toBe(0); // the model never reads column 0
    expect(result.mean[1]).toBeGreaterThan(0.3);
    expect(result.mean[2]).toBeGreaterThan(0.3); // shuffling the pair together is shuffling column 5
    expect(result.mean[3]).toBe(0);
    expect(() => permutationImportance(model, data, labels, { groups: [[0], [6]], rng: rng(1) })).toThrow(
      /permutationImportance: groups\[1\] is \[6\]; expected a non-empty list of feature indices in 0 … 5/,
    );
  });

  test("rejects mismatched rows, a bad repeats and a missing rng, saying what it received", () => {
    const data = twoUsefulThreeNoise(5);
    const model = new Sequential([new Dense(5, 2, { rng: rng(10) })]);
    expect(() => permutationImportance(model, data.x, data.y.subarray(0, 10), { rng: rng(1) })).toThrow(
      /permutationImportance: x has 600 rows but y has 10 targets; expected one target per row/,
    );
    expect(() => permutationImportance(model, data.x, data.y, { repeats: 0, rng: rng(1) })).toThrow(/permutationImportance: repeats must be a positive integer; received 0/);
    expect(() => permutationImportance(model, data.x, data.y, {} as { rng: never })).toThrow(/permutationImportance: options\.rng is required/);
  });
});

function countErrors(pred: Tensor, labels: Int32Array): number {
  let errors = 0;
  for (let row = 0; row < labels.length; row++) if ((pred.data[row * 2] >= pred.data[row * 2 + 1] ? 0 : 1) !== labels[row]) errors++;
  return errors;
}
