import type { Rng } from "@gradschool/tensor";
import { Dense, ReLU } from "@gradschool/backprop";
import { Sequential } from "@gradschool/mlp";
import { Conv2D } from "./conv2d.ts";
import { MaxPool2D } from "./max-pool2d.ts";
import { Flatten } from "./flatten.ts";

/**
 * The reference CNN of the course (DESIGN §9), the classic Keras MNIST convnet:
 *
 *   [batch, 1, 28, 28] → Conv2D(1→32, 3×3) → ReLU → MaxPool2D(2)    [batch, 32, 13, 13]
 *                      → Conv2D(32→64, 3×3) → ReLU → MaxPool2D(2)   [batch, 64, 5, 5]
 *                      → Flatten → Dense(1600, 64) → ReLU → Dense(64, 10)   logits [batch, 10]
 *
 * 121,930 parameters: 1·9·32 + 32, 32·9·64 + 64, 1600·64 + 64, 64·10 + 10. It ends on the
 * logits (no Softmax layer): train it with softmaxCrossEntropy, which applies the softmax.
 * Every kernel is drawn from `random` in layer order, so a seed gives the same network.
 */
export function referenceCnn(random: Rng): Sequential {
  return new Sequential(
    [
      new Conv2D(1, 32, 3, { rng: random, name: "conv1" }),
      new ReLU(),
      new MaxPool2D(2, 2, { name: "pool1" }),
      new Conv2D(32, 64, 3, { rng: random, name: "conv2" }),
      new ReLU(),
      new MaxPool2D(2, 2, { name: "pool2" }),
      new Flatten(),
      new Dense(1600, 64, { rng: random, name: "dense1" }),
      new ReLU(),
      new Dense(64, 10, { rng: random, name: "dense2" }),
    ],
    { inputShape: [1, 28, 28] },
  );
}
