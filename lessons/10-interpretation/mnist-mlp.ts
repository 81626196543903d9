/**
 * The MNIST network lesson 10 looks inside, and how it is trained. lesson.ts tells the
 * story; lesson.test.ts trains the same network from here to recompute the lesson's claims.
 *
 * It is lesson 06's reference MLP, 784 → Dense(128) → ReLU → Dense(10), trained the same
 * way (the first 10,000 training images, 2 epochs, Adam 1e-3, batch 32, the same seeds),
 * with one addition: an L2 penalty on the first layer's kernel (lesson 07). Pixels that
 * never carry ink get no gradient from the data, so without it their weights would keep
 * their random starting values, and every weight picture and saliency map would be
 * sprinkled with that leftover noise. The penalty pulls them to 0.
 */
import { Dense, ReLU } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type History, Sequential, accuracy, l2 } from "@gradschool/mlp";
import { Adam } from "@gradschool/optimizers";
import { Tensor, rng } from "@gradschool/tensor";

export const WEIGHTS_SEED = 42;
export const SHUFFLE_SEED = 7;
export const TRAIN_IMAGES = 10_000;
export const EPOCHS = 2;
export const L2_PENALTY = 1e-3;

/** 784 → Dense(128) → ReLU → Dense(10) logits, seeded as in lesson 06. */
export function mnistMlp(): Sequential {
  const random = rng(WEIGHTS_SEED);
  return new Sequential([
    new Dense(784, 128, { rng: random, name: "hidden" }),
    new ReLU(),
    new Dense(128, 10, { rng: random, name: "logits" }),
  ]);
}

/** Trains `model` on the images and labels given, with lesson 10's settings; returns fit's history. */
export function trainMnistMlp(model: Sequential, images: Tensor, labels: Int32Array, options: { penalty?: number } = {}): History {
  const { penalty = L2_PENALTY } = options;
  const hidden = model.layers[0] as Dense;
  return model.fit(images, labels, {
    epochs: EPOCHS,
    batchSize: 32,
    optimizer: new Adam({ lr: 1e-3 }),
    loss: softmaxCrossEntropy,
    metrics: [accuracy],
    regularizers: penalty > 0 ? [{ param: hidden.kernel, regularizer: l2(penalty) }] : [],
    rng: rng(SHUFFLE_SEED),
    verbose: false,
  });
}

/** Rows start … end − 1 of a [count, 784] image tensor, as a view (no copy). */
export function imageRows(images: Tensor, start: number, end: number): Tensor {
  const width = images.shape[1];
  return new Tensor(images.data.subarray(start * width, end * width), [end - start, width]);
}
