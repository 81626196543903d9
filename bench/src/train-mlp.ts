/**
 * Training the reference MLP (DESIGN §9), the same network in each library:
 *
 *   784 → Dense(128) → ReLU → Dense(10) → softmax cross-entropy      101,770 parameters
 *   Adam lr 1e-3, batch 32, the first 6,400 MNIST training images in order
 *
 * A row "gradschool, forward + backward" runs the same step with model.backward, which
 * also computes the gradient with respect to the images; the main row skips it
 * (computeGradients), as fit does. Lesson 06 quotes the difference.
 */
import { Dense, ReLU, Sequential } from "@gradschool/backprop";
import { rng } from "@gradschool/tensor";
import * as tfl from "@tensorflow/tfjs-layers";
import { gradschoolTrainer } from "./gradschool-trainer.ts";
import { type MnistSamples, PIXELS } from "./mnist-batches.ts";
import { type LayerDef, convnetjsTrainer } from "./peers/convnetjs.ts";
import { tfjsTrainer } from "./peers/tfjs.ts";
import { runRows, trainingTable } from "./report.ts";
import { type Settings, describeSchedule } from "./settings.ts";
import type { Table } from "./table.ts";

const BATCH_SIZE = 32;

function gradschoolMlp(): Sequential {
  const random = rng(2024);
  return new Sequential([new Dense(PIXELS, 128, { rng: random }), new ReLU(), new Dense(128, 10, { rng: random })]);
}

/** The reference MLP in TF.js, the Keras way (compiled by tfjsTrainer with Adam and softmax cross-entropy on the logits). */
export function tfjsMlp(): tfl.Sequential {
  return tfl.sequential({
    layers: [tfl.layers.dense({ inputShape: [PIXELS], units: 128, activation: "relu" }), tfl.layers.dense({ units: 10 })],
  });
}

/** The reference MLP in ConvNetJS: its "softmax" layer is a Dense(10) and the softmax, trained on cross-entropy. */
export const convnetjsMlp: LayerDef[] = [
  { type: "input", out_sx: 1, out_sy: 1, out_depth: PIXELS },
  { type: "fc", num_neurons: 128, activation: "relu" },
  { type: "softmax", num_classes: 10 }, // a Dense(10) and the softmax, trained on cross-entropy
];

export async function benchTrainMlp(samples: MnistSamples, settings: Settings): Promise<Table> {
  const rows = await runRows(
    [
      gradschoolTrainer(gradschoolMlp(), [PIXELS], BATCH_SIZE, samples),
      gradschoolTrainer(gradschoolMlp(), [PIXELS], BATCH_SIZE, samples, { name: "gradschool, forward + backward", backward: "full" }),
      await tfjsTrainer("cpu", tfjsMlp, [PIXELS], BATCH_SIZE, samples),
      await tfjsTrainer("wasm", tfjsMlp, [PIXELS], BATCH_SIZE, samples),
      convnetjsTrainer(convnetjsMlp, BATCH_SIZE, samples),
    ],
    settings.training,
  );
  return trainingTable("Reference MLP: 784 → Dense(128) → ReLU → Dense(10), Adam 1e-3, batch 32", rows, [
    describeSchedule(settings.training),
  ]);
}
