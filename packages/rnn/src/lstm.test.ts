import { describe, expect, test } from "vitest";
import { allClose, randn, rng } from "@gradschool/tensor";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { LSTM } from "./lstm.ts";
import { referenceRun } from "./reference-cells.ts";

describe("LSTM", () => {
  test("forward matches a direct loop over the i, f, g, o equations", () => {
    const layer = new LSTM(3, 4, { rng: rng(1), returnSequences: true });
    layer.bias.value.data.forEach((_, j, bias) => (bias[j] += 0.1 * Math.sin(j))); // every gate's bias in play
    const x = randn([2, 6, 3], rng(2));
    expect(allClose(layer.forward(x), referenceRun(layer, x).states, { rtol: 0, atol: 1e-13 })).toBe(true);
  });

  test("the gates sit side by side in the order i, f, g, o, and only f's bias starts at 1 (unitForgetBias)", () => {
    const layer = new LSTM(28, 16, { rng: rng(3) });
    expect(layer.kernel.value.shape).toEqual([28, 64]);
    expect(layer.recurrentKernel.value.shape).toEqual([16, 64]);
    const bias = Array.from(layer.bias.value.data);
    expect(bias.slice(0, 16).every((value) => value === 0)).toBe(true);
    expect(bias.slice(16, 32).every((value) => value === 1)).toBe(true);
    expect(bias.slice(32).every((value) => value === 0)).toBe(true);
    expect(new LSTM(2, 3, { rng: rng(3), unitForgetBias: false }).bias.value.data.every((value) => value === 0)).toBe(true);
  });

  test("backward matches central differences for every element of the input and every parameter (returnSequences)", () => {
    expectLayerGradientsClose(new LSTM(3, 4, { rng: rng(4), returnSequences: true }), [2, 5, 3], rng(5));
  });

  test("backward matches central differences when only the last state is returned", () => {
    expectLayerGradientsClose(new LSTM(2, 3, { rng: rng(6) }), [3, 7, 2], rng(7));
  });

  test("a backward that drops the forget-gate path of the cell state (∂L/∂c_{t−1} = ∂c ⊙ f) fails the check", () => {
    class NoCellPath extends LSTM {
      protected override backwardStep(t: number, carry: boolean): void {
        super.backwardStep(t, carry);
        this.gradCellCarry.fill(0); // ∂L/∂c_{t−1} lost; the h path is kept
      }
    }
    const report = checkLayer(new NoCellPath(3, 4, { rng: rng(4), returnSequences: true, name: "broken" }), [2, 5, 3], rng(5));
    expect(report.ok).toBe(false);
    expect(report.params["broken.kernel"].ok).toBe(false);
    expect(report.params["broken.recurrentKernel"].ok).toBe(false);
    expect(report.input.ok).toBe(false);
  });
});
