/**
 * Lesson 11 — Speed: why the same maths can run several times faster.
 *
 * Every number this lesson prints about time is measured here, on your machine, while it
 * runs: the same matrix product written three ways, what V8's JIT does with a kernel, how the
 * cache treats each kernel as the matrices grow, what allocating costs in a training step,
 * and our training throughput beside TensorFlow.js and ConvNetJS. The timings change from run
 * to run and machine to machine; what the lesson checks never depends on them.
 *
 * `npm start` takes well under a minute. `npm run bench` (from the repository root) measures
 * the same things, and the CNN and RNN, for longer: bench/RESULTS.md.
 */
import {
  type Schedule,
  convnetjsTrainer,
  describeMachine,
  gradschoolTrainer,
  loadSamples,
  runAlternating,
  startTfjs,
  tfjsTrainer,
} from "@gradschool/bench";
import { lossChart, table } from "@gradschool/viz";
import { AllocatingStep } from "./allocating-step.ts";
import { countInChildProcess } from "./count-allocations.ts";
import { KERNELS, LARGEST_SQUARE, dataCaches, kernelRates, maxAbsDifference, rowsOfA, squareMatrices } from "./kernel-rates.ts";
import { eventsDuring, recordingIntervals, watchGarbageCollection } from "./memory-watch.ts";
import { convnetjsMlp, onBenchBatches, tfjsMlp } from "./peers.ts";
import { BATCH_SIZE, PIXELS, copyWeights, gradschoolMlp } from "./reference-mlp.ts";
import { ReusedBuffersStep } from "./reused-step.ts";
import { median, parseJitDemo, runJitDemo, timelineLines } from "./v8-trace.ts";

const heading = (text: string) => console.log(`\n── ${text} ${"─".repeat(Math.max(0, 72 - text.length))}\n`);
const count = (value: number) => Math.round(value).toLocaleString("en-US");
const gflops = (value: number) => value.toFixed(2);
const times = (value: number) => `${value.toFixed(1)}×`;

// How long each measurement runs: short blocks, taken in turn (bench/src/measure.ts).
const STEP1: Schedule = { warmupBlocks: 1, repetitions: 3, blockMs: 250, budgetMs: 3_000 };
const STEP3: Schedule = { warmupBlocks: 1, repetitions: 3, blockMs: 120, budgetMs: 1_500 };
const STEP4: Schedule = { warmupBlocks: 1, repetitions: 3, blockMs: 350, budgetMs: 3_000 };
const STEP5: Schedule = { warmupBlocks: 1, repetitions: 3, blockMs: 500, budgetMs: 3_000 };
const started = performance.now();

console.log(`Measured on this machine: ${describeMachine()}; Node ${process.version}.`);
console.log("Every timing below is measured now, so it varies from run to run; a busy machine gives lower numbers.");

// Step 1 — one product, three loops: the same sums, at very different speeds.
heading(`Step 1 · the same product three ways (${LARGEST_SQUARE}×${LARGEST_SQUARE})`);
const [a, b] = squareMatrices(LARGEST_SQUARE);
const [naive, ikj, packed] = KERNELS.map((kernel) => kernel.multiply(a, b));
console.log(`A and B are ${LARGEST_SQUARE}×${LARGEST_SQUARE}, entries drawn from N(0, 1) with rng(2024).`);
console.log(`One product is ${LARGEST_SQUARE}³ = ${count(LARGEST_SQUARE ** 3)} multiply-adds: ${(2 * LARGEST_SQUARE ** 3 / 1e6).toFixed(1)} MFLOP.\n`);
console.log(`max |naive − i-k-j| = ${maxAbsDifference(naive, ikj)}`);
console.log(`max |naive − packed| = ${maxAbsDifference(naive, packed)}`);
console.log(`The three agree to the last bit: each adds the same ${LARGEST_SQUARE} products per entry in the same order.\n`);
const squareRates = await kernelRates(LARGEST_SQUARE, STEP1);
console.log(
  table(
    KERNELS.map((kernel, i) => [
      kernel.name,
      gflops(squareRates[i]),
      ((2 * LARGEST_SQUARE ** 3) / squareRates[i] / 1e6).toFixed(1),
      times(squareRates[i] / squareRates[0]),
    ]),
    { header: ["kernel", "GFLOP/s", "ms per product", "× naive"], align: ["left", "right", "right", "right"] },
  ),
);
console.log("\nPer multiply-add, the inner loop of");
console.log(`  naive i-j-k  loads 2 numbers; B[k, j] sits ${count(LARGEST_SQUARE * 8)} bytes after B[k − 1, j], on a new 64-byte cache line each time`);
console.log("  i-k-j        loads 2 and stores 1, all at consecutive addresses: 8 numbers per cache line");
console.log("  packed 4×4   loads half a number: 4 of A and 4 of B feed 16 multiply-adds into 16 sums kept in registers");

