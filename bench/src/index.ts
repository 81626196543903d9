/**
 * What lesson 11 (speed) reuses from the benchmarks, so that the lesson times its
 * contestants exactly as `npm run bench` does. The bench itself runs from src/run.ts;
 * nothing here changes what it measures.
 *
 *   runAlternating       contestants take turns, one block each, median block rate (measure.ts)
 *   gradschoolTrainer    our training step: zero grads, forward, loss, backward, Adam
 *   tfjsTrainer          TF.js trainOnBatch on its cpu or wasm backend (startTfjs first)
 *   convnetjsTrainer     ConvNetJS, one sample at a time, with Adam
 *   loadSamples          the first 6,400 MNIST training images, float64 and float32
 *   tfjsMlp, convnetjsMlp the reference MLP as the peers define it (train-mlp.ts)
 *   tfl                  @tensorflow/tfjs-layers, to build a TF.js model for tfjsTrainer
 */
/// <reference path="./peers/convnetjs-types.d.ts" />
export { type Contestant, type ContestantResult, type Schedule, runAlternating } from "./measure.ts";
export { MB, collectGarbage, memoryInUse } from "./memory.ts";
export { type MnistSamples, CLASSES, IMAGE_SIDE, PIXELS, SAMPLE_COUNT, batchStarts, loadSamples } from "./mnist-batches.ts";
export { type GradschoolTrainerOptions, gradschoolTrainer } from "./gradschool-trainer.ts";
export { type TfBackend, startTfjs, tfjsTrainer, useBackend } from "./peers/tfjs.ts";
export { type LayerDef, convnetjsTrainer } from "./peers/convnetjs.ts";
export { describeMachine, peerVersions } from "./results-file.ts";
export { convnetjsMlp, tfjsMlp } from "./train-mlp.ts";
export * as tfl from "@tensorflow/tfjs-layers";
