import { describe, expect, test } from "vitest";
import { randn, rng } from "@gradschool/tensor";
import { Dense, ReLU, Sequential as LayerSequence } from "@gradschool/backprop";
import { expectLayerGradientsClose } from "@gradschool/gradcheck";
import { Sequential } from "@gradschool/mlp";
import { referenceCnn } from "./reference-cnn.ts";
import { Conv2D } from "./conv2d.ts";
import { MaxPool2D } from "./max-pool2d.ts";
import { AvgPool2D } from "./avg-pool2d.ts";
import { Flatten } from "./flatten.ts";
import "./layer-types.ts";

describe("the reference CNN", () => {
  test("summary() shows Keras's MNIST convnet: 121,930 parameters", () => {
    expect(referenceCnn(rng(1)).summary()).toBe(
      [
        'Model: "sequential"',
        "Layer (type)       Output Shape        Param #",
        "──────────────────────────────────────────────",
        "conv1 (Conv2D)     (None, 32, 26, 26)      320",
        "relu (ReLU)        (None, 32, 26, 26)        0",
        "pool1 (MaxPool2D)  (None, 32, 13, 13)        0",
        "conv2 (Conv2D)     (None, 64, 11, 11)   18,496",
        "relu (ReLU)        (None, 64, 11, 11)        0",
        "pool2 (MaxPool2D)  (None, 64, 5, 5)          0",
        "flatten (Flatten)  (None, 1600)              0",
        "dense1 (Dense)     (None, 64)          102,464",
        "relu (ReLU)        (None, 64)                0",
        "dense2 (Dense)     (None, 10)              650",
        "──────────────────────────────────────────────",
        "Total params: 121,930 (952.58 KB)",
        "Trainable params: 121,930 (952.58 KB)",
        "Non-trainable params: 0 (0.00 B)",
      ].join("\n"),
    );
  });

  test("maps a batch of [1, 28, 28] images to 10 logits each, and a seed fixes its weights", () => {
    const x = randn([3, 1, 28, 28], rng(2));
    const logits = referenceCnn(rng(7)).predict(x);
    expect(logits.shape).toEqual([3, 10]);
    expect([...referenceCnn(rng(7)).predict(x).data]).toEqual([...logits.data]);
    expect([...referenceCnn(rng(8)).predict(x).data]).not.toEqual([...logits.data]);
  });

  test("backprop's ReLU layer works on 4-D feature maps, forward and backward", () => {
    const relu = new ReLU();
    const x = randn([2, 3, 4, 4], rng(3));
    expect(relu.forward(x).shape).toEqual([2, 3, 4, 4]);
    expect(relu.backward(randn([2, 3, 4, 4], rng(4))).shape).toEqual([2, 3, 4, 4]);
  });
});

describe("a small CNN end to end", () => {
  test("matches central differences through conv, ReLU, max and average pooling, Flatten and Dense", () => {
    const random = rng(61);
    // ReLU and max pooling have kinks, but randn inputs land on one with probability ~0.
    const model = new LayerSequence([
      new Conv2D(2, 3, 3, { rng: random, padding: "same" }),
      new ReLU(),
      new MaxPool2D(2),
      new Conv2D(3, 4, [2, 2], { rng: random, stride: 1 }),
      new AvgPool2D(2, 1),
      new Flatten(),
      new Dense(4 * 1 * 1, 3, { rng: random }),
    ]);
    expectLayerGradientsClose(model, [2, 2, 6, 6], rng(62));
  });

  test("summary and predict name the Dense whose size does not fit what Flatten gives", () => {
    const model = new Sequential([new Conv2D(1, 4, 3, { rng: rng(0) }), new Flatten(), new Dense(100, 10, { rng: rng(0), name: "dense" })], { inputShape: [1, 8, 8] });
    expect(() => model.summary()).toThrow(/Dense\.outputShape: input is \[1, 144\]; expected \[batch, 100\] \(layer "dense"/);
    expect(() => model.predict(randn([1, 1, 8, 8], rng(1)))).toThrow(/layer 2 \(dense\) failed on input \[1, 144\]/);
  });
});
