import { describe, expect, test } from "vitest";
import { rng } from "@gradschool/tensor";
import { Dense } from "@gradschool/backprop";
import { Adam, SGD, stepDecay } from "@gradschool/optimizers";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "./model.ts";
import { accuracy } from "./metrics.ts";
import { learningRateScheduler, type TrainingContext } from "./callbacks.ts";
import { progressLogger } from "./progress-logger.ts";
import { handMadeContext, hookRecorder, smallSpiral, spiralNet } from "./test-support.ts";

const { x, y } = smallSpiral(); // 180 rows

function fitWith(callbacks: Parameters<Sequential["fit"]>[2]["callbacks"], options: { epochs?: number; batchSize?: number; lr?: number } = {}) {
  const random = rng(11);
  const optimizer = new SGD({ lr: options.lr ?? 0.1 });
  const history = spiralNet(random).fit(x, y, {
    epochs: options.epochs ?? 2, batchSize: options.batchSize ?? 90, optimizer, loss: softmaxCrossEntropy,
    metrics: [accuracy], rng: random, verbose: false, callbacks,
  });
  return { history, optimizer };
}

describe("callbacks", () => {
  test("hooks run in Keras's order: train, then per epoch its batches, begin before end", () => {
    const recorder = hookRecorder();
    fitWith([recorder]); // 180 rows at 90 = 2 batches per epoch
    expect(recorder.calls).toEqual([
      "trainBegin 0.0",
      "epochBegin 1.0", "batchBegin 1.1", "batchEnd 1.1", "batchBegin 1.2", "batchEnd 1.2", "epochEnd 1.2",
      "epochBegin 2.0", "batchBegin 2.1", "batchEnd 2.1", "batchBegin 2.2", "batchEnd 2.2", "epochEnd 2.2",
      "trainEnd 2.2",
    ]);
  });

  test("onEpochEnd already sees the epoch's numbers in history", () => {
    const lossesSeen: number[] = [];
    const { history } = fitWith([{ onEpochEnd: (c) => void lossesSeen.push(c.history.loss.at(-1)!) }]);
    expect(lossesSeen).toEqual(history.loss);
  });

  test('a callback returning "stop" from onEpochEnd ends training after that epoch; every callback still sees it', () => {
    const after = hookRecorder();
    const { history } = fitWith([{ onEpochEnd: (c) => (c.epoch === 2 ? "stop" : undefined) }, after], { epochs: 5 });
    expect(history.epochs).toEqual([1, 2]);
    expect(history.stopReason).toBe("a callback stopped training in epoch 2");
    expect(after.calls.slice(-2)).toEqual(["epochEnd 2.2", "trainEnd 2.2"]);
  });

  test("learningRateScheduler sets lr = schedule(epoch − 1) before each epoch", () => {
    const rates: number[] = [];
    fitWith([learningRateScheduler(stepDecay(0.1, 1, 0.5)), { onEpochBegin: (c) => void rates.push(c.optimizer.lr) }], { epochs: 3 });
    expect(rates).toEqual([0.1, 0.05, 0.025]);
  });

  test('learningRateScheduler with every: "batch" counts batches across epochs', () => {
    const rates: number[] = [];
    const schedule = (step: number) => 0.1 / (step + 1);
    fitWith([learningRateScheduler(schedule, { every: "batch" }), { onBatchBegin: (c) => void rates.push(c.optimizer.lr) }], { epochs: 2 });
    expect(rates).toEqual([0.1, 0.05, 0.1 / 3, 0.025]);
  });

  test("learningRateScheduler refuses what is not a schedule", () => {
    expect(() => learningRateScheduler(0.1 as never)).toThrow(/learningRateScheduler: expected a Schedule .*received number/);
  });
});

describe("progressLogger", () => {
  test("prints one bar per epoch with the sample count, rate, running loss and accuracy, then the validation numbers", () => {
    let output = "";
    const stream = { write: (text: string) => void (output += text) }; // not a terminal: plain lines
    const random = rng(2);
    spiralNet(random).fit(x, y, {
      epochs: 2, batchSize: 30, optimizer: new Adam({ lr: 0.01 }), loss: softmaxCrossEntropy, metrics: [accuracy],
      rng: random, verbose: false, validationSplit: 0.5, callbacks: [progressLogger({ stream })],
    });
    const lastLines = output.trim().split("\n").filter((line) => / in \S+s /.test(line)); // each epoch's final line
    expect(lastLines).toHaveLength(2);
    expect(lastLines[0]).toMatch(/^epoch 1\/2 +90\/90 100% \[█+\] +\S+ it\/s +in \S+ +loss \d\.\d{4} +accuracy \d\.\d{4} +valLoss \d\.\d{4} +valAccuracy \d\.\d{4}$/);
    expect(lastLines[1]).toMatch(/^epoch 2\/2 /);
  });

  test("finishes the line of an epoch that was cut short", () => {
    let output = "";
    const logger = progressLogger({ stream: { write: (text: string) => void (output += text) } });
    const context = { ...handMadeContext(new Sequential([new Dense(2, 2, { rng: rng(1) })])), epoch: 1, batchSize: 5, batchLoss: 0.5 } as TrainingContext;
    logger.onEpochBegin!(context);
    logger.onBatchEnd!(context);
    logger.onTrainEnd!(context);
    expect(output.split("\n").at(-2)).toMatch(/^epoch 1\/10 +5\/10 +50% .* in \S+ +loss 0\.5000$/);
    expect(output.endsWith("\n")).toBe(true);
  });
});
