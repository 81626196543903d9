import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { type Rng, allClose, clone, randn, rng, scale, zeros } from "@gradschool/tensor";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { initializers } from "@gradschool/backprop";
import { Conv2D } from "./conv2d.ts";
import { conv2dReference, conv2dReferenceBackward } from "./conv2d-reference.ts";
import type { Padding } from "./window-geometry.ts";

const CLOSE = { rtol: 1e-12, atol: 1e-12 };

interface Case {
  batch: number;
  inChannels: number;
  outChannels: number;
  height: number;
  width: number;
  kernel: [number, number];
  stride: [number, number];
  padding: Padding;
}

/** A Conv2D with a random kernel and bias, and a random input for it. */
function setUp({ batch, inChannels, outChannels, height, width, kernel, stride, padding }: Case, random: Rng) {
  const conv = new Conv2D(inChannels, outChannels, kernel, { rng: random, stride, padding });
  conv.bias.value.data.set(randn([outChannels], random).data);
  return { conv, x: randn([batch, inChannels, height, width], random), options: { stride, padding } };
}

/** Random small convolutions: sizes 1–7, kernels 1–4, strides 1–3, every kind of padding, batches 1–3. */
const cases: fc.Arbitrary<Case> = fc
  .record({
    batch: fc.integer({ min: 1, max: 3 }),
    inChannels: fc.integer({ min: 1, max: 3 }),
    outChannels: fc.integer({ min: 1, max: 5 }),
    height: fc.integer({ min: 1, max: 7 }),
    width: fc.integer({ min: 1, max: 7 }),
    kernel: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })),
    stride: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })),
    padding: fc.oneof(fc.constant<Padding>("valid"), fc.constant<Padding>("same"), fc.integer({ min: 0, max: 2 })),
  })
  .filter(({ height, width, kernel, padding }) => {
    const pad = padding === "same" ? Infinity : padding === "valid" ? 0 : padding;
    return kernel[0] <= height + 2 * pad && kernel[1] <= width + 2 * pad;
  });

describe("Conv2D forward", () => {
  test.each<Case>([
    { batch: 2, inChannels: 1, outChannels: 4, height: 8, width: 8, kernel: [3, 3], stride: [1, 1], padding: "valid" },
    { batch: 1, inChannels: 3, outChannels: 2, height: 7, width: 9, kernel: [2, 3], stride: [2, 2], padding: "same" },
    { batch: 3, inChannels: 2, outChannels: 5, height: 6, width: 5, kernel: [3, 1], stride: [1, 2], padding: 2 },
    { batch: 2, inChannels: 32, outChannels: 8, height: 13, width: 13, kernel: [3, 3], stride: [1, 1], padding: "valid" },
  ])("equals the direct-loop definition: batch $batch, $inChannels→$outChannels channels, $height×$width, kernel $kernel, stride $stride, padding $padding", (c) => {
    const { conv, x, options } = setUp(c, rng(1));
    expect(allClose(conv.forward(x), conv2dReference(x, conv.kernel.value, conv.bias.value, options), CLOSE)).toBe(true);
  });

  test("equals the direct-loop definition on 300 random shapes, strides and paddings", () => {
    fc.assert(
      fc.property(cases, fc.integer(), (c, seed) => {
        const { conv, x, options } = setUp(c, rng(seed));
        return allClose(conv.forward(x), conv2dReference(x, conv.kernel.value, conv.bias.value, options), CLOSE);
      }),
      { seed: 8, numRuns: 300 },
    );
  });

  test("gives [batch, outChannels, outHeight, outWidth], which outputShape predicts", () => {
    const conv = new Conv2D(3, 8, [3, 5], { rng: rng(0), stride: 2, padding: "same" });
    expect(conv.forward(zeros([2, 3, 11, 10])).shape).toEqual([2, 8, 6, 5]);
    expect(conv.outputShape([2, 3, 11, 10])).toEqual([2, 8, 6, 5]);
    expect(new Conv2D(1, 32, 3, { rng: rng(0) }).outputShape([64, 1, 28, 28])).toEqual([64, 32, 26, 26]);
  });

  test("starts from glorotUniform with Keras's fans (in·kH·kW, out·kH·kW) and a zero bias", () => {
    const conv = new Conv2D(3, 4, [2, 5], { rng: rng(5) });
    const expected = initializers.glorotUniform([4, 3, 2, 5], 3 * 10, 4 * 10, rng(5));
    expect([...conv.kernel.value.data]).toEqual([...expected.data]);
    expect([...conv.bias.value.data]).toEqual([0, 0, 0, 0]);
    expect(conv.params().map((param) => param.name)).toEqual([`${conv.name}.kernel`, `${conv.name}.bias`]);
  });

  test("returns a fresh output on every call, so a kept output survives the next batch", () => {
    const { conv, x } = setUp({ batch: 2, inChannels: 1, outChannels: 2, height: 4, width: 4, kernel: [3, 3], stride: [1, 1], padding: "valid" }, rng(2));
    const first = conv.forward(x);
    const kept = [...first.data];
    conv.forward(randn(x.shape, rng(3)));
    expect([...first.data]).toEqual(kept);
  });
});

