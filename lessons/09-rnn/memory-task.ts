/**
 * Step 2 of lesson 09: a task that needs a long memory, and the two cells that try it.
 *
 * rememberFirstToken (packages/rnn) makes sequences of 40 steps whose first step holds a
 * token, +1 or −1, and whose other 39 steps hold noise (σ = 3) on the same input; the
 * label is the token. A network must keep one number for 39 steps while noise three
 * times its size flows in through the same input. Chance is 50%.
 *
 * Both models read the same sequences from the same seed, as the rnn package's own test
 * does: cell(2 → 16) → Dense(16 → 2), Adam 3e-3, batch 32, 30 epochs, gradients clipped
 * to norm 5. lesson.ts tells the story; lesson.test.ts rebuilds the models from here.
 */
import { Dense } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type History, Sequential, accuracy } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { LSTM, type RecurrentLayer, SimpleRNN, rememberFirstToken } from "@gradschool/rnn";
import { type Rng, type Tensor, rng } from "@gradschool/tensor";

export const MEMORY = {
  seed: 1,
  steps: 40,
  trainCount: 512,
  testCount: 256,
  units: 16,
  epochs: 30,
  batchSize: 32,
  learningRate: 3e-3,
  clipGradNorm: 5,
} as const;

export type CellKind = "SimpleRNN" | "LSTM";

/** One model on the memory task, with its data and the rng that will shuffle its batches. */
export interface MemoryRun {
  kind: CellKind;
  cell: RecurrentLayer;
  model: Sequential;
  train: { x: Tensor; labels: Int32Array };
  test: { x: Tensor; labels: Int32Array };
  random: Rng;
}

/** The data, then the model, all drawn from one rng(1): the same sequences for both kinds of cell. */
export function memoryRun(kind: CellKind): MemoryRun {
  const random = rng(MEMORY.seed);
  const train = rememberFirstToken({ count: MEMORY.trainCount, steps: MEMORY.steps, rng: random });
  const test = rememberFirstToken({ count: MEMORY.testCount, steps: MEMORY.steps, rng: random });
  const cell = kind === "LSTM" ? new LSTM(2, MEMORY.units, { rng: random }) : new SimpleRNN(2, MEMORY.units, { rng: random });
  const model = new Sequential([cell, new Dense(MEMORY.units, 2, { rng: random, name: "logits" })]);
  return { kind, cell, model, train, test, random };
}

/**
 * ‖∂L/∂h_t‖ for t = 1 … T (mean over the sequences), for the loss on these sequences:
 * one forward, one backward, and the cell's record of the gradient reaching each step.
 */
export function stateGradientNormsOn(run: MemoryRun, x: Tensor, labels: Int32Array): Float64Array {
  const logits = run.model.forward(x, { training: false });
  for (const param of run.model.params()) param.grad.data.fill(0);
  run.model.backward(softmaxCrossEntropy.backward(logits, labels));
  return run.cell.stateGradientNorms();
}

/** 30 epochs of fit, scoring the test sequences after each one. */
export function trainMemoryRun(run: MemoryRun): History {
  return run.model.fit(run.train.x, run.train.labels, {
    epochs: MEMORY.epochs,
    batchSize: MEMORY.batchSize,
    optimizer: new Adam({ lr: MEMORY.learningRate }),
    loss: softmaxCrossEntropy,
    metrics: [accuracy],
    validationData: [run.test.x, run.test.labels],
    clipGradNorm: MEMORY.clipGradNorm,
    rng: run.random,
    verbose: false,
  });
}
