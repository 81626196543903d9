import { describe, expect, test } from "vitest";
import { allClose, randn, rng } from "@gradschool/tensor";
import { linear, relu, sigmoid, gelu } from "@gradschool/activations";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { SimpleRNN } from "./simple-rnn.ts";
import { referenceRun } from "./reference-cells.ts";

describe("SimpleRNN", () => {
  test("forward matches a direct loop over h_t = tanh(x_t·W + h_{t−1}·U + b)", () => {
    const layer = new SimpleRNN(3, 4, { rng: rng(1), returnSequences: true });
    const x = randn([2, 6, 3], rng(2));
    expect(allClose(layer.forward(x), referenceRun(layer, x).states, { rtol: 0, atol: 1e-13 })).toBe(true);
  });

  test("returnSequences false returns the last step's state, [batch, units]", () => {
    const x = randn([3, 5, 2], rng(3));
    const all = new SimpleRNN(2, 4, { rng: rng(4), returnSequences: true }).forward(x);
    const last = new SimpleRNN(2, 4, { rng: rng(4) }).forward(x);
    expect(last.shape).toEqual([3, 4]);
    for (let b = 0; b < 3; b++) {
      for (let u = 0; u < 4; u++) expect(last.get(b, u)).toBe(all.get(b, 4, u));
    }
  });

  test("the kernels have Keras's layout and the bias starts at zero", () => {
    const layer = new SimpleRNN(28, 64, { rng: rng(5) });
    expect(layer.params().map((param) => [param.name.split(".")[1], param.value.shape])).toEqual([
      ["kernel", [28, 64]],
      ["recurrentKernel", [64, 64]],
      ["bias", [64]],
    ]);
    expect(layer.bias.value.data.every((value) => value === 0)).toBe(true);
  });

  test("backward matches central differences for every element of the input and every parameter (returnSequences)", () => {
    expectLayerGradientsClose(new SimpleRNN(3, 4, { rng: rng(6), returnSequences: true }), [2, 5, 3], rng(7));
  });

  test("backward matches central differences when only the last state is returned", () => {
    expectLayerGradientsClose(new SimpleRNN(3, 4, { rng: rng(8) }), [3, 6, 3], rng(9));
  });

  test.each([sigmoid, relu, linear])("backward matches central differences with the $name activation", (activation) => {
    expectLayerGradientsClose(new SimpleRNN(2, 3, { rng: rng(10), activation, returnSequences: true }), [2, 4, 2], rng(11));
  });

  test("a backward that drops the recurrent term ∂L/∂h_{t−1} = ∂z_t·Uᵀ fails the check, on the recurrent kernel and the input", () => {
    class NoRecurrentGradient extends SimpleRNN {
      protected override backwardStep(t: number): void {
        super.backwardStep(t, false); // as if h_{t−1} did not feed step t
      }
    }
    const layer = new NoRecurrentGradient(3, 4, { rng: rng(6), returnSequences: true, name: "broken" });
    const report = checkLayer(layer, [2, 5, 3], rng(7));
    expect(report.ok).toBe(false);
    expect(report.params["broken.recurrentKernel"].ok).toBe(false);
    expect(report.input.ok).toBe(false);
  });

  test("rejects an activation whose slope it cannot compute from the output, naming the ones it takes", () => {
    expect(() => new SimpleRNN(2, 3, { rng: rng(1), activation: gelu })).toThrow(/SimpleRNN: activation gelu is not supported; expected one of tanh, sigmoid, relu, linear/);
  });
});