// Step 2 — the JIT: a kernel's first call, and what a new type of array does to optimised code.
heading("Step 2 · the JIT: warm-up and deoptimisation");
// Two small programs run in processes of their own: the JIT demo, and (for step 4) a count of
// the arrays each training step allocates. They run side by side while this process waits.
const [demoOutput, allocations] = await Promise.all([runJitDemo(), countInChildProcess()]);
const runs = parseJitDemo(demoOutput);
const kernelRuns = runs.filter((run) => run.label === "kernel");
const dotRuns = runs.filter((run) => run.label !== "kernel");
console.log("jit-demo.ts, run with node --trace-opt --trace-deopt: what V8 did, beside each timing.\n");
console.log("A fresh i-k-j kernel (a copy nothing has called yet) on 64×64 matrices, call by call:");
console.log(timelineLines(kernelRuns, () => "call", "µs", 12).join("\n"));
const laterCalls = median(kernelRuns.slice(10).map((run) => run.micros));
console.log(`The first call took ${times(kernelRuns[0].micros / laterCalls)} as long as the median of calls 11–${kernelRuns.length}.\n`);
const roundName = (label: string) =>
  ({ Float64Array: "Float64Array round", Array: "plain Array round", "Float64Array-after": "Float64Array round, after" })[label] ?? label;
console.log("dotProduct(x, y) on vectors of 1,000 numbers, 200 calls a round:");
console.log(timelineLines(dotRuns, roundName, "µs a call").join("\n"));
const before = median(dotRuns.filter((run) => run.label === "Float64Array").slice(-20).map((run) => run.micros));
const after = median(dotRuns.filter((run) => run.label === "Float64Array-after").slice(-20).map((run) => run.micros));
const deopted = dotRuns.find((run) => run.label === "Array")?.events.find((event) => event.startsWith("V8 deoptimises dotProduct"));
console.log(`\nOn the plain Array: ${deopted ?? "V8 reported no deoptimisation of dotProduct"}.`);
console.log(`Float64Array rounds, median of the last 20: ${before.toFixed(2)} µs a call before the plain Array, ${after.toFixed(2)} µs after (${times(after / before)}).`);

// Step 3 — the cache: the same kernels as the matrices outgrow it.
heading("Step 3 · the cache: GFLOP/s as the matrices grow");
const SIZES = [64, 128, 256, 512, 1024];
const caches = dataCaches();
console.log(`This machine's data caches (per core): ${caches ?? "not reported by this system"}.`);
console.log(`Past ${LARGEST_SQUARE}, A keeps only its first rows (${KERNELS.map((kernel) => `${kernel.name} ${rowsOfA(1024, kernel)}`).join(", ")}):`);
console.log("each row of C needs one row of A and all of B, so the rate is the square product's.\n");
const ratesBySize: number[][] = [];
for (const size of SIZES) ratesBySize.push(size === LARGEST_SQUARE ? squareRates : await kernelRates(size, STEP3));
console.log(
  table(
    SIZES.map((size, s) => [`${size}`, `${count((size * size * 8) / 1024)} KB`, `${count(size * 64 / 1024)} KB`, ...ratesBySize[s].map(gflops)]),
    {
      header: ["n", "B (n²·8 bytes)", "a column of B", ...KERNELS.map((kernel) => `${kernel.name} GFLOP/s`)],
      align: ["right", "right", "right", "right", "right", "right"],
    },
  ),
);
const lastRates = ratesBySize[SIZES.length - 1];
console.log(`\n"a column of B": the n cache lines of 64 bytes the naive loop touches for one entry of C.`);
console.log(`At ${SIZES.at(-1)}: i-k-j ${times(lastRates[1] / lastRates[0])} the naive loop, packed ${times(lastRates[2] / lastRates[0])}.`);

// Step 4 — allocation: the reference MLP's training step, three ways, the same numbers.
heading("Step 4 · allocating in a training step");
const samples = loadSamples();
const model = gradschoolMlp();
const allocatingStep = new AllocatingStep(copyWeights(model));
const reusedStep = new ReusedBuffersStep(copyWeights(model));
const trainers = [
  { name: "allocating: a new tensor per operation", step: onBenchBatches(allocatingStep, samples), weights: () => allocatingStep.weights },
  {
    name: "gradschool: Dense, computeGradients, Adam",
    step: gradschoolTrainer(model, [PIXELS], BATCH_SIZE, samples).step as () => number, // synchronous: it returns the loss
    weights: () => model.params().map((param) => param.value),
  },
  { name: "reused buffers: nothing allocated", step: onBenchBatches(reusedStep, samples), weights: () => reusedStep.params.map((param) => param.value) },
];
console.log("Three ways to write one training step of the reference MLP (784 → 128 → 10, Adam, batch 32):");
trainers.forEach((trainer) => console.log(`  ${trainer.name}`));

const CHECK_STEPS = 10;
const checkLosses = trainers.map((trainer) => Array.from({ length: CHECK_STEPS }, () => trainer.step()));
const difference = (i: number) =>
  Math.max(
    ...checkLosses[i].map((loss, step) => Math.abs(loss - checkLosses[1][step])),
    ...trainers[i].weights().map((weight, w) => maxAbsDifference(weight, trainers[1].weights()[w])),
  );
