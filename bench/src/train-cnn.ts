/**
 * Training the reference CNN (DESIGN §9), the classic Keras MNIST convnet, in each library:
 *
 *   Conv2D(32, 3×3) → ReLU → MaxPool(2) → Conv2D(64, 3×3) → ReLU → MaxPool(2)
 *   → Flatten → Dense(64) → ReLU → Dense(10) → softmax cross-entropy      121,930 parameters
 *   Adam lr 1e-3, batch 64, the first 6,400 MNIST training images in order
 *
 * The images are the same numbers in each library's layout: [b, 1, 28, 28] (NCHW) for
 * gradschool, [b, 28, 28, 1] (NHWC, Conv2D's default) for TF.js, a 28×28×1 Vol for ConvNetJS.
 * With one channel the two layouts are the same bytes.
 */
import { rng } from "@gradschool/tensor";
import * as tfl from "@tensorflow/tfjs-layers";
import { gradschoolTrainer } from "./gradschool-trainer.ts";
import { type MnistSamples, IMAGE_SIDE } from "./mnist-batches.ts";
import { type LayerDef, convnetjsTrainer } from "./peers/convnetjs.ts";
import { tfjsTrainer } from "./peers/tfjs.ts";
import { referenceCnn } from "@gradschool/cnn";
import { runRows, trainingTable } from "./report.ts";
import { type Settings, describeSchedule } from "./settings.ts";
import type { Table } from "./table.ts";

const BATCH_SIZE = 64;

function tfjsCnn(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.conv2d({ inputShape: [IMAGE_SIDE, IMAGE_SIDE, 1], filters: 32, kernelSize: 3, activation: "relu" }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.conv2d({ filters: 64, kernelSize: 3, activation: "relu" }),
      tfl.layers.maxPooling2d({ poolSize: 2 }),
      tfl.layers.flatten(),
      tfl.layers.dense({ units: 64, activation: "relu" }),
      tfl.layers.dense({ units: 10 }),
    ],
  });
}

const convnetjsCnn: LayerDef[] = [
  { type: "input", out_sx: IMAGE_SIDE, out_sy: IMAGE_SIDE, out_depth: 1 },
  { type: "conv", sx: 3, filters: 32, stride: 1, pad: 0, activation: "relu" },
  { type: "pool", sx: 2, stride: 2 },
  { type: "conv", sx: 3, filters: 64, stride: 1, pad: 0, activation: "relu" },
  { type: "pool", sx: 2, stride: 2 },
  { type: "fc", num_neurons: 64, activation: "relu" },
  { type: "softmax", num_classes: 10 },
];

export async function benchTrainCnn(samples: MnistSamples, settings: Settings): Promise<Table> {
  const rows = await runRows(
    [
      gradschoolTrainer(referenceCnn(rng(2024)), [1, IMAGE_SIDE, IMAGE_SIDE], BATCH_SIZE, samples),
      settings.slowPeers
        ? await tfjsTrainer("cpu", tfjsCnn, [IMAGE_SIDE, IMAGE_SIDE, 1], BATCH_SIZE, samples)
        : { name: "TF.js (cpu)", absent: "skipped (--quick)" },
      await tfjsTrainer("wasm", tfjsCnn, [IMAGE_SIDE, IMAGE_SIDE, 1], BATCH_SIZE, samples),
      convnetjsTrainer(convnetjsCnn, BATCH_SIZE, samples),
    ],
    settings.training,
  );
  return trainingTable("Reference CNN: Conv(32) → Pool → Conv(64) → Pool → Dense(64) → Dense(10), Adam 1e-3, batch 64", rows, [
    describeSchedule(settings.training),
    ...(settings.slowPeers ? [] : ["TF.js (cpu) takes tens of seconds per step here (its Conv2DBackpropFilter is a plain loop): only the full run measures it"]),
  ]);
}
