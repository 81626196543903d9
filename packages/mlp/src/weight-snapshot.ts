import type { Layer } from "@gradschool/backprop";
import { layerWeights } from "./layer-registry.ts";

/**
 * A copy of every weight of a model, to put back later: what early stopping keeps for its
 * best epoch. "Every weight" means each layer's layerWeights, so it includes state that
 * is not trained by gradients (BatchNorm's running statistics), which belongs to the
 * weights of that epoch just as much.
 */
export function snapshotWeights(model: { layers: readonly Layer[] }): Float64Array[] {
  return model.layers.flatMap((layer) => Object.values(layerWeights(layer)).map((weight) => weight.data.slice()));
}

/** Copies a snapshot back into the model's weights, in place (the optimizer keeps its Params). */
export function restoreWeights(model: { layers: readonly Layer[] }, snapshot: readonly Float64Array[]): void {
  const weights = model.layers.flatMap((layer) => Object.values(layerWeights(layer)));
  if (weights.length !== snapshot.length) {
    throw new Error(`restoreWeights: the snapshot holds ${snapshot.length} tensors but the model has ${weights.length}; expected a snapshot of this model`);
  }
  weights.forEach((weight, index) => weight.data.set(snapshot[index]));
}
