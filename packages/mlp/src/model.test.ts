import { describe, expect, test } from "vitest";
import { argmax, randn, rng } from "@gradschool/tensor";
import { Dense, ReLU, Softmax } from "@gradschool/backprop";
import { crossEntropy, softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "./model.ts";
import { accuracy } from "./metrics.ts";
import { Dropout } from "./dropout.ts";
import { BatchNorm } from "./batch-norm.ts";
import "./parts-layer-types.ts"; // BatchNorm's running statistics count as non-trainable
import { spiralNet } from "./test-support.ts";

/** The reference MLP: 784 → Dense(128, relu) → Dense(10, softmax). */
function referenceMlp(): Sequential {
  const random = rng(1);
  return new Sequential([
    new Dense(784, 128, { rng: random, name: "dense1" }),
    new ReLU(),
    new Dense(128, 10, { rng: random, name: "dense2" }),
    new Softmax(),
  ]);
}

describe("summary", () => {
  test("prints the reference MLP as Keras does, with 101,770 parameters", () => {
    expect(referenceMlp().summary()).toBe(
      [
        'Model: "sequential"',
        "Layer (type)       Output Shape  Param #",
        "────────────────────────────────────────",
        "dense1 (Dense)     (None, 128)   100,480",
        "relu (ReLU)        (None, 128)         0",
        "dense2 (Dense)     (None, 10)      1,290",
        "softmax (Softmax)  (None, 10)          0",
        "────────────────────────────────────────",
        "Total params: 101,770 (795.08 KB)",
        "Trainable params: 101,770 (795.08 KB)",
        "Non-trainable params: 0 (0.00 B)",
      ].join("\n"),
    );
  });

  test("counts BatchNorm's running mean and variance as non-trainable, as Keras does", () => {
    const model = new Sequential([new Dense(4, 8, { rng: rng(1), name: "d" }), new BatchNorm(8, { name: "bn" })], { name: "normed" });
    const text = model.summary();
    expect(text).toMatch(/^Model: "normed"\n/);
    expect(text).toMatch(/\nbn \(BatchNorm\) +\(None, 8\) +32\n/); // γ, β, running mean, running var: 4 × 8
    expect(text).toMatch(/\nTotal params: 72 \(576\.00 B\)\nTrainable params: 56 \(448\.00 B\)\nNon-trainable params: 16 \(128\.00 B\)$/);
  });

  test("takes the input shape from options when the first layer is not a Dense, and asks for it otherwise", () => {
    const layers = () => [new ReLU(), new Dense(3, 2, { rng: rng(1), name: "d" })];
    expect(new Sequential(layers(), { inputShape: [3] }).summary()).toMatch(/\nrelu \(ReLU\) +\(None, 3\) +0\n/);
    expect(() => new Sequential(layers()).summary()).toThrow(
      "summary: cannot tell the input shape (the first layer, relu, is not a Dense); pass it: new Sequential(layers, { inputShape: [784] })",
    );
    expect(() => new Sequential(layers(), { inputShape: [0] })).toThrow(/Sequential: inputShape must list positive integers .*received \[0\]/);
  });
});

describe("predict, predictClasses and evaluate", () => {
  const x = randn([50, 2], rng(3));
  const y = Int32Array.from({ length: 50 }, (_, i) => i % 3);

  test("predict runs in inference mode: with a Dropout layer, two calls give the same answer", () => {
    const model = spiralNet(rng(4), [new Dropout(0.5, { rng: rng(5) })]);
    const first = model.predict(x);
    expect([...model.predict(x).data]).toEqual([...first.data]);
    const trainingOutput = model.forward(x, { training: true }); // dropout active: a different answer
    expect([...trainingOutput.data]).not.toEqual([...first.data]);
  });

  test("predict gives the same numbers whatever the batch size", () => {
    const model = spiralNet(rng(4));
    const whole = model.predict(x, { batchSize: 50 });
    expect(whole.shape).toEqual([50, 3]);
    expect([...model.predict(x, { batchSize: 7 }).data]).toEqual([...whole.data]);
    expect([...model.predict(x).data]).toEqual([...model.forward(x, { training: false }).data]);
  });

  test("predictClasses is the argmax of predict", () => {
    const model = spiralNet(rng(4));
    expect(model.predictClasses(x, { batchSize: 16 })).toEqual(argmax(model.predict(x), 1));
  });

  test("evaluate gives the loss and each metric over all rows, in inference mode", () => {
    const model = spiralNet(rng(4), [new Dropout(0.5, { rng: rng(5) })]);
    const scores = model.evaluate(x, y, { loss: softmaxCrossEntropy, metrics: [accuracy], batchSize: 16 });
    const prediction = model.predict(x);
    expect(scores).toEqual({ loss: softmaxCrossEntropy.forward(prediction, y), accuracy: accuracy.compute(prediction, y) });
    expect(model.evaluate(x, y, { loss: softmaxCrossEntropy, metrics: [accuracy] })).toEqual(scores);
  });

  test("evaluate reports NaN for a model whose output is not finite, instead of throwing", () => {
    const model = referenceMlp();
    (model.layers[2] as Dense).bias.value.data[0] = Infinity; // (a NaN in the first kernel would be zeroed by the ReLU)
    const scores = model.evaluate(randn([4, 784], rng(1)), [0, 1, 2, 3], { loss: crossEntropy, metrics: [accuracy] });
    expect(scores.loss).toBeNaN();
    expect(scores.accuracy).toBeNaN();
  });

  test("bad arguments are refused with what was received", () => {
    const model = spiralNet(rng(4));
    expect(() => model.predict(x, { batchSize: 0 })).toThrow("predict: batchSize must be a positive integer; received 0");
    expect(() => model.predict([[1, 2]] as never)).toThrow("predict: x must be a Tensor with at least one row; received object");
    expect(() => model.evaluate(x, y.subarray(0, 10), { loss: softmaxCrossEntropy })).toThrow(
      "evaluate: x has 50 rows but y has 10 targets; expected one target per row",
    );
    expect(() => model.predictClasses(randn([2, 3], rng(1)))).toThrow(/^Sequential.forward: layer 0 \(dense\d+\) failed on input \[2, 3\]/);
  });
});
