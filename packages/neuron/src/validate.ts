import { Tensor, formatShape } from "@gradschool/tensor";

/**
 * The checks every function of this package makes on what it receives, so a learner who
 * passes the wrong thing reads which function, what it got and what it wanted.
 */

/** Anything indexable with a length holding the targets: an Int32Array from a dataset, a number[]. */
export type Targets = ArrayLike<number>;

/** x must be a [batch, features] tensor with the neuron's number of features. */
export function checkInputs(caller: string, x: unknown, features: number): asserts x is Tensor {
  if (!(x instanceof Tensor)) {
    throw new Error(`${caller}: x is ${describe(x)}; expected a Tensor of shape [batch, ${features}], e.g. tensor([[0, 1]])`);
  }
  if (x.rank !== 2 || x.shape[1] !== features || x.shape[0] === 0) {
    throw new Error(
      `${caller}: x is ${formatShape(x.shape)}; expected [batch, ${features}] (one example per row, ${features} features)`,
    );
  }
}

/** y must hold one target in [0, 1] per example: 0 or 1 for a class, anything between for a soft label. */
export function checkTargets(caller: string, y: Targets, batchSize: number): void {
  if (y === null || typeof y !== "object" || typeof y.length !== "number") {
    throw new Error(`${caller}: y is ${describe(y)}; expected an array of ${batchSize} targets, each 0 or 1`);
  }
  if (y.length !== batchSize) {
    throw new Error(`${caller}: y has ${y.length} targets but the batch has ${batchSize} examples; expected one per example`);
  }
  for (let i = 0; i < y.length; i++) {
    if (!(y[i] >= 0 && y[i] <= 1)) {
      throw new Error(`${caller}: y[${i}] is ${y[i]}; expected a target in [0, 1] (a class 0 or 1)`);
    }
  }
}

/** z must be a [batch] tensor of pre-activations, one per example. */
export function checkPreActivations(caller: string, z: unknown): asserts z is Tensor {
  if (!(z instanceof Tensor) || z.rank !== 1 || z.size === 0) {
    const received = z instanceof Tensor ? formatShape(z.shape) : describe(z);
    throw new Error(`${caller}: z is ${received}; expected a non-empty Tensor of shape [batch], the neuron's z = x·w + b`);
  }
}

function describe(value: unknown): string {
  if (value instanceof Tensor) return `a tensor of shape ${formatShape(value.shape)}`;
  if (Array.isArray(value)) return "a plain array";
  return value === null ? "null" : typeof value;
}
