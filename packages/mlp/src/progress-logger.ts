import { type ProgressBar, type ProgressStream, progressBar } from "@gradschool/viz";
import type { Callback } from "./callbacks.ts";
import { validationName } from "./fit-options.ts";

/**
 * One progress bar per epoch (packages/viz), what fit shows when verbose is on:
 *
 *   epoch 1/5  48000/48000 100% [████████████████████]  7520 it/s  in 6.4s  loss 0.2906  accuracy 0.9176  valLoss 0.1561  valAccuracy 0.9553
 *
 * It counts samples, so the rate is samples per second, the number to compare with other
 * libraries. The loss and metrics shown are running means over the epoch so far; the
 * validation numbers appear on the epoch's last line, once they are known.
 */
export function progressLogger(options: { stream?: ProgressStream } = {}): Callback {
  let bar: ProgressBar | undefined;
  const info: Record<string, number> = {}; // reused: a tick per batch allocates nothing here
  return {
    onEpochBegin(context) {
      bar = progressBar({ total: context.samplesPerEpoch, label: `epoch ${context.epoch}/${context.epochs}`, stream: options.stream });
    },
    onBatchEnd(context) {
      info.loss = context.batchLoss;
      for (const name in context.batchMetrics) info[name] = context.batchMetrics[name];
      bar?.tick(context.batchSize, info);
    },
    onEpochEnd(context) {
      const { valLoss, valMetrics } = context.history;
      const final: Record<string, number> = {};
      if (valLoss !== undefined) final.valLoss = valLoss[valLoss.length - 1];
      for (const [name, values] of Object.entries(valMetrics ?? {})) final[validationName(name)] = values[values.length - 1];
      bar?.done(final);
      bar = undefined;
    },
    onTrainEnd() {
      bar?.done(); // training stopped inside an epoch: finish its line
      bar = undefined;
    },
  };
}