describe("Conv2D backward", () => {
  test("equals the direct-loop backward for x, kernel and bias on 200 random shapes, strides and paddings", () => {
    fc.assert(
      fc.property(cases, fc.integer(), (c, seed) => {
        const random = rng(seed);
        const { conv, x, options } = setUp(c, random);
        const out = conv.forward(x);
        const gradOut = randn(out.shape, random);
        const gradInput = conv.backward(gradOut);
        const reference = conv2dReferenceBackward(x, conv.kernel.value, gradOut, options);
        return (
          allClose(gradInput, reference.gradInput, CLOSE) &&
          allClose(conv.kernel.grad, reference.gradKernel, CLOSE) &&
          allClose(conv.bias.grad, reference.gradBias, CLOSE)
        );
      }),
      { seed: 9, numRuns: 200 },
    );
  });

  // Every element of ∂L/∂x, ∂L/∂K and ∂L/∂b against central differences (gradcheck's checkLayer).
  test.each<[string, Case]>([
    ["3×3, valid, batch 2", { batch: 2, inChannels: 1, outChannels: 3, height: 6, width: 6, kernel: [3, 3], stride: [1, 1], padding: "valid" }],
    ["stride 2 (windows that skip pixels)", { batch: 2, inChannels: 2, outChannels: 3, height: 7, width: 7, kernel: [3, 3], stride: [2, 2], padding: "valid" }],
    ['"same" padding with the odd pixel after', { batch: 1, inChannels: 2, outChannels: 2, height: 6, width: 5, kernel: [4, 2], stride: [1, 1], padding: "same" }],
    ['"same" with stride 2', { batch: 2, inChannels: 3, outChannels: 2, height: 5, width: 6, kernel: [3, 3], stride: [2, 2], padding: "same" }],
    ["numeric padding 2", { batch: 2, inChannels: 2, outChannels: 2, height: 4, width: 4, kernel: [3, 3], stride: [1, 1], padding: 2 }],
    ["non-square kernel, stride [2, 1]", { batch: 3, inChannels: 3, outChannels: 4, height: 6, width: 5, kernel: [2, 3], stride: [2, 1], padding: 1 }],
    ["many channels, 1×1 kernel", { batch: 2, inChannels: 5, outChannels: 6, height: 3, width: 3, kernel: [1, 1], stride: [1, 1], padding: "valid" }],
  ])("matches central differences for x, kernel and bias: %s", (_, c) => {
    const { conv } = setUp(c, rng(21));
    expectLayerGradientsClose(conv, [c.batch, c.inChannels, c.height, c.width], rng(22));
  });

  test("backwardParams fills the same kernel and bias gradients as backward, and computes no ∂L/∂x", () => {
    const c: Case = { batch: 3, inChannels: 2, outChannels: 4, height: 7, width: 6, kernel: [3, 3], stride: [2, 1], padding: "same" };
    const { conv, x } = setUp(c, rng(4));
    const gradOut = randn(conv.forward(x).shape, rng(5));
    conv.backward(gradOut);
    const [kernelGrad, biasGrad] = [[...conv.kernel.grad.data], [...conv.bias.grad.data]];
    conv.kernel.grad.data.fill(0);
    conv.bias.grad.data.fill(0);
    expect(conv.backwardParams(gradOut)).toBeUndefined();
    expect([...conv.kernel.grad.data]).toEqual(kernelGrad);
    expect([...conv.bias.grad.data]).toEqual(biasGrad);
  });

  test("after an inference forward, which keeps one image's cols, backward redoes im2col and gives the same gradients", () => {
    const c: Case = { batch: 4, inChannels: 2, outChannels: 3, height: 6, width: 6, kernel: [3, 3], stride: [1, 1], padding: 1 };
    const gradients = (training: boolean) => {
      const { conv, x } = setUp(c, rng(14));
      const gradOut = randn(conv.forward(x, { training }).shape, rng(15));
      const gradInput = conv.backward(gradOut);
      return [gradInput, conv.kernel.grad, conv.bias.grad].map((t) => [...t.data]);
    };
    expect(gradients(false)).toEqual(gradients(true));
  });

  test("adds into the gradients: two backward calls double them", () => {
    const { conv, x } = setUp({ batch: 2, inChannels: 2, outChannels: 2, height: 5, width: 5, kernel: [3, 3], stride: [1, 1], padding: "valid" }, rng(6));
    const gradOut = randn(conv.forward(x).shape, rng(7));
    conv.backward(gradOut);
    const [kernelOnce, biasOnce] = [clone(conv.kernel.grad), clone(conv.bias.grad)];
    conv.backward(gradOut);
    expect(allClose(conv.kernel.grad, scale(kernelOnce, 2), CLOSE)).toBe(true);
    expect(allClose(conv.bias.grad, scale(biasOnce, 2), CLOSE)).toBe(true);
  });
});