console.log(`\nFrom the same weights, ${CHECK_STEPS} steps on the same batches (loss ${checkLosses[1][0].toFixed(4)} → ${checkLosses[1][CHECK_STEPS - 1].toFixed(4)}):`);
console.log(`  max |difference| from gradschool's losses and weights: allocating ${difference(0)}, reused buffers ${difference(2)}`);
console.log("The three compute the same numbers in the same order; only where they put them differs.\n");

const counted = [allocations.allocating, allocations.gradschool, allocations.reused];
const intervals = trainers.map((): Array<[number, number]> => []);
const collections = watchGarbageCollection();
const stepResults = await runAlternating(
  trainers.map((trainer, i) => ({ name: trainer.name, unitsPerStep: BATCH_SIZE, step: recordingIntervals(trainer.step, intervals[i]) })),
  STEP4,
);
const gcEvents = await collections.stop();
const msPerStep = stepResults.map((result) => (1000 * BATCH_SIZE) / result.medianRate);
const gcDuring = trainers.map((_, i) => eventsDuring(gcEvents, intervals[i]));
const gcMsPerStep = gcDuring.map((events, i) => events.reduce((total, event) => total + event.duration, 0) / intervals[i].length);
const perHundredSteps = (i: number, kind: string) => ((100 * gcDuring[i].filter((event) => event.kind === kind).length) / intervals[i].length).toFixed(0);
console.log(
  table(
    trainers.map((trainer, i) => [
      trainer.name.split(":")[0],
      count(counted[i].arrays),
      (counted[i].bytes / 1e6).toFixed(2),
      msPerStep[i].toFixed(1),
      `${perHundredSteps(i, "minor")} + ${perHundredSteps(i, "major")}`,
      gcMsPerStep[i].toFixed(2),
    ]),
    {
      header: ["step", "arrays per step", "MB per step", "ms per step", "GCs per 100 steps", "GC ms per step"],
      align: ["left", "right", "right", "right", "right", "right"],
    },
  ),
);
console.log("\narrays per step: every new Float64Array one step makes (count-allocations.ts, in a process of its own).");
console.log("GCs: minor collections (the young generation) + major ones (the whole heap), during the timing blocks.");
console.log(
  `The allocating step takes ${times(msPerStep[0] / msPerStep[1])} as long as gradschool's, ${gcMsPerStep[0].toFixed(1)} ms of it in collections;\n` +
    `the reused-buffers step takes ${(msPerStep[2] / msPerStep[1]).toFixed(2)}× gradschool's time.`,
);

// Step 5 — the reference MLP's training throughput beside TensorFlow.js and ConvNetJS.
heading("Step 5 · beside TensorFlow.js and ConvNetJS");
const wasmBinary = await startTfjs();
console.log("TF.js 4.22 (tfjs-layers, trainOnBatch) on its cpu and its wasm backend; ConvNetJS 0.3.0, with Adam added.");
console.log(`TF.js wasm backend: ${wasmBinary}`);
console.log("The same network, batches of 32 from the same 6,400 MNIST images, Adam lr 1e-3 (bench/src/train-mlp.ts).\n");
const peerResults = await runAlternating(
  [
    gradschoolTrainer(gradschoolMlp(), [PIXELS], BATCH_SIZE, samples),
    await tfjsTrainer("cpu", tfjsMlp, [PIXELS], BATCH_SIZE, samples),
    await tfjsTrainer("wasm", tfjsMlp, [PIXELS], BATCH_SIZE, samples),
    convnetjsTrainer(convnetjsMlp, BATCH_SIZE, samples),
  ],
  STEP5,
);
console.log(
  table(
    peerResults.map((result) => [
      result.name,
      result.error === undefined ? count(result.medianRate) : `failed: ${result.error}`,
      result.error === undefined ? `${(peerResults[0].medianRate / result.medianRate).toFixed(2)}×` : "—",
      count(result.parameters ?? NaN),
      `${result.firstLoss?.toFixed(2)} → ${result.lastLoss?.toFixed(2)}`,
    ]),
    { header: ["library", "samples/s", "gradschool ÷ peer", "parameters", "loss first → last"], align: ["left", "right", "right", "right", "right"] },
  ),
);
console.log("\nAbove 1, gradschool trains faster than that library; every row trains the same 101,770 weights.");
console.log("npm run bench measures these for longer, with the CNN and RNN too: bench/RESULTS.md.");

// The chart: GFLOP/s against size for the three kernels.
heading("GFLOP/s against matrix size");
console.log(
  lossChart(Object.fromEntries(KERNELS.map((kernel, k) => [kernel.name, ratesBySize.map((rates) => rates[k])])), {
    title: "Matrix multiply: GFLOP/s of each kernel at n = 64, 128, 256, 512, 1024",
    xLabel: "log₂ n",
    xRange: [6, 10],
    yLabel: "GFLOP/s",
    logScale: true,
  }),
);
console.log(`\nThe whole lesson took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
