import { describe, expect, test } from "vitest";
import { type Tensor, randn, rng, tensor } from "@gradschool/tensor";
import { mse } from "@gradschool/losses";
import { Tanh } from "./activation-layer.ts";
import { Dense } from "./dense.ts";
import { Sequential } from "./sequential.ts";
import { Value } from "./value.ts";

/**
 * The two halves of this package compute the same thing two ways: Value applies the chain
 * rule one number at a time, Dense applies it a matrix at a time (dW = xᵀ·gradOut, …).
 * On the same network with the same weights they must agree to the last few bits.
 */

/** One Value per element of a [rows, cols] tensor, as nested arrays. */
const valuesOf = (t: Tensor): Value[][] => {
  const [rows, cols] = t.shape.length === 1 ? [1, t.shape[0]] : t.shape;
  return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => new Value(t.data[i * cols + j])));
};

/** y = x·W + b, written out one multiply-add at a time. */
const denseByHand = (x: Value[][], kernel: Value[][], bias: Value[]): Value[][] =>
  x.map((row) => bias.map((b, j) => row.reduce((sum, xi, i) => sum.add(xi.mul(kernel[i][j])), b)));

/** Every grad of a nested Value array, flattened row-major like a Tensor's data. */
const gradsOf = (values: Value[][]): number[] => values.flat().map((v) => v.grad);

describe("Value and Dense agree", () => {
  test("on x → Dense(2, 3) → tanh → Dense(3, 1) → mse: same loss, and every gradient equal to 1e-12", () => {
    const random = rng(4);
    const hidden = new Dense(2, 3, { rng: random, name: "hidden" });
    const output = new Dense(3, 1, { rng: random, name: "output" });
    hidden.bias.value.data.set([0.1, -0.2, 0.3]); // non-zero biases, so their path is exercised too
    output.bias.value.data.set([-0.5]);
    const model = new Sequential([hidden, new Tanh(), output]);
    const x = randn([4, 2], random);
    const target = tensor([[1], [-1], [0.5], [0]]);

    // Layers: the batch at once.
    const prediction = model.forward(x);
    const layerLoss = mse.forward(prediction, target);
    const layerGradInput = model.backward(mse.backward(prediction, target));

    // Values: every number its own node, built from the same weights.
    const xValues = valuesOf(x);
    const w1 = valuesOf(hidden.kernel.value);
    const b1 = valuesOf(hidden.bias.value)[0];
    const w2 = valuesOf(output.kernel.value);
    const b2 = valuesOf(output.bias.value)[0];
    const hiddenOut = denseByHand(xValues, w1, b1).map((row) => row.map((h) => h.tanh()));
    const predictionValues = denseByHand(hiddenOut, w2, b2);
    const squaredErrors = predictionValues.flat().map((p, i) => p.sub(target.data[i]).pow(2));
    const valueLoss = squaredErrors.reduce((sum, e) => sum.add(e)).div(squaredErrors.length); // mean
    valueLoss.backward();

    expect(Math.abs(valueLoss.data - layerLoss)).toBeLessThan(1e-12);
    const pairs: [string, number[], Float64Array][] = [
      ["hidden.kernel", gradsOf(w1), hidden.kernel.grad.data],
      ["hidden.bias", gradsOf([b1]), hidden.bias.grad.data],
      ["output.kernel", gradsOf(w2), output.kernel.grad.data],
      ["output.bias", gradsOf([b2]), output.bias.grad.data],
      ["input", gradsOf(xValues), layerGradInput.data],
    ];
    for (const [name, fromValues, fromLayers] of pairs) {
      expect(fromValues.length, name).toBe(fromLayers.length);
      fromValues.forEach((grad, i) => expect(Math.abs(grad - fromLayers[i]), `${name}[${i}]`).toBeLessThan(1e-12));
      expect(fromValues.some((grad) => Math.abs(grad) > 1e-3), `${name} is not all zero`).toBe(true);
    }
  });
});
