import { describe, expect, test } from "vitest";
import { type Tensor, clone, map, rng, randn, tensor } from "@gradschool/tensor";
import { checkLayer, expectGradientsClose } from "@gradschool/gradcheck";
import { bceWithLogits, mse, softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { Sigmoid, Tanh } from "./activation-layer.ts";
import { Dense } from "./dense.ts";
import { Sequential } from "./sequential.ts";
import type { Layer } from "./layer.ts";

/** 4 → Dense → tanh → Dense → sigmoid → Dense → 3, seeded, with readable parameter names. */
const threeLayerModel = (seed = 1) => {
  const random = rng(seed);
  return new Sequential([
    new Dense(4, 6, { rng: random, name: "hidden1" }),
    new Tanh(),
    new Dense(6, 5, { rng: random, name: "hidden2" }),
    new Sigmoid(),
    new Dense(5, 3, { rng: random, name: "output" }),
  ]);
};

describe("Sequential", () => {
  test("forward runs the layers in order, each on the previous output", () => {
    const dense = new Dense(3, 2, { rng: rng(0) });
    const model = new Sequential([dense, new Tanh()]);
    const x = randn([4, 3], rng(1));
    expect(model.forward(x).toArray()).toEqual(map(dense.forward(x), Math.tanh).toArray());
  });

  test("params() lists every layer's parameters, first layer first", () => {
    expect(threeLayerModel().params().map((param) => param.name)).toEqual([
      "hidden1.kernel",
      "hidden1.bias",
      "hidden2.kernel",
      "hidden2.bias",
      "output.kernel",
      "output.bias",
    ]);
  });

  test("outputShape follows the shape through every layer", () => {
    expect(threeLayerModel().outputShape([32, 4])).toEqual([32, 3]);
  });

  test("backward of Dense → Tanh → Dense → Sigmoid → Dense matches central differences for the input and all six parameters", () => {
    const report = checkLayer(threeLayerModel(), [7, 4], rng(2));
    expect(report.ok).toBe(true);
    expect(Object.keys(report.params)).toHaveLength(6);
    for (const tensorReport of [report.input, ...Object.values(report.params)]) {
      expect(tensorReport.maxRelError).toBeLessThan(1e-6);
    }
  });

  test("a Sequential nests inside another as one layer", () => {
    const random = rng(3);
    const inner = new Sequential([new Dense(3, 4, { rng: random, name: "a" }), new Tanh()]);
    const outer = new Sequential([inner, new Dense(4, 2, { rng: random, name: "b" })]);
    expect(outer.params().map((param) => param.name)).toEqual(["a.kernel", "a.bias", "b.kernel", "b.bias"]);
    expect(checkLayer(outer, [5, 3], rng(4)).ok).toBe(true);
  });
});

describe("Sequential.computeGradients", () => {
  const x = randn([6, 4], rng(5));
  const labels = new Int32Array([0, 2, 1, 1, 0, 2]);

  test("returns the loss of the model's prediction", () => {
    const model = threeLayerModel();
    const lossValue = model.computeGradients(x, labels, softmaxCrossEntropy);
    expect(lossValue).toBe(softmaxCrossEntropy.forward(model.forward(x), labels));
  });

  test("gives ∂loss/∂parameter equal to central differences of the loss, for every parameter", () => {
    const model = threeLayerModel();
    model.computeGradients(x, labels, softmaxCrossEntropy);
    const lossOfModel = () => softmaxCrossEntropy.forward(model.forward(x, { training: true }), labels);
    for (const param of model.params()) {
      const report = expectGradientsClose(lossOfModel, param.value, param.grad);
      expect(report.maxRelError, param.name).toBeLessThan(1e-6);
    }
  });

  test("adds into the gradients: two calls double them, one zeroGrad clears them", () => {
    const model = threeLayerModel();
    const optimizer = new Adam();
    model.computeGradients(x, labels, softmaxCrossEntropy);
    const once = model.params().map((param) => clone(param.grad));
    model.computeGradients(x, labels, softmaxCrossEntropy);
    model.params().forEach((param, i) => {
      param.grad.data.forEach((value, j) => expect(value).toBeCloseTo(2 * once[i].data[j], 12));
    });
    optimizer.zeroGrad(model.params());
    expect(model.params().every((param) => param.grad.data.every((value) => value === 0))).toBe(true);
  });

  test("zeroGrad, computeGradients, step: Dense → Tanh → Dense learns XOR", () => {
    const inputs = tensor([[0, 0], [0, 1], [1, 0], [1, 1]]);
    const targets = tensor([[0], [1], [1], [0]]);
    const random = rng(6);
    const model = new Sequential([new Dense(2, 4, { rng: random }), new Tanh(), new Dense(4, 1, { rng: random })]);
    const optimizer = new Adam({ lr: 0.05 });
    const losses: number[] = [];
    for (let step = 0; step < 300; step++) {
      optimizer.zeroGrad(model.params());
      losses.push(model.computeGradients(inputs, targets, bceWithLogits));
      optimizer.step(model.params());
    }
    expect(losses.at(-1)!).toBeLessThan(losses[0] / 10);
    const predicted = [...model.forward(inputs).data].map((logit) => (logit > 0 ? 1 : 0));
    expect(predicted).toEqual([0, 1, 1, 0]);
  });
});

describe("Sequential.backwardParams", () => {
  const x = randn([6, 4], rng(7));
  const gradOut = randn([6, 3], rng(8));

  /** A Dense that counts how often it computes ∂L/∂input (its backward). */
  class CountingDense extends Dense {
    inputGradients = 0;
    override backward(gradOut: Tensor): Tensor {
      this.inputGradients++;
      return super.backward(gradOut);
    }
  }

  test("fills exactly the parameter gradients that backward fills", () => {
    const full = threeLayerModel();
    const paramsOnly = threeLayerModel();
    full.forward(x);
    full.backward(gradOut);
    paramsOnly.forward(x);
    paramsOnly.backwardParams(gradOut);
    paramsOnly.params().forEach((param, i) => expect([...param.grad.data], param.name).toEqual([...full.params()[i].grad.data]));
  });

  test("does not compute the first Dense's ∂L/∂x, the gradient for the data, but does compute every later one", () => {
    const random = rng(9);
    const first = new CountingDense(4, 5, { rng: random });
    const second = new CountingDense(5, 3, { rng: random });
    const model = new Sequential([first, new Tanh(), second]);
    model.computeGradients(x, new Int32Array([0, 1, 2, 0, 1, 2]), softmaxCrossEntropy);
    expect([first.inputGradients, second.inputGradients]).toEqual([0, 1]);
  });

  test("gives a first layer without backwardParams its parameter gradients through its ordinary backward", () => {
    // The same Dense, seen only through the Layer interface: forward, backward, params, outputShape.
    const asPlainLayer = (dense: Dense): Layer => ({
      name: dense.name,
      forward: (input) => dense.forward(input),
      backward: (grad) => dense.backward(grad),
      params: () => dense.params(),
      outputShape: (shape) => dense.outputShape(shape),
    });
    const build = () => new Sequential([asPlainLayer(new Dense(4, 3, { rng: rng(11), name: "plain" })), new Tanh()]);
    const full = build();
    const paramsOnly = build();
    full.forward(x);
    full.backward(gradOut);
    paramsOnly.forward(x);
    paramsOnly.backwardParams(gradOut);
    expect(paramsOnly.params()[0].grad.data.some((value) => value !== 0)).toBe(true);
    paramsOnly.params().forEach((param, i) => expect([...param.grad.data], param.name).toEqual([...full.params()[i].grad.data]));
  });

  test("before any forward it says to call forward first", () => {
    expect(() => threeLayerModel().backwardParams(gradOut)).toThrow(
      /Sequential\.backwardParams: the model has not run forward yet; call forward\(x\) before backwardParams\(gradOut\)/,
    );
  });
});

describe("Sequential errors", () => {
  test("layers that do not fit are rejected when the model is built, naming both layers and shapes", () => {
    const random = rng(0);
    expect(
      () => new Sequential([new Dense(4, 6, { rng: random, name: "d1" }), new Tanh(), new Dense(5, 3, { rng: random, name: "d2" })]),
    ).toThrow(/Sequential: layer 2 \(d2\) takes \[batch, 5\], but layer 1 \(tanh\) outputs \[batch, 6\]/);
  });

  test("an input of the wrong size names the layer, its index and both shapes", () => {
    const model = threeLayerModel();
    expect(() => model.forward(randn([2, 3], rng(0)))).toThrow(
      /Sequential\.forward: layer 0 \(hidden1\) failed on input \[2, 3\] — Dense\.forward: input is \[2, 3\]; expected \[batch, 4\]/,
    );
    expect(() => model.outputShape([2, 3])).toThrow(/Sequential\.outputShape: layer 0 \(hidden1\) failed on input \[2, 3\]/);
  });

  test("a gradOut of the wrong shape names the last layer and both shapes", () => {
    const model = threeLayerModel();
    model.forward(randn([2, 4], rng(0)));
    expect(() => model.backward(randn([2, 4], rng(1)))).toThrow(
      /Sequential\.backward: layer 4 \(output\) failed on gradOut \[2, 4\] — Dense\.backward: gradOut is \[2, 4\]; expected \[2, 3\]/,
    );
  });

  test("backward before forward says to call forward first", () => {
    expect(() => threeLayerModel().backward(randn([2, 3], rng(0)))).toThrow(
      /Sequential\.backward: the model has not run forward yet; call forward\(x\) before backward\(gradOut\)/,
    );
  });

  test("an empty list or something that is not a layer is rejected", () => {
    expect(() => new Sequential([])).toThrow(/Sequential: expected a non-empty array of layers; received \[\]/);
    expect(() => new Sequential([new Tanh(), { forward: () => 0 } as never])).toThrow(
      /Sequential: layer 1 is not a Layer \(it has no backward, params, outputShape\)/,
    );
  });

  test("computeGradients without a Loss, or with a target of the wrong shape, says so", () => {
    const model = threeLayerModel();
    const x = randn([2, 4], rng(0));
    expect(() => model.computeGradients(x, tensor([[1, 0, 0]]), "mse" as never)).toThrow(
      /Sequential\.computeGradients: expected a Loss .* received string/,
    );
    expect(() => model.computeGradients(x, tensor([[1, 0, 0]]), mse)).toThrow(/mse\.forward/);
  });
});
