/**
 * How long the benchmarks run. The full run takes a few minutes (under 20 on a 2-core
 * machine); --quick trades precision for time (under 3), stops matmul at 512 and skips
 * the one peer that needs about a minute per step.
 */
import type { Schedule } from "./measure.ts";

export interface Settings {
  mode: "quick" | "full";
  /** Square matrix sizes n: an n×n by n×n product. */
  matmulSizes: number[];
  /** Sizes at which the two plain kernels (naive, i-k-j) run too, for context. */
  matmulContextSizes: number[];
  matmul: Schedule;
  training: Schedule;
  /** Run peers whose one step takes about a minute (TF.js cpu on the CNN); --quick skips them. */
  slowPeers: boolean;
}

export const FULL: Settings = {
  mode: "full",
  matmulSizes: [128, 256, 512, 1024],
  matmulContextSizes: [128, 256],
  matmul: { warmupBlocks: 2, repetitions: 7, blockMs: 400, budgetMs: 30_000 },
  training: { warmupBlocks: 2, repetitions: 7, blockMs: 2_500, budgetMs: 90_000 },
  slowPeers: true,
};

export const QUICK: Settings = {
  mode: "quick",
  matmulSizes: [128, 256, 512],
  matmulContextSizes: [128, 256],
  matmul: { warmupBlocks: 1, repetitions: 3, blockMs: 150, budgetMs: 5_000 },
  training: { warmupBlocks: 1, repetitions: 3, blockMs: 800, budgetMs: 10_000 },
  slowPeers: false,
};

/** "blocks of ≥ 2.5 s, up to 7 per library, taken in turn after 2 warm-up blocks; …" */
export function describeSchedule({ warmupBlocks, repetitions, blockMs, budgetMs }: Schedule): string {
  const seconds = (ms: number) => (ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`);
  return (
    `blocks of ≥ ${seconds(blockMs)}, up to ${repetitions} per library, taken in turn after ${warmupBlocks} warm-up ` +
    `block${warmupBlocks === 1 ? "" : "s"}; a library stops after ${seconds(budgetMs)} of steps (at least one timed block)`
  );
}
