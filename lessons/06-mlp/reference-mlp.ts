/**
 * The reference MLP of the classic Keras MNIST example, and the settings this lesson
 * trains it with. lesson.ts tells the story; lesson.test.ts rebuilds the same model
 * from here to recompute the lesson's claims.
 *
 *   Keras                                         here
 *   Flatten(input_shape=(28, 28))                 (loadMnist already gives rows of 784)
 *   Dense(128, activation="relu")                 Dense(784, 128) → ReLU
 *   Dense(10, activation="softmax")               Dense(128, 10), and the softmax goes
 *   loss="sparse_categorical_crossentropy"        into the loss: softmaxCrossEntropy
 *   optimizer=Adam(1e-3), batch_size=32           Adam({ lr: 1e-3 }), batchSize 32
 */
import { Dense, ReLU } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { Tensor, rng } from "@gradschool/tensor";

/** Seeds: one for the initial weights, one for the order of the batches. */
export const WEIGHTS_SEED = 42;
export const SHUFFLE_SEED = 7;

export const LEARNING_RATE = 1e-3;
export const BATCH_SIZE = 32;

/** What the default run trains on (a quick run), and what --full trains on (the Keras reproduction). */
export const QUICK = { trainImages: 10_000, validationImages: 2_000, epochs: 2 } as const;
export const FULL = { trainImages: 60_000, epochs: 5 } as const;

/** 784 → Dense(128) → ReLU → Dense(10): the network outputs 10 logits, one score per digit. */
export function referenceMlp(seed = WEIGHTS_SEED): Sequential {
  const random = rng(seed);
  return new Sequential([
    new Dense(784, 128, { rng: random, name: "hidden" }),
    new ReLU(),
    new Dense(128, 10, { rng: random, name: "logits" }),
  ]);
}

/** Rows start … end − 1 of a [count, 784] image tensor, as a view (no copy). */
export function imageRows(images: Tensor, start: number, end: number): Tensor {
  const width = images.shape[1];
  return new Tensor(images.data.subarray(start * width, end * width), [end - start, width]);
}
