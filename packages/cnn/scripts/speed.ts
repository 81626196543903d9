/**
 * Training speed of the reference CNN (DESIGN §9) on real MNIST batches — a measurement,
 * not a test:
 *
 *   [64, 1, 28, 28] → Conv2D(1→32, 3×3) → ReLU → MaxPool2D(2) → Conv2D(32→64, 3×3) → ReLU
 *   → MaxPool2D(2) → Flatten → Dense(1600, 64) → ReLU → Dense(64, 10) → softmax cross-entropy
 *   Adam lr 1e-3, batch 64
 *
 * One training step is what fit does per batch: zero the gradients, forward, loss,
 * backward (backwardParams: no gradient for the images), Adam step. It prints:
 *
 *   1. samples per second: the median time of a block of steps after warm-up, and the best block;
 *   2. where a step's time goes, layer by layer (each layer's forward and backward timed in
 *      a second, instrumented run), with the share spent in the two convolutions;
 *   3. the share that is matrix products: the same gemm calls the step makes (same shapes,
 *      same transposes), timed on their own. The rest is im2col/col2im, pooling, ReLU,
 *      the loss and Adam.
 *
 * Run with `npx tsx scripts/speed.ts [--quick]` inside packages/cnn. To see a profile:
 * `node --import tsx --cpu-prof --cpu-prof-dir=/tmp/prof scripts/speed.ts --quick`.
 */
import { Tensor, gatherRows, gemm, rng } from "@gradschool/tensor";
import { Dense, type Layer } from "@gradschool/backprop";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { Conv2D, referenceCnn } from "../src/index.ts";

const BATCH = 64;

export interface TrainCnnResult {
  batchSize: number;
  stepsPerBlock: number;
  blocks: number;
  medianMsPerStep: number;
  samplesPerSecond: number;
  bestSamplesPerSecond: number;
  finalLoss: number;
  /** Milliseconds per step in each layer, forward and backward, from the instrumented run. */
  layers: Array<{ layer: string; forwardMs: number; backwardMs: number }>;
  /** Milliseconds per step in the gemm calls the step makes, timed alone. */
  matmulMsPerStep: number;
}

export function benchTrainCnn({ quick = false } = {}): TrainCnnResult {
  const stepsPerBlock = quick ? 3 : 5;
  const blocks = quick ? 5 : 11;
  const batchesAvailable = 50; // 3,200 distinct images
  const mnist = loadMnist({ split: "train", limit: batchesAvailable * BATCH });
  const images = new Tensor(mnist.images.data, [mnist.count, 1, 28, 28]); // NCHW, the same numbers
  const batches = Array.from({ length: batchesAvailable }, (_, batch) => ({
    x: gatherRows(images, Int32Array.from({ length: BATCH }, (_, row) => batch * BATCH + row)),
    y: mnist.labels.subarray(batch * BATCH, (batch + 1) * BATCH),
  }));

  const model = referenceCnn(rng(2024));
  const params = model.params();
  const optimizer = new Adam({ lr: 1e-3 });
  let next = 0;
  let lastLoss = NaN;
  const trainSteps = (steps: number) => {
    for (let step = 0; step < steps; step++) {
      const { x, y } = batches[next];
      next = (next + 1) % batchesAvailable;
      optimizer.zeroGrad(params);
      lastLoss = model.computeGradients(x, y, softmaxCrossEntropy);
      optimizer.step(params);
    }
  };

  // 1. Samples per second: warm up (the JIT compiles the kernels), then the median block.
  trainSteps(quick ? 3 : 6);
  const blockMs: number[] = [];
  for (let block = 0; block < blocks; block++) {
    const start = performance.now();
    trainSteps(stepsPerBlock);
    blockMs.push(performance.now() - start);
  }
  blockMs.sort((a, b) => a - b);
  const medianMsPerStep = blockMs[Math.floor(blocks / 2)] / stepsPerBlock;

  // 2. Layer by layer: the same model, each layer's forward and backward wrapped in a timer.
  const layerTimes = model.layers.map((layer) => ({ layer: `${layer.name} (${layer.constructor.name})`, forwardMs: 0, backwardMs: 0 }));
  model.layers.forEach((layer, index) => timeLayer(layer, layerTimes[index]));
  const timedSteps = quick ? 6 : 15;
  trainSteps(timedSteps);
  for (const entry of layerTimes) {
    entry.forwardMs /= timedSteps;
    entry.backwardMs /= timedSteps;
  }

  // 3. The step's matrix products alone.
  const matmulMsPerStep = timeProducts(model.layers, blocks);

  return {
    batchSize: BATCH, stepsPerBlock, blocks, medianMsPerStep,
    samplesPerSecond: (BATCH * 1000) / medianMsPerStep,
    bestSamplesPerSecond: (BATCH * stepsPerBlock * 1000) / blockMs[0],
    finalLoss: lastLoss, layers: layerTimes, matmulMsPerStep,
  };
}

