import { rng } from "@gradschool/tensor";
import { getActivation } from "@gradschool/activations";
import { Dense, initializers } from "@gradschool/backprop";
import { registerLayerType } from "@gradschool/mlp";
import { SimpleRNN } from "./simple-rnn.ts";
import { LSTM } from "./lstm.ts";
import { GRU } from "./gru.ts";
import type { RecurrentLayer } from "./recurrent-layer.ts";
import type { RecurrentOptions } from "./recurrent-options.ts";
import { TimeDistributed } from "./time-distributed.ts";

/**
 * Teaches mlp's Sequential.save and Sequential.load the layers of this package; importing
 * the package is enough (src/index.ts imports this file).
 *
 *   SimpleRNN, LSTM, GRU   config { inputSize, units, returnSequences, bpttWindow, name }
 *                          (+ activation for SimpleRNN); weights kernel, recurrentKernel,
 *                          bias (+ recurrentBias for GRU), by the default rule: params()
 *   TimeDistributed        config { layer: { type: "Dense", inFeatures, outFeatures, name }, name };
 *                          weights those of the wrapped Dense
 *
 * A loaded layer is built with zero weights (load overwrites every one, so drawing random
 * ones would be wasted work) and rng(0).
 */
const ZERO_WEIGHTS = { init: initializers.zeros, recurrentInit: initializers.zeros };

function recurrentConfig(layer: RecurrentLayer): Record<string, unknown> {
  // null, not undefined, so the key survives JSON: "no window" is a choice worth seeing in the file.
  return { inputSize: layer.inputSize, units: layer.units, returnSequences: layer.returnSequences, bpttWindow: layer.bpttWindow ?? null, name: layer.name };
}

function recurrentOptions(config: Record<string, unknown>): RecurrentOptions {
  return {
    rng: rng(0),
    ...ZERO_WEIGHTS,
    returnSequences: config.returnSequences === true,
    bpttWindow: config.bpttWindow === null || config.bpttWindow === undefined ? undefined : Number(config.bpttWindow),
    name: String(config.name),
  };
}

registerLayerType<SimpleRNN>("SimpleRNN", {
  toConfig: (layer) => ({ ...recurrentConfig(layer), activation: layer.activation.name }),
  fromConfig: (config) =>
    new SimpleRNN(Number(config.inputSize), Number(config.units), { ...recurrentOptions(config), activation: getActivation(String(config.activation)) }),
});

registerLayerType<LSTM>("LSTM", {
  toConfig: recurrentConfig,
  fromConfig: (config) => new LSTM(Number(config.inputSize), Number(config.units), recurrentOptions(config)),
});

registerLayerType<GRU>("GRU", {
  toConfig: recurrentConfig,
  fromConfig: (config) => new GRU(Number(config.inputSize), Number(config.units), recurrentOptions(config)),
});

registerLayerType<TimeDistributed>("TimeDistributed", {
  toConfig: (wrapper) => {
    const inner = wrapper.layer;
    if (!(inner instanceof Dense)) {
      throw new Error(`TimeDistributed: save supports a wrapped Dense; layer "${wrapper.name}" wraps a ${inner.constructor.name}`);
    }
    return { layer: { type: "Dense", inFeatures: inner.inFeatures, outFeatures: inner.outFeatures, name: inner.name }, name: wrapper.name };
  },
  fromConfig: (config) => {
    const inner = config.layer as Record<string, unknown> | undefined;
    if (inner?.type !== "Dense") {
      throw new Error(`TimeDistributed: expected config.layer to describe a Dense; received ${JSON.stringify(inner)}`);
    }
    const dense = new Dense(Number(inner.inFeatures), Number(inner.outFeatures), { rng: rng(0), init: initializers.zeros, name: String(inner.name) });
    return new TimeDistributed(dense, { name: String(config.name) });
  },
});
