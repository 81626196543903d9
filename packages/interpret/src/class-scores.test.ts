import { describe, expect, test } from "vitest";
import { Dense, Softmax, Tanh } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { randn, rng } from "@gradschool/tensor";
import { classPerRow, classProbabilities, endsWithSoftmax, logitModel } from "./class-scores.ts";

describe("class scores", () => {
  test("logitModel keeps a model that ends on logits, and drops a final Softmax layer", () => {
    const dense = new Dense(4, 3, { rng: rng(1) });
    const logits = new Sequential([dense, new Tanh(), new Dense(3, 2, { rng: rng(2) })]);
    expect(logitModel(logits)).toBe(logits);
    const probabilities = new Sequential([dense, new Softmax()]);
    expect(endsWithSoftmax(probabilities)).toBe(true);
    expect(logitModel(probabilities).layers).toEqual([dense]);
    expect(() => logitModel(new Sequential([new Softmax()]))).toThrow(/logitModel: the model is a lone Softmax layer/);
  });

  test("classProbabilities are the softmax of the logits, and each row sums to 1", () => {
    const model = new Sequential([new Dense(4, 3, { rng: rng(3) })]);
    const x = randn([5, 4], rng(4));
    const p = classProbabilities("test", model, x);
    const z = model.forward(x, { training: false });
    for (let row = 0; row < 5; row++) {
      const exps = [0, 1, 2].map((c) => Math.exp(z.data[row * 3 + c]));
      const total = exps.reduce((a, b) => a + b, 0);
      exps.forEach((e, c) => expect(p.data[row * 3 + c]).toBeCloseTo(e / total, 15));
    }
  });

  test("classPerRow repeats one class for every row, or checks one class per row", () => {
    expect(Array.from(classPerRow("f", 2, 3, 5))).toEqual([2, 2, 2]);
    expect(Array.from(classPerRow("f", [4, 0], 2, 5))).toEqual([4, 0]);
    expect(() => classPerRow("f", 5, 1, 5)).toThrow(/f: classIndex is 5; expected an integer class in 0 … 4 \(the model outputs 5 classes\)/);
  });
});
