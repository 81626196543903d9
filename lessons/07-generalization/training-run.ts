/**
 * One training run of steps 2 and 3, and the numbers the lesson compares runs by.
 *
 * Every run uses the same optimiser settings and the same batch order (rng(7)), so two
 * runs differ only in what the lesson changes: the model, a regulariser or a callback.
 * After training, the model is scored on the training and validation images in inference
 * mode (dropout off, BatchNorm on its running statistics), so the training accuracy of a
 * dropout model is the accuracy of the model you would use, not of its thinned copies.
 */
import { softmaxCrossEntropy } from "@gradschool/losses";
import { type Callback, type History, type Regularizer, type Sequential, accuracy } from "@gradschool/mlp";
import { Adam, type Param } from "@gradschool/optimizers";
import { rng } from "@gradschool/tensor";
import { SEEDS, type Subsets, TRAINING, kernelsOf } from "./setup.ts";

export interface RunOptions {
  epochs?: number;
  callbacks?: Callback[];
  regularizers?: Array<{ param: Param; regularizer: Regularizer }>;
}

export interface Run {
  history: History;
  /** The validation loss after each epoch without any penalty: the data loss alone, comparable between runs. */
  validationLoss: number[];
  /** Scores of the final model (for early stopping: the restored one), in inference mode. */
  train: { loss: number; accuracy: number };
  validation: { loss: number; accuracy: number };
  /** Training accuracy − validation accuracy, in percentage points. */
  gapPoints: number;
  /** The lowest validation loss and the epoch (from 1) it came after. */
  best: { loss: number; epoch: number };
}

/** Trains `model` on the training images (12 epochs unless told otherwise), then scores it on both sets. */
export function train(model: Sequential, data: Subsets, options: RunOptions = {}): Run {
  const regularizers = options.regularizers ?? [];
  const validationLoss: number[] = [];
  // fit's valLoss includes the penalties, which is what the optimiser minimises; take them
  // out again, computed from the same weights at the same moment, to get the data loss.
  const dataLossRecorder: Callback = {
    onEpochEnd(context) {
      const penalty = regularizers.reduce((total, { param, regularizer }) => total + regularizer.penalty(param.value), 0);
      validationLoss.push(context.history.valLoss!.at(-1)! - penalty);
    },
  };
  const history = model.fit(data.xTrain, data.yTrain, {
    epochs: options.epochs ?? TRAINING.epochs,
    batchSize: TRAINING.batchSize,
    optimizer: new Adam({ lr: TRAINING.learningRate }),
    loss: softmaxCrossEntropy,
    metrics: [accuracy],
    validationData: [data.xValidation, data.yValidation],
    rng: rng(SEEDS.shuffle),
    regularizers,
    callbacks: [dataLossRecorder, ...(options.callbacks ?? [])],
    verbose: false,
  });
  const score = (x: typeof data.xTrain, y: Int32Array) => {
    const { loss, accuracy: correct } = model.evaluate(x, y, { loss: softmaxCrossEntropy, metrics: [accuracy] });
    return { loss, accuracy: correct };
  };
  const trainScores = score(data.xTrain, data.yTrain);
  const validationScores = score(data.xValidation, data.yValidation);
  const bestLoss = Math.min(...validationLoss);
  return {
    history,
    validationLoss,
    train: trainScores,
    validation: validationScores,
    gapPoints: 100 * (trainScores.accuracy - validationScores.accuracy),
    best: { loss: bestLoss, epoch: validationLoss.indexOf(bestLoss) + 1 },
  };
}

/** Σ w² over every kernel (the biases are not penalised): what L2 adds to the loss, divided by λ. */
export function kernelSquares(model: Sequential): number {
  let total = 0;
  for (const kernel of kernelsOf(model)) for (const w of kernel.value.data) total += w * w;
  return total;
}
