import type { Callback } from "./callbacks.ts";

/**
 * Stops training the moment a batch's loss is NaN or Infinity, and says where:
 *
 *   fit: loss became NaN at epoch 3, batch 17 — try a smaller learning rate (Adam lr is 10)
 *
 * A loss that overflows does not come back: the next step would write NaN into every
 * weight (NaN − anything is NaN), and every later batch would print NaN for nothing.
 * fit always runs this guard, and the offending batch takes no step. The run ends with
 * the history so far and this message as history.stopReason, printed to stderr once
 * the progress bar has finished its line (even when verbose is off: a silent NaN costs
 * hours). Stopping is friendlier than throwing: the history up to the blow-up is the
 * evidence a learner needs (plot history.batchLoss and watch it climb).
 */
export function divergenceGuard(): Callback {
  let reason: string | undefined;
  return {
    onTrainBegin: () => void (reason = undefined),
    onBatchEnd(context) {
      if (Number.isFinite(context.batchLoss)) return;
      reason =
        `fit: loss became ${context.batchLoss} at epoch ${context.epoch}, batch ${context.batch} — ` +
        `try a smaller learning rate (${context.optimizer.name} lr is ${context.optimizer.lr})`;
      context.history.stopReason = reason;
      return "stop";
    },
    onTrainEnd() {
      if (reason !== undefined) console.warn(reason);
    },
  };
}
