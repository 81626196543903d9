/**
 * TensorFlow.js as a peer: tfjs-core with two backends, and tfjs-layers for the models.
 *
 *   cpu    plain JavaScript kernels on Float32Arrays (@tensorflow/tfjs-backend-cpu)
 *   wasm   C++ kernels compiled to WebAssembly (XNNPACK), loaded from the .wasm files in
 *          node_modules/@tensorflow/tfjs-backend-wasm/dist/ — never from the network
 *
 * Never tfjs-node: it downloads a native TensorFlow binary when installed.
 *
 * TF.js has one engine per process and one active backend at a time. Each contestant
 * builds its model while its own backend is active, so its weights live there, and
 * switches back to that backend before each block (off the clock).
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import "@tensorflow/tfjs-backend-cpu";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import type * as tfl from "@tensorflow/tfjs-layers";
import type { Contestant } from "../measure.ts";
import { type MnistSamples, batchStarts, CLASSES } from "../mnist-batches.ts";

export type TfBackend = "cpu" | "wasm";

/**
 * Starts the wasm backend from the files in node_modules, with fetch switched off so that
 * any attempt to download would fail loudly, and returns which binary it loaded.
 */
export async function startTfjs(): Promise<string> {
  tf.enableProdMode(); // in TF.js this only silences console warnings (the "install tfjs-node" banner)
  const require = createRequire(import.meta.url);
  const wasmDirectory = dirname(require.resolve("@tensorflow/tfjs-backend-wasm")) + "/";
  setWasmPaths(wasmDirectory);
  const fetched = await withoutNetwork(async () => {
    if (!(await tf.setBackend("wasm"))) throw new Error(`bench: the TF.js wasm backend did not start from ${wasmDirectory}`);
  });
  if (fetched.length > 0) throw new Error(`bench: the TF.js wasm backend tried to fetch ${fetched.join(", ")}`);
  const simd = await tf.env().getAsync("WASM_HAS_SIMD_SUPPORT");
  const threads = await tf.env().getAsync("WASM_HAS_MULTITHREAD_SUPPORT");
  // The same choice tfjs-backend-wasm makes (getPathToWasmBinary).
  const file = simd && threads ? "tfjs-backend-wasm-threaded-simd.wasm" : simd ? "tfjs-backend-wasm-simd.wasm" : "tfjs-backend-wasm.wasm";
  if (!existsSync(join(wasmDirectory, file))) throw new Error(`bench: expected ${file} in ${wasmDirectory}`);
  return `${file} from node_modules/@tensorflow/tfjs-backend-wasm/dist/ (${threads ? "multi-threaded" : "one thread"}; no network)`;
}

/** Runs `start` with fetch replaced by one that refuses, and returns the URLs it was asked for. */
async function withoutNetwork(start: () => Promise<void>): Promise<string[]> {
  const realFetch = globalThis.fetch;
  const fetched: string[] = [];
  globalThis.fetch = async (input) => {
    fetched.push(String(input instanceof Request ? input.url : input));
    throw new Error("bench: no network while TF.js starts");
  };
  try {
    await start();
  } finally {
    globalThis.fetch = realFetch;
  }
  return fetched;
}

export async function useBackend(backend: TfBackend): Promise<void> {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
}

/**
 * A TF.js training contestant: the model from `build`, compiled the Keras way with Adam
 * lr 1e-3 and softmax cross-entropy on the logits, trained with `model.trainOnBatch`
 * (which waits for the loss value, so the step has really finished).
 */
export async function tfjsTrainer(
  backend: TfBackend,
  build: () => tfl.Sequential,
  sampleShape: number[],
  batchSize: number,
  samples: MnistSamples,
): Promise<Contestant> {
  await useBackend(backend);
  const name = `TF.js (${backend})`;
  let model: tfl.Sequential;
  try {
    model = build();
  } catch (error) {
    return { name, unitsPerStep: batchSize, step: () => Promise.reject(error) }; // reported in its row, like a failing step
  }
  const optimizer = tf.train.adam(1e-3);
  model.compile({ optimizer, loss: (oneHot: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(oneHot, logits) });
  const sampleSize = sampleShape.reduce((product, dim) => product * dim, 1);
  const nextBatch = batchStarts(batchSize);
  return {
    name,
    unitsPerStep: batchSize,
    parameters: model.countParams(),
    beforeBlock: () => useBackend(backend),
    step: async () => {
      const start = nextBatch();
      const x = tf.tensor(samples.pixels32.subarray(start * sampleSize, (start + batchSize) * sampleSize), [batchSize, ...sampleShape]);
      const y = tf.tensor2d(samples.oneHot32.subarray(start * CLASSES, (start + batchSize) * CLASSES), [batchSize, CLASSES]);
      try {
        const loss = await model.trainOnBatch(x, y);
        return typeof loss === "number" ? loss : loss[0];
      } finally {
        tf.dispose([x, y]);
      }
    },
    dispose: () => {
      model.dispose();
      optimizer.dispose();
    },
  };
}
