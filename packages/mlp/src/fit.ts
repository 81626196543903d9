import type { Tensor } from "@gradschool/tensor";
import type { LossTarget } from "@gradschool/losses";
import { clipGradNorm } from "@gradschool/optimizers";
import type { Sequential } from "./model.ts";
import { type Callback, type TrainingContext, runHook } from "./callbacks.ts";
import { type FitOptions, type History, checkFitArguments } from "./fit-options.ts";
import { BatchGatherer } from "./batch-gatherer.ts";
import { minibatches } from "./minibatches.ts";
import { progressLogger } from "./progress-logger.ts";
import { divergenceGuard } from "./divergence-guard.ts";

const TRAINING = { training: true }; // one object for every step: nothing allocated per batch

/**
 * Minibatch gradient descent, the loop every framework's fit runs:
 *
 *   for each epoch:
 *     shuffle the rows, cut them into batches of batchSize
 *     for each batch:  zero the grads → forward (training mode) → loss → backward
 *                      → add each regularizer's gradient (and its penalty to the loss)
 *                      → clip the gradients' global norm, if clipGradNorm is set
 *                      → optimizer.step
 *     evaluate the validation rows (inference mode)
 *
 * The training loss and metrics of an epoch are running means over its batches,
 * weighted by batch size, as Keras reports them: the weights change during the epoch,
 * so they describe the model on its way through the epoch, not at its end (which is one
 * reason the training loss often sits above the validation loss early on).
 *
 * A batch whose loss is not finite takes no step (its gradient would put NaN into every
 * weight, for good), and the divergence guard stops the run and says where it happened.
 * Stopping, for that or for early stopping, returns the history so far with a stopReason.
 */
export function fit(model: Sequential, x: Tensor, y: LossTarget, options: FitOptions): History {
  const params = model.params();
  const { xTrain, yTrain, validation } = checkFitArguments(x, y, options, params);
  const { epochs, batchSize, optimizer, loss, shuffle = true, rng, verbose = true } = options;
  const metrics = options.metrics ?? [];
  const regularizers = options.regularizers ?? [];
  // The progress bar first (its line is finished before anyone else prints), then the guard.
  const callbacks: Callback[] = [...(verbose ? [progressLogger()] : []), divergenceGuard(), ...(options.callbacks ?? [])];

  const history: History = { epochs: [], loss: [], metrics: {}, batchLoss: [] };
  const valLoss: number[] = [];
  const valMetrics: Record<string, number[]> = {};
  for (const metric of metrics) {
    history.metrics[metric.name] = [];
    valMetrics[metric.name] = [];
  }
  if (validation !== undefined) Object.assign(history, { valLoss, valMetrics });

  const samplesPerEpoch = xTrain.shape[0];
  const rowsPerBatch = Math.min(batchSize, samplesPerEpoch);
  const context = {
    model, optimizer, history, epochs, samplesPerEpoch, verbose,
    batchesPerEpoch: Math.ceil(samplesPerEpoch / batchSize),
    epoch: 0, batch: 0, batchSize: 0, batchLoss: NaN,
    batchMetrics: Object.fromEntries(metrics.map((metric) => [metric.name, NaN])) as Record<string, number>,
  } satisfies TrainingContext;
  const xBatches = new BatchGatherer(xTrain, rowsPerBatch);
  const yBatches = new BatchGatherer(yTrain, rowsPerBatch);
  const metricSums = new Float64Array(metrics.length);
  let stopped = false;

  runHook(callbacks, "onTrainBegin", context);
  for (let epoch = 1; epoch <= epochs && !stopped; epoch++) {
    context.epoch = epoch;
    context.batch = 0;
    runHook(callbacks, "onEpochBegin", context);
    let lossSum = 0;
    metricSums.fill(0);

    for (const indices of minibatches(samplesPerEpoch, batchSize, { shuffle, rng })) {
      context.batch++;
      runHook(callbacks, "onBatchBegin", context);
      const xBatch = xBatches.gather(indices);
      const yBatch = yBatches.gather(indices);

      // One step. This is backprop's computeGradients, unrolled to keep the prediction
      // for the metrics and to check it before the loss (which refuses NaN predictions).
      optimizer.zeroGrad(params);
      const prediction = model.forward(xBatch, TRAINING);
      let batchLoss = allFinite(prediction) ? loss.forward(prediction, yBatch) : NaN;
      if (Number.isFinite(batchLoss)) {
        // backwardParams skips d loss / d input of the first layer: no step needs a gradient
        // with respect to the images, and it costs as much as that layer's forward pass.
        model.backwardParams(loss.backward(prediction, yBatch));
        for (const { param, regularizer } of regularizers) {
          batchLoss += regularizer.penalty(param.value);
          regularizer.addGradient(param.value, param.grad);
        }
        if (options.clipGradNorm !== undefined) clipGradNorm(params, options.clipGradNorm);
        optimizer.step(params);
      }

      const rows = indices.length;
      history.batchLoss.push(batchLoss);
      lossSum += batchLoss * rows;
      for (let m = 0; m < metrics.length; m++) {
        const value = Number.isFinite(batchLoss) ? metrics[m].compute(prediction, yBatch) : NaN;
        context.batchMetrics[metrics[m].name] = value;
        metricSums[m] += value * rows;
      }
      context.batchSize = rows;
      context.batchLoss = batchLoss;
      if (runHook(callbacks, "onBatchEnd", context)) {
        stopped = true;
        break;
      }
    }
    if (stopped) break; // an epoch cut short is not recorded; its batches are in batchLoss

    history.epochs.push(epoch);
    history.loss.push(lossSum / samplesPerEpoch);
    metrics.forEach((metric, m) => history.metrics[metric.name].push(metricSums[m] / samplesPerEpoch));
    if (validation !== undefined) {
      const scores = model.evaluate(validation[0], validation[1], { loss, metrics });
      let penalty = 0;
      for (const { param, regularizer } of regularizers) penalty += regularizer.penalty(param.value);
      valLoss.push(scores.loss + penalty);
      for (const metric of metrics) valMetrics[metric.name].push(scores[metric.name]);
    }
    stopped = runHook(callbacks, "onEpochEnd", context);
  }
  if (stopped && history.stopReason === undefined) {
    history.stopReason = `a callback stopped training in epoch ${context.epoch}`;
  }
  runHook(callbacks, "onTrainEnd", context);
  return history;
}

/** True if every element is a finite number; the loss functions refuse NaN and Infinity. */
function allFinite(t: Tensor): boolean {
  const data = t.data;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}
