import { gemm } from "./gemm.ts";
import { Tensor, formatShape } from "./tensor.ts";

/**
 * Matrix products, the workhorse of every layer:
 *
 *   matmul(A, B)        = A · B      [m, k] · [k, n] → [m, n]   (forward:  y = x · W)
 *   matmulTransA(A, B)  = Aᵀ · B     [k, m] · [k, n] → [m, n]   (backward: dW = xᵀ · gradOut)
 *   matmulTransB(A, B)  = A · Bᵀ     [m, k] · [n, k] → [m, n]   (backward: dx = gradOut · Wᵀ)
 *
 * All three run on the fast kernel in gemm.ts; the transposed forms read their operand in
 * transposed order instead of building the transpose.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmul", a, b);
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, a.data, b.data, out);
  return new Tensor(out, [rows, cols]);
}

/** Aᵀ · B without building Aᵀ: a is [k, m], b is [k, n], the result [m, n]. */
export function matmulTransA(a: Tensor, b: Tensor): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmulTransA", a, b, { transA: true });
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, a.data, b.data, out, { transA: true });
  return new Tensor(out, [rows, cols]);
}

/** A · Bᵀ without building Bᵀ: a is [m, k], b is [n, k], the result [m, n]. */
export function matmulTransB(a: Tensor, b: Tensor): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmulTransB", a, b, { transB: true });
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, a.data, b.data, out, { transB: true });
  return new Tensor(out, [rows, cols]);
}

export interface MatmulIntoOptions {
  transA?: boolean;
  transB?: boolean;
  /** out += product, instead of out = product (e.g. summing gradients over time steps). */
  accumulate?: boolean;
}

/**
 * The product written into an existing tensor, so a training loop can reuse one output
 * buffer per layer instead of allocating a fresh one every batch. Returns `out`.
 */
export function matmulInto(out: Tensor, a: Tensor, b: Tensor, options: MatmulIntoOptions = {}): Tensor {
  const [rows, inner, cols] = checkMatmulShapes("matmulInto", a, b, options);
  if (out.rank !== 2 || out.shape[0] !== rows || out.shape[1] !== cols) {
    throw new Error(`matmulInto: out is ${formatShape(out.shape)}; expected [${rows}, ${cols}] for this product`);
  }
  if (out.data === a.data || out.data === b.data) {
    throw new Error("matmulInto: out shares its buffer with an operand; expected a separate output tensor");
  }
  gemm(rows, cols, inner, a.data, b.data, out.data, options);
  return out;
}

/**
 * Checks that op(a) · op(b) is defined and returns [rows, inner, cols]; otherwise throws
 * an error that names the operation, both shapes and what was expected.
 */
export function checkMatmulShapes(
  op: string,
  a: Tensor,
  b: Tensor,
  { transA = false, transB = false }: { transA?: boolean; transB?: boolean } = {},
): [number, number, number] {
  if (a.rank !== 2 || b.rank !== 2) {
    throw new Error(`${op}: expected two 2-D matrices — a is ${formatShape(a.shape)}, b is ${formatShape(b.shape)}`);
  }
  const [rows, innerA] = transA ? [a.shape[1], a.shape[0]] : [a.shape[0], a.shape[1]];
  const [innerB, cols] = transB ? [b.shape[1], b.shape[0]] : [b.shape[0], b.shape[1]];
  if (innerA !== innerB) {
    // For a transposed operand, also say which dimension of the stored matrix is meant.
    const aName = transA ? `aᵀ's ${innerA} columns (a's rows)` : `a's ${innerA} columns`;
    const bName = transB ? `bᵀ to have ${innerA} rows (b ${innerA} columns)` : `b to have ${innerA} rows`;
    throw new Error(
      `${op}: inner dimensions differ — a is ${formatShape(a.shape)}, b is ${formatShape(b.shape)}; ` +
        `expected ${bName} to match ${aName}`,
    );
  }
  return [rows, innerA, cols];
}
