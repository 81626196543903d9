import { describe, expect, test } from "vitest";
import { type Tensor, map, randn, rng, sum } from "@gradschool/tensor";
import { GradientCheckError, expectGradientsClose, expectLayerGradientsClose } from "./expect.ts";
import { type DenseBug, TestDense } from "./test-layers.ts";

const sumOfTanh = (x: Tensor): number => sum(map(x, Math.tanh));
const tanhGradient = (x: Tensor): Tensor => map(x, (value) => 1 - Math.tanh(value) ** 2);

/** The error a failing check throws (fails the test if nothing is thrown). */
function thrownBy(check: () => unknown): GradientCheckError {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(GradientCheckError);
    return error as GradientCheckError;
  }
  throw new Error("expected the gradient check to throw, but it passed");
}

describe("expectGradientsClose", () => {
  test("passes silently on a correct gradient and returns the report", () => {
    const x = randn([3, 3], rng(1));
    expect(expectGradientsClose(sumOfTanh, x, tanhGradient(x)).maxRelError).toBeLessThan(1e-6);
  });

  test("throws a table that points at the wrong element and shows both numbers", () => {
    const x = randn([3, 4], rng(2));
    const analytic = tanhGradient(x);
    analytic.set(7, 1, 2);
    const error = thrownBy(() => expectGradientsClose(sumOfTanh, x, analytic));
    const numeric = 1 - Math.tanh(x.get(1, 2)) ** 2;
    expect(error.message).toMatch(/^expectGradientsClose: the analytic gradient disagrees with central differences\n/);
    expect(error.message).toMatch(new RegExp(`\\nx\\s+\\[1, 2\\]\\s+7\\.000000e\\+0\\s+${numeric.toExponential(6).replace("+", "\\+")}\\s`));
  });
});

describe("expectLayerGradientsClose", () => {
  test("passes a correct Dense layer with the default rng(0)", () => {
    const report = expectLayerGradientsClose(new TestDense(4, 3, rng(7)), [5, 4]);
    expect(report.ok).toBe(true);
  });

  test("the default rng is rng(0), so the report matches an explicit rng(0)", () => {
    const implicit = expectLayerGradientsClose(new TestDense(4, 3, rng(7)), [5, 4]);
    const explicit = expectLayerGradientsClose(new TestDense(4, 3, rng(7)), [5, 4], rng(0));
    expect(implicit).toEqual(explicit);
  });

  const wrongBackwards: Array<[bug: DenseBug, blamed: string, inFeatures: number]> = [
    ["inputGradientDoubled", "input", 4],
    ["kernelGradientSignFlipped", "kernel", 4],
    ["kernelGradientTransposed", "kernel", 3],
    ["biasGradientMissing", "bias", 4],
  ];
  for (const [bug, blamed, inFeatures] of wrongBackwards) {
    test(`a Dense backward with ${bug} fails and the table blames ${blamed}`, () => {
      const layer = new TestDense(inFeatures, 3, rng(7), bug);
      const error = thrownBy(() => expectLayerGradientsClose(layer, [5, inFeatures]));
      expect(error.message).toMatch(/^expectLayerGradientsClose: backward disagrees with central differences\n/);
      expect(error.message).toMatch(new RegExp(`^${blamed}\\s+\\[[\\d, ]+\\]\\s+\\S+\\s+FAIL$`, "m"));
      // The worst element of the blamed tensor, with its analytic and numeric values.
      const report = error.report;
      if (!("input" in report)) throw new Error("expected a layer report");
      const worst = blamed === "input" ? report.input.worst[0] : report.params[blamed].worst[0];
      const row = [blamed, `[${worst.index.join(", ")}]`, worst.analytic.toExponential(6), worst.numeric.toExponential(6)];
      expect(error.message).toMatch(new RegExp(`^${row.map(escapeRegExp).join("\\s+")}\\s+\\S+$`, "m"));
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[[\]+.]/g, "\\$&");
}
