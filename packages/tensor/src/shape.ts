import { Tensor, formatShape, sizeOf } from "./tensor.ts";

/**
 * Changing how a tensor's elements are arranged, without changing the elements.
 */

/** The same elements under a new shape; one dimension may be −1 and is then inferred. */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  const inferredAt = shape.indexOf(-1);
  let target = [...shape];
  if (inferredAt !== -1) {
    const known = sizeOf(shape.filter((_, d) => d !== inferredAt));
    if (shape.lastIndexOf(-1) !== inferredAt || known === 0 || t.size % known !== 0) {
      throw new Error(`reshape: cannot reshape ${formatShape(t.shape)} into ${formatShape(shape)}`);
    }
    target[inferredAt] = t.size / known;
  }
  if (sizeOf(target) !== t.size || target.some((dim) => !Number.isInteger(dim) || dim < 0)) {
    throw new Error(
      `reshape: cannot reshape ${formatShape(t.shape)} (${t.size} elements) into ${formatShape(shape)}; ` +
        `the sizes must match`,
    );
  }
  return new Tensor(t.data.slice(), target);
}

/** The transpose of a matrix: out[j, i] = t[i, j]. */
export function transpose(t: Tensor): Tensor {
  if (t.rank !== 2) throw new Error(`transpose: expected a 2-D matrix; received shape ${formatShape(t.shape)}`);
  const [rows, cols] = t.shape;
  const out = new Float64Array(t.size);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = t.data[i * cols + j];
  }
  return new Tensor(out, [cols, rows]);
}

/**
 * The rows (first-axis slices) at the given indices, in that order: how a minibatch
 * is cut from a dataset. gatherRows(images [60000, 784], [7, 3]) is [2, 784].
 */
export function gatherRows(t: Tensor, indices: ArrayLike<number>): Tensor {
  if (t.rank === 0) throw new Error(`gatherRows: expected at least one dimension; received a scalar`);
  const rows = t.shape[0];
  const rowSize = rows === 0 ? 0 : t.size / rows;
  const out = new Float64Array(indices.length * rowSize);
  for (let r = 0; r < indices.length; r++) {
    const index = indices[r];
    if (!Number.isInteger(index) || index < 0 || index >= rows) {
      throw new Error(`gatherRows: row index ${index} (at position ${r}) is out of range for shape ${formatShape(t.shape)}`);
    }
    out.set(t.data.subarray(index * rowSize, (index + 1) * rowSize), r * rowSize);
  }
  return new Tensor(out, [indices.length, ...t.shape.slice(1)]);
}
