import type { Optimizer, Schedule } from "@gradschool/optimizers";
import type { Sequential } from "./model.ts";
import type { History } from "./fit-options.ts";

/**
 * What fit tells a callback. One object, updated as training goes: `epoch` and `batch`
 * count from 1, as a person counts them ("epoch 3, batch 17"). By the time onEpochEnd
 * runs, the epoch's numbers are already at the end of `history` (loss, metrics, valLoss).
 */
export interface TrainingContext {
  readonly model: Sequential;
  readonly optimizer: Optimizer;
  readonly history: History;
  /** How many epochs fit was asked for. */
  readonly epochs: number;
  /** Training rows per epoch (after any validationSplit) and the batches they make. */
  readonly samplesPerEpoch: number;
  readonly batchesPerEpoch: number;
  /** fit's `verbose`: callbacks print only when it is true. */
  readonly verbose: boolean;
  /** The current epoch, 1 … epochs. */
  readonly epoch: number;
  /** The current batch within the epoch, 1 … batchesPerEpoch. */
  readonly batch: number;
  /** onBatchEnd: the rows in this batch (the last one may be smaller). */
  readonly batchSize: number;
  /** onBatchEnd: this batch's loss (NaN or Infinity if training diverged). */
  readonly batchLoss: number;
  /** onBatchEnd: this batch's value of each metric, by name. */
  readonly batchMetrics: Readonly<Record<string, number>>;
}

/**
 * Code that runs at fixed points of fit, as Keras's callbacks:
 *
 *   onTrainBegin
 *   for each epoch:   onEpochBegin
 *     for each batch:   onBatchBegin   (the step)   onBatchEnd
 *                     (validation)   onEpochEnd
 *   onTrainEnd
 *
 * Each hook is optional. onBatchEnd and onEpochEnd may return "stop": every callback
 * still runs that hook, then fit stops (after the batch, or after the epoch). A callback
 * that stops says why in `history.stopReason`. onTrainEnd runs however training ended.
 */
export interface Callback {
  onTrainBegin?(context: TrainingContext): void;
  onEpochBegin?(context: TrainingContext): void;
  onBatchBegin?(context: TrainingContext): void;
  onBatchEnd?(context: TrainingContext): void | "stop";
  onEpochEnd?(context: TrainingContext): void | "stop";
  onTrainEnd?(context: TrainingContext): void;
}

/** Runs one hook of every callback, in order; true if any of them asked to stop. */
export function runHook(callbacks: readonly Callback[], hook: keyof Callback, context: TrainingContext): boolean {
  let stop = false;
  for (const callback of callbacks) {
    if (callback[hook]?.(context) === "stop") stop = true;
  }
  return stop;
}

/**
 * Drives optimizer.lr from a schedule (packages/optimizers: stepDecay, cosineAnnealing, …).
 * A Schedule maps a step 0, 1, 2, … to a rate; `every` says what a step is here:
 *
 *   "epoch" (default)  lr = schedule(epoch − 1), set before each epoch, as Keras's LearningRateScheduler
 *   "batch"            lr = schedule(batches done so far), set before each batch, as a PyTorch
 *                      scheduler stepped every iteration (warmup is usually counted this way)
 */
export function learningRateScheduler(schedule: Schedule, options: { every?: "epoch" | "batch" } = {}): Callback {
  if (typeof schedule !== "function") {
    throw new Error(`learningRateScheduler: expected a Schedule (step) => lr such as stepDecay(0.1, 10, 0.5); received ${typeof schedule}`);
  }
  const { every = "epoch" } = options;
  if (every !== "epoch" && every !== "batch") {
    throw new Error(`learningRateScheduler: every must be "epoch" or "batch"; received ${JSON.stringify(every)}`);
  }
  let batchesDone = 0;
  if (every === "epoch") {
    return { onEpochBegin: (context) => void (context.optimizer.lr = schedule(context.epoch - 1)) };
  }
  return {
    onTrainBegin: () => void (batchesDone = 0),
    onBatchBegin: (context) => void (context.optimizer.lr = schedule(batchesDone++)),
  };
}
