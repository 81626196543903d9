import { type Rng, Tensor, formatShape } from "@gradschool/tensor";
import type { Initializer } from "@gradschool/backprop";

/**
 * The orthogonal initializer, Keras's default for a recurrent kernel (Saxe et al. 2014):
 * a random matrix whose rows or columns are orthonormal.
 *
 *   [rows, cols] with rows ≥ cols:  WᵀW = I   (orthonormal columns)
 *   [rows, cols] with rows < cols:  WWᵀ = I   (orthonormal rows)
 *
 * Why a recurrent network wants it. The state is multiplied by the same U at every step,
 * so after t steps a signal (and, going back, a gradient) has been through Uᵗ. With
 * U orthogonal, ‖hU‖ = ‖h‖ for every h: every eigenvalue has |λ| = 1, and Uᵗ neither
 * shrinks nor blows up whatever t is. A random Gaussian matrix has eigenvalues of many
 * sizes, and its powers vanish in some directions and explode in others.
 *
 * How it is made: draw a tall [max, min] matrix of N(0, 1) samples and orthonormalise its
 * columns with Gram–Schmidt (each column minus its projections on the ones before it,
 * then scaled to length 1); transpose if the shape is wide. Gram–Schmidt is the Q of a QR
 * decomposition whose R has a positive diagonal, which is exactly what Keras computes
 * (q, r = qr(a); q *= sign(diag(r))), so Q is uniformly distributed over the orthogonal
 * matrices. Each projection is done twice ("twice is enough", Kahan): a single pass loses
 * orthogonality to rounding when columns are nearly parallel. A shape of rank > 2 is
 * treated as [product of the leading dimensions, last dimension], as in Keras.
 */
export const orthogonal: Initializer = (shape: readonly number[], _fanIn: number, _fanOut: number, random: Rng): Tensor => {
  if (shape.length < 2 || !shape.every((dim) => Number.isInteger(dim) && dim > 0)) {
    throw new Error(`orthogonal: shape ${formatShape(shape)} is not a matrix; expected at least 2 positive dimensions, e.g. [64, 256]`);
  }
  const cols = shape[shape.length - 1];
  const rows = shape.slice(0, -1).reduce((product, dim) => product * dim, 1);
  const tall = Math.max(rows, cols); // the length of each column to orthonormalise
  const count = Math.min(rows, cols); // how many orthonormal columns
  // columns[j] is column j of the tall matrix, stored contiguously.
  const columns = Array.from({ length: count }, () => Float64Array.from({ length: tall }, () => random.normal()));
  for (let j = 0; j < count; j++) {
    const column = columns[j];
    for (let pass = 0; pass < 2; pass++) {
      for (let previous = 0; previous < j; previous++) subtractProjection(column, columns[previous]);
    }
    const length = Math.sqrt(dot(column, column));
    for (let i = 0; i < tall; i++) column[i] /= length;
  }
  const out = new Float64Array(rows * cols);
  for (let j = 0; j < count; j++) {
    for (let i = 0; i < tall; i++) {
      // rows ≥ cols: column j of the result; rows < cols: row j of the result (the transpose).
      if (rows >= cols) out[i * cols + j] = columns[j][i];
      else out[j * cols + i] = columns[j][i];
    }
  }
  return new Tensor(out, shape);
};

/** v ← v − (v·u) u, for a unit vector u: removes v's component along u. */
function subtractProjection(v: Float64Array, u: Float64Array): void {
  const along = dot(v, u);
  for (let i = 0; i < v.length; i++) v[i] -= along * u[i];
}

function dot(a: Float64Array, b: Float64Array): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}
