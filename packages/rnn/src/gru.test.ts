import { describe, expect, test } from "vitest";
import { allClose, randn, rng } from "@gradschool/tensor";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { GRU } from "./gru.ts";
import { referenceRun } from "./reference-cells.ts";

describe("GRU", () => {
  test("forward matches a direct loop over PyTorch's r, z, n equations (reset after the recurrent product)", () => {
    const layer = new GRU(3, 4, { rng: rng(1), returnSequences: true });
    layer.bias.value.data.forEach((_, j, bias) => (bias[j] = 0.2 * Math.cos(j)));
    layer.recurrentBias.value.data.forEach((_, j, bias) => (bias[j] = 0.3 * Math.sin(j))); // c_n must sit inside r ⊙ (…)
    const x = randn([2, 6, 3], rng(2));
    expect(allClose(layer.forward(x), referenceRun(layer, x).states, { rtol: 0, atol: 1e-13 })).toBe(true);
  });

  test("has PyTorch's two biases: bias [3·units] on the input side and recurrentBias [3·units] on the recurrent side", () => {
    const layer = new GRU(28, 16, { rng: rng(3) });
    expect(layer.params().map((param) => [param.name, param.value.shape])).toEqual([
      [`${layer.name}.kernel`, [28, 48]],
      [`${layer.name}.recurrentKernel`, [16, 48]],
      [`${layer.name}.bias`, [48]],
      [`${layer.name}.recurrentBias`, [48]],
    ]);
  });

  test("backward matches central differences for every element of the input and every parameter (returnSequences)", () => {
    const layer = new GRU(3, 4, { rng: rng(4), returnSequences: true });
    layer.recurrentBias.value.data.forEach((_, j, bias) => (bias[j] = 0.3 * Math.sin(j)));
    expectLayerGradientsClose(layer, [2, 5, 3], rng(5));
  });

  test("backward matches central differences when only the last state is returned", () => {
    expectLayerGradientsClose(new GRU(2, 3, { rng: rng(6) }), [3, 7, 2], rng(7));
  });

  test("a backward that drops the update gate's direct path ∂h ⊙ z to h_{t−1} fails the check", () => {
    class NoDirectPath extends GRU {
      protected override backwardStep(t: number, carry: boolean): void {
        super.backwardStep(t, carry);
        if (!carry) return;
        const { batchSize, gradCarry, gradState, gateValues } = this.buffers;
        const units = this.units;
        for (let b = 0; b < batchSize; b++) {
          for (let u = 0; u < units; u++) {
            const z = gateValues[((t - 1) * batchSize + b) * 3 * units + units + u];
            gradCarry[b * units + u] -= gradState[b * units + u] * z; // take ∂h ⊙ z back out
          }
        }
      }
    }
    const report = checkLayer(new NoDirectPath(3, 4, { rng: rng(4), returnSequences: true, name: "broken" }), [2, 5, 3], rng(5));
    expect(report.ok).toBe(false);
    expect(report.params["broken.recurrentKernel"].ok).toBe(false);
    expect(report.input.ok).toBe(false);
  });
});
