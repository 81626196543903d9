/**
 * Memory a benchmark block uses, as Node sees it:
 *
 *   in use = heapUsed + external
 *
 * heapUsed is the JavaScript heap (objects, small arrays); external is memory V8 holds
 * outside it: every ArrayBuffer behind a typed array (a Tensor's Float64Array, a TF.js cpu
 * tensor's Float32Array) and the WebAssembly memory of TF.js's wasm backend. Node's own
 * `arrayBuffers` figure is already part of `external`, so adding it too would count every
 * typed array twice.
 *
 * A block's peak is the largest `in use − in use before the block`, sampled after every
 * step. It counts what the steps allocate and have not yet freed, garbage included: the
 * working memory of training, not the weights, which were there before the block began.
 */

/** Bytes in use now: the JavaScript heap plus the buffers outside it. */
export function memoryInUse(): number {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.external;
}

/**
 * Runs a full garbage collection if Node was started with --expose-gc (npm run bench
 * does), so that every block starts from the same clean heap and no library pays for the
 * garbage the one before it left behind.
 *
 * Twice: V8 releases the memory of dead ArrayBuffers on a background thread, so right
 * after one collection `external` still counts them, and drops later, in the middle of
 * the next block. The second collection waits for that release to finish.
 */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) return;
  gc();
  gc();
}

export const MB = 1024 * 1024;
