/**
 * Timing several libraries fairly on a busy machine.
 *
 * Each library is a Contestant with one `step` (one training step, or one matrix
 * multiply). Steps are run in blocks: a block repeats the step until it has run for
 * `blockMs` of step time (at least once). The libraries take turns, one block each:
 *
 *   warm-up:       A B C   A B C          (not counted: the JIT compiles, buffers grow)
 *   repetition 1:  A B C
 *   repetition 2:  A B C  …
 *
 * so a burst of noise from another process hits every library alike, instead of all of
 * one library's blocks. Each block gives a rate (samples or FLOPs per second of step
 * time); the reported rate is the median block, which ignores the odd disturbed one.
 * Every block starts from a clean heap (collectGarbage) and records its peak memory.
 *
 * A library whose step takes many seconds would hold the run for many minutes, so each
 * contestant has a time budget: once its steps have used `budgetMs`, it takes no more
 * timed blocks (but always at least one). The tables say how many blocks each median is of.
 */
import { collectGarbage, memoryInUse } from "./memory.ts";

export interface Contestant {
  /** "gradschool", "TF.js (wasm)", … */
  name: string;
  /** What one step does, in the unit being reported: samples, or floating-point operations. */
  unitsPerStep: number;
  /** Runs before each block, off the clock (TF.js switches to this contestant's backend). */
  beforeBlock?: () => Promise<void> | void;
  /** One step. A training step returns its loss. */
  step: () => Promise<number | void> | number | void;
  /** Frees what the contestant holds (TF.js tensors), after its last block. */
  dispose?: () => void;
  /** A training contestant's weight count: equal in every library, or they train different networks. */
  parameters?: number;
}

export interface Schedule {
  warmupBlocks: number;
  repetitions: number;
  /** A block repeats the step until the steps have taken this long. */
  blockMs: number;
  /** A contestant takes no more timed blocks once its steps have taken this long in all. */
  budgetMs: number;
}

export interface ContestantResult {
  name: string;
  parameters?: number;
  /** Units per second of each timed block, in the order they ran. */
  blockRates: number[];
  medianRate: number;
  /** The largest rise in memory in use during any timed block, in bytes. */
  peakBytes: number;
  /** The loss of the very first step, and the mean loss of the last block (training only). */
  firstLoss?: number;
  lastLoss?: number;
  /** The first line of the error, if a step threw: the contestant is dropped from then on. */
  error?: string;
}

interface Block {
  rate: number;
  stepMs: number;
  peakBytes: number;
  losses: number[];
}

/** Runs one block of `contestant` and measures it. */
async function runBlock(contestant: Contestant, blockMs: number): Promise<Block> {
  await contestant.beforeBlock?.();
  collectGarbage();
  const before = memoryInUse();
  let stepMs = 0;
  let steps = 0;
  let peakBytes = 0;
  const losses: number[] = [];
  while (steps === 0 || stepMs < blockMs) {
    const start = performance.now();
    const loss = await contestant.step();
    stepMs += performance.now() - start;
    steps++;
    // Sampled between steps and off the clock: process.memoryUsage() takes tens of µs.
    peakBytes = Math.max(peakBytes, memoryInUse() - before);
    if (typeof loss === "number") losses.push(loss);
  }
  return { rate: (steps * contestant.unitsPerStep) / (stepMs / 1000), stepMs, peakBytes, losses };
}

/** Runs the contestants in alternating blocks (see the top of this file) and summarises each. */
export async function runAlternating(contestants: Contestant[], schedule: Schedule): Promise<ContestantResult[]> {
  const results: ContestantResult[] = contestants.map((contestant) => ({
    name: contestant.name,
    parameters: contestant.parameters,
    blockRates: [],
    medianRate: NaN,
    peakBytes: 0,
  }));
  const spentMs = contestants.map(() => 0);
  const blocks = schedule.warmupBlocks + schedule.repetitions;
  for (let block = 0; block < blocks; block++) {
    const timed = block >= schedule.warmupBlocks;
    for (const [index, contestant] of contestants.entries()) {
      const result = results[index];
      const overBudget = spentMs[index] >= schedule.budgetMs && result.blockRates.length > 0;
      if (result.error !== undefined || overBudget) continue;
      try {
        const { rate, stepMs, peakBytes, losses } = await runBlock(contestant, schedule.blockMs);
        spentMs[index] += stepMs;
        result.firstLoss ??= losses[0];
        if (losses.length > 0) result.lastLoss = mean(losses);
        if (timed) {
          result.blockRates.push(rate);
          result.peakBytes = Math.max(result.peakBytes, peakBytes);
        }
      } catch (error) {
        result.error = firstLine(error);
      }
    }
  }
  for (const contestant of contestants) contestant.dispose?.();
  for (const result of results) result.medianRate = median(result.blockRates);
  return results;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function mean(values: number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0];
}
