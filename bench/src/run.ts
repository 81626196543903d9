/**
 * npm run bench [-- --quick]: measures the kernels and a training step, and prints tables.
 */
import { benchMatmul } from "./matmul.ts";
import { type BackwardMode, benchTrainMlp, formatTrainMlp } from "./train-mlp.ts";

const quick = process.argv.includes("--quick");
const sizes: Array<[number, number, number]> = quick
  ? [[256, 256, 256], [32, 784, 128]]
  : [[128, 128, 128], [256, 256, 256], [32, 784, 128], [512, 512, 512]];

console.log(`gradschool benchmarks — Node ${process.version}, ${quick ? "quick" : "full"} run\n`);
console.log("matrix multiply (median of repetitions after warm-up)");
const rows = benchMatmul(sizes, { quick });
const widths = [18, 22, 10, 12];
const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join("  ");
console.log(line(["shape", "kernel", "GFLOP/s", "median ms"]));
console.log(line(widths.map((width) => "─".repeat(width))));
for (const row of rows) console.log(line([row.shape, row.kernel, row.gflops.toFixed(2), row.medianMs.toFixed(2)]));

console.log("");
const modes: BackwardMode[] = ["computeGradients", "forward + backward"];
console.log(formatTrainMlp(modes.map((mode) => benchTrainMlp(mode, { quick }))));
