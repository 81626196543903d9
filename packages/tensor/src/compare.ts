import type { Tensor } from "./tensor.ts";
import { sameShape } from "./tensor.ts";

/** Tolerances for allClose, as numpy names them. */
export interface CloseOptions {
  /** Relative tolerance (default 1e-9). */
  rtol?: number;
  /** Absolute tolerance (default 1e-12). */
  atol?: number;
}

/**
 * True when a and b have the same shape and every pair of elements satisfies
 * |a − b| ≤ atol + rtol · |b| (numpy's rule). NaN is never close to anything,
 * and an infinity is close only to the same infinity.
 */
export function allClose(a: Tensor, b: Tensor, { rtol = 1e-9, atol = 1e-12 }: CloseOptions = {}): boolean {
  if (!sameShape(a.shape, b.shape)) return false;
  for (let i = 0; i < a.size; i++) {
    const x = a.data[i];
    const y = b.data[i];
    if (x === y) continue; // also covers equal infinities
    if (!Number.isFinite(x) || !Number.isFinite(y)) return false; // an infinity is close only to itself
    if (!(Math.abs(x - y) <= atol + rtol * Math.abs(y))) return false;
  }
  return true;
}
