/**
 * A fit callback that times each epoch's training steps: from the epoch's first batch to the
 * end of its last, so the seconds per epoch leave out the evaluation that follows it.
 */
import type { Callback } from "@gradschool/mlp";

export interface EpochTimer extends Callback {
  /** Seconds of training in each finished epoch. */
  readonly seconds: number[];
}

export function epochTimer(now: () => number = () => performance.now()): EpochTimer {
  const seconds: number[] = [];
  let started = 0;
  return {
    seconds,
    onEpochBegin() {
      started = now();
    },
    onBatchEnd(context) {
      if (context.batch === context.batchesPerEpoch) seconds.push((now() - started) / 1000);
    },
  };
}
