import { Tensor, formatShape, normalizeAxis } from "./tensor.ts";

/**
 * Reductions: collapse all elements to one number, or one axis to its summary.
 *
 * A tensor of shape [outer…, axis, inner…] is viewed as [outer, length, inner]: the
 * element (o, k, i) lives at o·length·inner + k·inner + i. Reducing over k leaves
 * [outer, inner]; with keepDims the axis stays as a 1, ready to broadcast back.
 */
export interface ReduceOptions {
  /** Keep the reduced axis as size 1 (so x − max(x, -1, { keepDims: true }) broadcasts). */
  keepDims?: boolean;
}

/** Σ of all elements. */
export function sum(t: Tensor): number;
/** Σ along one axis: sum([[1, 2], [3, 4]], 0) is [4, 6]. */
export function sum(t: Tensor, axis: number, options?: ReduceOptions): Tensor;
export function sum(t: Tensor, axis?: number, options: ReduceOptions = {}): number | Tensor {
  if (axis === undefined) {
    let total = 0;
    for (let i = 0; i < t.size; i++) total += t.data[i];
    return total;
  }
  return reduceAxis("sum", t, axis, options, 0, (acc, value) => acc + value);
}

/** The mean of all elements. */
export function mean(t: Tensor): number;
/** The mean along one axis. */
export function mean(t: Tensor, axis: number, options?: ReduceOptions): Tensor;
export function mean(t: Tensor, axis?: number, options: ReduceOptions = {}): number | Tensor {
  if (t.size === 0) throw new Error(`mean: tensor of shape ${formatShape(t.shape)} is empty; its mean is undefined`);
  if (axis === undefined) return sum(t) / t.size;
  const count = t.shape[normalizeAxis("mean", axis, t.rank)];
  const totals = sum(t, axis, options);
  for (let i = 0; i < totals.size; i++) totals.data[i] /= count;
  return totals;
}

/** The largest element. */
export function max(t: Tensor): number;
/** The largest element along one axis. */
export function max(t: Tensor, axis: number, options?: ReduceOptions): Tensor;
export function max(t: Tensor, axis?: number, options: ReduceOptions = {}): number | Tensor {
  if (t.size === 0) throw new Error(`max: tensor of shape ${formatShape(t.shape)} is empty; it has no maximum`);
  if (axis === undefined) {
    let best = -Infinity;
    for (let i = 0; i < t.size; i++) if (t.data[i] > best || Number.isNaN(t.data[i])) best = t.data[i];
    return best;
  }
  return reduceAxis("max", t, axis, options, -Infinity, (acc, value) => (value > acc || Number.isNaN(value) ? value : acc));
}

/**
 * The index of the largest element along an axis (the last by default), e.g. the
 * predicted class of each row of a [batch, classes] tensor. The first index wins a tie;
 * a NaN wins over any number (as in max), so it is never hidden.
 * Returned flat, in the order of the remaining dimensions.
 */
export function argmax(t: Tensor, axis = -1): Int32Array {
  const { outer, length, inner } = axisView("argmax", t, axis);
  if (length === 0) throw new Error(`argmax: axis ${axis} of shape ${formatShape(t.shape)} is empty`);
  const result = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let bestIndex = 0;
      let best = t.data[o * length * inner + i];
      for (let k = 1; k < length; k++) {
        const value = t.data[(o * length + k) * inner + i];
        if (value > best || (Number.isNaN(value) && !Number.isNaN(best))) {
          best = value;
          bestIndex = k;
        }
      }
      result[o * inner + i] = bestIndex;
    }
  }
  return result;
}

function reduceAxis(
  op: string,
  t: Tensor,
  axis: number,
  options: ReduceOptions,
  initial: number,
  combine: (acc: number, value: number) => number,
): Tensor {
  const { axisIndex, outer, length, inner } = axisView(op, t, axis);
  const out = new Float64Array(outer * inner).fill(initial);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < length; k++) {
      const rowStart = (o * length + k) * inner;
      for (let i = 0; i < inner; i++) out[o * inner + i] = combine(out[o * inner + i], t.data[rowStart + i]);
    }
  }
  const shape = options.keepDims
    ? t.shape.map((dim, d) => (d === axisIndex ? 1 : dim))
    : t.shape.filter((_, d) => d !== axisIndex);
  return new Tensor(out, shape);
}

function axisView(op: string, t: Tensor, axis: number) {
  const axisIndex = normalizeAxis(op, axis, t.rank);
  let outer = 1;
  for (let d = 0; d < axisIndex; d++) outer *= t.shape[d];
  let inner = 1;
  for (let d = axisIndex + 1; d < t.rank; d++) inner *= t.shape[d];
  return { axisIndex, outer, length: t.shape[axisIndex], inner };
}
