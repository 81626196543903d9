/**
 * The same MNIST samples for every library: the first 6,400 training images (pixel / 255),
 * taken in order, one batch after the other, starting again at the first when they run
 * out. 6,400 images are enough that the data does not all sit in the CPU cache.
 *
 * Each library gets the pixels in the number type it computes in: gradschool float64,
 * TF.js float32 (its only float type). A batch is a view into these arrays, not a copy,
 * wherever a library accepts one.
 */
import { loadMnist } from "@gradschool/datasets";

export const SAMPLE_COUNT = 6_400;
export const IMAGE_SIDE = 28;
export const PIXELS = IMAGE_SIDE * IMAGE_SIDE;
export const CLASSES = 10;

export interface MnistSamples {
  /** [6400 · 784] pixels in [0, 1], image after image. */
  pixels64: Float64Array;
  pixels32: Float32Array;
  /** The digit drawn in each image. */
  labels: Int32Array;
  /** [6400 · 10] one-hot rows: TF.js's categorical losses take the target as a distribution. */
  oneHot32: Float32Array;
}

export function loadSamples(): MnistSamples {
  const mnist = loadMnist({ split: "train", limit: SAMPLE_COUNT });
  const oneHot32 = new Float32Array(SAMPLE_COUNT * CLASSES);
  for (let i = 0; i < SAMPLE_COUNT; i++) oneHot32[i * CLASSES + mnist.labels[i]] = 1;
  return {
    pixels64: mnist.images.data,
    pixels32: Float32Array.from(mnist.images.data),
    labels: mnist.labels,
    oneHot32,
  };
}

/**
 * Hands out the first sample of each batch in turn: 0, b, 2b, … wrapping around at the end
 * of the samples. Every contestant owns one, so all see the same batches in the same order.
 */
export function batchStarts(batchSize: number): () => number {
  const batches = Math.floor(SAMPLE_COUNT / batchSize);
  let batch = 0;
  return () => {
    const start = batch * batchSize;
    batch = (batch + 1) % batches;
    return start;
  };
}
