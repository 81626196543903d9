/**
 * Training speed of the reference RNN (DESIGN §9) on real MNIST rows; not a test.
 *
 *   28 rows of 28 pixels → SimpleRNN(64, returnSequences) → SimpleRNN(64) → Dense(10)
 *   softmax cross-entropy (fused, on the logits), Adam lr 1e-3, batch 64
 *
 * One training step is what fit does per batch: zero the gradients, forward, loss,
 * backward (backwardParams: no gradient with respect to the images), Adam step. The
 * batches are consecutive ranges of the first 6,400 training images, gathered as fit
 * gathers them. Prints samples per second: the median block of steps after warm-up, and
 * the fastest block (what the machine does when nothing else interferes).
 *
 *   npx tsx scripts/speed.ts            (from packages/rnn; --quick for a shorter run)
 *   node --import tsx --cpu-prof scripts/speed.ts --quick      (then open the .cpuprofile)
 */
import { gatherRows, rng } from "@gradschool/tensor";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { imagesAsRows, referenceRnn } from "../src/index.ts";

const quick = process.argv.includes("--quick");
const batchSize = 64;
const stepsPerBlock = quick ? 10 : 20;
const blocks = quick ? 5 : 11;
const warmupBlocks = 2;

const batchesAvailable = 100;
const mnist = loadMnist({ split: "train", limit: batchesAvailable * batchSize });
const model = referenceRnn(rng(2024));
const params = model.params();
const optimizer = new Adam({ lr: 1e-3 });

let batch = 0;
let lastLoss = NaN;
function trainBlock(): void {
  for (let step = 0; step < stepsPerBlock; step++) {
    const indices = Int32Array.from({ length: batchSize }, (_, row) => batch * batchSize + row);
    batch = (batch + 1) % batchesAvailable;
    const x = imagesAsRows(gatherRows(mnist.images, indices));
    optimizer.zeroGrad(params);
    lastLoss = model.computeGradients(x, mnist.labels.subarray(indices[0], indices[0] + batchSize), softmaxCrossEntropy);
    optimizer.step(params);
  }
}

for (let i = 0; i < warmupBlocks; i++) trainBlock();
// Wall-clock time, and this process's CPU time: on a busy machine the second is the fairer
// measure of the code, since it does not count the time other processes held the core.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < blocks; i++) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  trainBlock();
  const cpu = process.cpuUsage(cpuStart);
  times.push(performance.now() - start);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}
times.sort((a, b) => a - b);
cpuTimes.sort((a, b) => a - b);
const samplesPerSecond = (ms: number) => Math.round((stepsPerBlock * batchSize * 1000) / ms).toLocaleString("en-US");
const median = times[Math.floor(times.length / 2)];
console.log("reference RNN training step: SimpleRNN(64, seq) → SimpleRNN(64) → Dense(10), Adam, batch 64, real MNIST rows");
console.log(`median of ${blocks} blocks of ${stepsPerBlock} steps: ${(median / stepsPerBlock).toFixed(2)} ms/step, ${samplesPerSecond(median)} samples/s`);
console.log(`fastest block: ${samplesPerSecond(times[0])} samples/s;  per CPU-second (median): ${samplesPerSecond(cpuTimes[Math.floor(blocks / 2)])} samples`);
console.log(`loss after the run: ${lastLoss.toFixed(3)}`);
