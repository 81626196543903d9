import { Tensor } from "./tensor.ts";
import { checkMatmulShapes } from "./matmul.ts";

// #region naive
/**
 * The readable matrix product, straight from the definition:
 *
 *   C[i, j] = Σₖ A[i, k] · B[k, j]
 *
 * This is the reference the fast kernel in gemm.ts is tested against. It is slow for a
 * reason lesson 11 measures: the inner loop walks down a column of B, jumping a whole
 * row of memory at every step.
 */
export function matmulNaive(a: Tensor, b: Tensor): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmulNaive", a, b);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let total = 0;
      for (let k = 0; k < inner; k++) total += a.data[i * inner + k] * b.data[k * cols + j];
      out[i * cols + j] = total;
    }
  }
  return new Tensor(out, [rows, cols]);
}
// #endregion

/**
 * The same product with the loops reordered i-k-j: the inner loop now walks along a
 * row of B and a row of C, both contiguous in memory, so the cache serves every read.
 * Same maths, several times faster (lesson 11).
 */
export function matmulIkj(a: Tensor, b: Tensor): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmulIkj", a, b);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < inner; k++) {
      const aik = a.data[i * inner + k];
      const bRow = k * cols;
      const outRow = i * cols;
      for (let j = 0; j < cols; j++) out[outRow + j] += aik * b.data[bRow + j];
    }
  }
  return new Tensor(out, [rows, cols]);
}