describe("Conv2D errors", () => {
  const conv = () => new Conv2D(3, 8, 3, { rng: rng(0), name: "conv" });

  test("forward rejects the wrong channel count, naming both", () => {
    expect(() => conv().forward(zeros([2, 1, 8, 8]))).toThrow(/Conv2D\.forward: x is \[2, 1, 8, 8\] with 1 channels; expected 3 channels/);
  });

  test("forward rejects an input that is not 4-D", () => {
    expect(() => conv().forward(zeros([2, 192]))).toThrow(/Conv2D\.forward: x is \[2, 192\]; expected 4-D images \[batch, 3, height, width\] \(NCHW\)/);
  });

  test("forward rejects a kernel larger than the padded input", () => {
    expect(() => conv().forward(zeros([1, 3, 2, 8]))).toThrow(/Conv2D\.forward \(layer "conv"\): the 3×3 kernel is larger than the 2×8 input; .*padding "same"/);
    expect(() => new Conv2D(1, 1, 5, { rng: rng(0), padding: 1 }).outputShape([1, 1, 2, 2])).toThrow(/5×5 kernel is larger than the 2×2 input \(4×4 after padding 1\)/);
  });

  test("the constructor rejects stride < 1, bad padding, bad sizes and a missing rng", () => {
    expect(() => new Conv2D(1, 1, 3, { rng: rng(0), stride: 0 })).toThrow(/Conv2D: stride must be a positive integer .*received 0/);
    expect(() => new Conv2D(1, 1, 3, { rng: rng(0), padding: "full" as Padding })).toThrow(/Conv2D: padding must be "valid", "same" or a whole number of zeros ≥ 0; received "full"/);
    expect(() => new Conv2D(1, 1, 3, { rng: rng(0), padding: -1 })).toThrow(/received -1/);
    expect(() => new Conv2D(1, 1, [3, 0], { rng: rng(0) })).toThrow(/Conv2D: kernelSize must be .*received \[3,0\]/);
    expect(() => new Conv2D(0, 1, 3, { rng: rng(0) })).toThrow(/Conv2D: inChannels must be a positive integer; received 0/);
    expect(() => new Conv2D(1, 1, 3, {} as never)).toThrow(/Conv2D: options\.rng is required/);
  });

  test("backward before forward, or with a gradOut of the wrong shape, says what it expected", () => {
    expect(() => conv().backward(zeros([1, 8, 2, 2]))).toThrow(/Conv2D\.backward: layer "conv" has not run forward yet/);
    const layer = conv();
    layer.forward(zeros([2, 3, 5, 5]));
    expect(() => layer.backward(zeros([2, 8, 5, 5]))).toThrow(/Conv2D\.backward: gradOut is \[2, 8, 5, 5\]; expected \[2, 8, 3, 3\]/);
    expect(() => layer.backwardParams(zeros([1, 8, 3, 3]))).toThrow(/Conv2D\.backwardParams: gradOut is \[1, 8, 3, 3\]; expected \[2, 8, 3, 3\]/);
  });
});
