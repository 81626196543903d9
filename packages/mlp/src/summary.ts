import type { Layer } from "@gradschool/backprop";
import { table } from "@gradschool/viz";
import { layerTypeName, layerWeights } from "./layer-registry.ts";

/**
 * The model as Keras's model.summary() prints it: one row per layer with its output shape
 * and parameter count, then the totals.
 *
 *   Model: "sequential"
 *   Layer (type)       Output Shape  Param #
 *   ─────────────────────────────────────────
 *   dense1 (Dense)     (None, 128)   100,480
 *   relu (ReLU)        (None, 128)         0
 *   dense2 (Dense)     (None, 10)      1,290
 *   softmax (Softmax)  (None, 10)          0
 *   ─────────────────────────────────────────
 *   Total params: 101,770 (795.08 KB)
 *   Trainable params: 101,770 (795.08 KB)
 *   Non-trainable params: 0 (0.00 B)
 *
 * None is the batch size, which any call may choose. A Dense(in → out) has in·out weights
 * and out biases: 784·128 + 128 = 100,480. Activations get their own rows with 0
 * parameters, because here they are layers of their own (Keras folds them into the
 * Dense as activation="relu"; the count is the same). Trainable parameters are the ones
 * gradient descent changes; non-trainable ones are state saved with the model but set
 * another way, like BatchNorm's running mean and variance. Sizes are float64, 8 bytes a
 * number: twice what Keras's float32 reports.
 */
export function summarize(name: string, layers: readonly Layer[], inputShape: readonly number[]): string {
  let shape: readonly number[] = [1, ...inputShape];
  let trainable = 0;
  let total = 0;
  const rows = layers.map((layer) => {
    shape = layer.outputShape(shape);
    const trainableHere = layer.params().reduce((count, param) => count + param.value.size, 0);
    const weightsHere = Object.values(layerWeights(layer)).reduce((count, weight) => count + weight.size, 0);
    trainable += trainableHere;
    total += Math.max(weightsHere, trainableHere);
    return [`${layer.name} (${layerTypeName(layer)})`, `(None, ${shape.slice(1).join(", ")})`, thousands(Math.max(weightsHere, trainableHere))];
  });
  const body = table(rows, { header: ["Layer (type)", "Output Shape", "Param #"], align: ["left", "left", "right"] });
  const rule = body.split("\n")[1];
  return [
    `Model: "${name}"`,
    body,
    rule,
    `Total params: ${withBytes(total)}`,
    `Trainable params: ${withBytes(trainable)}`,
    `Non-trainable params: ${withBytes(total - trainable)}`,
  ].join("\n");
}

/** 101770 → "101,770" */
function thousands(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "101,770 (795.08 KB)": the count and its size as float64, in Keras's units (1 KB = 1024 B). */
function withBytes(count: number): string {
  const units = ["B", "KB", "MB", "GB"];
  let size = count * Float64Array.BYTES_PER_ELEMENT;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${thousands(count)} (${size.toFixed(2)} ${units[unit]})`;
}
