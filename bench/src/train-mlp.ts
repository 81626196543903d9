/**
 * Training speed of the reference MLP (DESIGN §9) on real MNIST batches:
 *
 *   784 → Dense(128) → ReLU → Dense(10) → softmax cross-entropy (fused, on the logits)
 *   Adam lr 1e-3, batch 32
 *
 * One training step is what a fit loop does per batch: zero the gradients, forward,
 * loss, backward, optimizer step. The batches are the first training images in order
 * (gatherRows of a fixed index range, as a shuffled epoch would do), so the data is real
 * and the cost of picking a batch out of the training set is counted too.
 *
 * Two ways to run the backward pass are timed side by side:
 *   computeGradients      what training uses: the first layer's ∂L/∂x (the gradient with
 *                         respect to the images, which nothing needs) is skipped
 *   forward + backward    model.backward, which also returns ∂L/∂x: one more [32, 128]·[128, 784]
 *                         product per step
 *
 * Reports samples per second: the median time of a block of steps, after warm-up, and the
 * fastest block (what the machine does when nothing else interferes).
 * Run alone with `npx tsx src/train-mlp.ts [--quick]`, or through `npm run bench`.
 */
import { Dense, ReLU, Sequential } from "@gradschool/backprop";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { gatherRows, rng } from "@gradschool/tensor";
import { measure } from "./measure.ts";

export type BackwardMode = "computeGradients" | "forward + backward";

export interface TrainMlpResult {
  mode: BackwardMode;
  batchSize: number;
  stepsPerRepetition: number;
  repetitions: number;
  medianMsPerStep: number;
  samplesPerSecond: number;
  /** The fastest repetition, for comparison: what the machine does when nothing interferes. */
  bestSamplesPerSecond: number;
  /** The loss after all the steps, so a benchmark that stopped learning would show. */
  finalLoss: number;
}

export function benchTrainMlp(mode: BackwardMode, { quick = false } = {}): TrainMlpResult {
  const batchSize = 32;
  const stepsPerRepetition = quick ? 40 : 50;
  const repetitions = quick ? 7 : 21;
  const random = rng(2024);
  const model = new Sequential([
    new Dense(784, 128, { rng: random, name: "hidden" }),
    new ReLU(),
    new Dense(128, 10, { rng: random, name: "output" }),
  ]);
  const params = model.params();
  const optimizer = new Adam({ lr: 1e-3 });

  // Enough distinct batches that the data is not all in cache: 6,400 images, 200 batches.
  const batchesAvailable = 200;
  const mnist = loadMnist({ split: "train", limit: batchesAvailable * batchSize });
  const batchIndices = Array.from({ length: batchesAvailable }, (_, batch) =>
    Int32Array.from({ length: batchSize }, (_, row) => batch * batchSize + row),
  );

  let batch = 0;
  let lastLoss = NaN;
  const trainSteps = () => {
    for (let step = 0; step < stepsPerRepetition; step++) {
      const indices = batchIndices[batch];
      batch = (batch + 1) % batchesAvailable;
      const x = gatherRows(mnist.images, indices);
      const y = mnist.labels.subarray(indices[0], indices[0] + batchSize);
      optimizer.zeroGrad(params);
      if (mode === "computeGradients") {
        lastLoss = model.computeGradients(x, y, softmaxCrossEntropy);
      } else {
        const logits = model.forward(x, { training: true });
        lastLoss = softmaxCrossEntropy.forward(logits, y);
        model.backward(softmaxCrossEntropy.backward(logits, y));
      }
      optimizer.step(params);
    }
  };

  const timing = measure(trainSteps, { warmup: quick ? 2 : 4, repetitions });
  const medianMsPerStep = timing.medianMs / stepsPerRepetition;
  return {
    mode,
    batchSize,
    stepsPerRepetition,
    repetitions,
    medianMsPerStep,
    samplesPerSecond: (batchSize * 1000) / medianMsPerStep,
    bestSamplesPerSecond: (batchSize * stepsPerRepetition * 1000) / timing.minMs,
    finalLoss: lastLoss,
  };
}

/** The results as the lines `npm run bench` prints: one row per backward mode. */
export function formatTrainMlp(results: TrainMlpResult[]): string {
  const { batchSize, repetitions, stepsPerRepetition } = results[0];
  const widths = [20, 10, 10, 12, 14, 10];
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
  const count = (value: number) => Math.round(value).toLocaleString("en-US");
  return [
    `reference MLP training step: 784 → Dense(128) → ReLU → Dense(10), softmax cross-entropy, Adam, batch ${batchSize}`,
    `(real MNIST batches; median of ${repetitions} blocks of ${stepsPerRepetition} steps after warm-up)`,
    line(["backward", "ms / step", "samples/s", "best block/s", "60k epoch (s)", "last loss"]),
    line(widths.map((width) => "─".repeat(width))),
    ...results.map((result) =>
      line([
        result.mode,
        result.medianMsPerStep.toFixed(3),
        count(result.samplesPerSecond),
        count(result.bestSamplesPerSecond),
        (60_000 / result.samplesPerSecond).toFixed(1),
        result.finalLoss.toFixed(3),
      ]),
    ),
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const modes: BackwardMode[] = ["computeGradients", "forward + backward"];
  console.log(formatTrainMlp(modes.map((mode) => benchTrainMlp(mode, { quick }))));
}
