/**
 * gradschool as a contestant: one training step is what fit does per batch (zero the
 * gradients, forward, loss, backward, Adam step), on a batch viewed straight out of the
 * samples, float64 throughout.
 *
 * Two ways to run the backward pass:
 *   "parameters"   model.computeGradients, what training uses: the first layer's ∂L/∂x
 *                  (the gradient with respect to the images, which nothing needs) is skipped
 *   "full"         forward, then model.backward, which also returns ∂L/∂x: one more
 *                  matrix product per step (lesson 06 measures the difference)
 */
import type { Sequential } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { Tensor } from "@gradschool/tensor";
import type { Contestant } from "./measure.ts";
import { type MnistSamples, batchStarts } from "./mnist-batches.ts";

export interface GradschoolTrainerOptions {
  name?: string;
  backward?: "parameters" | "full";
}

export function gradschoolTrainer(
  model: Sequential,
  sampleShape: number[],
  batchSize: number,
  samples: MnistSamples,
  { name = "gradschool", backward = "parameters" }: GradschoolTrainerOptions = {},
): Contestant {
  const params = model.params();
  const optimizer = new Adam({ lr: 1e-3 });
  const sampleSize = sampleShape.reduce((product, dim) => product * dim, 1);
  const nextBatch = batchStarts(batchSize);
  return {
    name,
    unitsPerStep: batchSize,
    parameters: params.reduce((total, param) => total + param.value.size, 0),
    step: () => {
      const start = nextBatch();
      const x = new Tensor(samples.pixels64.subarray(start * sampleSize, (start + batchSize) * sampleSize), [batchSize, ...sampleShape]);
      const y = samples.labels.subarray(start, start + batchSize);
      optimizer.zeroGrad(params);
      let loss: number;
      if (backward === "parameters") {
        loss = model.computeGradients(x, y, softmaxCrossEntropy);
      } else {
        const logits = model.forward(x, { training: true });
        loss = softmaxCrossEntropy.forward(logits, y);
        model.backward(softmaxCrossEntropy.backward(logits, y));
      }
      optimizer.step(params);
      return loss;
    },
  };
}
