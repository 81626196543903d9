/**
 * The reference MLP of DESIGN §9, and what steps 4 and 5 of the lesson need to train it:
 *
 *   784 → Dense(128) → ReLU → Dense(10) → softmax cross-entropy      101,770 parameters
 *   Adam lr 1e-3, batch 32
 *
 * The same network and seed as bench/src/train-mlp.ts, so the lesson times what
 * `npm run bench` times; lesson 06 explains the network itself. The TF.js and ConvNetJS
 * versions are in peers.ts.
 */
import { Dense, ReLU, Sequential } from "@gradschool/backprop";
import { Tensor, rng } from "@gradschool/tensor";

export const PIXELS = 784;
export const HIDDEN = 128;
export const CLASSES = 10;
export const BATCH_SIZE = 32;
/** The bench's seed for the initial weights. */
export const WEIGHTS_SEED = 2024;

/** gradschool: two Dense layers and a ReLU; the softmax lives in the loss. */
export function gradschoolMlp(): Sequential {
  const random = rng(WEIGHTS_SEED);
  return new Sequential([new Dense(PIXELS, HIDDEN, { rng: random }), new ReLU(), new Dense(HIDDEN, CLASSES, { rng: random })]);
}

/** A training step that is handed its batch: x [32, 784] and 32 labels. Returns the batch's loss. */
export interface BatchStep {
  step(x: Tensor, labels: Int32Array): number;
}

/** A copy of a model's weights [kernel1, bias1, kernel2, bias2], to start another trainer from the same point. */
export function copyWeights(model: Sequential): Tensor[] {
  return model.params().map((param) => new Tensor(Float64Array.from(param.value.data), param.value.shape));
}

/** Rows start … start + BATCH_SIZE − 1 of a pixel array, as a [32, 784] view (no copy). */
export function batchView(pixels: Float64Array, start: number): Tensor {
  return new Tensor(pixels.subarray(start * PIXELS, (start + BATCH_SIZE) * PIXELS), [BATCH_SIZE, PIXELS]);
}
