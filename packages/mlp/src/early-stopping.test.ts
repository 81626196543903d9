import { describe, expect, test, vi } from "vitest";
import { rng } from "@gradschool/tensor";
import { Dense } from "@gradschool/backprop";
import { Adam } from "@gradschool/optimizers";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Sequential } from "./model.ts";
import { accuracy } from "./metrics.ts";
import { type EarlyStoppingOptions, earlyStopping } from "./early-stopping.ts";
import { handMadeContext, smallSpiral, spiralNet } from "./test-support.ts";

/**
 * Runs earlyStopping over a made-up series of values, one epoch at a time, the way fit
 * would; after each epoch the model's kernel is set to that epoch's number, so the
 * restored weights say which epoch they came from. Returns the epoch it stopped after.
 */
function replay(values: number[], options: EarlyStoppingOptions) {
  const model = new Sequential([new Dense(1, 1, { rng: rng(1) })]);
  const kernel = (model.layers[0] as Dense).kernel.value;
  const monitor = options.monitor ?? "valLoss";
  const context = handMadeContext(model, monitor === "valLoss" ? { valLoss: [], valMetrics: {} } : { metrics: { [monitor]: [] } });
  const series = monitor === "valLoss" ? context.history.valLoss! : context.history.metrics[monitor];
  const callback = earlyStopping(options);
  callback.onTrainBegin!(context);
  let stoppedAfter: number | undefined;
  for (const [index, value] of values.entries()) {
    context.epoch = index + 1;
    kernel.data[0] = context.epoch; // "the weights of epoch n"
    context.history.epochs.push(context.epoch);
    series.push(value);
    if (callback.onEpochEnd!(context) === "stop") {
      stoppedAfter = context.epoch;
      break;
    }
  }
  callback.onTrainEnd!(context);
  return { stoppedAfter, weightsOfEpoch: kernel.data[0], stopReason: context.history.stopReason };
}

describe("earlyStopping", () => {
  test("with patience 2, valLoss 0.9, 0.7, 0.8, 0.75 stops after epoch 4 (best: epoch 2)", () => {
    const run = replay([0.9, 0.7, 0.8, 0.75, 0.6], { patience: 2 });
    expect(run.stoppedAfter).toBe(4);
    expect(run.stopReason).toBe("early stopping after epoch 4: valLoss has not improved for 2 epochs (best 0.7 at epoch 2)");
    expect(run.weightsOfEpoch).toBe(4); // restoreBestWeights is off by default, as Keras
  });

  test("restoreBestWeights puts back the weights of the best epoch", () => {
    const run = replay([0.9, 0.7, 0.8, 0.75, 0.6], { patience: 2, restoreBestWeights: true });
    expect(run.weightsOfEpoch).toBe(2);
    expect(run.stopReason).toMatch(/; restored the weights of epoch 2$/);
  });

  test("restoreBestWeights also applies when the epochs run out first", () => {
    const run = replay([0.9, 0.5, 0.8], { patience: 5, restoreBestWeights: true });
    expect(run.stoppedAfter).toBeUndefined();
    expect(run.weightsOfEpoch).toBe(2);
  });

  test("an improvement must beat the best by more than minDelta", () => {
    // 0.69 and 0.68 improve on 0.7 by less than 0.05, so they count as no improvement.
    expect(replay([0.7, 0.69, 0.68, 0.5], { patience: 2, minDelta: 0.05 }).stoppedAfter).toBe(3);
    expect(replay([0.7, 0.69, 0.68, 0.5], { patience: 2 }).stoppedAfter).toBeUndefined();
  });

  test("a monitored accuracy must rise: mode max is chosen from the name", () => {
    const run = replay([0.5, 0.8, 0.7, 0.75], { monitor: "accuracy", patience: 2, restoreBestWeights: true });
    expect(run.stoppedAfter).toBe(4);
    expect(run.weightsOfEpoch).toBe(2);
  });

  test("a NaN is never an improvement", () => {
    expect(replay([0.5, NaN, NaN], { patience: 2 }).stoppedAfter).toBe(3);
  });

  test("in fit, it stops the run and fit returns the shorter history with the reason", () => {
    const random = rng(8);
    const { x, y } = smallSpiral();
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const history = spiralNet(random).fit(x, y, {
      epochs: 50, batchSize: 32, optimizer: new Adam({ lr: 0.05 }), loss: softmaxCrossEntropy, metrics: [accuracy], rng: random,
      verbose: false, validationSplit: 0.2, callbacks: [earlyStopping({ monitor: "valAccuracy", patience: 1 })],
    });
    log.mockRestore();
    // valAccuracy on the held-out rows (all of class 2) rises, then stalls; patience 1 stops at the first stall.
    const values = history.valMetrics!.accuracy;
    const stopped = history.epochs.at(-1)!;
    expect(stopped).toBeLessThan(50);
    expect(values.at(-1)!).toBeLessThanOrEqual(Math.max(...values.slice(0, -1)));
    expect(history.stopReason).toMatch(new RegExp(`^early stopping after epoch ${stopped}: valAccuracy has not improved for 1 epoch `));
  });

  test("monitoring a series the run does not record fails before training, listing what is recorded", () => {
    const random = rng(8);
    const { x, y } = smallSpiral();
    const fit = () =>
      spiralNet(random).fit(x, y, {
        epochs: 3, batchSize: 32, optimizer: new Adam(), loss: softmaxCrossEntropy, metrics: [accuracy], rng: random, verbose: false,
        callbacks: [earlyStopping({ patience: 2 })],
      });
    expect(fit).toThrow(`earlyStopping: cannot monitor "valLoss" (fit has no validationData or validationSplit); this run records "loss", "accuracy"`);
  });

  test("patience and minDelta are checked", () => {
    expect(() => earlyStopping({ patience: 0 })).toThrow("earlyStopping: patience must be a positive integer (epochs to wait); received 0");
    expect(() => earlyStopping({ patience: 2, minDelta: -1 })).toThrow("earlyStopping: minDelta must be a number ≥ 0; received -1");
  });
});
