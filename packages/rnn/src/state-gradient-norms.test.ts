import { describe, expect, test } from "vitest";
import { type Rng, type Tensor, randn, rng } from "@gradschool/tensor";
import { linear } from "@gradschool/activations";
import { orthogonal } from "./orthogonal.ts";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";

/** (1/B) Σ_b ‖row b‖ of a [B, units] block. */
function meanRowNorm(data: Float64Array, rows: number, cols: number): number {
  let total = 0;
  for (let row = 0; row < rows; row++) total += Math.hypot(...data.subarray(row * cols, (row + 1) * cols));
  return total / rows;
}

/** A linear SimpleRNN whose recurrent kernel is gain·Q, Q orthogonal: going back one step multiplies ‖∂L/∂h‖ by exactly gain. */
function linearRnnWithGain(gain: number): SimpleRNN {
  const scaledOrthogonal = (shape: readonly number[], fanIn: number, fanOut: number, random: Rng): Tensor => {
    const q = orthogonal(shape, fanIn, fanOut, random);
    q.data.forEach((value, i) => (q.data[i] = gain * value));
    return q;
  };
  return new SimpleRNN(3, 8, { rng: rng(41), activation: linear, recurrentInit: scaledOrthogonal });
}

describe("stateGradientNorms", () => {
  test("has one entry per step; the last is ‖gradOut‖ when only the last state is returned", () => {
    const layer = new LSTM(3, 5, { rng: rng(42) });
    layer.forward(randn([4, 9, 3], rng(43)));
    const gradOut = randn([4, 5], rng(44));
    layer.backward(gradOut);
    const norms = layer.stateGradientNorms();
    expect(norms.length).toBe(9);
    expect(norms[8]).toBeCloseTo(meanRowNorm(gradOut.data, 4, 5), 14);
  });

  test("with window 1, each step's norm is that of its own slice of gradOut: nothing comes back from later steps", () => {
    const layer = new SimpleRNN(3, 4, { rng: rng(45), returnSequences: true, bpttWindow: 1 });
    layer.forward(randn([2, 6, 3], rng(46)));
    const gradOut = randn([2, 6, 4], rng(47));
    layer.backward(gradOut);
    const norms = layer.stateGradientNorms();
    for (let t = 0; t < 6; t++) {
      const slice = new Float64Array(8);
      for (let b = 0; b < 2; b++) slice.set(gradOut.data.subarray((b * 6 + t) * 4, (b * 6 + t + 1) * 4), b * 4);
      expect(norms[t]).toBeCloseTo(meanRowNorm(slice, 2, 4), 14);
    }
  });

  test.each([
    [0.5, "vanishes"],
    [1.5, "explodes"],
  ])("with U = %s·orthogonal and a linear activation, the gradient %s geometrically going back in time", (gain) => {
    const layer = linearRnnWithGain(gain);
    layer.forward(randn([3, 12, 3], rng(48)));
    layer.backward(randn([3, 8], rng(49)));
    const norms = layer.stateGradientNorms();
    for (let t = 0; t < 11; t++) expect(norms[t] / norms[t + 1]).toBeCloseTo(gain, 10); // ‖g·(gain·Q)ᵀ‖ = gain·‖g‖
    expect(norms[0] / norms[11]).toBeCloseTo(gain ** 11, 6);
  });

  test("returns a copy: changing it does not change the layer's record", () => {
    const layer = new SimpleRNN(2, 3, { rng: rng(50) });
    layer.forward(randn([1, 4, 2], rng(51)));
    layer.backward(randn([1, 3], rng(52)));
    layer.stateGradientNorms().fill(0);
    expect(layer.stateGradientNorms()[3]).toBeGreaterThan(0);
  });
});
