import { type Tensor, rng } from "@gradschool/tensor";
import { type Activation, elu, getActivation, leakyRelu } from "@gradschool/activations";
import { ActivationLayer, Dense, type Layer, ReLU, Sigmoid, Softmax, Tanh, initializers } from "@gradschool/backprop";

/**
 * What save and load need to know about one kind of layer, as Keras's get_config /
 * from_config:
 *
 *   toConfig(layer)     the constructor's arguments as plain JSON, e.g. { inFeatures: 784, outFeatures: 128, name: "dense1" }
 *   fromConfig(config)  a new layer built from them (its weights are overwritten by load)
 *   weights(layer)      every tensor the layer needs back, by short name. Optional: the
 *                       default is params() named by the part after the last "."
 *                       ("dense1.kernel" → "kernel"). A layer with state that is not a
 *                       trained parameter lists it here too, e.g. BatchNorm's runningMean
 *                       and runningVar, so save keeps it and summary counts it as
 *                       non-trainable.
 *
 * A layer's type is its class name, as in Keras's "class_name": a Dense is "Dense".
 */
export interface LayerType<L extends Layer = Layer> {
  toConfig(layer: L): Record<string, unknown>;
  fromConfig(config: Record<string, unknown>): L;
  weights?(layer: L): Record<string, Tensor>;
}

const registry = new Map<string, LayerType>();

/**
 * Teaches save and load a kind of layer. `type` must be the layer's class name, because
 * that is how save recognises it: registerLayerType("Dense", { toConfig, fromConfig }).
 * Registering a type again replaces the earlier entry.
 */
export function registerLayerType<L extends Layer>(type: string, layerType: LayerType<L>): void {
  if (typeof type !== "string" || type === "") {
    throw new Error(`registerLayerType: type must be a layer's class name such as "Dense"; received ${JSON.stringify(type)}`);
  }
  if (typeof layerType?.toConfig !== "function" || typeof layerType.fromConfig !== "function") {
    throw new Error(`registerLayerType: "${type}" needs { toConfig(layer), fromConfig(config) } functions`);
  }
  registry.set(type, layerType as unknown as LayerType);
}

/** The registered entry for this type name, or undefined. */
export function findLayerType(type: string): LayerType | undefined {
  return registry.get(type);
}

/** Every registered type name, for messages ("known types: Dense, ReLU, …"). */
export function registeredLayerTypes(): string[] {
  return [...registry.keys()];
}

/** A layer's type name: its class name ("Dense", "ReLU", "BatchNorm"). */
export function layerTypeName(layer: Layer): string {
  return layer.constructor.name;
}

/**
 * Every tensor a layer needs to be restored, by short name: the registry's weights(layer)
 * if its type has one, otherwise its params() as "kernel", "bias", …
 */
export function layerWeights(layer: Layer): Record<string, Tensor> {
  const layerType = registry.get(layerTypeName(layer));
  if (layerType?.weights !== undefined) return layerType.weights(layer);
  const weights: Record<string, Tensor> = {};
  for (const param of layer.params()) weights[param.name.slice(param.name.lastIndexOf(".") + 1)] = param.value;
  return weights;
}

// ── The layers of packages/backprop ────────────────────────────────────────────────────

registerLayerType<Dense>("Dense", {
  toConfig: (layer) => ({ inFeatures: layer.inFeatures, outFeatures: layer.outFeatures, name: layer.name }),
  fromConfig: (config) =>
    // zeros, not random: load overwrites every weight, so drawing them would be wasted work.
    new Dense(config.inFeatures as number, config.outFeatures as number, {
      rng: rng(0),
      init: initializers.zeros,
      name: config.name as string,
    }),
});

// The ready-made activation layers take no arguments.
for (const LayerClass of [ReLU, Sigmoid, Tanh, Softmax]) {
  registerLayerType(LayerClass.name, { toConfig: () => ({}), fromConfig: () => new LayerClass() });
}

// Any other activation is saved by its name: "gelu", "leakyRelu(0.2)", "elu(1)".
registerLayerType<ActivationLayer>("ActivationLayer", {
  toConfig: (layer) => ({ activation: layer.activation.name }),
  fromConfig: (config) => new ActivationLayer(activationNamed(String(config.activation))),
});

/** The activation with this name; the two factories are rebuilt from their α. */
function activationNamed(name: string): Activation {
  const factory = /^(leakyRelu|elu)\((.+)\)$/.exec(name);
  if (factory !== null) return factory[1] === "elu" ? elu(Number(factory[2])) : leakyRelu(Number(factory[2]));
  return getActivation(name);
}
