/**
 * Small loops over row-major [rows, cols] matrices stored in flat Float64Arrays, the
 * layout of every buffer in a recurrent layer.
 */

/** matrix[row, :] += vector for every row: a bias added to every row (every sequence, every step). */
export function addToEveryRow(matrix: Float64Array, rows: number, cols: number, vector: Float64Array): void {
  for (let row = 0; row < rows; row++) {
    const start = row * cols;
    for (let j = 0; j < cols; j++) matrix[start + j] += vector[j];
  }
}

/** target[j] += Σ_rows matrix[row, j]: the gradient of a bias that was added to every row. */
export function addColumnSums(matrix: Float64Array, rows: number, cols: number, target: Float64Array): void {
  for (let row = 0; row < rows; row++) {
    const start = row * cols;
    for (let j = 0; j < cols; j++) target[j] += matrix[start + j];
  }
}

/** (1/rows) Σ_row ‖matrix[row, :]‖: the mean over the batch of each sequence's L2 norm. */
export function meanRowNorm(matrix: Float64Array, rows: number, cols: number): number {
  let total = 0;
  for (let row = 0; row < rows; row++) {
    let sumOfSquares = 0;
    for (let j = row * cols; j < (row + 1) * cols; j++) sumOfSquares += matrix[j] * matrix[j];
    total += Math.sqrt(sumOfSquares);
  }
  return total / rows;
}

/** The buffer if it holds at least `length` numbers, else a new, larger one (the old contents are not kept). */
export function atLeast(buffer: Float64Array<ArrayBuffer>, length: number): Float64Array<ArrayBuffer> {
  return buffer.length >= length ? buffer : new Float64Array(length);
}
