/**
 * Counts the arrays one training step allocates, for each of the three steps of lesson 11's
 * step 4. lesson.ts runs it in a process of its own (`node --import tsx count-allocations.ts`)
 * and reads the one line of JSON it prints.
 *
 * How it counts: while one step runs, the global Float64Array is replaced by a subclass that
 * adds up every new array and its bytes (a view such as `subarray` shares its buffer and is not
 * counted). Every Tensor holds a Float64Array, so this sees every tensor any package creates.
 * Why not in the lesson's own process: the optimised code of matmul and friends would meet a
 * new kind of array and be deoptimised (lesson step 2), which would slow the timings after it.
 * Why not just watch memory: the allocating step makes so much garbage that a collection runs
 * in the middle of every step, so no "memory before and after" shows what it allocated.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { loadMnist } from "@gradschool/datasets";
import { softmaxCrossEntropy } from "@gradschool/losses";
import { Adam } from "@gradschool/optimizers";
import { AllocatingStep } from "./allocating-step.ts";
import { BATCH_SIZE, type BatchStep, batchView, copyWeights, gradschoolMlp } from "./reference-mlp.ts";
import { ReusedBuffersStep } from "./reused-step.ts";

export interface AllocationCount {
  arrays: number;
  bytes: number;
}

/** The Float64Arrays that `run` creates, and their bytes. */
export function countFloat64Arrays(run: () => void): AllocationCount {
  const Original = globalThis.Float64Array;
  const count: AllocationCount = { arrays: 0, bytes: 0 };
  class CountingFloat64Array extends Original {
    constructor(...args: [length: number] | [source: ArrayLike<number> | ArrayBufferLike, byteOffset?: number, length?: number]) {
      super(...(args as [number]));
      if (!(args[0] instanceof ArrayBuffer)) {
        count.arrays++;
        count.bytes += this.byteLength;
      }
    }
    // `x instanceof Float64Array` keeps its meaning for arrays made before the swap.
    static override [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof Original;
    }
  }
  globalThis.Float64Array = CountingFloat64Array as Float64ArrayConstructor;
  try {
    run();
  } finally {
    globalThis.Float64Array = Original;
  }
  return count;
}

/** gradschool's own step, as bench/src/gradschool-trainer.ts runs it (what fit does per batch). */
function gradschoolStep(): BatchStep {
  const model = gradschoolMlp();
  const params = model.params();
  const optimizer = new Adam({ lr: 1e-3 });
  return {
    step: (x, labels) => {
      optimizer.zeroGrad(params);
      const loss = model.computeGradients(x, labels, softmaxCrossEntropy);
      optimizer.step(params);
      return loss;
    },
  };
}

/** Each step's allocations on the second batch, after three warm-up steps on the first. */
export function countStepAllocations(): Record<"allocating" | "gradschool" | "reused", AllocationCount> {
  const mnist = loadMnist({ split: "train", limit: 2 * BATCH_SIZE });
  const batches = [0, BATCH_SIZE].map((start) => ({
    x: batchView(mnist.images.data, start),
    labels: mnist.labels.subarray(start, start + BATCH_SIZE),
  }));
  const steps = {
    allocating: new AllocatingStep(copyWeights(gradschoolMlp())),
    gradschool: gradschoolStep(),
    reused: new ReusedBuffersStep(copyWeights(gradschoolMlp())),
  };
  const counts = {} as Record<keyof typeof steps, AllocationCount>;
  for (const [name, trainer] of Object.entries(steps) as Array<[keyof typeof steps, BatchStep]>) {
    for (let warmup = 0; warmup < 3; warmup++) trainer.step(batches[0].x, batches[0].labels); // buffers grow, Adam makes its state
    counts[name] = countFloat64Arrays(() => trainer.step(batches[1].x, batches[1].labels));
  }
  return counts;
}

export type StepAllocations = ReturnType<typeof countStepAllocations>;

/** Runs this file in a process of its own and returns what it counted. */
export async function countInChildProcess(): Promise<StepAllocations> {
  const file = fileURLToPath(import.meta.url);
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", file], { cwd: fileURLToPath(new URL(".", import.meta.url)) });
  return JSON.parse(stdout) as StepAllocations;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(JSON.stringify(countStepAllocations()));
