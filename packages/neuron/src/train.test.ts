import { rng, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { accuracy } from "./accuracy.ts";
import { meanSquaredError } from "./mean-squared-error.ts";
import { Neuron } from "./neuron.ts";
import { train } from "./train.ts";

// The AND and OR truth tables (the package depends on tensor only, so no datasets import).
const gateInputs = tensor([
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
]);
const andGate = () => ({ x: gateInputs, y: [0, 0, 0, 1] });
const orGate = () => ({ x: gateInputs, y: [0, 1, 1, 1] });

describe("train", () => {
  test("learns AND and OR to 100% and cuts the loss at least tenfold in 500 steps", () => {
    for (const gate of [andGate(), orGate()]) {
      const neuron = new Neuron(2, { rng: rng(1) });
      const losses = train(neuron, gate.x, gate.y, { steps: 500, lr: 1 });
      expect(losses).toHaveLength(500);
      expect(accuracy(neuron.predict(gate.x), gate.y)).toBe(1);
      expect(losses[499]).toBeLessThan(losses[0] / 10);
    }
  });

  test("losses[0] is the untrained neuron's loss, measured before the first update", () => {
    const { x, y } = andGate();
    const neuron = new Neuron(2, { rng: rng(2) });
    const before = neuron.loss(x, y);
    expect(train(neuron, x, y, { steps: 3, lr: 0.5 })[0]).toBe(before);
  });

  test("one step moves w and b by −lr times their gradient", () => {
    const { x, y } = andGate();
    const neuron = Neuron.from([0.2, -0.4], 0.1);
    const { gradWeights, gradBias } = neuron.gradients(x, y);
    train(neuron, x, y, { steps: 1, lr: 0.5 });
    expect(neuron.weights.data[0]).toBeCloseTo(0.2 - 0.5 * gradWeights.data[0], 15);
    expect(neuron.weights.data[1]).toBeCloseTo(-0.4 - 0.5 * gradWeights.data[1], 15);
    expect(neuron.bias).toBeCloseTo(0.1 - 0.5 * gradBias, 15);
  });

  test("calls onStep once per step with the step number and its loss", () => {
    const { x, y } = orGate();
    const seen: Array<[number, number]> = [];
    const losses = train(new Neuron(2, { rng: rng(3) }), x, y, { steps: 4, lr: 1, onStep: (step, loss) => seen.push([step, loss]) });
    expect(seen).toEqual(losses.map((loss, step) => [step, loss]));
  });

  test("descends mean squared error when asked, and that loss falls too", () => {
    const { x, y } = andGate();
    const losses = train(new Neuron(2, { rng: rng(1) }), x, y, { steps: 300, lr: 2, loss: meanSquaredError });
    expect(losses[299]).toBeLessThan(losses[0] / 2);
  });

  test("rejects steps of 0 and a negative learning rate, naming the value", () => {
    const neuron = new Neuron(2, { init: "zeros" });
    const { x, y } = andGate();
    expect(() => train(neuron, x, y, { steps: 0, lr: 1 })).toThrow(/train: steps is 0; expected a positive integer/);
    expect(() => train(neuron, x, y, { steps: 10, lr: -1 })).toThrow(/train: lr is -1; expected a positive learning rate/);
  });

  test("rejects inputs with more features than the neuron has", () => {
    expect(() => train(new Neuron(2, { init: "zeros" }), tensor([[1, 2, 3]]), [1], { steps: 1, lr: 1 })).toThrow(
      /train: x is \[1, 3\]; expected \[batch, 2\]/,
    );
  });
});
