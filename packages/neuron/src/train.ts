import { type Tensor, axpy } from "@gradschool/tensor";
import { binaryCrossEntropy } from "./binary-cross-entropy.ts";
import type { NeuronLoss } from "./loss.ts";
import type { Neuron } from "./neuron.ts";
import { type Targets, checkInputs, checkTargets } from "./validate.ts";

export interface TrainOptions {
  /** How many gradient-descent steps, each over the whole batch. */
  steps: number;
  /** The learning rate η: how far each step moves against the gradient. */
  lr: number;
  /** The loss to descend (default binary cross-entropy). */
  loss?: NeuronLoss;
  /** Called after each step with its number (0-based), the loss before the update, and the neuron. */
  onStep?: (step: number, loss: number, neuron: Neuron) => void;
}

/**
 * Plain (full-batch) gradient descent: every step computes the gradient over all of x and
 * moves each parameter a little downhill,
 *
 *   w ← w − η·∂L/∂w        b ← b − η·∂L/∂b
 *
 * Updates the neuron in place and returns the loss of every step, measured before that
 * step's update (so losses[0] is the loss of the untrained neuron).
 */
export function train(neuron: Neuron, x: Tensor, y: Targets, options: TrainOptions): number[] {
  const { steps, lr, loss = binaryCrossEntropy, onStep } = options;
  if (!Number.isInteger(steps) || steps < 1) {
    throw new Error(`train: steps is ${steps}; expected a positive integer`);
  }
  if (!(lr > 0) || !Number.isFinite(lr)) {
    throw new Error(`train: lr is ${lr}; expected a positive learning rate such as 0.5`);
  }
  checkInputs("train", x, neuron.features);
  checkTargets("train", y, x.shape[0]);

  const losses: number[] = [];
  for (let step = 0; step < steps; step++) {
    const { gradWeights, gradBias, loss: stepLoss } = neuron.gradients(x, y, loss);
    axpy(neuron.weights, -lr, gradWeights); // w ← w − η·∂L/∂w, in place
    neuron.bias -= lr * gradBias;
    losses.push(stepLoss);
    onStep?.(step, stepLoss, neuron);
  }
  return losses;
}
