// ── Parts: initializers, regularizers, Dropout, BatchNorm, LayerNorm, splits, minibatches ──
export { initializers } from "./initializers.ts";
export type { Initializer } from "@gradschool/backprop";
export { l1, l2, l1l2 } from "./regularizers.ts";
export type { Regularizer } from "./regularizers.ts";
export { Dropout } from "./dropout.ts";
export type { DropoutOptions } from "./dropout.ts";
export { BatchNorm } from "./batch-norm.ts";
export type { BatchNormOptions } from "./batch-norm.ts";
export { LayerNorm } from "./layer-norm.ts";
export type { LayerNormOptions } from "./layer-norm.ts";
export { trainTestSplit, stratifiedSplit } from "./splits.ts";
export type { Split, SplitOptions } from "./splits.ts";
export { kFold, stratifiedKFold } from "./k-fold.ts";
export type { Fold } from "./k-fold.ts";
export { minibatches } from "./minibatches.ts";
export type { MinibatchOptions } from "./minibatches.ts";
import "./parts-layer-types.ts"; // registers Dropout, BatchNorm and LayerNorm with save/load

// ── Model: Sequential with fit/evaluate/predict/summary, callbacks, metrics, save/load ─────
export { Sequential } from "./model.ts";
export type { SequentialOptions } from "./model.ts";
export type { FitOptions, History } from "./fit-options.ts";
export { learningRateScheduler } from "./callbacks.ts";
export type { Callback, TrainingContext } from "./callbacks.ts";
export { earlyStopping } from "./early-stopping.ts";
export type { EarlyStoppingOptions } from "./early-stopping.ts";
export { progressLogger } from "./progress-logger.ts";
export { divergenceGuard } from "./divergence-guard.ts";
export { accuracy, binaryAccuracy, confusionCounts, precisionRecall } from "./metrics.ts";
export type { Metric } from "./metrics.ts";
export { registerLayerType, layerWeights } from "./layer-registry.ts";
export type { LayerType } from "./layer-registry.ts";
