/**
 * A validation curve finer than one point per epoch: a fit callback that scores the model
 * on held-out images every `every` training steps (in inference mode, as fit scores its
 * validationData at the end of an epoch) and keeps the step, the loss and the accuracy.
 *
 * The default run trains for a single epoch, so fit's own per-epoch validation would give
 * one point; scoring 500 held-out images every 25 steps draws the curve. It records and
 * prints nothing while training: on a terminal the progress bar is redrawing that line.
 */
import type { LossTarget } from "@gradschool/losses";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Callback, accuracy } from "@gradschool/mlp";
import type { Tensor } from "@gradschool/tensor";

export interface ValidationCurve extends Callback {
  /** The training step (counted over all epochs) after which each point was measured. */
  readonly steps: number[];
  readonly loss: number[];
  readonly accuracy: number[];
  /** Seconds spent scoring so far: time the training steps did not use. */
  readonly seconds: number;
}

export function validationCurve(x: Tensor, y: LossTarget, options: { every: number }): ValidationCurve {
  const { every } = options;
  if (!Number.isInteger(every) || every < 1) {
    throw new Error(`validationCurve: every must be a positive whole number of steps; received ${every}`);
  }
  const steps: number[] = [];
  const losses: number[] = [];
  const accuracies: number[] = [];
  let stepsDone = 0;
  let seconds = 0;
  return {
    steps,
    loss: losses,
    accuracy: accuracies,
    get seconds() {
      return seconds;
    },
    onBatchEnd(context) {
      stepsDone++;
      if (stepsDone % every !== 0) return;
      const started = performance.now();
      const scores = context.model.evaluate(x, y, { loss: softmaxCrossEntropy, metrics: [accuracy] });
      steps.push(stepsDone);
      losses.push(scores.loss);
      accuracies.push(scores.accuracy);
      seconds += (performance.now() - started) / 1000;
    },
  };
}
