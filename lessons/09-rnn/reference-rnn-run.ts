/**
 * Step 4 of lesson 09: the settings the reference RNN (DESIGN §9, the classic Keras
 * example) trains with. lesson.ts tells the story; lesson.test.ts rebuilds the same model.
 *
 *   Keras                                                  here
 *   SimpleRNN(64, return_sequences=True, input (28, 28))   SimpleRNN(28 → 64, { returnSequences: true })
 *   SimpleRNN(64)                                          SimpleRNN(64 → 64)
 *   Dense(10, activation="softmax")                        Dense(64 → 10), the softmax in the loss
 *   Adam, batch_size=64                                    Adam, batchSize 64, clipGradNorm 5, and the
 *                                                          learning rate eased from 2e-3 to 0 along a cosine
 *
 * One rng(1) draws the initial weights and then the order of the batches, as the rnn
 * package's own MNIST test does. Clipping at norm 5 rarely fires here; it is there for the
 * odd steep step a SimpleRNN meets (step 3 of the lesson shows what one can do).
 */
import { loadMnist } from "@gradschool/datasets";
import type { Sequential } from "@gradschool/mlp";
import { imagesAsRows, referenceRnn } from "@gradschool/rnn";
import { type Schedule, cosineAnnealing } from "@gradschool/optimizers";
import { type Rng, type Tensor, rng } from "@gradschool/tensor";

export const SEED = 1;
export const BATCH_SIZE = 64;
export const LEARNING_RATE = 2e-3;
export const CLIP_NORM = 5;

/** The default run (a quick one, on a subset) and the --full reproduction. */
export const QUICK = { trainImages: 6_000, epochs: 2 } as const;
export const FULL = { trainImages: 60_000, epochs: 10 } as const;

/**
 * lr at batch k of a run of `totalSteps` batches: 2e-3 at the start, falling along half a
 * cosine to nearly 0 at the end (lesson 04's cosineAnnealing). Large steps early cover
 * ground; small ones late let the weights settle instead of rattling around the minimum.
 */
export function learningRateSchedule(totalSteps: number): Schedule {
  return cosineAnnealing(LEARNING_RATE, totalSteps);
}

/** The reference RNN and the rng that will go on to shuffle its batches. */
export function seededReferenceRnn(): { model: Sequential; random: Rng } {
  const random = rng(SEED);
  return { model: referenceRnn(random), random };
}

/** MNIST images as sequences [count, 28, 28] (step t is row t), with their labels. */
export function mnistAsRows(split: "train" | "test", limit?: number): { rows: Tensor; labels: Int32Array; count: number } {
  const set = loadMnist({ split, limit });
  return { rows: imagesAsRows(set.images), labels: set.labels, count: set.count };
}
