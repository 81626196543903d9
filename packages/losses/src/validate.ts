import { Tensor, formatShape, sameShape } from "@gradschool/tensor";
import type { LossTarget } from "./loss.ts";

/**
 * The checks every loss runs before it computes anything. A loss sits at the end of the
 * network, so a bad value here (a NaN from an overflowing layer, targets in the wrong
 * shape) would otherwise turn into a silently wrong gradient for every weight. Each error
 * names the loss and the call (`mse.forward`), what it received and what it expected.
 */

/** pred must be a non-empty tensor of finite numbers. */
export function checkPrediction(caller: string, pred: unknown): asserts pred is Tensor {
  if (!(pred instanceof Tensor)) {
    throw new Error(`${caller}: pred must be a Tensor; received ${describeValue(pred)}`);
  }
  if (pred.size === 0) {
    throw new Error(`${caller}: pred is empty (shape ${formatShape(pred.shape)}); expected at least one prediction`);
  }
  for (let i = 0; i < pred.size; i++) {
    const value = pred.data[i];
    if (!Number.isFinite(value)) {
      throw new Error(
        `${caller}: pred${formatIndex(i, pred.shape)} is ${value}; expected finite numbers ` +
          `(a NaN or Infinity here usually comes from an earlier layer that overflowed)`,
      );
    }
  }
}

/** For the elementwise losses: target is a tensor of finite numbers with exactly pred's shape. */
export function checkSameShapeTarget(caller: string, pred: Tensor, target: LossTarget): asserts target is Tensor {
  if (!(target instanceof Tensor)) {
    throw new Error(
      `${caller}: target must be a Tensor with pred's shape ${formatShape(pred.shape)}; received ${describeValue(target)}`,
    );
  }
  if (!sameShape(pred.shape, target.shape)) {
    throw new Error(
      `${caller}: pred is ${formatShape(pred.shape)} but target is ${formatShape(target.shape)}; ` +
        `expected the same shape, one target per prediction (reshape one of them; a [N] against a [N, 1] is not broadcast)`,
    );
  }
  for (let i = 0; i < target.size; i++) {
    if (!Number.isFinite(target.data[i])) {
      throw new Error(`${caller}: target${formatIndex(i, target.shape)} is ${target.data[i]}; expected finite numbers`);
    }
  }
}

/** Every element of t lies in [0, 1]: a probability, not a logit. */
export function checkProbabilities(caller: string, label: string, t: Tensor, hint: string): void {
  for (let i = 0; i < t.size; i++) {
    const value = t.data[i];
    if (!(value >= 0 && value <= 1)) {
      throw new Error(`${caller}: ${label}${formatIndex(i, t.shape)} is ${value}, outside [0, 1]; expected probabilities${hint}`);
    }
  }
}

/** The multi-index of a flat row-major offset, as printed in messages: offset 5 of [2, 3] is "[1, 2]". */
export function formatIndex(offset: number, shape: readonly number[]): string {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = offset % shape[d];
    offset = Math.floor(offset / shape[d]);
  }
  return `[${index.join(", ")}]`;
}

/** A short description of what a caller passed, for error messages. */
export function describeValue(value: unknown): string {
  if (value instanceof Tensor) return `a tensor of shape ${formatShape(value.shape)}`;
  if (value instanceof Int32Array) return `an Int32Array of length ${value.length}`;
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "no constructor"})`;
  return `${typeof value} ${String(value)}`;
}
