import { describe, expect, test } from "vitest";
import { type Tensor, clone, full, rng, tensor, zeros } from "@gradschool/tensor";
import { type CheckableLayer, type ParamLike, checkLayer } from "./check-layer.ts";
import { type DenseBug, TestDense, TestTanh } from "./test-layers.ts";

const checkDense = (bug: DenseBug, inFeatures = 4, outFeatures = 3) =>
  checkLayer(new TestDense(inFeatures, outFeatures, rng(1), bug), [5, inFeatures], rng(2));

describe("checkLayer", () => {
  test("passes a correct Dense layer for input, kernel and bias, each below 1e-6", () => {
    const report = checkDense("none");
    expect(report.ok).toBe(true);
    expect(Object.keys(report.params)).toEqual(["kernel", "bias"]);
    expect(report.input.shape).toEqual([5, 4]);
    expect(report.params.kernel.shape).toEqual([4, 3]);
    expect(report.params.bias.shape).toEqual([3]);
    for (const tensorReport of [report.input, report.params.kernel, report.params.bias]) {
      expect(tensorReport.maxRelError).toBeLessThan(1e-6);
    }
  });

  test("catches an input gradient off by a factor of 2, and only there", () => {
    const report = checkDense("inputGradientDoubled");
    expect(report.ok).toBe(false);
    expect(report.input.ok).toBe(false);
    expect(report.input.maxRelError).toBeCloseTo(0.5, 6); // |2n − n| / 2n
    expect(report.params.kernel.ok).toBe(true);
    expect(report.params.bias.ok).toBe(true);
  });

  test("catches a kernel gradient with a flipped sign", () => {
    const report = checkDense("kernelGradientSignFlipped");
    expect(report.ok).toBe(false);
    expect(report.params.kernel.ok).toBe(false);
    expect(report.params.kernel.maxRelError).toBeCloseTo(2, 6); // |−n − n| / |n|
    expect(report.input.ok).toBe(true);
  });

  test("catches a transposed kernel gradient on a square kernel, where the shapes cannot", () => {
    const report = checkDense("kernelGradientTransposed", 3, 3);
    expect(report.ok).toBe(false);
    expect(report.params.kernel.ok).toBe(false);
    expect(report.params.kernel.worst[0].index[0]).not.toBe(report.params.kernel.worst[0].index[1]); // the diagonal is right
    expect(report.params.bias.ok).toBe(true);
  });

  test("catches a missing bias gradient: analytic 0 against a real numeric slope", () => {
    const report = checkDense("biasGradientMissing");
    expect(report.ok).toBe(false);
    expect(report.params.bias.ok).toBe(false);
    expect(report.params.bias.maxRelError).toBe(1);
    expect(report.params.bias.worst[0].analytic).toBe(0);
    expect(Math.abs(report.params.bias.worst[0].numeric)).toBeGreaterThan(0.01);
  });

  test("zeroes every param.grad before backward, since layers add into grad", () => {
    const layer = new TestDense(4, 3, rng(1));
    layer.kernel.grad.data.fill(100);
    layer.bias.grad.data.fill(-100);
    expect(checkLayer(layer, [5, 4], rng(2)).ok).toBe(true);
  });

  test("leaves every parameter value exactly as it was", () => {
    const layer = new TestDense(4, 3, rng(1));
    const kernelBefore = clone(layer.kernel.value);
    checkLayer(layer, [5, 4], rng(2));
    expect(layer.kernel.value.data).toEqual(kernelBefore.data);
  });

  test("checks a layer without parameters through its input alone", () => {
    const report = checkLayer(new TestTanh(), [2, 3, 4], rng(3));
    expect(report.ok).toBe(true);
    expect(report.params).toEqual({});
    expect(report.input.shape).toEqual([2, 3, 4]);
  });

  test("gives the same report for the same seed", () => {
    expect(checkDense("kernelGradientSignFlipped")).toEqual(checkDense("kernelGradientSignFlipped"));
  });

  test("runs forward with training false by default, and true when asked", () => {
    const modes: boolean[] = [];
    const recorder: CheckableLayer = {
      forward: (x, ctx) => (modes.push(ctx?.training ?? true), clone(x)),
      backward: (gradOut) => gradOut,
      params: () => [],
    };
    checkLayer(recorder, [2], rng(4));
    expect(new Set(modes)).toEqual(new Set([false]));
    modes.length = 0;
    checkLayer(recorder, [2], rng(4), { training: true });
    expect(new Set(modes)).toEqual(new Set([true]));
  });

  test("keeps two parameters that share a name apart", () => {
    const first: ParamLike = { name: "kernel", value: tensor([2]), grad: zeros([1]) };
    const second: ParamLike = { name: "kernel", value: tensor([3]), grad: zeros([1]) };
    // y = x · a · b, so dy/da = x·b and dy/db = x·a
    let input = zeros([1]);
    const twoScalars: CheckableLayer = {
      forward: (x) => ((input = x), full([1], x.data[0] * first.value.data[0] * second.value.data[0])),
      backward: (gradOut: Tensor) => {
        const [g, x, a, b] = [gradOut.data[0], input.data[0], first.value.data[0], second.value.data[0]];
        first.grad.data[0] += g * x * b;
        second.grad.data[0] += g * x * a;
        return full([1], g * a * b);
      },
      params: () => [first, second],
    };
    const report = checkLayer(twoScalars, [1], rng(5));
    expect(Object.keys(report.params)).toEqual(["kernel", "kernel#1"]);
    expect(report.ok).toBe(true);
  });

  test("rejects a backward that returns the wrong shape, naming both shapes", () => {
    const wrongShape: CheckableLayer = { forward: (x) => x, backward: () => zeros([3, 2]), params: () => [] };
    expect(() => checkLayer(wrongShape, [2, 3], rng(6))).toThrow(
      /checkLayer: backward returned a gradient of shape \[3, 2\] for an input of shape \[2, 3\]/,
    );
  });

  test("rejects a forward whose output shape changes between calls", () => {
    let calls = 0;
    const unstable: CheckableLayer = {
      forward: () => zeros(++calls === 1 ? [2] : [3]),
      backward: (gradOut) => gradOut,
      params: () => [],
    };
    expect(() => checkLayer(unstable, [2], rng(8))).toThrow(/checkLayer: forward returned \[3\] this time but \[2\] before/);
  });

  test("rejects a parameter whose grad shape differs from its value, naming it", () => {
    const param: ParamLike = { name: "gamma", value: zeros([4]), grad: zeros([2]) };
    const layer: CheckableLayer = { forward: (x) => x, backward: (gradOut) => gradOut, params: () => [param] };
    expect(() => checkLayer(layer, [4], rng(7))).toThrow(/checkLayer: parameter "gamma" has value \[4\] but grad \[2\]/);
  });
});
