import { type Tensor, formatShape } from "@gradschool/tensor";
import { ActivationLayer, Sequential, Softmax } from "@gradschool/backprop";
import { predictRows } from "./inference.ts";

/**
 * What "the score of a class" means for a classifier, whatever its last layer.
 *
 *   logit of class c         z_c
 *   probability of class c   p_c = softmax(z)_c = e^(z_c) / Σⱼ e^(z_j)
 *
 * The course's models end on the logits z (lesson 06: the softmax lives in the loss). A
 * model that ends with a Softmax layer outputs p instead, and its logits are the output of
 * the layer before. logitModel is the part of the model that outputs z either way, so no
 * method here ever applies softmax twice.
 */
export function logitModel(model: Sequential): Sequential {
  if (!endsWithSoftmax(model)) return model;
  if (model.layers.length === 1) {
    throw new Error("logitModel: the model is a lone Softmax layer; expected layers that compute logits before it");
  }
  return new Sequential([...model.layers.slice(0, -1)]); // the same layer objects, without the final softmax
}

/** True when the model's last layer is a softmax, so that its output is already probabilities. */
export function endsWithSoftmax(model: Sequential): boolean {
  const last = model.layers.at(-1);
  return last instanceof Softmax || (last instanceof ActivationLayer && last.activation.name === "softmax");
}

/** p = softmax(z) for every row of x, in inference mode: [rows, classes]. */
export function classProbabilities(caller: string, model: Sequential, x: Tensor): Tensor {
  const logits = predictRows(caller, logitModel(model), x);
  if (logits.rank !== 2) {
    throw new Error(`${caller}: the model outputs ${formatShape(logits.shape)}; expected [batch, classes] scores`);
  }
  return new Softmax().forward(logits);
}

/**
 * One class per row of a batch, checked: `classIndex` (the same class for every row) or
 * `classIndices` (one per row), each an integer in 0 … classes − 1.
 */
export function classPerRow(caller: string, classIndex: number | ArrayLike<number>, rows: number, classes: number): Int32Array {
  const perRow = typeof classIndex === "number" ? new Array<number>(rows).fill(classIndex) : Array.from(classIndex ?? []);
  if (typeof classIndex !== "number" && perRow.length !== rows) {
    throw new Error(`${caller}: received ${perRow.length} class indices for a batch of ${rows}; expected one class index per row`);
  }
  perRow.forEach((index, row) => {
    if (!Number.isInteger(index) || index < 0 || index >= classes) {
      const where = typeof classIndex === "number" ? "classIndex" : `classIndices[${row}]`;
      throw new Error(`${caller}: ${where} is ${index}; expected an integer class in 0 … ${classes - 1} (the model outputs ${classes} classes)`);
    }
  });
  return Int32Array.from(perRow);
}
