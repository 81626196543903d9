import { randn, rng, tensor } from "@gradschool/tensor";
import { describe, expect, test } from "vitest";
import * as losses from "./index.ts";

describe("the public API", () => {
  const named = {
    mse: losses.mse,
    mae: losses.mae,
    binaryCrossEntropy: losses.binaryCrossEntropy,
    bceWithLogits: losses.bceWithLogits,
    crossEntropy: losses.crossEntropy,
    softmaxCrossEntropy: losses.softmaxCrossEntropy,
  };

  test("each loss is exported under its own name", () => {
    for (const [exportName, loss] of Object.entries(named)) expect(loss.name).toBe(exportName);
    expect(losses.huber(2).name).toBe("huber(delta=2)");
  });

  test("every loss returns a number from forward and a gradient of pred's shape from backward", () => {
    const probs = tensor([
      [0.2, 0.8],
      [0.6, 0.4],
      [0.5, 0.5],
    ]);
    const oneHot = tensor([
      [0, 1],
      [1, 0],
      [1, 0],
    ]);
    for (const loss of [...Object.values(named), losses.huber(1)]) {
      expect(typeof loss.forward(probs, oneHot)).toBe("number");
      expect(loss.backward(probs, oneHot).shape).toEqual([3, 2]);
    }
    expect(losses.softmaxCrossEntropy.backward(randn([3, 2], rng(0)), [1, 0, 0]).shape).toEqual([3, 2]);
  });
});
