/**
 * npm run bench [-- --quick] [-- --only mlp,cnn]
 *
 * Runs gradschool side by side with TensorFlow.js (cpu and wasm backends) and ConvNetJS:
 * matrix multiply, then one training step of the reference MLP, CNN and RNN. Prints a
 * table for each and writes them to bench/RESULTS.md (not with --only, which runs part).
 */
import { fileURLToPath } from "node:url";
import { benchMatmul } from "./matmul.ts";
import { loadSamples } from "./mnist-batches.ts";
import { startTfjs } from "./peers/tfjs.ts";
import { describeMachine, peerVersions, writeResults } from "./results-file.ts";
import { FULL, QUICK } from "./settings.ts";
import { type Table, tableAsText } from "./table.ts";
import { benchTrainCnn } from "./train-cnn.ts";
import { benchTrainMlp } from "./train-mlp.ts";
import { benchTrainRnn } from "./train-rnn.ts";

const quick = process.argv.includes("--quick");
const settings = quick ? QUICK : FULL;
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt === -1 ? undefined : (process.argv[onlyAt + 1] ?? "").split(",");
const started = performance.now();

console.log(`gradschool benchmarks, ${settings.mode} run`);
console.log(describeMachine());
console.log(`Node ${process.version}; ${peerVersions().join(", ")}`);
const wasmBinary = await startTfjs();
console.log(`TF.js wasm backend: ${wasmBinary}`);
if ((globalThis as { gc?: unknown }).gc === undefined) console.log("(no --expose-gc: blocks start without a garbage collection)");
const samples = loadSamples();

const benchmarks: Array<[string, () => Promise<Table>]> = [
  ["matmul", () => benchMatmul(settings)],
  ["mlp", () => benchTrainMlp(samples, settings)],
  ["cnn", () => benchTrainCnn(samples, settings)],
  ["rnn", () => benchTrainRnn(samples, settings)],
];
const tables: Table[] = [];
for (const [name, bench] of benchmarks) {
  if (only !== undefined && !only.includes(name)) continue;
  console.log(`\n(running ${name}…)`);
  const benchStarted = performance.now();
  try {
    const table = await bench();
    console.log(tableAsText(table));
    console.log(`(${name} took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s)`);
    tables.push(table);
  } catch (error) {
    // Caught here: TF.js's wasm module rethrows uncaught errors with a screenful of its own source.
    console.log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exitCode = 1;
  }
}

const seconds = (performance.now() - started) / 1000;
console.log(`\nfinished in ${seconds.toFixed(0)} s`);
if (only === undefined) {
  const command = quick ? "npm run bench -- --quick" : "npm run bench";
  writeResults(fileURLToPath(new URL("../RESULTS.md", import.meta.url)), { command, wasmBinary, seconds, tables });
  console.log("wrote bench/RESULTS.md");
} else {
  console.log(`bench/RESULTS.md not written: --only ran ${only.join(", ")}`);
}
