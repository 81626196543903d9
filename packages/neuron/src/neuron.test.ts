import { checkGradient, expectGradientsClose } from "@gradschool/gradcheck";
import { type Tensor, map, matmulTransA, mean, randn, rng, scale, sub, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import type { NeuronLoss } from "./loss.ts";
import { meanSquaredError } from "./mean-squared-error.ts";
import { Neuron } from "./neuron.ts";
import { sigmoid } from "./sigmoid.ts";

const gateInputs = tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);

/** A seeded batch of 7 examples with 5 features, targets 0/1, and a neuron with random w and b. */
function randomProblem(): { x: Tensor; y: number[]; neuron: Neuron } {
  const random = rng(31);
  const x = randn([7, 5], random);
  const y = [1, 0, 0, 1, 1, 0, 1];
  const neuron = new Neuron(5, { rng: random });
  neuron.bias = 0.3;
  return { x, y, neuron };
}

/** ∂L/∂w and ∂L/∂b measured by central differences against the neuron's own gradients. */
function checkNeuronGradients(neuron: Neuron, x: Tensor, y: number[], loss: NeuronLoss, gradWeights: Tensor, gradBias: number) {
  const lossAtWeights = (weights: Tensor) => Neuron.from(weights, neuron.bias).loss(x, y, loss);
  const lossAtBias = (bias: Tensor) => Neuron.from(neuron.weights, bias.data[0]).loss(x, y, loss);
  return {
    weights: checkGradient(lossAtWeights, neuron.weights, gradWeights),
    bias: checkGradient(lossAtBias, tensor([neuron.bias]), tensor([gradBias])),
  };
}

