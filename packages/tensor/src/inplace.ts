import { Tensor, formatShape, sameShape } from "./tensor.ts";

/**
 * In-place updates: they overwrite their first argument instead of allocating a new
 * tensor. Optimizers and training loops use them, where a fresh tensor per step per
 * parameter would keep the garbage collector busy.
 */

/** target += other (same shapes). Returns target. */
export function addInPlace(target: Tensor, other: Tensor): Tensor {
  checkSameShape("addInPlace", target, other, "other");
  const y = target.data;
  const source = other.data;
  for (let i = 0; i < y.length; i++) y[i] += source[i];
  return target;
}

/** target ·= factor. Returns target. */
export function scaleInPlace(target: Tensor, factor: number): Tensor {
  const data = target.data;
  for (let i = 0; i < data.length; i++) data[i] *= factor;
  return target;
}

/** target += alpha · x — "a x plus y", the classic BLAS name. Returns target. */
export function axpy(target: Tensor, alpha: number, x: Tensor): Tensor {
  checkSameShape("axpy", target, x, "x");
  const y = target.data;
  const source = x.data;
  for (let i = 0; i < y.length; i++) y[i] += alpha * source[i];
  return target;
}

/** Sets every element of target to value. Returns target. */
export function fillInPlace(target: Tensor, value: number): Tensor {
  target.data.fill(value);
  return target;
}

function checkSameShape(op: string, target: Tensor, other: Tensor, otherName: string): void {
  if (!sameShape(target.shape, other.shape)) {
    throw new Error(
      `${op}: shapes differ — target is ${formatShape(target.shape)}, ${otherName} is ${formatShape(other.shape)}; expected equal shapes`,
    );
  }
}
