/**
 * What each hidden layer of a ReLU network does with one batch, before any training:
 *
 *   mean, std     of the layer's outputs h = relu(x·W + b), over every unit and image
 *   zero          the share of outputs that are exactly 0 (ReLU cut them off)
 *   dead units    units that are 0 for every image of the batch: no signal forward, no gradient back
 *   ‖∂L/∂W‖       the size of the gradient of the layer's kernel, from one backward pass
 *
 * The forward and backward passes are run a layer at a time, as backprop's Sequential
 * runs them, so each layer's output can be looked at on the way.
 */
import { Dense, ReLU } from "@gradschool/backprop";
import { softmaxCrossEntropy } from "@gradschool/losses";
import type { Sequential } from "@gradschool/mlp";
import type { Tensor } from "@gradschool/tensor";
import { table } from "@gradschool/viz";

export interface LayerStatistics {
  /** The Dense layer feeding this ReLU, e.g. "dense3". */
  layer: string;
  mean: number;
  std: number;
  zeroFraction: number;
  deadUnits: number;
  units: number;
  /** √(Σ (∂L/∂W)²) of the Dense layer's kernel, for the softmax cross-entropy of the batch. */
  kernelGradNorm: number;
}

export function layerStatistics(model: Sequential, x: Tensor, labels: Int32Array): LayerStatistics[] {
  const statistics: LayerStatistics[] = [];
  let out = x;
  let lastDense: Dense | undefined;
  for (const layer of model.layers) {
    out = layer.forward(out, { training: false });
    if (layer instanceof Dense) lastDense = layer;
    if (layer instanceof ReLU && lastDense !== undefined) {
      statistics.push({ layer: lastDense.name, ...describe(out), kernelGradNorm: NaN });
    }
  }

  for (const param of model.params()) param.grad.data.fill(0);
  let grad = softmaxCrossEntropy.backward(out, labels);
  for (const layer of [...model.layers].reverse()) grad = layer.backward(grad);
  for (const row of statistics) {
    const dense = model.layers.find((layer): layer is Dense => layer instanceof Dense && layer.name === row.layer)!;
    row.kernelGradNorm = Math.sqrt(dense.kernel.grad.data.reduce((sum, g) => sum + g * g, 0));
  }
  return statistics;
}

/** Mean, population std, share of zeros and all-zero units of a [batch, units] activation. */
function describe(h: Tensor): Omit<LayerStatistics, "layer" | "kernelGradNorm"> {
  const [rows, units] = h.shape;
  let total = 0;
  let squares = 0;
  let zeros = 0;
  const unitActive = new Uint8Array(units);
  for (let i = 0; i < h.data.length; i++) {
    const value = h.data[i];
    total += value;
    squares += value * value;
    if (value === 0) zeros++;
    else unitActive[i % units] = 1;
  }
  const count = rows * units;
  const mean = total / count;
  return {
    mean,
    std: Math.sqrt(Math.max(0, squares / count - mean * mean)),
    zeroFraction: zeros / count,
    deadUnits: units - unitActive.reduce((sum, active) => sum + active, 0),
    units,
  };
}

/** The statistics as the lesson prints them: one row per hidden layer. */
export function statisticsTable(statistics: readonly LayerStatistics[]): string {
  return table(
    statistics.map((row) => [
      row.layer,
      row.mean.toFixed(4),
      row.std.toFixed(4),
      `${(100 * row.zeroFraction).toFixed(1)}%`,
      `${row.deadUnits}/${row.units}`,
      row.kernelGradNorm.toExponential(2),
    ]),
    { header: ["layer", "mean", "std", "zero", "dead units", "‖∂L/∂W‖"], align: ["left", "right", "right", "right", "right", "right"] },
  );
}