describe("Neuron forward and predict", () => {
  test("z = w·x + b and a = σ(z), row by row: w = (1, 1), b = −1.5 on the four gate inputs", () => {
    const { z, a } = Neuron.from([1, 1], -1.5).forward(gateInputs);
    expect(Array.from(z.data)).toEqual([-1.5, -0.5, -0.5, 0.5]);
    expect(a.shape).toEqual([4]);
    for (let i = 0; i < 4; i++) expect(a.data[i]).toBe(sigmoid(z.data[i]));
  });

  test("w = (1, 1), b = −1.5 computes AND; b = −0.5 computes OR", () => {
    expect(Array.from(Neuron.from([1, 1], -1.5).predict(gateInputs))).toEqual([0, 0, 0, 1]);
    expect(Array.from(Neuron.from([1, 1], -0.5).predict(gateInputs))).toEqual([0, 1, 1, 1]);
  });

  test("predicts class 1 exactly where a ≥ 0.5: on the line z = 0 itself, and not just below it", () => {
    const neuron = Neuron.from([1], 0);
    expect(Array.from(neuron.predict(tensor([[0], [1e-9], [-1e-9], [-3]])))).toEqual([1, 1, 0, 0]);
  });

  test("init 'normal' is seeded, draws w with standard deviation 1/√features, and starts b at 0", () => {
    const first = new Neuron(400, { rng: rng(5) });
    const again = new Neuron(400, { rng: rng(5) });
    expect(Array.from(again.weights.data)).toEqual(Array.from(first.weights.data));
    const std = Math.sqrt(mean(map(first.weights, (w) => w * w)));
    expect(Math.abs(std - 1 / 20)).toBeLessThan(0.1 / 20);
    expect(first.bias).toBe(0);
  });

  test("init 'zeros' starts at w = 0, b = 0, so a = 1/2 for every input", () => {
    const neuron = new Neuron(2, { init: "zeros" });
    expect(Array.from(neuron.weights.data)).toEqual([0, 0]);
    expect(Array.from(neuron.forward(gateInputs).a.data)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  test("Neuron.from copies the weights, so changing the neuron leaves the caller's tensor alone", () => {
    const weights = tensor([2, 3]);
    const neuron = Neuron.from(weights, 1);
    neuron.weights.data[0] = 99;
    expect(weights.data[0]).toBe(2);
  });
});

describe("Neuron gradients", () => {
  test("with cross-entropy, ∂L/∂w = (1/N)·Xᵀ(a − y) and ∂L/∂b = mean(a − y)", () => {
    const { x, y, neuron } = randomProblem();
    const { gradWeights, gradBias, loss } = neuron.gradients(x, y);
    const errors = sub(neuron.forward(x).a, tensor(y)); // a − y, [7]
    const expected = scale(matmulTransA(x, tensor(Array.from(errors.data, (e) => [e]))), 1 / 7);
    for (let j = 0; j < 5; j++) expect(gradWeights.data[j]).toBeCloseTo(expected.data[j], 15);
    expect(gradBias).toBeCloseTo(mean(errors), 15);
    expect(loss).toBe(neuron.loss(x, y));
  });

  test("cross-entropy gradients match central differences for every weight and the bias", () => {
    const { x, y, neuron } = randomProblem();
    const { gradWeights, gradBias } = neuron.gradients(x, y);
    const report = checkNeuronGradients(neuron, x, y, binaryCrossEntropy, gradWeights, gradBias);
    expect(report.weights.ok && report.bias.ok).toBe(true);
    expect(Math.max(report.weights.maxRelError, report.bias.maxRelError)).toBeLessThan(1e-6);
  });

  test("mean-squared-error gradients match central differences for every weight and the bias", () => {
    const { x, y, neuron } = randomProblem();
    const { gradWeights, gradBias } = neuron.gradients(x, y, meanSquaredError);
    expectGradientsClose((w) => Neuron.from(w, neuron.bias).loss(x, y, meanSquaredError), neuron.weights, gradWeights);
    expectGradientsClose(
      (b) => Neuron.from(neuron.weights, b.data[0]).loss(x, y, meanSquaredError),
      tensor([neuron.bias]),
      tensor([gradBias]),
    );
  });

  test("the gradient check catches a derivation that forgot the 1/N: relative error 1 − 1/N", () => {
    const { x, y, neuron } = randomProblem();
    const { gradWeights, gradBias } = neuron.gradients(x, y);
    const report = checkNeuronGradients(neuron, x, y, binaryCrossEntropy, scale(gradWeights, 7), 7 * gradBias);
    expect(report.weights.ok).toBe(false);
    expect(report.bias.ok).toBe(false);
    expect(report.weights.maxRelError).toBeCloseTo(6 / 7, 6);
  });

  test("the gradient check catches an MSE derivation that keeps a − y and drops σ'(z)", () => {
    const { x, y, neuron } = randomProblem();
    const { a } = neuron.forward(x);
    // The right MSE gradient is (2/N)·Xᵀ[(a − y)⊙σ'(z)]; this one forgets that σ' only cancels for cross-entropy.
    const errors = sub(a, tensor(y));
    const wrongWeights = scale(matmulTransA(x, tensor(Array.from(errors.data, (e) => [e]))), 2 / 7);
    const wrongBias = 2 * mean(errors);
    const report = checkNeuronGradients(neuron, x, y, meanSquaredError, tensor(wrongWeights.data, [5]), wrongBias);
    expect(report.weights.ok).toBe(false);
    expect(report.bias.ok).toBe(false);
    // Without σ'(z) ≤ 1/4 every term is at least four times too large: the check fails by far, not by a hair.
    expect(report.weights.maxRelError).toBeGreaterThan(0.5);
  });
});

describe("Neuron bad input", () => {
  test("rejects features of 0 and says a positive integer is expected", () => {
    expect(() => new Neuron(0, { rng: rng(0) })).toThrow(/Neuron: features is 0; expected a positive integer/);
  });

  test("random init without an rng says how to pass one", () => {
    expect(() => new Neuron(3)).toThrow(/Neuron: init "normal" draws random weights and needs \{ rng \}/);
  });

  test("rejects an unknown init by name", () => {
    expect(() => new Neuron(3, { init: "ones" as "zeros" })).toThrow(/Neuron: init is "ones"; expected "normal" or "zeros"/);
  });

  test("forward rejects x with the wrong number of features, naming its shape and the one expected", () => {
    expect(() => Neuron.from([1, 1], 0).forward(tensor([[1, 2, 3]]))).toThrow(
      /Neuron\.forward: x is \[1, 3\]; expected \[batch, 2\]/,
    );
  });

  test("forward rejects a single example given as a [features] vector", () => {
    expect(() => Neuron.from([1, 1], 0).forward(tensor([1, 2]))).toThrow(/Neuron\.forward: x is \[2\]; expected \[batch, 2\]/);
  });

  test("predict rejects a plain array and asks for a Tensor", () => {
    const plain = [[0, 1]] as unknown as Tensor;
    expect(() => Neuron.from([1, 1], 0).predict(plain)).toThrow(/Neuron\.predict: x is a plain array; expected a Tensor/);
  });

  test("gradients rejects a target count that differs from the batch", () => {
    expect(() => Neuron.from([1, 1], 0).gradients(gateInputs, [0, 1, 1])).toThrow(
      /Neuron\.gradients: y has 3 targets but the batch has 4 examples/,
    );
  });

  test("Neuron.from rejects a NaN weight and a missing bias", () => {
    expect(() => Neuron.from([1, Number.NaN], 0)).toThrow(/Neuron\.from: weights are \[1, NaN\]/);
    expect(() => Neuron.from([1], Number.POSITIVE_INFINITY)).toThrow(/Neuron\.from: bias is Infinity/);
  });
});
