import { type Tensor, formatShape, sameShape } from "@gradschool/tensor";
import { numericalGradient } from "./numerical-gradient.ts";
import { relativeError } from "./relative-error.ts";

/**
 * checkGradient compares a gradient you derived (analytic, from a backward pass) with
 * one you measured (numeric, from central differences), element by element:
 *
 *   relErrᵢ = |analyticᵢ − numericᵢ| / max(|analyticᵢ|, |numericᵢ|, 1e-12)
 *   ok      = every relErrᵢ ≤ tolerance (and none is NaN)
 *
 * The report lists the worst elements by multi-index ([row, col], not a flat offset), so
 * a failure points at the exact weight whose gradient is wrong.
 */
export interface GradientCheckOptions {
  /** The central-difference step (default 1e-5). */
  eps?: number;
  /** The largest relative error that still passes (default 1e-6, right for float64). */
  tolerance?: number;
  /** How many of the worst elements to keep in the report (default 5). */
  worst?: number;
}

/** One element of the comparison. */
export interface GradientEntry {
  /** Where the element sits, e.g. [1, 2] for row 1, column 2. */
  index: number[];
  analytic: number;
  numeric: number;
  relError: number;
}

/** The outcome of one gradient check. */
export interface GradientReport {
  ok: boolean;
  /** The largest relative error over all elements; NaN if any element was NaN. */
  maxRelError: number;
  /** The worst elements, worst first (a NaN counts as worse than any number). */
  worst: GradientEntry[];
  /** The shape of the tensor that was checked. */
  shape: number[];
  /** The tolerance the check used. */
  tolerance: number;
}

export function checkGradient(
  f: (x: Tensor) => number,
  x: Tensor,
  analytic: Tensor,
  options: GradientCheckOptions = {},
): GradientReport {
  const { eps = 1e-5, tolerance = 1e-6, worst = 5 } = options;
  if (!sameShape(x.shape, analytic.shape)) {
    throw new Error(
      `checkGradient: shapes differ — x is ${formatShape(x.shape)}, analytic gradient is ${formatShape(analytic.shape)}; ` +
        `expected the gradient to have the shape of x`,
    );
  }
  if (!Number.isInteger(worst) || worst < 0) {
    throw new Error(`checkGradient: worst must be a non-negative integer; received ${worst}`);
  }
  const numeric = numericalGradient(f, x, eps);

  const relErrors = new Float64Array(x.size);
  let maxRelError = 0;
  let sawNaN = false;
  for (let i = 0; i < x.size; i++) {
    relErrors[i] = relativeError(analytic.data[i], numeric.data[i]);
    if (Number.isNaN(relErrors[i])) sawNaN = true;
    else if (relErrors[i] > maxRelError) maxRelError = relErrors[i];
  }
  if (sawNaN) maxRelError = NaN;

  // Rank every element, worst first; a NaN counts as the worst, so it is never hidden.
  const severity = (i: number): number => (Number.isNaN(relErrors[i]) ? Infinity : relErrors[i]);
  const order = Array.from({ length: x.size }, (_, i) => i);
  order.sort((i, j) => (severity(i) === severity(j) ? 0 : severity(i) > severity(j) ? -1 : 1));

  return {
    ok: !sawNaN && maxRelError <= tolerance,
    maxRelError,
    worst: order.slice(0, worst).map((i) => ({
      index: unravelIndex(i, x.shape),
      analytic: analytic.data[i],
      numeric: numeric.data[i],
      relError: relErrors[i],
    })),
    shape: [...x.shape],
    tolerance,
  };
}

/** The multi-index of a flat row-major offset: offset 6 of a [2, 4] tensor is [1, 2]. */
function unravelIndex(offset: number, shape: readonly number[]): number[] {
  const index = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = offset % shape[d];
    offset = Math.floor(offset / shape[d]);
  }
  return index;
}
