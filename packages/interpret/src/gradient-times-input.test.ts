import { describe, expect, test } from "vitest";
import { Dense } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { mul, randn, rng, tensor } from "@gradschool/tensor";
import { gradientTimesInput } from "./gradient-times-input.ts";
import { saliency } from "./saliency.ts";
import { reluMlp, tanhMlp, tinyCnn } from "./test-models.ts";

const rowSums = (values: Float64Array, width: number) =>
  Array.from({ length: values.length / width }, (_, row) => values.subarray(row * width, (row + 1) * width).reduce((a, b) => a + b, 0));

describe("gradientTimesInput", () => {
  test("is the saliency times the input, element by element, for dense and image inputs", () => {
    const mlp = tanhMlp();
    const x = randn([3, 6], rng(1));
    expect(gradientTimesInput(mlp, x, [0, 1, 2]).data).toEqual(mul(saliency(mlp, x, [0, 1, 2]), x).data);
    const cnn = tinyCnn();
    const images = randn([2, 1, 6, 6], rng(2));
    const attribution = gradientTimesInput(cnn, images, 1, { of: "probability" });
    expect(attribution.shape).toEqual([2, 1, 6, 6]);
    expect(attribution.data).toEqual(mul(saliency(cnn, images, 1, { of: "probability" }), images).data);
  });

  test("for a linear model z = x·W + b, the attributions add up to the logit minus its bias", () => {
    const dense = new Dense(5, 3, { rng: rng(3) });
    dense.bias.value.data.set([0.7, -1.2, 0.4]);
    const model = new Sequential([dense]);
    const x = randn([4, 5], rng(4));
    const logits = model.forward(x, { training: false });
    const sums = rowSums(gradientTimesInput(model, x, 1).data, 5);
    sums.forEach((total, row) => expect(total).toBeCloseTo(logits.data[row * 3 + 1] - -1.2, 12));
  });

  test("for a ReLU network without biases, they add up to the logit itself (Euler: z(αx) = α·z(x))", () => {
    const model = reluMlp(2, { biases: false });
    const x = randn([4, 6], rng(5));
    const logits = model.forward(x, { training: false });
    const sums = rowSums(gradientTimesInput(model, x, 2).data, 6);
    sums.forEach((total, row) => expect(total).toBeCloseTo(logits.data[row * 3 + 2], 12));
  });

  test("is exactly 0 wherever the input is 0, whatever the gradient there", () => {
    const model = tanhMlp();
    const x = tensor([[0, 1.5, 0, -0.5, 0, 2]]);
    const gradient = saliency(model, x, 0);
    const attribution = gradientTimesInput(model, x, 0);
    for (const i of [0, 2, 4]) {
      expect(gradient.data[i]).not.toBe(0);
      expect(attribution.data[i] === 0).toBe(true); // 0 or −0: x·g with x = 0
    }
  });

  test("names itself in its errors", () => {
    expect(() => gradientTimesInput(tanhMlp(), randn([2, 6], rng(6)), 7)).toThrow(/gradientTimesInput: classIndex is 7/);
  });
});
