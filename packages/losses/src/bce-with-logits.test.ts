import { mul, randn, rng, tensor, zipMap } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import { bceWithLogits } from "./bce-with-logits.ts";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import { expectLossGradient, probabilities, sigmoidOf } from "./test-support.ts";

describe("bceWithLogits", () => {
  const logits = randn([5, 2], rng(10), 2);
  const labels = zipMap(probabilities([5, 2], 11), logits, (u) => (u < 0.5 ? 0 : 1));

  test("equals binaryCrossEntropy(σ(z), y) for moderate logits", () => {
    expect(bceWithLogits.forward(logits, labels)).toBeCloseTo(binaryCrossEntropy.forward(sigmoidOf(logits), labels), 12);
  });

  test("its gradient is σ(z) − y over n: the chain bce′ · σ′ with σ(1 − σ) cancelled", () => {
    const probs = sigmoidOf(logits);
    const chained = mul(binaryCrossEntropy.backward(probs, labels), zipMap(probs, probs, (p) => p * (1 - p)));
    const fused = bceWithLogits.backward(logits, labels);
    fused.data.forEach((value, i) => {
      expect(value).toBeCloseTo((probs.data[i] - labels.data[i]) / 10, 14);
      expect(value).toBeCloseTo(chained.data[i], 12);
    });
  });

  test("backward matches central differences at every element, for 0/1 and soft labels", () => {
    expect(expectLossGradient(bceWithLogits, logits, labels).maxRelError).toBeLessThan(1e-6);
    expect(expectLossGradient(bceWithLogits, logits, probabilities([5, 2], 12, 0, 1)).maxRelError).toBeLessThan(1e-6);
  });

  test("stays finite at logits ±1000: confidently wrong costs 1000 per element, with gradient ±1/n", () => {
    const z = tensor([1000, -1000]);
    const wrong = tensor([0, 1]);
    expect(bceWithLogits.forward(z, wrong)).toBe(1000);
    expect(Array.from(bceWithLogits.backward(z, wrong).data)).toEqual([0.5, -0.5]);
    expect(bceWithLogits.forward(z, tensor([1, 0]))).toBe(0);
    expect(Array.from(bceWithLogits.backward(z, tensor([1, 0])).data)).toEqual([0, 0]);
  });

  test("where the sigmoid route rounds σ(−1000) to 0 and hits the clamp: 16.12 and no gradient", () => {
    const probs = sigmoidOf(tensor([-1000]));
    expect(probs.item()).toBe(0);
    expect(binaryCrossEntropy.forward(probs, tensor([1]))).toBeCloseTo(16.118, 3);
    expect(binaryCrossEntropy.backward(probs, tensor([1])).item()).toBe(0);
    expect(bceWithLogits.backward(tensor([-1000]), tensor([1])).item()).toBe(-1);
  });

  test("takes 0/1 labels as an array for a [N, 1] pred", () => {
    const column = tensor([[2], [-1]]);
    expect(bceWithLogits.forward(column, [1, 0])).toBe(bceWithLogits.forward(column, tensor([[1], [0]])));
  });

  test("rejects a label out of range naming it and its row, and mismatched shapes naming both", () => {
    expect(() => bceWithLogits.forward(tensor([1, 2]), Int32Array.from([1, 3]))).toThrow(
      /bceWithLogits\.forward: label 3 in row 1 is out of range; expected 0 or 1/,
    );
    expect(() => bceWithLogits.backward(tensor([[1, 2]]), tensor([1, 0]))).toThrow(
      /bceWithLogits\.backward: pred is \[1, 2\] but target is \[2\]/,
    );
  });

  test("accepts any finite logit but rejects NaN, naming where it is", () => {
    expect(() => bceWithLogits.forward(tensor([5, -7]), tensor([1, 0]))).not.toThrow();
    expect(() => bceWithLogits.forward(tensor([[0, NaN]]), tensor([[1, 0]]))).toThrow(/pred\[0, 1\] is NaN/);
  });
});
