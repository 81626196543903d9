import { describe, expect, test } from "vitest";
import { type Tensor, clone, ones, randn, rng, tensor } from "@gradschool/tensor";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { BatchNorm } from "./batch-norm.ts";

const training = { training: true };

/** A BatchNorm whose γ and β are random, so the checks see γ ≠ 1 and β ≠ 0. */
function randomizedBatchNorm(features: number, seed: number): BatchNorm {
  const layer = new BatchNorm(features);
  layer.gamma.value.data.set(randn([features], rng(seed), 0.5, 1).data);
  layer.beta.value.data.set(randn([features], rng(seed + 1)).data);
  return layer;
}

/** Per-column mean and biased variance of a [rows, cols] tensor. */
function columnStats(data: Float64Array, rows: number, cols: number): { means: number[]; variances: number[] } {
  const means = Array.from({ length: cols }, (_, j) => Array.from({ length: rows }, (_, r) => data[r * cols + j]).reduce((a, b) => a + b) / rows);
  const variances = means.map((m, j) => Array.from({ length: rows }, (_, r) => (data[r * cols + j] - m) ** 2).reduce((a, b) => a + b) / rows);
  return { means, variances };
}

describe("BatchNorm", () => {
  test("starts with gamma = 1, beta = 0, running mean 0 and running variance 1, named after the layer", () => {
    const layer = new BatchNorm(3, { name: "bn1" });
    expect(layer.params().map((param) => param.name)).toEqual(["bn1.gamma", "bn1.beta"]);
    expect([...layer.gamma.value.data, ...layer.beta.value.data]).toEqual([1, 1, 1, 0, 0, 0]);
    expect([...layer.runningMean.data, ...layer.runningVar.data]).toEqual([0, 0, 0, 1, 1, 1]);
  });

  test("in training each feature comes out with mean 0 and variance 1 over the batch", () => {
    const x = randn([64, 3], rng(1), 4, 7); // mean 7, std 4
    const out = new BatchNorm(3).forward(x, training);
    const { means, variances } = columnStats(out.data, 64, 3);
    for (const m of means) expect(m).toBeCloseTo(0, 12);
    for (const v of variances) expect(v).toBeCloseTo(1, 4); // eps = 1e-5 keeps it a hair under 1
  });

  test("backward matches central differences for input, gamma and beta in training mode", () => {
    const report = expectLayerGradientsClose(randomizedBatchNorm(4, 2), [6, 4], rng(3), training);
    expect(report.input.maxRelError).toBeLessThan(1e-6);
  });

  test("the classic bug, treating μ and σ as constants (∂L/∂x = g·γ/σ), fails the same check", () => {
    const layer = new BatchNorm(4); // γ = 1
    let input = ones([1, 4]);
    const constantStatistics = {
      forward(x: Tensor, context?: { training: boolean }) {
        input = x;
        return layer.forward(x, context);
      },
      backward(gradOut: Tensor) {
        const { variances } = columnStats(input.data, input.shape[0], 4);
        const gradInput = clone(gradOut);
        gradInput.data.forEach((g, i) => {
          gradInput.data[i] = g / Math.sqrt(variances[i % 4] + layer.eps); // only the x̂ path
        });
        return gradInput;
      },
      params: () => [],
    };
    expect(checkLayer(constantStatistics, [6, 4], rng(3), training).input.maxRelError).toBeGreaterThan(0.1);
  });

  test("backward matches central differences at inference, where the running statistics are constants", () => {
    const layer = randomizedBatchNorm(3, 4);
    for (let step = 0; step < 5; step++) layer.forward(randn([8, 3], rng(10 + step), 2, 1), training);
    expectLayerGradientsClose(layer, [5, 3], rng(5));
  });

  test("the running statistics follow PyTorch: (1 − m)·running + m·batch, with the unbiased variance", () => {
    const layer = new BatchNorm(2); // momentum 0.1
    const x = tensor([[1, 2], [3, 6]]); // batch mean [2, 4]; biased variance [1, 4]; unbiased [2, 8]
    layer.forward(x, training);
    expect([...layer.runningMean.data]).toEqual([0.2, 0.4].map((v) => expect.closeTo(v, 12))); // 0.9·0 + 0.1·[2, 4]
    expect([...layer.runningVar.data]).toEqual([1.1, 1.7].map((v) => expect.closeTo(v, 12))); // 0.9·1 + 0.1·[2, 8]
    layer.forward(x, training);
    expect([...layer.runningMean.data]).toEqual([0.38, 0.76].map((v) => expect.closeTo(v, 12))); // 0.9·[0.2, 0.4] + 0.1·[2, 4]
    expect([...layer.runningVar.data]).toEqual([1.19, 2.33].map((v) => expect.closeTo(v, 12))); // 0.9·[1.1, 1.7] + 0.1·[2, 8]
  });

  test("inference normalises with the running statistics and leaves them unchanged", () => {
    const layer = new BatchNorm(2, { eps: 1e-5 });
    layer.runningMean.data.set([1, -2]);
    layer.runningVar.data.set([4, 0.25]);
    layer.gamma.value.data.set([2, 3]);
    layer.beta.value.data.set([0.5, -1]);
    const out = layer.forward(tensor([[3, -1]]), { training: false }); // a batch of 1 is fine here
    expect(out.get(0, 0)).toBeCloseTo(2 * (2 / Math.sqrt(4 + 1e-5)) + 0.5, 12);
    expect(out.get(0, 1)).toBeCloseTo(3 * (1 / Math.sqrt(0.25 + 1e-5)) - 1, 12);
    expect([...layer.runningMean.data, ...layer.runningVar.data]).toEqual([1, -2, 4, 0.25]);
  });

  test("after many training batches the running statistics approach the data's mean and variance", () => {
    const layer = new BatchNorm(1);
    const random = rng(6);
    for (let step = 0; step < 300; step++) layer.forward(randn([32, 1], random, 3, 5), training); // mean 5, variance 9
    expect(layer.runningMean.data[0]).toBeCloseTo(5, 0);
    expect(layer.runningVar.data[0] / 9).toBeCloseTo(1, 1);
  });

  test("backward adds into gamma.grad and beta.grad instead of overwriting them", () => {
    const layer = randomizedBatchNorm(2, 7);
    layer.forward(randn([4, 2], rng(8)), training);
    const gradOut = randn([4, 2], rng(9));
    layer.backward(gradOut);
    const once = [...clone(layer.gamma.grad).data, ...clone(layer.beta.grad).data];
    layer.backward(gradOut);
    expect([...layer.gamma.grad.data, ...layer.beta.grad.data]).toEqual(once.map((v) => expect.closeTo(2 * v, 12)));
  });

  test("keeps [batch, features] and reports its settings for save/load", () => {
    const layer = new BatchNorm(5, { momentum: 0.2, eps: 1e-3, name: "bn" });
    expect(layer.outputShape([32, 5])).toEqual([32, 5]);
    expect(layer.config()).toEqual({ features: 5, momentum: 0.2, eps: 1e-3, name: "bn" });
  });

  test("a batch of 1 in training mode is rejected: one sample has no variance", () => {
    expect(() => new BatchNorm(3, { name: "bn1" }).forward(ones([1, 3]), training)).toThrow(
      /BatchNorm\.forward: x is \[1, 3\], a batch of 1 in training mode \(layer "bn1"\); expected at least 2 rows/,
    );
  });

  test("an input without the layer's features is rejected, naming both", () => {
    const layer = new BatchNorm(3, { name: "bn1" });
    expect(() => layer.forward(ones([4, 2]), training)).toThrow(/BatchNorm\.forward: input is \[4, 2\]; expected \[batch, 3\] \(layer "bn1"/);
    expect(() => layer.outputShape([4, 3, 1])).toThrow(/BatchNorm\.outputShape: input is \[4, 3, 1\]/);
    expect(() => layer.forward(null as never, training)).toThrow(/BatchNorm\.forward: x must be a Tensor; received null/);
  });

  test("bad settings are rejected, naming the setting", () => {
    expect(() => new BatchNorm(0)).toThrow(/BatchNorm: features must be a positive integer; received 0/);
    expect(() => new BatchNorm(3, { momentum: 1.5 })).toThrow(/BatchNorm: momentum must be in \[0, 1\].*received 1\.5/);
    expect(() => new BatchNorm(3, { eps: 0 })).toThrow(/BatchNorm: eps must be a finite number > 0.*received 0/);
  });

  test("backward before forward, or with a gradOut of the wrong shape, is an error naming the layer", () => {
    const layer = new BatchNorm(2, { name: "bn2" });
    expect(() => layer.backward(ones([3, 2]))).toThrow(/BatchNorm\.backward: layer "bn2" has not run forward yet/);
    layer.forward(ones([3, 2]), training);
    expect(() => layer.backward(ones([2, 3]))).toThrow(/BatchNorm\.backward: gradOut is \[2, 3\]; expected \[3, 2\].*"bn2"/);
  });
});
