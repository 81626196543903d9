import { type Rng, Tensor, formatShape } from "@gradschool/tensor";
import { Dense } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { SimpleRNN } from "./simple-rnn.ts";

/**
 * The reference RNN of DESIGN §9, the classic Keras example that reads an MNIST digit as a
 * sequence: 28 time steps, one per row of the image, each a vector of the row's 28 pixels.
 *
 *   SimpleRNN(28 → 64, returnSequences) → SimpleRNN(64 → 64) → Dense(64 → 10)
 *   28·64 + 64·64 + 64 = 5,952    64·64 + 64·64 + 64 = 8,256    64·10 + 10 = 650    total 14,858
 *
 * The first layer hands its whole sequence of states to the second, which keeps only its
 * last state: a summary of the digit, read top to bottom. The Dense layer outputs logits;
 * train with softmaxCrossEntropy (Keras's Dense(10, softmax) + cross-entropy, fused).
 */
export function referenceRnn(random: Rng): Sequential {
  return new Sequential(
    [
      new SimpleRNN(28, 64, { rng: random, returnSequences: true, name: "simpleRnn1" }),
      new SimpleRNN(64, 64, { rng: random, name: "simpleRnn2" }),
      new Dense(64, 10, { rng: random, name: "dense" }),
    ],
    { name: "reference_rnn", inputShape: [28, 28] },
  );
}

/** MNIST images [N, 784] as sequences of rows [N, 28, 28]: step t is row t of the image. A view, not a copy. */
export function imagesAsRows(images: Tensor): Tensor {
  if (!(images instanceof Tensor) || images.rank !== 2 || images.shape[1] !== 784) {
    const received = images instanceof Tensor ? formatShape(images.shape) : typeof images;
    throw new Error(`imagesAsRows: images is ${received}; expected [count, 784], flattened 28×28 images as loadMnist returns them`);
  }
  return new Tensor(images.data, [images.shape[0], 28, 28]);
}
