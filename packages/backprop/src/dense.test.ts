import { describe, expect, test } from "vitest";
import { type Rng, type Tensor, clone, matmul, rng, randn, tensor, transpose } from "@gradschool/tensor";
import { checkLayer, expectLayerGradientsClose } from "@gradschool/gradcheck";
import { Dense } from "./dense.ts";
import { initializers } from "./initializers.ts";

describe("Dense forward", () => {
  test("computes y = x·W + b, with W stored [inFeatures, outFeatures]", () => {
    const dense = new Dense(2, 3, { rng: rng(0) });
    dense.kernel.value.data.set([1, 2, 3, 4, 5, 6]); // W = [[1, 2, 3], [4, 5, 6]]
    dense.bias.value.data.set([0.5, -1, 0]);
    const y = dense.forward(tensor([[1, 0], [1, 1]]));
    expect(y.toArray()).toEqual([[1.5, 1, 3], [5.5, 6, 9]]);
  });

  test("starts with a glorotUniform kernel and a zero bias, as Keras's Dense", () => {
    const dense = new Dense(30, 20, { rng: rng(1) });
    const expected = initializers.glorotUniform([30, 20], 30, 20, rng(1));
    expect([...dense.kernel.value.data]).toEqual([...expected.data]);
    expect([...dense.bias.value.data]).toEqual(new Array(20).fill(0));
    expect(dense.kernel.grad.shape).toEqual([30, 20]);
    expect(dense.bias.grad.shape).toEqual([20]);
  });

  test("uses the init it is given", () => {
    const dense = new Dense(3, 2, { rng: rng(0), init: initializers.zeros });
    expect([...dense.kernel.value.data]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test("names its parameters after the layer, so a gradient report reads dense1.kernel", () => {
    const named = new Dense(3, 2, { rng: rng(0), name: "hidden" });
    expect(named.params().map((param) => param.name)).toEqual(["hidden.kernel", "hidden.bias"]);
    const first = new Dense(3, 2, { rng: rng(0) });
    const second = new Dense(2, 1, { rng: rng(0) });
    expect(first.name).toMatch(/^dense\d+$/);
    expect(second.name).not.toBe(first.name);
    expect(second.kernel.name).toBe(`${second.name}.kernel`);
  });

  test("outputShape maps [batch, inFeatures] to [batch, outFeatures]", () => {
    expect(new Dense(784, 128, { rng: rng(0) }).outputShape([32, 784])).toEqual([32, 128]);
  });
});

describe("Dense backward", () => {
  test("matches central differences for input, kernel and bias", () => {
    expectLayerGradientsClose(new Dense(4, 3, { rng: rng(7) }), [5, 4]);
  });

  test("matches central differences for a batch of one", () => {
    expectLayerGradientsClose(new Dense(6, 2, { rng: rng(8) }), [1, 6], rng(1));
  });

  test("matches central differences for a square kernel and for one input feature", () => {
    expectLayerGradientsClose(new Dense(3, 3, { rng: rng(9) }), [4, 3], rng(2));
    expectLayerGradientsClose(new Dense(1, 5, { rng: rng(10) }), [3, 1], rng(3));
  });

  test("checks every element of every gradient below 1e-6", () => {
    const report = checkLayer(new Dense(5, 4, { rng: rng(11), init: initializers.heNormal }), [6, 5], rng(4));
    expect(Object.keys(report.params)).toEqual([expect.stringMatching(/\.kernel$/), expect.stringMatching(/\.bias$/)]);
    for (const tensorReport of [report.input, ...Object.values(report.params)]) {
      expect(tensorReport.maxRelError).toBeLessThan(1e-6);
    }
  });

  test("returns gradOut·Wᵀ and adds xᵀ·gradOut and the column sums of gradOut", () => {
    const dense = new Dense(2, 2, { rng: rng(0) });
    dense.kernel.value.data.set([1, 2, 3, 4]);
    dense.forward(tensor([[1, 2], [3, 4], [5, 6]]));
    const gradIn = dense.backward(tensor([[1, 0], [0, 1], [1, 1]]));
    expect(gradIn.toArray()).toEqual([[1, 3], [2, 4], [3, 7]]); // gradOut · Wᵀ
    expect(dense.kernel.grad.toArray()).toEqual([[6, 8], [8, 10]]); // xᵀ · gradOut
    expect([...dense.bias.grad.data]).toEqual([2, 2]); // Σ over the 3 rows
  });

  test("adds into the gradients: two backward calls double them", () => {
    const dense = new Dense(4, 3, { rng: rng(12) });
    const random = rng(13);
    dense.forward(randn([5, 4], random));
    const gradOut = randn([5, 3], random);
    dense.backward(gradOut);
    const once = [clone(dense.kernel.grad), clone(dense.bias.grad)];
    dense.backward(gradOut);
    [dense.kernel.grad, dense.bias.grad].forEach((grad, i) => {
      grad.data.forEach((value, j) => expect(value).toBeCloseTo(2 * once[i].data[j], 12));
    });
  });
});

describe("Dense backwardParams", () => {
  test("adds the same kernel and bias gradients as backward, without computing ∂L/∂x", () => {
    const random = rng(14);
    const x = randn([5, 4], random);
    const gradOut = randn([5, 3], random);
    const full = new Dense(4, 3, { rng: rng(15) });
    const paramsOnly = new Dense(4, 3, { rng: rng(15) });
    full.forward(x);
    full.backward(gradOut);
    paramsOnly.forward(x);
    expect(paramsOnly.backwardParams(gradOut)).toBeUndefined();
    expect([...paramsOnly.kernel.grad.data]).toEqual([...full.kernel.grad.data]);
    expect([...paramsOnly.bias.grad.data]).toEqual([...full.bias.grad.data]);
  });

  test("checks its arguments like backward, under its own name", () => {
    expect(() => new Dense(2, 2, { rng: rng(0), name: "fresh" }).backwardParams(tensor([[1, 1]]))).toThrow(
      /Dense\.backwardParams: layer "fresh" has not run forward yet/,
    );
    const layer = new Dense(3, 2, { rng: rng(0) });
    layer.forward(randn([4, 3], rng(1)));
    expect(() => layer.backwardParams(randn([4, 3], rng(2)))).toThrow(/Dense\.backwardParams: gradOut is \[4, 3\]; expected \[4, 2\]/);
  });
});

describe("the gradient check catches a wrong Dense backward", () => {
  // Each bug is one plausible slip in backward; after super.backward the grads hold exactly
  // this call's gradients, because checkLayer zeroes them first.
  class KernelGradientTransposed extends Dense {
    override backward(gradOut: Tensor): Tensor {
      const gradIn = super.backward(gradOut);
      this.kernel.grad.data.set(transpose(this.kernel.grad).data); // (xᵀ·gradOut)ᵀ: fits only a square W
      return gradIn;
    }
  }
  class BiasGradientMissing extends Dense {
    override backward(gradOut: Tensor): Tensor {
      const gradIn = super.backward(gradOut);
      this.bias.grad.data.fill(0); // forgot db = Σ gradOut
      return gradIn;
    }
  }
  class InputGradientUntransposed extends Dense {
    override backward(gradOut: Tensor): Tensor {
      super.backward(gradOut);
      return matmul(gradOut, this.kernel.value); // gradOut·W, not gradOut·Wᵀ: fits only a square W
    }
  }
  class KernelGradientOverwritten extends Dense {
    override backward(gradOut: Tensor): Tensor {
      this.kernel.grad.data.fill(0); // "=" instead of "+=": loses what was there
      return super.backward(gradOut);
    }
  }

  test("a transposed kernel gradient fails on the kernel alone", () => {
    const report = checkLayer(new KernelGradientTransposed(3, 3, { rng: rng(1), name: "buggy" }), [4, 3], rng(2));
    expect(report.ok).toBe(false);
    expect(report.params["buggy.kernel"].ok).toBe(false);
    expect(report.params["buggy.bias"].ok).toBe(true);
    expect(report.input.ok).toBe(true);
  });

  test("a missing bias gradient fails on the bias alone", () => {
    const report = checkLayer(new BiasGradientMissing(4, 3, { rng: rng(1), name: "buggy" }), [5, 4], rng(2));
    expect(report.ok).toBe(false);
    expect(report.params["buggy.bias"].maxRelError).toBe(1); // analytic 0 against a real slope
    expect(report.params["buggy.kernel"].ok).toBe(true);
  });

  test("gradOut·W instead of gradOut·Wᵀ fails on the input gradient", () => {
    const report = checkLayer(new InputGradientUntransposed(3, 3, { rng: rng(1), name: "buggy" }), [4, 3], rng(2));
    expect(report.ok).toBe(false);
    expect(report.input.ok).toBe(false);
    expect(report.params["buggy.kernel"].ok).toBe(true);
  });

  test("a kernel gradient that overwrites instead of adding fails the accumulation test", () => {
    const gradientAfterTwoBackwards = (dense: Dense): number => {
      dense.forward(tensor([[1, 2]]));
      dense.backward(tensor([[1, 1]]));
      dense.backward(tensor([[1, 1]]));
      return dense.kernel.grad.get(0, 0); // x₀ · gradOut₀ = 1 per call
    };
    expect(gradientAfterTwoBackwards(new Dense(2, 2, { rng: rng(1) }))).toBe(2);
    expect(gradientAfterTwoBackwards(new KernelGradientOverwritten(2, 2, { rng: rng(1) }))).toBe(1);
  });
});

describe("Dense errors", () => {
  const dense = new Dense(784, 10, { rng: rng(0), name: "classifier" });

  test("an input with the wrong feature count names both shapes", () => {
    expect(() => dense.forward(randn([32, 10], rng(0)))).toThrow(
      /Dense\.forward: input is \[32, 10\]; expected \[batch, 784\] \(layer "classifier" takes 784 features\)/,
    );
  });

  test("an input that is not 2-D is rejected", () => {
    expect(() => dense.forward(randn([784], rng(0)))).toThrow(/Dense\.forward: input is \[784\]; expected \[batch, 784\]/);
    expect(() => dense.outputShape([1, 28, 28])).toThrow(/Dense\.outputShape: input is \[1, 28, 28\]; expected \[batch, 784\]/);
  });

  test("backward before forward says to call forward first", () => {
    expect(() => new Dense(2, 2, { rng: rng(0), name: "fresh" }).backward(tensor([[1, 1]]))).toThrow(
      /Dense\.backward: layer "fresh" has not run forward yet; call forward\(x\) before backward\(gradOut\)/,
    );
  });

  test("a gradOut that does not match the last output names both shapes", () => {
    const layer = new Dense(3, 2, { rng: rng(0) });
    layer.forward(randn([4, 3], rng(1)));
    expect(() => layer.backward(randn([4, 3], rng(2)))).toThrow(/Dense\.backward: gradOut is \[4, 3\]; expected \[4, 2\]/);
    expect(() => layer.backward(randn([5, 2], rng(2)))).toThrow(/gradOut is \[5, 2\]; expected \[4, 2\]/);
  });

  test("bad constructor arguments are named", () => {
    expect(() => new Dense(0, 3, { rng: rng(0) })).toThrow(/Dense: inFeatures must be a positive integer; received 0/);
    expect(() => new Dense(3, 2.5, { rng: rng(0) })).toThrow(/Dense: outFeatures must be a positive integer; received 2\.5/);
    expect(() => new Dense(3, 2, {} as never)).toThrow(/Dense: options\.rng is required/);
    const pytorchLayout = (_shape: readonly number[], fanIn: number, fanOut: number, random: Rng) => randn([fanOut, fanIn], random);
    expect(() => new Dense(3, 2, { rng: rng(0), init: pytorchLayout })).toThrow(
      /Dense: init returned \[2, 3\]; expected a Tensor of shape \[3, 2\]/,
    );
  });

  test("a plain array instead of a Tensor is named", () => {
    expect(() => dense.forward([[1, 2]] as never)).toThrow(/Dense\.forward: x must be a Tensor; received an array/);
  });
});
