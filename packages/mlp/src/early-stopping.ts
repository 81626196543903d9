import type { Callback } from "./callbacks.ts";
import { type History, validationName } from "./fit-options.ts";
import { restoreWeights, snapshotWeights } from "./weight-snapshot.ts";

export interface EarlyStoppingOptions {
  /** "valLoss" (default), "loss", a metric ("accuracy") or a validation metric ("valAccuracy"). */
  monitor?: string;
  /** Epochs without improvement to wait before stopping. */
  patience: number;
  /** A change counts as an improvement only if it beats the best by more than this (default 0). */
  minDelta?: number;
  /** "min" for losses, "max" for accuracies; default: "max" if the name says accuracy, precision or recall. */
  mode?: "min" | "max";
  /** Put back the weights of the best epoch when training ends (default false, as Keras). */
  restoreBestWeights?: boolean;
}

/**
 * Stops training when the monitored number has not improved for `patience` epochs:
 *
 *   after each epoch:  improved = value < best − minDelta   (mode "max": value > best + minDelta)
 *                      improved → best = value, wait = 0 (and copy the weights)
 *                      otherwise → wait += 1; stop when wait reaches patience
 *
 * Validation loss falls while the network learns what generalises, then turns up when it
 * starts to memorise the training rows: stopping there is the cheapest regulariser there
 * is. With patience 2 and valLoss 0.9, 0.7, 0.8, 0.75, the best is epoch 2 and training
 * stops after epoch 4.
 *
 * restoreBestWeights puts back the weights of the best epoch when training ends, whether
 * it stopped early or ran out of epochs. (Keras restores only when it stops early, so a
 * run that never triggers it keeps its last weights; here asking for the best gives it.)
 */
export function earlyStopping(options: EarlyStoppingOptions): Callback {
  const { monitor = "valLoss", patience, minDelta = 0, restoreBestWeights = false } = options ?? ({} as EarlyStoppingOptions);
  if (!Number.isInteger(patience) || patience < 1) {
    throw new Error(`earlyStopping: patience must be a positive integer (epochs to wait); received ${patience}`);
  }
  if (!(minDelta >= 0)) throw new Error(`earlyStopping: minDelta must be a number ≥ 0; received ${minDelta}`);
  const mode = options?.mode ?? (/accuracy|precision|recall/i.test(monitor) ? "max" : "min");
  if (mode !== "min" && mode !== "max") throw new Error(`earlyStopping: mode must be "min" or "max"; received ${JSON.stringify(mode)}`);
  const improves = (value: number, best: number) => (mode === "min" ? value < best - minDelta : value > best + minDelta);

  let best = NaN;
  let bestEpoch = 0;
  let wait = 0;
  let bestWeights: Float64Array[] | undefined;
  return {
    onTrainBegin(context) {
      monitoredSeries(context.history, monitor); // fails now, not after the first epoch
      best = mode === "min" ? Infinity : -Infinity;
      bestEpoch = 0;
      wait = 0;
      bestWeights = undefined;
    },
    onEpochEnd(context) {
      const series = monitoredSeries(context.history, monitor);
      const value = series[series.length - 1];
      if (improves(value, best)) {
        best = value;
        bestEpoch = context.epoch;
        wait = 0;
        if (restoreBestWeights) bestWeights = snapshotWeights(context.model);
        return;
      }
      wait += 1;
      if (wait < patience) return;
      context.history.stopReason =
        `early stopping after epoch ${context.epoch}: ${monitor} has not improved for ${patience} epoch${patience === 1 ? "" : "s"} ` +
        `(best ${best} at epoch ${bestEpoch})`;
      return "stop";
    },
    onTrainEnd(context) {
      if (bestWeights !== undefined && bestEpoch !== context.history.epochs[context.history.epochs.length - 1]) {
        restoreWeights(context.model, bestWeights);
        if (context.history.stopReason !== undefined) context.history.stopReason += `; restored the weights of epoch ${bestEpoch}`;
      }
      if (context.verbose && context.history.stopReason?.startsWith("early stopping")) console.log(context.history.stopReason);
    },
  };
}

/**
 * The history series a name refers to: "loss", "valLoss", a metric ("accuracy") or a
 * validation metric ("valAccuracy" → history.valMetrics.accuracy).
 */
export function monitoredSeries(history: History, name: string): readonly number[] {
  if (name === "loss") return history.loss;
  if (name === "valLoss" && history.valLoss !== undefined) return history.valLoss;
  const validationMetric = /^val([A-Z].*)$/.exec(name);
  if (validationMetric !== null) {
    const series = history.valMetrics?.[validationMetric[1][0].toLowerCase() + validationMetric[1].slice(1)];
    if (series !== undefined) return series;
  } else if (history.metrics[name] !== undefined) {
    return history.metrics[name];
  }
  const available = ["loss", ...Object.keys(history.metrics)];
  if (history.valLoss !== undefined) available.push("valLoss", ...Object.keys(history.valMetrics ?? {}).map(validationName));
  const hint = name.startsWith("val") && history.valLoss === undefined ? " (fit has no validationData or validationSplit)" : "";
  throw new Error(`earlyStopping: cannot monitor "${name}"${hint}; this run records ${available.map((n) => `"${n}"`).join(", ")}`);
}
