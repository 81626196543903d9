/**
 * Step 3 of lesson 09: exploding gradients, and clipping.
 *
 * A SimpleRNN(1 → 16, tanh) whose recurrent kernel starts at U = 2·Q (Q orthogonal, the
 * default U times two) reads windows of 30 values of a sine wave and predicts the next
 * value (sineSequences, mse). Its states stay in (−1, 1), since tanh bounds them, but going
 * back one step multiplies the gradient by diag(1 − h_t²)·Uᵀ, and with ‖U‖ = 2 that grows
 * it wherever the units are not saturated.
 *
 * Two runs from the same weights and the same batches, plain SGD at lr 0.1:
 *   without clipping    w ← w − lr·g                  a step as long as the gradient is big
 *   with clipping       g ← g·min(1, 5/‖g‖), then w ← w − lr·g     a step of at most lr·5
 *
 * SGD shows the effect plainly: its step is lr·g, so a gradient 200 times too big throws
 * the weights 200 times too far. (Adam divides by a running gradient scale, which hides a
 * single spike but not a run of them.) The loop is written out so that the place of
 * clipGradNorm is visible: after backward, before the optimizer's step. fit does the
 * same when given { clipGradNorm }.
 */
import { Dense, type Initializer } from "@gradschool/backprop";
import { sineSequences } from "@gradschool/datasets";
import { mse } from "@gradschool/losses";
import { Sequential, minibatches } from "@gradschool/mlp";
import { type Param, SGD, clipGradNorm } from "@gradschool/optimizers";
import { SimpleRNN, orthogonal } from "@gradschool/rnn";
import { type Tensor, gatherRows, rng, scale } from "@gradschool/tensor";

export const EXPLODING = {
  seed: 3,
  length: 30,
  trainCount: 512,
  testCount: 256,
  units: 16,
  gain: 2,
  learningRate: 0.1,
  maxNorm: 5,
  epochs: 20,
  batchSize: 32,
} as const;

/** Keras's orthogonal recurrent kernel, times `gain`: every singular value of U is `gain`. */
export const scaledOrthogonal =
  (gain: number): Initializer =>
  (shape, fanIn, fanOut, random) =>
    scale(orthogonal(shape, fanIn, fanOut, random), gain);

/** The sine windows and a fresh model, drawn from one seed: every call starts from the same weights. */
export function explodingSetup() {
  const random = rng(EXPLODING.seed);
  const train = sineSequences({ sequences: EXPLODING.trainCount, length: EXPLODING.length, rng: random });
  const test = sineSequences({ sequences: EXPLODING.testCount, length: EXPLODING.length, rng: random });
  const cell = new SimpleRNN(1, EXPLODING.units, { rng: random, recurrentInit: scaledOrthogonal(EXPLODING.gain), name: "rnn" });
  const model = new Sequential([cell, new Dense(EXPLODING.units, 1, { rng: random, name: "out" })]);
  return { train, test, cell, model, random };
}

/** ‖g‖ = √(Σ g²) over every gradient of the model, as one long vector. */
export function globalGradientNorm(params: readonly Param[]): number {
  let sumOfSquares = 0;
  for (const param of params) for (const g of param.grad.data) sumOfSquares += g * g;
  return Math.sqrt(sumOfSquares);
}

export interface SineRun {
  /** The training loss of every step. */
  losses: number[];
  /** ‖g‖ of every step, before any clipping. */
  gradNorms: number[];
  /** How many steps clipping shortened. */
  clippedSteps: number;
  /** mse on the 256 test windows at the end (NaN if the run stopped on a non-finite number). */
  testLoss: number;
  /** ‖∂L/∂h_1‖ / ‖∂L/∂h_30‖ on the test windows at the end: how much of the gradient still reaches step 1. */
  finalGradientRatio: number;
}

/** 20 epochs of SGD on the sine windows, the gradients clipped to `maxNorm` if it is given. */
export function trainSine(maxNorm?: number): SineRun {
  const { train, test, cell, model, random } = explodingSetup();
  const params = model.params();
  const optimizer = new SGD({ lr: EXPLODING.learningRate });
  const run: SineRun = { losses: [], gradNorms: [], clippedSteps: 0, testLoss: NaN, finalGradientRatio: NaN };
  const batches = minibatches(EXPLODING.trainCount, EXPLODING.batchSize, { shuffle: true, rng: random });
  for (let epoch = 0; epoch < EXPLODING.epochs; epoch++) {
    for (const indices of batches) {
      const [x, y] = [gatherRows(train.x, indices), gatherRows(train.y, indices)];
      optimizer.zeroGrad(params);
      const prediction = model.forward(x, { training: true });
      const loss = prediction.data.every(Number.isFinite) ? mse.forward(prediction, y) : NaN;
      run.losses.push(loss);
      if (!Number.isFinite(loss)) return run; // the run has diverged: no step can bring it back
      model.backward(mse.backward(prediction, y));
      // clipGradNorm returns ‖g‖ before it rescales, so both runs log the same quantity.
      const norm = maxNorm === undefined ? globalGradientNorm(params) : clipGradNorm(params, maxNorm);
      run.gradNorms.push(norm);
      if (!Number.isFinite(norm)) return run;
      if (maxNorm !== undefined && norm > maxNorm) run.clippedSteps++;
      optimizer.step(params);
    }
  }
  run.testLoss = mse.forward(model.forward(test.x), test.y);
  const norms = lastStateGradientNorms(model, cell, test.x, test.y);
  run.finalGradientRatio = norms[0] / norms[norms.length - 1];
  return run;
}

/** ‖∂L/∂h_t‖ for t = 1 … 30 on the given windows, for the model as it is now. */
export function lastStateGradientNorms(model: Sequential, cell: SimpleRNN, x: Tensor, y: Tensor): Float64Array {
  const prediction = model.forward(x, { training: false });
  for (const param of model.params()) param.grad.data.fill(0);
  model.backward(mse.backward(prediction, y));
  return cell.stateGradientNorms();
}
