import { describe, expect, test } from "vitest";
import { Dense, Sequential as LayerSequence, Softmax } from "@gradschool/backprop";
import { checkGradient, expectGradientsClose } from "@gradschool/gradcheck";
import { Sequential } from "@gradschool/mlp";
import { Tensor, randn, rng } from "@gradschool/tensor";
import { saliency } from "./saliency.ts";
import { reluMlp, tanhMlp, tinyCnn } from "./test-models.ts";

/** Σₙ score of class classes[n] for row n: its gradient with respect to x is every row's saliency at once. */
function classScore(model: LayerSequence, classes: number[], of: "logit" | "probability") {
  return (x: Tensor): number => {
    const logits = model.forward(x, { training: false });
    const scores = of === "logit" ? logits : new Softmax().forward(logits);
    const width = scores.shape[1];
    return classes.reduce((total, c, row) => total + scores.data[row * width + c], 0);
  };
}

describe("saliency equals the input gradient measured by central differences", () => {
  test("of the logit, for a tanh MLP, at every input element", () => {
    const model = tanhMlp();
    const x = randn([4, 6], rng(10));
    const report = expectGradientsClose(classScore(model, [2, 2, 2, 2], "logit"), x, saliency(model, x, 2));
    expect(report.maxRelError).toBeLessThan(1e-6);
  });

  test("of the probability, for a tanh MLP, with a different class for each row", () => {
    const model = tanhMlp();
    const x = randn([4, 6], rng(11));
    const classes = [0, 1, 2, 1];
    expectGradientsClose(classScore(model, classes, "probability"), x, saliency(model, x, classes, { of: "probability" }));
  });

  test("for a ReLU MLP whose hidden pre-activations are all away from the kink at 0", () => {
    const model = reluMlp();
    const x = randn([5, 6], rng(12));
    const hidden = model.layers[0].forward(x, { training: false });
    expect(Math.min(...Array.from(hidden.data, Math.abs))).toBeGreaterThan(1e-3); // central differences never cross 0
    expectGradientsClose(classScore(model, [1, 1, 1, 1, 1], "logit"), x, saliency(model, x, 1));
    expectGradientsClose(classScore(model, [0, 1, 2, 0, 1], "probability"), x, saliency(model, x, [0, 1, 2, 0, 1], { of: "probability" }));
  });

  test("for a tiny CNN on [2, 1, 6, 6] images: conv, tanh, max pool, flatten, dense", () => {
    const model = tinyCnn();
    const x = randn([2, 1, 6, 6], rng(13));
    const map = saliency(model, x, [0, 2]);
    expect(map.shape).toEqual([2, 1, 6, 6]);
    expectGradientsClose(classScore(model, [0, 2], "logit"), x, map);
    expectGradientsClose(classScore(model, [1, 1], "probability"), x, saliency(model, x, 1, { of: "probability" }));
  });

  test("the check fails when the saliency is of the wrong class, so it can fail", () => {
    const model = tanhMlp();
    const x = randn([3, 6], rng(14));
    const report = checkGradient(classScore(model, [0, 0, 0], "logit"), x, saliency(model, x, 1));
    expect(report.ok).toBe(false);
    expect(report.maxRelError).toBeGreaterThan(0.1);
  });
});

describe("saliency on any Sequential", () => {
  test("a model ending in a Softmax layer: its logits are the layer before, so softmax is never applied twice", () => {
    const random = rng(20);
    const dense = new Dense(6, 3, { rng: random });
    const logitsOnly = new Sequential([dense]);
    const withSoftmax = new Sequential([dense, new Softmax()]);
    const x = randn([3, 6], random);
    expect(saliency(withSoftmax, x, 1).data).toEqual(saliency(logitsOnly, x, 1).data);
    expect(saliency(withSoftmax, x, 1, { of: "probability" }).data).toEqual(saliency(logitsOnly, x, 1, { of: "probability" }).data);
  });

  test("the logit saliency of a single Dense layer is the class's column of its kernel, for every row", () => {
    const dense = new Dense(4, 3, { rng: rng(21) });
    const map = saliency(new LayerSequence([dense]), randn([2, 4], rng(22)), 2);
    const column = [0, 1, 2, 3].map((i) => dense.kernel.value.data[i * 3 + 2]);
    expect(Array.from(map.data)).toEqual([...column, ...column]);
  });

  test("one call with classIndices gives each row what a call for that row's class alone gives", () => {
    const model = tanhMlp();
    const x = randn([3, 6], rng(23));
    const together = saliency(model, x, [2, 0, 1]);
    [2, 0, 1].forEach((c, row) => {
      const alone = saliency(model, x, c);
      expect(together.data.subarray(row * 6, row * 6 + 6)).toEqual(alone.data.subarray(row * 6, row * 6 + 6));
    });
  });

  test("it leaves every parameter's gradient as it found it (backward adds into them)", () => {
    const model = tinyCnn();
    model.params().forEach((param, i) => param.grad.data.fill(i + 0.5));
    saliency(model, randn([2, 1, 6, 6], rng(24)), 0);
    model.params().forEach((param, i) => expect(param.grad.data.every((g) => g === i + 0.5)).toBe(true));
  });
});

describe("saliency rejects bad input, naming what it received", () => {
  const model = tanhMlp();
  const x = randn([2, 6], rng(30));

  test("a class index outside 0 … classes − 1", () => {
    expect(() => saliency(model, x, 3)).toThrow(/saliency: classIndex is 3; expected an integer class in 0 … 2 \(the model outputs 3 classes\)/);
    expect(() => saliency(model, x, [0, -1])).toThrow(/saliency: classIndices\[1\] is -1/);
    expect(() => saliency(model, x, 1.5)).toThrow(/saliency: classIndex is 1\.5/);
  });

  test("a class index per row that does not match the batch", () => {
    expect(() => saliency(model, x, [0, 1, 2])).toThrow(/saliency: received 3 class indices for a batch of 2; expected one class index per row/);
  });

  test("x of the wrong shape for the model", () => {
    expect(() => saliency(model, randn([2, 5], rng(31)), 0)).toThrow(/saliency: the model cannot take x of shape \[2, 5\] — Sequential\.forward: layer 0/);
    expect(() => saliency(model, randn([6], rng(31)), 0)).toThrow(/saliency: x is \[6\]; expected a batch \[rows, …\]/);
  });

  test("an unknown kind of score", () => {
    expect(() => saliency(model, x, 0, { of: "loss" as "logit" })).toThrow(/saliency: options\.of is "loss"; expected "logit" or "probability"/);
  });
});
