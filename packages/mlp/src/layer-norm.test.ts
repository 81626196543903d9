import { describe, expect, test } from "vitest";
import { ones, randn, rng, tensor } from "@gradschool/tensor";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { LayerNorm } from "./layer-norm.ts";

/** A LayerNorm whose γ and β are random, so the checks see γ ≠ 1 and β ≠ 0. */
function randomizedLayerNorm(features: number, seed: number): LayerNorm {
  const layer = new LayerNorm(features);
  layer.gamma.value.data.set(randn([features], rng(seed), 0.5, 1).data);
  layer.beta.value.data.set(randn([features], rng(seed + 1)).data);
  return layer;
}

describe("LayerNorm", () => {
  test("each row comes out with mean 0 and variance 1 over its features", () => {
    const x = randn([5, 16], rng(1), 3, -2);
    const out = new LayerNorm(16).forward(x);
    for (let row = 0; row < 5; row++) {
      const values = [...out.data.subarray(row * 16, (row + 1) * 16)];
      const mean = values.reduce((a, b) => a + b) / 16;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / 16;
      expect(mean).toBeCloseTo(0, 12);
      expect(variance).toBeCloseTo(1, 4);
    }
  });

  test("a row worked by hand: [1, 2, 3] with γ = [1, 2, 1], β = [0, 0, 1]", () => {
    const layer = new LayerNorm(3, { eps: 1e-5 });
    layer.gamma.value.data.set([1, 2, 1]);
    layer.beta.value.data.set([0, 0, 1]);
    // μ = 2, σ² = 2/3, so x̂ = [−1, 0, 1]/√(2/3 + eps)
    const sigma = Math.sqrt(2 / 3 + 1e-5);
    const out = layer.forward(tensor([[1, 2, 3]]));
    expect([...out.data]).toEqual([-1 / sigma, 0, 1 / sigma + 1].map((v) => expect.closeTo(v, 12)));
  });

  test("backward matches central differences for input, gamma and beta", () => {
    expectLayerGradientsClose(randomizedLayerNorm(5, 2), [4, 5], rng(3));
  });

  test("backward matches central differences on [batch, time, features], one step at a time", () => {
    expectLayerGradientsClose(randomizedLayerNorm(4, 4), [2, 3, 4], rng(5));
  });

  test("training and inference give the same output, even for a batch of 1", () => {
    const layer = randomizedLayerNorm(6, 6);
    const x = randn([1, 6], rng(7));
    expect([...layer.forward(x, { training: true }).data]).toEqual([...layer.forward(x, { training: false }).data]);
  });

  test("starts with gamma = 1 and beta = 0, named after the layer, and keeps the input's shape", () => {
    const layer = new LayerNorm(3, { name: "ln1", eps: 1e-3 });
    expect(layer.params().map((param) => param.name)).toEqual(["ln1.gamma", "ln1.beta"]);
    expect([...layer.gamma.value.data, ...layer.beta.value.data]).toEqual([1, 1, 1, 0, 0, 0]);
    expect(layer.outputShape([8, 10, 3])).toEqual([8, 10, 3]);
    expect(layer.config()).toEqual({ features: 3, eps: 1e-3, name: "ln1" });
  });

  test("an input whose last axis is not the layer's features is rejected, naming both", () => {
    const layer = new LayerNorm(3, { name: "ln1" });
    expect(() => layer.forward(ones([4, 2]))).toThrow(/LayerNorm\.forward: input is \[4, 2\]; expected \[batch, 3\].*"ln1"/);
    expect(() => layer.forward(ones([3]))).toThrow(/LayerNorm\.forward: input is \[3\]/);
  });

  test("bad settings are rejected, naming the setting", () => {
    expect(() => new LayerNorm(2.5)).toThrow(/LayerNorm: features must be a positive integer; received 2\.5/);
    expect(() => new LayerNorm(3, { eps: -1 })).toThrow(/LayerNorm: eps must be a finite number > 0.*received -1/);
  });

  test("backward before forward, or with a gradOut of the wrong shape, is an error naming the layer", () => {
    const layer = new LayerNorm(2, { name: "ln2" });
    expect(() => layer.backward(ones([3, 2]))).toThrow(/LayerNorm\.backward: layer "ln2" has not run forward yet/);
    layer.forward(ones([3, 2]));
    expect(() => layer.backward(ones([3, 3]))).toThrow(/LayerNorm\.backward: gradOut is \[3, 3\]; expected \[3, 2\].*"ln2"/);
  });
});
