/**
 * bench/RESULTS.md: the tables of the last full run, with what is needed to judge and
 * repeat them — the machine, Node and library versions, the date and the command.
 */
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import { type Table, tableAsMarkdown } from "./table.ts";

const PEERS = [
  "@tensorflow/tfjs-core",
  "@tensorflow/tfjs-layers",
  "@tensorflow/tfjs-backend-cpu",
  "@tensorflow/tfjs-backend-wasm",
  "convnetjs",
];

export interface RunInfo {
  command: string;
  wasmBinary: string;
  seconds: number;
  tables: Table[];
}

/** "AMD EPYC 7B13, 2 cores, 23.5 GB RAM, Linux 6.1 (x64)" */
export function describeMachine(): string {
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${os.cpus()[0].model}, ${os.cpus().length} cores, ${ram} GB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
}

/** Each peer's version, read from its own package.json in node_modules. */
export function peerVersions(): string[] {
  const require = createRequire(import.meta.url);
  return PEERS.map((name) => `${name} ${(require(`${name}/package.json`) as { version: string }).version}`);
}

export function writeResults(path: string, run: RunInfo): void {
  const text = [
    "# Benchmarks: gradschool beside TensorFlow.js and ConvNetJS",
    "",
    `Written by \`${run.command}\` (from the repository root) on ${new Date().toISOString().slice(0, 10)}; the run took ${Math.round(run.seconds)} s.`,
    "",
    `- Machine: ${describeMachine()}`,
    `- Node ${process.version}; ${peerVersions().join(", ")}`,
    `- TF.js wasm backend: ${run.wasmBinary}`,
    `- Load average when the run ended (1, 5, 15 min): ${os.loadavg().map((load) => load.toFixed(2)).join(", ")} on ${os.cpus().length} cores. ` +
      "Other work on the machine lowers every library's rate alike (they take turns), so the ratios hold better than the rates.",
    "",
    "## How to read the tables",
    "",
    "- Every library runs the same work on the same data: the first 6,400 MNIST training images (pixels / 255),",
    "  batch after batch in order; Adam with lr 1e-3; softmax cross-entropy on the logits.",
    "- The libraries take turns, one block each (a block repeats the step for a set time), after warm-up blocks,",
    "  so noise from other processes hits all of them alike. The rate is the median block's:",
    "  training samples per second, or GFLOP/s for matrix multiply.",
    "- **gradschool ÷ peer** is gradschool's rate over the peer's: above 1 gradschool is faster.",
    "- **peak MB** is the largest rise, during a block, of Node's `heapUsed + external` (the JavaScript heap plus",
    "  ArrayBuffers and WebAssembly memory; `arrayBuffers` is already inside `external`) above its level when the",
    "  block began, after a full garbage collection. It is sampled after each step, so it shows the working memory",
    "  that steps leave behind, garbage included, not the weights and optimizer state that were there before the",
    "  block. Memory allocated and freed within one step (ConvNetJS allocates per sample) is mostly missed, and",
    "  WebAssembly memory only grows, so TF.js wasm shows only growth beyond what its warm-up already took.",
    "- **loss first → last**: the loss of the very first step and the mean over the last block. It must fall",
    "  for every library, or that benchmark is broken.",
    "- gradschool computes in float64; TF.js in float32. The wasm backend runs one thread with SIMD (XNNPACK).",
    "- **blocks**: how many timed blocks the median is of. A library stops taking blocks once its steps have used",
    "  the run's time budget, so one that needs many seconds per step may have a single block.",
    "- TF.js: `@tensorflow/tfjs-layers` `tf.sequential`, `model.compile({ optimizer: tf.train.adam(1e-3), loss:",
    "  tf.losses.softmaxCrossEntropy })`, one `model.trainOnBatch` per step (not an `optimizer.minimize` loop).",
    "  `tf.enableProdMode()`, which in TF.js only silences console warnings. Never tfjs-node.",
    "- ConvNetJS 0.3.0 (the last on npm) has no Adam: its Trainer silently uses SGD with momentum for any",
    "  unknown method. The benchmark drives the ConvNetJS `Net` as its Trainer does (one sample at a time, an",
    "  update every batch) with Adam written in `src/peers/convnetjs-adam.ts`.",
    "",
    "## Results",
    "",
    ...run.tables.flatMap((table) => [tableAsMarkdown(table), ""]),
  ].join("\n");
  writeFileSync(path, text);
}
