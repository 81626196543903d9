import type { Rng } from "@gradschool/tensor";

export interface MinibatchOptions {
  /** Visit the samples in a fresh random order each epoch (true), or in order 0, 1, 2, … (false). */
  shuffle: boolean;
  /** Draws the order; required when shuffle is true, so every run sees the same batches. */
  rng?: Rng;
}

/**
 * The row indices of one epoch, cut into minibatches of batchSize (the last one smaller
 * when batchSize does not divide count). Every index 0 … count−1 appears exactly once.
 *
 *   for (const indices of minibatches(1000, 32, { shuffle: true, rng: rng(0) })) {
 *     const xBatch = gatherRows(x, indices);   // 32 batches: 31 of 32 rows, then one of 8
 *   }
 *
 * Why minibatches: the gradient of the mean loss over a random batch is an unbiased
 * estimate of the gradient over all the data, at a fraction of the cost, so a network
 * takes many cheap noisy steps per epoch instead of one exact expensive one. Why shuffle:
 * data often arrives sorted (all the 0s, then all the 1s); batches cut from sorted data
 * would each pull the weights towards one class in turn.
 *
 * The result is iterable, and each time it is iterated it is a new epoch: with shuffle it
 * draws a new order from rng then, so the same seed gives the same epochs in the same
 * order. A batch is a view into that epoch's order (a subarray, no copy).
 */
export function minibatches(count: number, batchSize: number, options: MinibatchOptions): Iterable<Int32Array> {
  if (!Number.isInteger(count) || count < 0) {
    throw new Error(`minibatches: count must be a non-negative integer, the number of samples; received ${count}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`minibatches: batchSize must be a positive integer, e.g. 32; received ${batchSize}`);
  }
  const shuffle = options?.shuffle;
  if (typeof shuffle !== "boolean") {
    throw new Error(`minibatches: options.shuffle must be true or false; received ${String(shuffle)}`);
  }
  const random = options.rng;
  if (shuffle && typeof random?.permutation !== "function") {
    throw new Error("minibatches: shuffle needs options.rng, e.g. minibatches(count, 32, { shuffle: true, rng: rng(0) }), so the order is reproducible");
  }
  return {
    *[Symbol.iterator]() {
      const order = random !== undefined && shuffle ? random.permutation(count) : Int32Array.from({ length: count }, (_, i) => i);
      for (let start = 0; start < count; start += batchSize) {
        yield order.subarray(start, Math.min(start + batchSize, count));
      }
    },
  };
}
