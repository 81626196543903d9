import { describe, expect, test, vi } from "vitest";
import { Tensor, gatherRows, matmul, randn, rng } from "@gradschool/tensor";
import { Dense } from "@gradschool/backprop";
import { Adam, SGD } from "@gradschool/optimizers";
import { mse, softmaxCrossEntropy } from "@gradschool/losses";
import { oneHot } from "@gradschool/datasets";
import { Sequential } from "./model.ts";
import { accuracy } from "./metrics.ts";
import { l2 } from "./regularizers.ts";
import type { TrainingContext } from "./callbacks.ts";
import { smallSpiral, spiralNet } from "./test-support.ts";

const spiralData = smallSpiral(); // 180 rows, 3 classes

function trainSpiral(seed: number, extra: Partial<Parameters<Sequential["fit"]>[2]> = {}) {
  const random = rng(seed);
  const model = spiralNet(random);
  const history = model.fit(spiralData.x, spiralData.y, {
    epochs: 5, batchSize: 32, optimizer: new Adam({ lr: 0.01 }), loss: softmaxCrossEntropy,
    metrics: [accuracy], rng: random, verbose: false, ...extra,
  });
  return { model, history };
}

describe("fit learns", () => {
  test("a seeded spiral run cuts the loss by 10× and classifies at least 95% of its training points", () => {
    const { model, history } = trainSpiral(5, { epochs: 150 });
    expect(history.loss.at(-1)!).toBeLessThan(history.loss[0] / 10);
    const scores = model.evaluate(spiralData.x, spiralData.y, { loss: softmaxCrossEntropy, metrics: [accuracy] });
    expect(scores.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  test("the same seed gives the same history, number for number", () => {
    expect(trainSpiral(9).history).toEqual(trainSpiral(9).history);
  });

  test("one-hot targets train exactly as class indices do", () => {
    const random = rng(3);
    const history = spiralNet(random).fit(spiralData.x, oneHot(spiralData.y, 3), {
      epochs: 5, batchSize: 32, optimizer: new Adam({ lr: 0.01 }), loss: softmaxCrossEntropy, metrics: [accuracy], rng: random, verbose: false,
    });
    expect(history).toEqual(trainSpiral(3).history);
  });
});

describe("fit's history", () => {
  test("has one entry per epoch, counted from 1, and one loss per batch (180 rows at 32 = 6 batches)", () => {
    const { history } = trainSpiral(1, { epochs: 3 });
    expect(history.epochs).toEqual([1, 2, 3]);
    expect(history.loss).toHaveLength(3);
    expect(history.metrics.accuracy).toHaveLength(3);
    expect(history.batchLoss).toHaveLength(18);
    expect(history.valLoss).toBeUndefined();
    expect(history.stopReason).toBeUndefined();
  });

  test("an epoch's loss and accuracy are running means over its batches, weighted by batch size", () => {
    const seen: Array<{ rows: number; loss: number; accuracy: number }> = [];
    const recorder = { onBatchEnd: (c: TrainingContext) => void seen.push({ rows: c.batchSize, loss: c.batchLoss, accuracy: c.batchMetrics.accuracy }) };
    const { history } = trainSpiral(2, { epochs: 1, callbacks: [recorder] });
    expect(seen.map((batch) => batch.rows)).toEqual([32, 32, 32, 32, 32, 20]);
    const weighted = (key: "loss" | "accuracy") => seen.reduce((total, batch) => total + batch[key] * batch.rows, 0) / 180;
    expect(history.loss[0]).toBeCloseTo(weighted("loss"), 12);
    expect(history.metrics.accuracy[0]).toBeCloseTo(weighted("accuracy"), 12);
    expect(history.batchLoss).toEqual(seen.map((batch) => batch.loss));
  });

  test("with an l2 regularizer, each batch loss is the data loss plus the penalty, and the kernel ends smaller", () => {
    const run = (regularize: boolean) => {
      const random = rng(4);
      const model = new Sequential([new Dense(2, 3, { rng: random })]);
      const kernel = (model.layers[0] as Dense).kernel;
      const startPenalty = l2(0.1).penalty(kernel.value);
      const history = model.fit(spiralData.x, spiralData.y, {
        epochs: 20, batchSize: 180, shuffle: false, optimizer: new SGD({ lr: 0.1 }), loss: softmaxCrossEntropy, verbose: false,
        regularizers: regularize ? [{ param: kernel, regularizer: l2(0.1) }] : [],
      });
      const squares = kernel.value.data.reduce((total, w) => total + w * w, 0);
      return { history, startPenalty, squares };
    };
    const plain = run(false);
    const regularized = run(true);
    expect(regularized.history.batchLoss[0]).toBe(plain.history.batchLoss[0] + regularized.startPenalty);
    expect(regularized.squares).toBeLessThan(plain.squares / 2);
  });
});

describe("fit's gradient clipping", () => {
  test("clipGradNorm rescales each step's gradients to that global norm before the optimizer sees them", () => {
    // SGD with lr 1 moves the weights by exactly the gradient it is given, so the size of
    // the first step is the norm of the (clipped) gradient.
    const firstStepNorm = (clip: number | undefined) => {
      const random = rng(5);
      const model = spiralNet(random);
      const before = model.params().map((param) => Float64Array.from(param.value.data));
      model.fit(spiralData.x, spiralData.y, {
        epochs: 1, batchSize: 180, shuffle: false, optimizer: new SGD({ lr: 1 }), loss: softmaxCrossEntropy, verbose: false,
        ...(clip === undefined ? {} : { clipGradNorm: clip }),
      });
      let squares = 0;
      model.params().forEach((param, p) => param.value.data.forEach((w, i) => (squares += (w - before[p][i]) ** 2)));
      return Math.sqrt(squares);
    };
    const unclipped = firstStepNorm(undefined);
    expect(unclipped).toBeGreaterThan(0.05);
    expect(firstStepNorm(0.01)).toBeCloseTo(0.01, 6); // clipped to the limit (PyTorch's scale maxNorm / (norm + 1e-6))
    expect(firstStepNorm(unclipped * 2)).toBeCloseTo(unclipped, 12); // a loose limit changes nothing
  });

  test.each([0, -1, Number.NaN])("clipGradNorm %s is refused", (clipGradNorm) => {
    const random = rng(1);
    expect(() =>
      spiralNet(random).fit(spiralData.x, spiralData.y, { epochs: 1, batchSize: 32, optimizer: new Adam(), loss: softmaxCrossEntropy, rng: random, verbose: false, clipGradNorm }),
    ).toThrow(`fit: clipGradNorm must be a positive number, e.g. 1 or 5; received ${clipGradNorm}`);
  });
});

describe("fit's validation", () => {
  test("validationSplit holds out the LAST rows (as Keras) and reports their loss in inference mode", () => {
    // 180 rows grouped by class; 0.25 holds out the last 45, all of class 2.
    let trainedOn = 0;
    const { model, history } = trainSpiral(6, { epochs: 2, validationSplit: 0.25, callbacks: [{ onTrainBegin: (c) => void (trainedOn = c.samplesPerEpoch) }] });
    expect(trainedOn).toBe(135);
    const lastRows = Int32Array.from({ length: 45 }, (_, i) => 135 + i);
    const heldOut = model.evaluate(gatherRows(spiralData.x, lastRows), spiralData.y.subarray(135), { loss: softmaxCrossEntropy, metrics: [accuracy] });
    expect(history.valLoss).toHaveLength(2);
    expect(history.valLoss!.at(-1)).toBe(heldOut.loss);
    expect(history.valMetrics!.accuracy.at(-1)).toBe(heldOut.accuracy);
  });

  test("validationData is evaluated after every epoch", () => {
    const xVal = randn([10, 2], rng(1));
    const yVal = new Int32Array(10).fill(1);
    const { model, history } = trainSpiral(7, { epochs: 3, validationData: [xVal, yVal] });
    expect(history.valLoss).toHaveLength(3);
    expect(history.valLoss!.at(-1)).toBe(model.evaluate(xVal, yVal, { loss: softmaxCrossEntropy }).loss);
  });
});

describe("fit stops a diverging run", () => {
  test("a huge learning rate stops at the first NaN with a message naming the epoch and batch, and returns the history", () => {
    const random = rng(3);
    const x = randn([64, 4], random);
    const y = matmul(x, randn([4, 1], random));
    const model = new Sequential([new Dense(4, 8, { rng: random }), new Dense(8, 1, { rng: random })]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const history = model.fit(x, y, { epochs: 20, batchSize: 16, optimizer: new SGD({ lr: 5 }), loss: mse, rng: random, verbose: false });
    const warnings = warn.mock.calls.map((call) => call.join(" "));
    warn.mockRestore();
    expect(history.stopReason).toBe("fit: loss became NaN at epoch 2, batch 2 — try a smaller learning rate (SGD lr is 5)");
    expect(warnings).toEqual([history.stopReason]); // printed once, even with verbose off
    expect(history.epochs).toEqual([1]); // the cut-short epoch 2 is not recorded …
    expect(history.batchLoss).toHaveLength(6); // … but its batches are, the NaN last
    expect(history.batchLoss.at(-1)).toBeNaN();
    expect(history.batchLoss[3]).toBeGreaterThan(1e60); // the climb that led there
  });
});

describe("fit rejects bad arguments", () => {
  const random = rng(1);
  const model = spiralNet(random);
  const base = { epochs: 1, batchSize: 32, optimizer: new Adam(), loss: softmaxCrossEntropy, rng: random, verbose: false };
  const { x, y } = spiralData;

  test.each([0, -1, 1.5])("batchSize %s is refused", (batchSize) => {
    expect(() => model.fit(x, y, { ...base, batchSize })).toThrow(`fit: batchSize must be a positive integer; received ${batchSize}`);
  });

  test("x and y of different lengths are refused, naming both", () => {
    expect(() => model.fit(x, y.subarray(0, 90), base)).toThrow("fit: x has 180 rows ([180, 2]) but y has 90 labels; expected one target per row");
    expect(() => model.fit(x, new Tensor(new Float64Array(30), [10, 3]), base)).toThrow(/x has 180 rows .* but y has 10 rows \(\[10, 3\]\)/);
  });

  test("epochs, validationSplit, a missing rng and non-integer labels are refused with what was received", () => {
    expect(() => model.fit(x, y, { ...base, epochs: 0 })).toThrow("fit: epochs must be a positive integer; received 0");
    expect(() => model.fit(x, y, { ...base, validationSplit: 1 })).toThrow(/fit: validationSplit must be a fraction strictly between 0 and 1.*received 1/);
    expect(() => model.fit(x, y, { ...base, validationSplit: 0.001 })).toThrow(/leaves 180 for training and 0 for validation/);
    expect(() => model.fit(x, y, { ...base, validationSplit: 0.1, validationData: [x, y] })).toThrow(/both validationData and validationSplit/);
    expect(() => model.fit(x, y, { ...base, rng: undefined })).toThrow(/fit: options.rng is required to shuffle/);
    expect(() => model.fit(x, [0.5, ...Array.from(y).slice(1)], base)).toThrow("fit: y[0] is 0.5; an array target must hold class indices (use a Tensor for real-valued targets)");
  });

  test("a regularizer on a parameter of another model is refused", () => {
    const stranger = new Dense(2, 2, { rng: random, name: "stranger" });
    expect(() => model.fit(x, y, { ...base, regularizers: [{ param: stranger.kernel, regularizer: l2(1e-3) }] })).toThrow(
      `fit: regularizers[0] is for parameter "stranger.kernel", which is not one of this model's parameters`,
    );
  });
});
