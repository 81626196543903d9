/**
 * Training the reference RNN (DESIGN §9): each MNIST image read as a sequence of its 28
 * rows, 28 pixels each.
 *
 *   [b, 28, 28] → SimpleRNN(64, tanh, all 28 steps) → SimpleRNN(64, tanh, last step)
 *   → Dense(10) → softmax cross-entropy      14,858 parameters
 *   Adam lr 1e-3, batch 64, the first 6,400 MNIST training images in order
 *
 * ConvNetJS has no recurrent layers: "—".
 *
 * TF.js's default recurrent initializer, "orthogonal", calls tensor.flatten(), a chained
 * op that only the @tensorflow/tfjs bundle registers, not tfjs-core alone; so its
 * recurrent kernels start from glorotUniform instead. Initialisation is not timed.
 */
import { rng } from "@gradschool/tensor";
import * as tfl from "@tensorflow/tfjs-layers";
import { gradschoolTrainer } from "./gradschool-trainer.ts";
import { type MnistSamples, IMAGE_SIDE } from "./mnist-batches.ts";
import { tfjsTrainer } from "./peers/tfjs.ts";
import { referenceRnn } from "@gradschool/rnn";
import { runRows, trainingTable } from "./report.ts";
import { type Settings, describeSchedule } from "./settings.ts";
import type { Table } from "./table.ts";

const BATCH_SIZE = 64;
const ROWS_AS_STEPS = [IMAGE_SIDE, IMAGE_SIDE]; // 28 time steps of 28 features

function tfjsRnn(): tfl.Sequential {
  return tfl.sequential({
    layers: [
      tfl.layers.simpleRNN({ inputShape: ROWS_AS_STEPS, units: 64, returnSequences: true, recurrentInitializer: "glorotUniform" }),
      tfl.layers.simpleRNN({ units: 64, recurrentInitializer: "glorotUniform" }),
      tfl.layers.dense({ units: 10 }),
    ],
  });
}

export async function benchTrainRnn(samples: MnistSamples, settings: Settings): Promise<Table> {
  const rows = await runRows(
    [
      gradschoolTrainer(referenceRnn(rng(2024)), ROWS_AS_STEPS, BATCH_SIZE, samples),
      await tfjsTrainer("cpu", tfjsRnn, ROWS_AS_STEPS, BATCH_SIZE, samples),
      await tfjsTrainer("wasm", tfjsRnn, ROWS_AS_STEPS, BATCH_SIZE, samples),
      { name: "ConvNetJS", absent: "—" },
    ],
    settings.training,
  );
  return trainingTable("Reference RNN: rows as 28 steps → SimpleRNN(64) → SimpleRNN(64) → Dense(10), Adam 1e-3, batch 64", rows, [
    describeSchedule(settings.training),
  ]);
}