/** Wraps a layer's forward, backward and backwardParams so their time adds into `entry`. */
function timeLayer(layer: Layer, entry: { forwardMs: number; backwardMs: number }): void {
  const timed = layer as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["forward", "backward", "backwardParams"]) {
    const original = timed[method];
    if (typeof original !== "function") continue;
    timed[method] = (...args: unknown[]) => {
      const start = performance.now();
      const result = original.apply(layer, args);
      if (method === "forward") entry.forwardMs += performance.now() - start;
      else entry.backwardMs += performance.now() - start;
      return result;
    };
  }
}

/**
 * Times the gemm calls of one training step on their own: per Conv2D and image, the
 * forward product, ∂K (transB, accumulate) and, except for the first layer, ∂cols (transA);
 * per Dense, the forward, ∂W and, except for the first layer, ∂x. Returns the median ms per step.
 */
function timeProducts(layers: readonly Layer[], blocks: number): number {
  type Product = [m: number, n: number, k: number, transA: boolean, transB: boolean, times: number];
  const products: Product[] = [];
  let shape: number[] = [BATCH, 1, 28, 28];
  layers.forEach((layer, index) => {
    if (layer instanceof Conv2D) {
      const [outC, outH, outW] = layer.outputShape(shape).slice(1);
      const colRows = layer.inChannels * layer.kernelHeight * layer.kernelWidth;
      products.push([outC, outH * outW, colRows, false, false, BATCH], [outC, colRows, outH * outW, false, true, BATCH]);
      if (index > 0) products.push([colRows, outH * outW, outC, true, false, BATCH]);
    } else if (layer instanceof Dense) {
      products.push([BATCH, layer.outFeatures, layer.inFeatures, false, false, 1], [layer.inFeatures, layer.outFeatures, BATCH, true, false, 1]);
      if (index > 0) products.push([BATCH, layer.inFeatures, layer.outFeatures, false, true, 1]);
    }
    shape = layer.outputShape(shape);
  });
  const run = () => {
    for (const [m, n, k, transA, transB, times] of products) {
      const [a, b, c] = operands(m, n, k);
      for (let t = 0; t < times; t++) gemm(m, n, k, a, b, c, { transA, transB, accumulate: transB });
    }
  };
  run(); // warm-up
  const times: number[] = [];
  for (let block = 0; block < blocks; block++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(blocks / 2)]; // the median, as for the step
}

const operandCache = new Map<string, Float64Array[]>();
/** Reused random operands for an m×k by k×n product. */
function operands(m: number, n: number, k: number): Float64Array[] {
  const key = `${m},${n},${k}`;
  let cached = operandCache.get(key);
  if (cached === undefined) {
    const random = rng(m * 31 + n * 7 + k);
    const fill = (size: number) => Float64Array.from({ length: size }, () => random.normal());
    cached = [fill(m * k), fill(k * n), fill(m * n)];
    operandCache.set(key, cached);
  }
  return cached;
}

/** The results as the lines `npm run bench` prints. */
export function formatTrainCnn(result: TrainCnnResult): string {
  const step = result.medianMsPerStep;
  const percent = (ms: number) => `${((100 * ms) / step).toFixed(1)}%`;
  const rows = result.layers.map(({ layer, forwardMs, backwardMs }) =>
    `  ${layer.padEnd(24)}${forwardMs.toFixed(2).padStart(10)}${backwardMs.toFixed(2).padStart(11)}${percent(forwardMs + backwardMs).padStart(9)}`,
  );
  const conv = result.layers.filter(({ layer }) => layer.includes("(Conv2D)"));
  const convForward = conv.reduce((sum, entry) => sum + entry.forwardMs, 0);
  const convBackward = conv.reduce((sum, entry) => sum + entry.backwardMs, 0);
  const count = (value: number) => Math.round(value).toLocaleString("en-US");
  return [
    `reference CNN training step: Conv2D(32) → pool → Conv2D(64) → pool → Dense(64) → Dense(10), Adam, batch ${result.batchSize}`,
    `(real MNIST batches; median of ${result.blocks} blocks of ${result.stepsPerBlock} steps after warm-up)`,
    `  ${step.toFixed(1)} ms / step   ${count(result.samplesPerSecond)} samples/s   (best block ${count(result.bestSamplesPerSecond)}/s)   60k epoch ${(60_000 / result.samplesPerSecond).toFixed(0)} s   last loss ${result.finalLoss.toFixed(3)}`,
    "",
    `  ${"layer".padEnd(24)}${"fwd ms".padStart(10)}${"bwd ms".padStart(11)}${"share".padStart(9)}`,
    ...rows,
    `  conv forward ${percent(convForward)}, conv backward ${percent(convBackward)} of the step`,
    `  the step's matrix products alone: ${result.matmulMsPerStep.toFixed(1)} ms, ${percent(result.matmulMsPerStep)} of the step`,
  ].join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatTrainCnn(benchTrainCnn({ quick: process.argv.includes("--quick") })));
}
