import { describe, expect, test } from "vitest";
import { type Rng, rng } from "@gradschool/tensor";
import { Dense, type Layer } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { Sequential, accuracy } from "@gradschool/mlp";
import { LSTM } from "./lstm.ts";
import { SimpleRNN } from "./simple-rnn.ts";
import { rememberFirstToken } from "./remember-first-token.ts";

/** Trains cell → Dense(2) on 512 sequences of 40 steps for 30 epochs; returns the test accuracy on 256 more. */
function testAccuracyAfterTraining(makeCell: (random: Rng) => Layer): number {
  const random = rng(1);
  const train = rememberFirstToken({ count: 512, steps: 40, rng: random });
  const test = rememberFirstToken({ count: 256, steps: 40, rng: random });
  const model = new Sequential([makeCell(random), new Dense(16, 2, { rng: random })]);
  model.fit(train.x, train.labels, {
    epochs: 30, batchSize: 32, optimizer: new Adam({ lr: 3e-3 }), loss: softmaxCrossEntropy, rng: random, verbose: false, clipGradNorm: 5,
  });
  return model.evaluate(test.x, test.labels, { loss: softmaxCrossEntropy, metrics: [accuracy] }).accuracy;
}

describe("remembering the first token across 39 noisy steps", () => {
  test("the task: step 0 holds ±1 and the marker, later steps noise on the same feature; the label is the sign", () => {
    const { x, labels } = rememberFirstToken({ count: 3, steps: 5, rng: rng(2) });
    expect(x.shape).toEqual([3, 5, 2]);
    for (let i = 0; i < 3; i++) {
      expect(x.get(i, 0, 0)).toBe(labels[i] === 1 ? 1 : -1);
      expect([x.get(i, 0, 1), x.get(i, 3, 1)]).toEqual([1, 0]);
    }
    expect(() => rememberFirstToken({ count: 3, steps: 0, rng: rng(2) })).toThrow(/rememberFirstToken: steps must be a positive integer; received 0/);
  });

  test("an LSTM(16) learns it: at least 95% of the test sequences right", () => {
    expect(testAccuracyAfterTraining((random) => new LSTM(2, 16, { rng: random }))).toBeGreaterThanOrEqual(0.95);
  });

  test("a SimpleRNN(16) with the same data and training does not: at most 60%, chance is 50%", () => {
    expect(testAccuracyAfterTraining((random) => new SimpleRNN(2, 16, { rng: random }))).toBeLessThanOrEqual(0.6);
  });
});
