import { rng } from "@gradschool/tensor";
import { registerLayerType } from "./layer-registry.ts";
import { Dropout } from "./dropout.ts";
import { BatchNorm } from "./batch-norm.ts";
import { LayerNorm } from "./layer-norm.ts";

/**
 * Teaches save and load the layers of this half of the package. Importing this file is
 * enough (src/index.ts does), as Keras's register_keras_serializable.
 *
 *   Dropout     config { rate, name }; no weights. The rng is not saved: a loaded Dropout
 *               draws its masks from rng(0), which matters only if you train it further.
 *   BatchNorm   config { features, momentum, eps, name }; weights gamma, beta and the
 *               running statistics runningMean, runningVar (not trained, but a loaded model
 *               predicts with them, so they must come back too).
 *   LayerNorm   config { features, eps, name }; weights gamma, beta.
 */
registerLayerType<Dropout>("Dropout", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) => new Dropout(Number(config.rate), { rng: rng(0), name: String(config.name) }),
});

registerLayerType<BatchNorm>("BatchNorm", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) =>
    new BatchNorm(Number(config.features), { momentum: Number(config.momentum), eps: Number(config.eps), name: String(config.name) }),
  weights: (layer) => ({
    gamma: layer.gamma.value,
    beta: layer.beta.value,
    runningMean: layer.runningMean,
    runningVar: layer.runningVar,
  }),
});

registerLayerType<LayerNorm>("LayerNorm", {
  toConfig: (layer) => layer.config(),
  fromConfig: (config) => new LayerNorm(Number(config.features), { eps: Number(config.eps), name: String(config.name) }),
});
