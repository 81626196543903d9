import { describe, expect, test } from "vitest";
import { type Tensor, allClose, clone, randn, rng } from "@gradschool/tensor";
import { expectGradientsClose } from "@gradschool/gradcheck";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";
import { GRU } from "./gru.ts";
import { referenceRun } from "./reference-cells.ts";

type Cell = SimpleRNN | LSTM | GRU;
const cells: Array<[string, (bpttWindow?: number) => Cell]> = [
  ["SimpleRNN", (bpttWindow) => new SimpleRNN(3, 4, { rng: rng(11), returnSequences: true, bpttWindow })],
  ["LSTM", (bpttWindow) => new LSTM(3, 4, { rng: rng(12), returnSequences: true, bpttWindow })],
  ["GRU", (bpttWindow) => new GRU(3, 4, { rng: rng(13), returnSequences: true, bpttWindow })],
];
const SHAPE = [2, 7, 3]; // 2 sequences of 7 steps

/** Forward on x, backward from gradOut = R; returns ∂L/∂x and copies of every parameter's gradient. */
function gradients(layer: Cell, x: Tensor, projection: Tensor): { input: Tensor; params: Tensor[] } {
  layer.forward(x);
  for (const param of layer.params()) param.grad.data.fill(0);
  const input = layer.backward(projection);
  return { input, params: layer.params().map((param) => clone(param.grad)) };
}

describe.each(cells)("truncated BPTT for %s", (_kind, makeLayer) => {
  const x = randn(SHAPE, rng(1));
  const projection = randn([2, 7, 4], rng(2)); // L = Σ out ⊙ R

  test("a window as long as the sequence, or longer, gives exactly the full-BPTT gradients", () => {
    const full = gradients(makeLayer(), x, projection);
    for (const window of [7, 50]) {
      const truncated = gradients(makeLayer(window), x, projection);
      expect(truncated.input.data).toEqual(full.input.data);
      truncated.params.forEach((grad, i) => expect(grad.data).toEqual(full.params[i].data));
    }
  });

  test.each([1, 2, 3])("window %i gives the gradients of the model whose state entering each window is a constant", (window) => {
    const layer = makeLayer(window);
    const analytic = gradients(layer, x, projection);
    const frozen = referenceRun(layer, x); // the states, computed once: constants from here on
    const detachedLoss = (): number => {
      const states = referenceRun(layer, x, { window, frozen }).states;
      return states.data.reduce((total, value, i) => total + value * projection.data[i], 0);
    };
    expectGradientsClose(detachedLoss, x, analytic.input);
    layer.params().forEach((param, i) => expectGradientsClose(detachedLoss, param.value, analytic.params[i]));

    // …and that is a different gradient from full BPTT's, so the cut really happened.
    const full = gradients(makeLayer(), x, projection);
    expect(allClose(analytic.params[1], full.params[1], { rtol: 1e-3, atol: 1e-6 })).toBe(false);
  });
});
