import { Tensor } from "@gradschool/tensor";

/**
 * Copies the rows of a minibatch into a buffer that is reused for every batch. This is
 * gatherRows (packages/tensor) without the allocation: an epoch of MNIST at batch 32 is
 * 1,875 batches, and each fresh [32, 784] tensor would be 200 KB for the garbage
 * collector. The batch tensor handed out is only valid until the next gather, which is
 * all a training step needs (its forward and backward are done by then).
 *
 * Works for inputs x [samples, …] and for targets: one-hot or real-valued rows (a Tensor)
 * or class indices (an Int32Array).
 */
export class BatchGatherer<T extends Tensor | Int32Array> {
  private readonly source: T;
  private readonly sourceData: Float64Array | Int32Array;
  private readonly rowSize: number;
  private readonly buffer: Float64Array | Int32Array;
  private readonly full: T; // the batch of batchSize rows
  private partial: T | undefined; // the smaller last batch, made once when first needed

  constructor(source: T, private readonly batchSize: number) {
    this.source = source;
    this.sourceData = source instanceof Tensor ? source.data : source;
    this.rowSize = source instanceof Tensor ? source.shape.slice(1).reduce((product, dim) => product * dim, 1) : 1;
    this.buffer = source instanceof Tensor ? new Float64Array(batchSize * this.rowSize) : new Int32Array(batchSize);
    this.full = this.view(batchSize);
  }

  /** The rows at `indices`, in that order, as a batch of indices.length rows. */
  gather(indices: ArrayLike<number>): T {
    const count = indices.length;
    const { rowSize, buffer, sourceData: source } = this;
    for (let row = 0; row < count; row++) {
      const from = indices[row] * rowSize;
      const to = row * rowSize;
      for (let k = 0; k < rowSize; k++) buffer[to + k] = source[from + k];
    }
    if (count === this.batchSize) return this.full;
    if (this.partial === undefined || batchRows(this.partial) !== count) this.partial = this.view(count);
    return this.partial;
  }

  /** The first `rows` rows of the buffer, shaped like the source. */
  private view(rows: number): T {
    if (this.source instanceof Tensor) {
      return new Tensor((this.buffer as Float64Array).subarray(0, rows * this.rowSize), [rows, ...this.source.shape.slice(1)]) as T;
    }
    return (this.buffer as Int32Array).subarray(0, rows) as T;
  }
}

function batchRows(batch: Tensor | Int32Array): number {
  return batch instanceof Tensor ? batch.shape[0] : batch.length;
}
